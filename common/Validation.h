// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QString>
#include <QUuid>

namespace influence::common::validation {

/// A UUID in its canonical 36-character text form (either case); anything else is rejected,
/// including braces, so one resource has one URL.
Result<QUuid> parseUuid(const QString &text, const QString &parameter = QStringLiteral("id"));

/// The canonical lower-case text of a UUID, without braces.
QString uuidText(const QUuid &id);

/// A plausible e-mail address (RFC 5321 length limits, one '@', a dotted domain, no spaces or
/// control characters). Deliverability is proven by verification mail, not by syntax.
bool isEmailAddress(const QString &text);

/// ISO 3166-1 alpha-2 country code in upper case ("DE").
bool isCountryCode(const QString &text);
/// ISO 639-1 language code in lower case ("de").
bool isLanguageCode(const QString &text);

/// Collects field errors while validating one input; `result()` is an error when any was added.
class FieldErrors
{
public:
    void add(const QString &field, const QString &code, const QString &message);
    bool isEmpty() const { return m_errors.isEmpty(); }
    const QList<FieldError> &errors() const { return m_errors; }
    /// Checks `text` has between min and max characters (UTF-16 code points counted as
    /// characters, which is what users see for all but rare scripts).
    void checkLength(const QString &field, const QString &text, int min, int max);

private:
    QList<FieldError> m_errors;
};

} // namespace influence::common::validation

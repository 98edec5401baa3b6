// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Error.h"

#include <QList>
#include <QString>

namespace influence::common {

/// Password rules (OWASP ASVS 5 V6.2): 8 to 128 characters counted as Unicode code points, any
/// characters, never trimmed or otherwise altered, and not one of the common passwords shipped in
/// resources/security/common-passwords.txt (compared case-insensitively). The server and the
/// desktop app both check with this function.
QList<FieldError> passwordProblems(
        const QString &password, const QString &field = QStringLiteral("password"));

/// Whether `password` is on the common-password list (case-insensitive).
bool isCommonPassword(const QString &password);

inline constexpr int kPasswordMinLength = 8;
inline constexpr int kPasswordMaxLength = 128;

} // namespace influence::common

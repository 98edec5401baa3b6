// SPDX-License-Identifier: Apache-2.0
#include "AuthTypes.h"

#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

const QSet<QString> &commonPasswords()
{
    // Loaded once (thread-safe static initialisation), about 12 000 entries.
    static const QSet<QString> passwords = [] {
        QSet<QString> set;
        QFile file(u":/security/common-passwords.txt"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("the common-password list is missing from the resources");
        }
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).chopped(1);
            if (!line.isEmpty() && !line.startsWith(u'#')) {
                set.insert(line);
            }
        }
        return set;
    }();
    return passwords;
}

} // namespace

bool isCommonPassword(const QString &password)
{
    return commonPasswords().contains(password.toLower());
}

QList<FieldError> passwordProblems(const QString &password, const QString &field)
{
    const auto length = password.toUcs4().size();
    if (length < kPasswordMinLength) {
        return {{field, u"too_short"_s,
                u"Must have at least %1 characters."_s.arg(kPasswordMinLength)}};
    }
    if (length > kPasswordMaxLength) {
        return {{field, u"too_long"_s,
                u"Must have at most %1 characters."_s.arg(kPasswordMaxLength)}};
    }
    if (isCommonPassword(password)) {
        return {{field, u"too_common"_s,
                u"Is one of the most common passwords; choose one that is harder to guess."_s}};
    }
    return {};
}

} // namespace influence::common

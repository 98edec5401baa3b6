// SPDX-License-Identifier: Apache-2.0
#include "UserRows.h"

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace influence::server::db {

QString userAccountColumns()
{
    return u"u.id, u.email, u.email_verified_at IS NOT NULL, u.role, u.status, u.display_name, "
           "u.created_at"_s;
}

common::UserAccount readAccount(const QSqlQuery &row, int first)
{
    common::UserAccount account;
    account.id = QUuid::fromString(row.value(first).toString());
    account.email = row.value(first + 1).toString();
    account.emailVerified = row.value(first + 2).toBool();
    account.role = common::userRoleFromString(row.value(first + 3).toString())
                           .value_or(common::UserRole::Influencer);
    account.status = common::userStatusFromString(row.value(first + 4).toString())
                             .value_or(common::UserStatus::Disabled);
    account.displayName = row.value(first + 5).toString();
    account.createdAt = row.value(first + 6).toDateTime().toUTC();
    return account;
}

} // namespace influence::server::db

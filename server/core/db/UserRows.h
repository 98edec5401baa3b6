// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AuthApi.h"

#include <QString>

class QSqlQuery;

namespace influence::server::db {

/// The columns of a `users` row (aliased `u`) that make a common::UserAccount, in the order
/// readAccount() reads them. Every query that answers accounts selects these, so that the
/// authenticator's session check and the auth domain read users alike.
QString userAccountColumns();
/// How many columns userAccountColumns() selects.
constexpr int kUserAccountColumnCount = 7;

/// The account in the row's columns `first` … `first + kUserAccountColumnCount - 1`.
common::UserAccount readAccount(const QSqlQuery &row, int first);

} // namespace influence::server::db

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AuthApi.h"

#include <QUuid>

namespace influence::server::http {

/// The signed-in user a request acts for, after the session was checked in the database.
struct Principal
{
    QUuid sessionId;
    common::UserAccount account;

    QUuid userId() const { return account.id; }
    common::UserRole role() const { return account.role; }
    bool isAdmin() const { return account.role == common::UserRole::Admin; }
};

} // namespace influence::server::http

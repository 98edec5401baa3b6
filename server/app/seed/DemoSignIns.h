// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

namespace influence::server::auth {
class PasswordHasher;
}

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

/// One account of the demo data one can sign in with.
struct DemoSignIn
{
    QString email;
    QString role; ///< admin, brand or influencer
    QString password; ///< fresh at every call, never stored in clear
};

/// For `serve --demo`: gives three accounts of the demo data new random passwords, so that
/// one can sign in and see the demo at work: the administrator, the owner of the first brand
/// (whose campaigns hold deals at every point of the workflow, see seedCollaboration) and the
/// creator of that brand's deal in progress. Only accounts at example.com (RFC 2606; every demo
/// address is there) are touched, so a real account never is; missing ones are left out. The
/// passwords change in one transaction, and, as after a password reset, their accounts'
/// earlier sessions end.
common::Result<QList<DemoSignIn>> issueDemoSignIns(
        db::Connection &connection, const auth::PasswordHasher &hasher);

} // namespace influence::server::seed

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Domain.h"

#include <QString>

#include <optional>

namespace influence::server {

struct Config;

/// `influence-server user create`: makes an account from the command line (the first
/// administrator, typically), with the same address and password rules as the API.
struct UserCreateOptions
{
    QString email;
    common::UserRole role = common::UserRole::Admin;
    QString displayName;
    /// The password; empty: read it from standard input (a terminal gets a prompt without echo).
    std::optional<QString> password;
};

/// Exit code: 0 created, 1 failure (database, address taken), 2 invalid input.
int createUser(const Config &config, UserCreateOptions options);

} // namespace influence::server

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Domain.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

class QUrlQuery;

namespace influence::server::auth {

struct RegisterCommand
{
    QString email;
    QString password;
    common::UserRole role = common::UserRole::Influencer;
    QString displayName;
};

struct LoginCommand
{
    QString email;
    QString password;
};

struct ChangePasswordCommand
{
    QString currentPassword;
    QString newPassword;
};

struct ResetPasswordCommand
{
    QString token;
    QString newPassword;
};

struct AdminUserUpdate
{
    std::optional<common::UserRole> role;
    std::optional<common::UserStatus> status;
};

/// GET /api/v1/users: an administrator's search of the user directory.
struct UserListQuery
{
    QString text; ///< found case-insensitively within e-mail addresses and display names
    std::optional<common::UserRole> role;
    std::optional<common::UserStatus> status;
    int limit = 25;
    /// Where the previous page ended: its creation time (UTC, microseconds, as PostgreSQL wrote
    /// it) and id; pages run newest first.
    std::optional<std::pair<QString, QUuid>> after;
};

/// Pure checks of request bodies: each returns the command or a 422 with every offending field.
/// Only the listed fields are read; anything else in the body (role: admin on sign-up, status,
/// passwordHash, emailVerified…) has no effect.
namespace validate {
common::Result<RegisterCommand> registration(const QJsonObject &body);
common::Result<LoginCommand> login(const QJsonObject &body);
common::Result<QString> refreshToken(const QJsonObject &body);
common::Result<ChangePasswordCommand> changePassword(const QJsonObject &body);
common::Result<QString> email(const QJsonObject &body);
common::Result<ResetPasswordCommand> resetPassword(const QJsonObject &body);
common::Result<QString> emailToken(const QJsonObject &body);
common::Result<AdminUserUpdate> adminUserUpdate(const QJsonObject &body);
/// The query of GET /api/v1/users (400 invalid_parameter naming the parameter).
common::Result<UserListQuery> userListQuery(const QUrlQuery &query);
} // namespace validate

} // namespace influence::server::auth

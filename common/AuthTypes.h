// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Domain.h"
#include "Error.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>
#include <utility>

class QUrlQuery;

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

/// POST /api/v1/auth/register.
struct RegisterCommand
{
    QString email;
    QString password;
    UserRole role = UserRole::Influencer;
    QString displayName;
};

/// POST /api/v1/auth/login.
struct LoginCommand
{
    QString email;
    QString password;
};

/// POST /api/v1/me/password.
struct ChangePasswordCommand
{
    QString currentPassword;
    QString newPassword;
};

/// POST /api/v1/auth/password/reset.
struct ResetPasswordCommand
{
    QString token;
    QString newPassword;
};

/// PATCH /api/v1/users/{id}: what an administrator changes (at least one of the two).
struct AdminUserUpdate
{
    std::optional<UserRole> role;
    std::optional<UserStatus> status;
};

/// GET /api/v1/users: an administrator's search of the user directory.
struct UserListQuery
{
    QString text; ///< found case-insensitively within e-mail addresses and display names
    std::optional<UserRole> role;
    std::optional<UserStatus> status;
    int limit = 25;
    /// Where the previous page ended: its creation time (UTC, microseconds, as PostgreSQL wrote
    /// it) and id; pages run newest first.
    std::optional<std::pair<QString, QUuid>> after;
};

/// POST /api/v1/auth/oidc/token: a native app's one-time code and its PKCE verifier.
struct NativeExchange
{
    QString code;
    QString codeVerifier;
};

/// Pure checks of request bodies: each returns the command or a 422 with every offending field.
/// Only the listed fields are read; anything else in a body (role: admin on sign-up, status,
/// passwordHash, emailVerified…) has no effect.
namespace auth {

/// The address, a new password, and optionally role (brand or influencer, never admin) and
/// displayName (at most 100 characters).
Result<RegisterCommand> validateRegistration(const QJsonObject &body);
/// An address and a password as typed (only bounded, so that checking it stays cheap).
Result<LoginCommand> validateLogin(const QJsonObject &body);
/// {refreshToken} of refresh and logout.
Result<QString> validateRefreshToken(const QJsonObject &body);
/// The current password and a new one that follows the rules and differs from it.
Result<ChangePasswordCommand> validatePasswordChange(const QJsonObject &body);
/// {email} of a forgotten password.
Result<QString> validateEmail(const QJsonObject &body);
/// The reset link's token and a new password.
Result<ResetPasswordCommand> validatePasswordReset(const QJsonObject &body);
/// {token} of an e-mail confirmation link.
Result<QString> validateEmailToken(const QJsonObject &body);
/// role and/or status.
Result<AdminUserUpdate> validateUserUpdate(const QJsonObject &body);
/// The query of GET /api/v1/users: q, role, status, limit (1–100) and cursor; a malformed one
/// is 400 invalid_parameter naming the parameter.
Result<UserListQuery> validateUserListQuery(const QUrlQuery &query);
/// `code` (1 to 256 characters) and `codeVerifier` (43 to 128 characters of RFC 7636 §4.1's
/// unreserved set).
Result<NativeExchange> validateNativeExchange(const QJsonObject &body);

} // namespace auth

} // namespace influence::common

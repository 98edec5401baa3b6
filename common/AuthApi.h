// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Domain.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUuid>

namespace influence::common {

/// A user account as its owner (GET /me) and admins see it. Never carries credentials.
struct UserAccount
{
    QUuid id;
    QString email;
    bool emailVerified = false;
    UserRole role = UserRole::Influencer;
    UserStatus status = UserStatus::Active;
    QString displayName;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static Result<UserAccount> fromJson(const QJsonObject &json);
};

/// What sign-in, sign-up and refresh answer.
struct AuthTokens
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0; ///< seconds until the access token expires
    UserAccount user;

    QJsonObject toJson() const;
    static Result<AuthTokens> fromJson(const QJsonObject &json);
};

/// An OpenID Connect provider one can sign in with (GET /api/v1/auth/oidc/providers).
struct OidcProvider
{
    QString name;
    QString displayName;
    QUrl startUrl; ///< /api/v1/auth/oidc/{name}/start on the server

    /// The `providers` of the list; an entry without a name or an http(s) start URL is invalid.
    static Result<QList<OidcProvider>> listFromJson(const QJsonObject &json);
};

} // namespace influence::common

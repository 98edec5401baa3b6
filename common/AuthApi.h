// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Domain.h"
#include "JsonReply.h"
#include "Result.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUuid>

namespace influence::common {

class ApiClient;

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

/// The sign-in calls. None of them carries the access token: a 401 to them is an answer (wrong
/// password, spent refresh token), not the expiry ApiClient::unauthorized() reports. Holds no
/// state but the client; copy it freely.
class AuthApi
{
public:
    explicit AuthApi(ApiClient *client)
        : m_client(client)
    { }

    /// POST /api/v1/auth/login. Does not change the access token; the session does.
    QFuture<Result<AuthTokens>> login(const QString &email, const QString &password) const;
    /// POST /api/v1/auth/refresh: the next tokens of a session (the old refresh token is spent).
    QFuture<Result<AuthTokens>> refresh(const QString &refreshToken) const;
    /// GET /api/v1/auth/oidc/providers: the OpenID Connect providers the server offers.
    QFuture<Result<QList<OidcProvider>>> oidcProviders() const;
    /// POST /api/v1/auth/oidc/token: a native app's one-time sign-in code and its PKCE
    /// verifier for the session's tokens (RFC 8252 with RFC 7636).
    QFuture<Result<AuthTokens>> exchangeOidcCode(
            const QString &code, const QString &verifier) const;
    /// POST /api/v1/auth/logout: ends the session the refresh token belongs to.
    QFuture<Result<JsonReply>> logout(const QString &refreshToken) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

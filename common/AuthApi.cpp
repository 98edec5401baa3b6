// SPDX-License-Identifier: Apache-2.0
#include "AuthApi.h"

#include "ApiClient.h"
#include "Validation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, u"The server's answer lacks "_s + what + u'.');
}

} // namespace

QJsonObject UserAccount::toJson() const
{
    return {
            {u"id"_s, validation::uuidText(id)},
            {u"email"_s, email},
            {u"emailVerified"_s, emailVerified},
            {u"role"_s, wireName(role)},
            {u"status"_s, wireName(status)},
            {u"displayName"_s, displayName},
            {u"createdAt"_s, createdAt.toUTC().toString(Qt::ISODateWithMs)},
    };
}

Result<UserAccount> UserAccount::fromJson(const QJsonObject &json)
{
    UserAccount account;
    const auto id = validation::parseUuid(json.value(u"id"_s).toString());
    const auto role = userRoleFromString(json.value(u"role"_s).toString());
    const auto status = userStatusFromString(json.value(u"status"_s).toString());
    if (!id || !role || !status) {
        return invalid(u"a user"_s);
    }
    account.id = *id;
    account.role = *role;
    account.status = *status;
    account.email = json.value(u"email"_s).toString();
    account.emailVerified = json.value(u"emailVerified"_s).toBool();
    account.displayName = json.value(u"displayName"_s).toString();
    account.createdAt =
            QDateTime::fromString(json.value(u"createdAt"_s).toString(), Qt::ISODateWithMs);
    return account;
}

QJsonObject AuthTokens::toJson() const
{
    return {
            {u"accessToken"_s, accessToken},
            {u"refreshToken"_s, refreshToken},
            {u"tokenType"_s, u"Bearer"_s},
            {u"expiresIn"_s, expiresIn},
            {u"user"_s, user.toJson()},
    };
}

Result<AuthTokens> AuthTokens::fromJson(const QJsonObject &json)
{
    AuthTokens tokens;
    tokens.accessToken = json.value(u"accessToken"_s).toString();
    tokens.refreshToken = json.value(u"refreshToken"_s).toString();
    tokens.expiresIn = json.value(u"expiresIn"_s).toInt();
    auto user = UserAccount::fromJson(json.value(u"user"_s).toObject());
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty() || !user) {
        return invalid(u"tokens"_s);
    }
    tokens.user = *user;
    return tokens;
}

Result<QList<OidcProvider>> OidcProvider::listFromJson(const QJsonObject &json)
{
    QList<OidcProvider> providers;
    for (const QJsonValue value : json.value(u"providers"_s).toArray()) {
        const QJsonObject object = value.toObject();
        OidcProvider provider;
        provider.name = object.value(u"name"_s).toString();
        provider.displayName = object.value(u"displayName"_s).toString(provider.name);
        provider.startUrl = QUrl(object.value(u"startUrl"_s).toString(), QUrl::StrictMode);
        const QString scheme = provider.startUrl.scheme();
        if (provider.name.isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)) {
            return invalid(u"a sign-in provider's name or start address"_s);
        }
        providers.append(provider);
    }
    return providers;
}

QFuture<Result<AuthTokens>> AuthApi::login(const QString &email, const QString &password) const
{
    const QJsonObject body{{u"email"_s, email}, {u"password"_s, password}};
    return readObject<AuthTokens>(m_client->send(ApiClient::Method::Post, u"/api/v1/auth/login"_s,
                                          {}, QJsonDocument(body), ApiClient::Credentials::None),
            AuthTokens::fromJson);
}

QFuture<Result<AuthTokens>> AuthApi::refresh(const QString &refreshToken) const
{
    const QJsonObject body{{u"refreshToken"_s, refreshToken}};
    return readObject<AuthTokens>(m_client->send(ApiClient::Method::Post, u"/api/v1/auth/refresh"_s,
                                          {}, QJsonDocument(body), ApiClient::Credentials::None),
            AuthTokens::fromJson);
}

QFuture<Result<QList<OidcProvider>>> AuthApi::oidcProviders() const
{
    return readObject<QList<OidcProvider>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/auth/oidc/providers"_s, {}, {},
                    ApiClient::Credentials::None),
            OidcProvider::listFromJson);
}

QFuture<Result<AuthTokens>> AuthApi::exchangeOidcCode(
        const QString &code, const QString &verifier) const
{
    const QJsonObject body{{u"code"_s, code}, {u"codeVerifier"_s, verifier}};
    return readObject<AuthTokens>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/auth/oidc/token"_s, {},
                    QJsonDocument(body), ApiClient::Credentials::None),
            AuthTokens::fromJson);
}

QFuture<Result<JsonReply>> AuthApi::logout(const QString &refreshToken) const
{
    const QJsonObject body{{u"refreshToken"_s, refreshToken}};
    return m_client->send(ApiClient::Method::Post, u"/api/v1/auth/logout"_s, {},
            QJsonDocument(body), ApiClient::Credentials::None);
}

} // namespace influence::common

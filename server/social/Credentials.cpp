// SPDX-License-Identifier: Apache-2.0
#include "Credentials.h"

#include "core/db/Connection.h"

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::social {

namespace {

const SqlStatement kSaveCredentials(
        u"INSERT INTO social_credentials (account_id, key_id, access_token, refresh_token, "
        "  expires_at, refresh_due_at, refresh_expires_at, scopes) "
        "VALUES (:id, :key, :access, :refresh, "
        "  now() + make_interval(secs => NULLIF(:expires, 0)), "
        "  now() + make_interval(secs => NULLIF(:dueAfter, 0)), "
        "  now() + make_interval(secs => NULLIF(:refreshExpires, 0)), "
        "  coalesce(:scopes, '')) "
        "ON CONFLICT (account_id) DO UPDATE SET key_id = EXCLUDED.key_id, "
        "  access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token, "
        "  expires_at = EXCLUDED.expires_at, refresh_due_at = EXCLUDED.refresh_due_at, "
        "  refresh_expires_at = EXCLUDED.refresh_expires_at, "
        "  scopes = EXCLUDED.scopes, claimed_until = NULL"_s);

} // namespace

QByteArray associatedData(const QUuid &accountId, QByteArrayView field)
{
    return "influence/social/" + accountId.toString(QUuid::WithoutBraces).toLatin1() + '/'
            + field.toByteArray();
}

Result<TokenSet> openCredentials(const crypto::TokenCipher &cipher, const SealedCredentials &sealed)
{
    auto access = cipher.open(
            {sealed.keyId, sealed.accessToken}, associatedData(sealed.accountId, "access"));
    if (!access) {
        return access.error();
    }
    TokenSet tokens;
    tokens.accessToken = QString::fromUtf8(*access);
    if (!sealed.refreshToken.isEmpty()) {
        auto refresh = cipher.open(
                {sealed.keyId, sealed.refreshToken}, associatedData(sealed.accountId, "refresh"));
        if (!refresh) {
            return refresh.error();
        }
        tokens.refreshToken = QString::fromUtf8(*refresh);
    }
    if (sealed.refreshExpiresAt) {
        tokens.refreshExpiresIn =
                qMax(qint64{0}, QDateTime::currentDateTimeUtc().secsTo(*sealed.refreshExpiresAt));
    }
    tokens.scopes = sealed.scopes;
    return tokens;
}

Result<void> saveCredentials(Connection &c, const QUuid &accountId,
        const crypto::TokenCipher &cipher, const TokenSet &tokens)
{
    const auto access =
            cipher.seal(tokens.accessToken.toUtf8(), associatedData(accountId, "access"));
    QVariant refresh(QMetaType::fromType<QByteArray>());
    if (!tokens.refreshToken.isEmpty()) {
        refresh = cipher.seal(tokens.refreshToken.toUtf8(), associatedData(accountId, "refresh"))
                          .blob;
    }
    auto saved = c.run(kSaveCredentials,
            {{u":id"_s, accountId}, {u":key"_s, access.keyId}, {u":access"_s, access.blob},
                    {u":refresh"_s, refresh}, {u":expires"_s, tokens.expiresIn},
                    // Renewed at four fifths of the lifetime
                    // (0006_discovery_directory_refresh.sql).
                    {u":dueAfter"_s, tokens.expiresIn * 4 / 5},
                    {u":refreshExpires"_s, tokens.refreshExpiresIn},
                    {u":scopes"_s, tokens.scopes.left(1000)}});
    if (!saved) {
        return saved.error();
    }
    return {};
}

} // namespace influence::server::social

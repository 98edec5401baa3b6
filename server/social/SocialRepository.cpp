// SPDX-License-Identifier: Apache-2.0
#include "SocialRepository.h"

#include "core/db/Connection.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::social {

namespace {

const SqlStatement kClearStates(u"DELETE FROM social_oauth_states WHERE expires_at < now()"_s);
const SqlStatement kInsertState(
        u"INSERT INTO social_oauth_states (state_hash, user_id, platform, code_verifier, "
        "expires_at) VALUES (:hash, :user, :platform, :verifier, "
        "now() + make_interval(secs => :lifetime))"_s);
const SqlStatement kConsumeState(
        u"DELETE FROM social_oauth_states WHERE state_hash = :hash "
        "RETURNING user_id, platform, code_verifier, expires_at < now()"_s);
const SqlStatement kHasProfile(u"SELECT 1 FROM influencer_details WHERE user_id = :user"_s);

const SqlStatement kFindExternal(
        u"SELECT id, influencer_id FROM connected_accounts "
        "WHERE platform = :platform AND external_id = :external FOR UPDATE"_s);
const SqlStatement kUpdateConnected(
        u"UPDATE connected_accounts SET external_id = :external, handle = :handle, "
        "  profile_url = coalesce(NULLIF(:url, ''), profile_url), followers = :followers, "
        "  status = 'connected', last_synced_at = now() "
        "WHERE id = :id"_s);
// A handle the creator added by hand becomes the connected account.
const SqlStatement kClaimManual(
        u"UPDATE connected_accounts SET external_id = :external, handle = :handle, "
        "  profile_url = coalesce(NULLIF(:url, ''), profile_url), followers = :followers, "
        "  status = 'connected', last_synced_at = now() "
        "WHERE influencer_id = :owner AND platform = :platform AND lower(handle) = "
        "lower(:sameHandle) "
        "  AND external_id IS NULL RETURNING id"_s);
const SqlStatement kInsertConnected(
        u"INSERT INTO connected_accounts (influencer_id, platform, handle, external_id, "
        "  profile_url, followers, status, last_synced_at) "
        "VALUES (:owner, :platform, :handle, :external, NULLIF(:url, ''), :followers, "
        "  'connected', now()) RETURNING id"_s);

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

const SqlStatement kStoreSnapshot(
        u"INSERT INTO account_metrics (account_id, day, followers, following, posts, views) "
        "VALUES (:id, (now() AT TIME ZONE 'UTC')::date, :followers, :following, :posts, :views) "
        "ON CONFLICT (account_id, day) DO UPDATE SET followers = EXCLUDED.followers, "
        "  following = EXCLUDED.following, posts = EXCLUDED.posts, views = EXCLUDED.views, "
        "  captured_at = now()"_s);
const SqlStatement kSynced(
        u"UPDATE connected_accounts SET followers = :followers, last_synced_at = now() "
        "WHERE id = :id"_s);
const SqlStatement kAccountJson(
        u"SELECT api_account_json(a, true)::text FROM connected_accounts a WHERE a.id = :id"_s);

// Leases rather than locks: the platform calls happen outside any transaction.
const SqlStatement kClaimExpiring(
        u"UPDATE social_credentials s SET claimed_until = now() + interval '2 minutes' "
        "FROM connected_accounts a "
        "WHERE a.id = s.account_id AND s.account_id IN ("
        "  SELECT c.account_id FROM social_credentials c "
        "  JOIN connected_accounts ca ON ca.id = c.account_id AND ca.status = 'connected' "
        "  WHERE (c.expires_at < now() + make_interval(secs => :horizon) "
        "         OR c.refresh_due_at <= now()) "
        "    AND (c.claimed_until IS NULL OR c.claimed_until < now()) "
        "  ORDER BY c.expires_at LIMIT :limit FOR UPDATE OF c SKIP LOCKED) "
        "RETURNING s.account_id, a.platform, s.key_id, s.access_token, s.refresh_token, "
        "  s.refresh_expires_at, s.scopes"_s);
const SqlStatement kClaimUnsynced(
        u"UPDATE social_credentials s SET claimed_until = now() + interval '2 minutes' "
        "FROM connected_accounts a "
        "WHERE a.id = s.account_id AND s.account_id IN ("
        "  SELECT c.account_id FROM social_credentials c "
        "  JOIN connected_accounts ca ON ca.id = c.account_id AND ca.status = 'connected' "
        "  WHERE (ca.last_synced_at IS NULL "
        "         OR ca.last_synced_at < date_trunc('day', now() AT TIME ZONE 'UTC') "
        "                                AT TIME ZONE 'UTC') "
        "    AND (c.claimed_until IS NULL OR c.claimed_until < now()) "
        "  ORDER BY ca.last_synced_at NULLS FIRST LIMIT :limit FOR UPDATE OF c SKIP LOCKED) "
        "RETURNING s.account_id, a.platform, s.key_id, s.access_token, s.refresh_token, "
        "  s.refresh_expires_at, s.scopes"_s);
const SqlStatement kRelease(
        u"UPDATE social_credentials SET claimed_until = NULL WHERE account_id = :id"_s);
const SqlStatement kNeedsReconnect(
        u"UPDATE connected_accounts SET status = 'needs_reconnect' WHERE id = :id"_s);

QVariant optionalCount(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

Result<QList<SealedCredentials>> claimed(
        Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    auto query = c.run(statement, binds);
    if (!query) {
        return query.error();
    }
    QList<SealedCredentials> rows;
    while ((*query)->next()) {
        SealedCredentials row;
        row.accountId = QUuid::fromString((*query)->value(0).toString());
        row.platform = (*query)->value(1).toString();
        row.keyId = (*query)->value(2).toString();
        row.accessToken = (*query)->value(3).toByteArray();
        row.refreshToken = (*query)->value(4).toByteArray();
        if (!(*query)->value(5).isNull()) {
            row.refreshExpiresAt = (*query)->value(5).toDateTime();
        }
        row.scopes = (*query)->value(6).toString();
        rows.append(row);
    }
    (*query)->finish();
    return rows;
}

} // namespace

QByteArray associatedData(const QUuid &accountId, QByteArrayView field)
{
    return "influence/social/" + accountId.toString(QUuid::WithoutBraces).toLatin1() + '/'
            + field.toByteArray();
}

namespace repository {

Result<void> insertState(Connection &c, const QByteArray &stateHash, const PendingConnect &pending,
        std::chrono::seconds lifetime)
{
    if (auto cleared = c.run(kClearStates); !cleared) {
        return cleared.error();
    }
    auto inserted = c.run(kInsertState,
            {{u":hash"_s, stateHash}, {u":user"_s, pending.userId},
                    {u":platform"_s, pending.platform}, {u":verifier"_s, pending.codeVerifier},
                    {u":lifetime"_s, static_cast<qint64>(lifetime.count())}});
    if (!inserted) {
        return inserted.error();
    }
    return {};
}

Result<std::optional<PendingConnect>> consumeState(Connection &c, const QByteArray &stateHash)
{
    auto query = c.run(kConsumeState, {{u":hash"_s, stateHash}});
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        return std::optional<PendingConnect>();
    }
    PendingConnect pending;
    pending.userId = QUuid::fromString((*query)->value(0).toString());
    pending.platform = (*query)->value(1).toString();
    pending.codeVerifier = (*query)->value(2).toString();
    pending.expired = (*query)->value(3).toBool();
    (*query)->finish();
    return std::optional(pending);
}

Result<bool> hasInfluencerProfile(Connection &c, const QUuid &userId)
{
    const auto found = c.scalar(kHasProfile, {{u":user"_s, userId}});
    if (!found) {
        return found.error();
    }
    return !found->isNull();
}

Result<QUuid> upsertConnected(
        Connection &c, const QUuid &owner, const QString &platform, const AccountProfile &profile)
{
    auto existing = c.run(
            kFindExternal, {{u":platform"_s, platform}, {u":external"_s, profile.externalId}});
    if (!existing) {
        return existing.error();
    }
    if ((*existing)->next()) {
        const QUuid id = QUuid::fromString((*existing)->value(0).toString());
        const QUuid holder = QUuid::fromString((*existing)->value(1).toString());
        (*existing)->finish();
        if (holder != owner) {
            return Error::make(ErrorCode::Conflict,
                    u"Another creator has connected this %1 account."_s.arg(platform));
        }
        auto updated = c.run(kUpdateConnected,
                {{u":external"_s, profile.externalId}, {u":handle"_s, profile.handle},
                        {u":url"_s, profile.profileUrl},
                        {u":followers"_s, profile.metrics.followers}, {u":id"_s, id}});
        if (!updated) {
            return updated.error();
        }
        return id;
    }
    (*existing)->finish();
    const auto manual = c.scalar(kClaimManual,
            {{u":external"_s, profile.externalId}, {u":handle"_s, profile.handle},
                    {u":url"_s, profile.profileUrl}, {u":followers"_s, profile.metrics.followers},
                    {u":owner"_s, owner}, {u":platform"_s, platform},
                    {u":sameHandle"_s, profile.handle}});
    if (!manual) {
        return manual.error();
    }
    if (!manual->isNull()) {
        return QUuid::fromString(manual->toString());
    }
    // A concurrent connect of the same account fails here with 23505: 409 as well.
    const auto inserted = c.scalar(kInsertConnected,
            {{u":owner"_s, owner}, {u":platform"_s, platform}, {u":handle"_s, profile.handle},
                    {u":external"_s, profile.externalId}, {u":url"_s, profile.profileUrl},
                    {u":followers"_s, profile.metrics.followers}});
    if (!inserted) {
        return inserted.error();
    }
    return QUuid::fromString(inserted->toString());
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

Result<void> storeSnapshot(Connection &c, const QUuid &accountId, const MetricSnapshot &metrics)
{
    auto stored = c.run(kStoreSnapshot,
            {{u":id"_s, accountId}, {u":followers"_s, metrics.followers},
                    {u":following"_s, optionalCount(metrics.following)},
                    {u":posts"_s, optionalCount(metrics.posts)},
                    {u":views"_s, optionalCount(metrics.views)}});
    if (!stored) {
        return stored.error();
    }
    auto synced = c.run(kSynced, {{u":followers"_s, metrics.followers}, {u":id"_s, accountId}});
    if (!synced) {
        return synced.error();
    }
    return {};
}

Result<QByteArray> accountJson(Connection &c, const QUuid &accountId)
{
    const auto json = c.scalar(kAccountJson, {{u":id"_s, accountId}});
    if (!json) {
        return json.error();
    }
    if (json->isNull()) {
        return Error::notFound(u"No such account."_s);
    }
    return json->toString().toUtf8();
}

Result<QList<SealedCredentials>> claimExpiring(
        Connection &c, std::chrono::seconds horizon, int limit)
{
    return claimed(c, kClaimExpiring,
            {{u":horizon"_s, static_cast<qint64>(horizon.count())}, {u":limit"_s, limit}});
}

Result<QList<SealedCredentials>> claimUnsynced(Connection &c, int limit)
{
    return claimed(c, kClaimUnsynced, {{u":limit"_s, limit}});
}

Result<void> releaseClaim(Connection &c, const QUuid &accountId)
{
    auto released = c.run(kRelease, {{u":id"_s, accountId}});
    if (!released) {
        return released.error();
    }
    return {};
}

Result<void> markNeedsReconnect(Connection &c, const QUuid &accountId)
{
    auto marked = c.run(kNeedsReconnect, {{u":id"_s, accountId}});
    if (!marked) {
        return marked.error();
    }
    (void)releaseClaim(c, accountId);
    return {};
}

} // namespace repository

} // namespace influence::server::social

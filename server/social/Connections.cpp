// SPDX-License-Identifier: Apache-2.0
#include "Connections.h"

#include "Credentials.h"
#include "Sync.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"

#include <chrono>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::social::connections {

namespace {

constexpr std::chrono::seconds kStateLifetime{10 * 60};

const SqlStatement kHasProfile(u"SELECT 1 FROM influencer_details WHERE user_id = :user"_s);
const SqlStatement kClearStates(u"DELETE FROM social_oauth_states WHERE expires_at < now()"_s);
const SqlStatement kInsertState(
        u"INSERT INTO social_oauth_states (state_hash, user_id, platform, code_verifier, "
        "expires_at) VALUES (:hash, :user, :platform, :verifier, "
        "now() + make_interval(secs => :lifetime))"_s);
const SqlStatement kConsumeState(
        u"DELETE FROM social_oauth_states WHERE state_hash = :hash "
        "RETURNING user_id, platform, code_verifier, expires_at < now()"_s);

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
const SqlStatement kAccountJson(
        u"SELECT api_account_json(a, true)::text FROM connected_accounts a WHERE a.id = :id"_s);

/// The callback failed and the creator has to connect again.
Error connectFailed(const QString &detail)
{
    return Error::make(ErrorCode::BadRequest, detail);
}

/// Only the SHA-256 of a state is stored: the database never holds a usable one.
QByteArray stateHash(const QString &state)
{
    return crypto::sha256(state.toUtf8());
}

/// The creator's account for (platform, external id), updated or created; 409 when another
/// creator holds it.
Result<QUuid> upsertAccount(
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

} // namespace

Result<Started> start(Connection &c, const Principal &p, const QString &platform)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<Started> {
        const auto profile = tx.scalar(kHasProfile, {{u":user"_s, p.userId()}});
        if (!profile) {
            return profile.error();
        }
        if (profile->isNull()) {
            return Error::make(ErrorCode::Conflict,
                    u"Create your influencer profile (PUT /api/v1/me/influencer) before "
                    "connecting accounts."_s);
        }
        if (auto cleared = tx.run(kClearStates); !cleared) {
            return cleared.error();
        }
        Started started{crypto::randomToken(), crypto::randomToken()};
        auto inserted = tx.run(kInsertState,
                {{u":hash"_s, stateHash(started.state)}, {u":user"_s, p.userId()},
                        {u":platform"_s, platform}, {u":verifier"_s, started.codeVerifier},
                        {u":lifetime"_s, static_cast<qint64>(kStateLifetime.count())}});
        if (!inserted) {
            return inserted.error();
        }
        return started;
    });
}

Result<PendingConnect> consume(Connection &c, const QString &state, const QString &platform)
{
    // One statement outside any transaction: the state is gone even when the rest fails.
    auto query = c.run(kConsumeState, {{u":hash"_s, stateHash(state)}});
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        return connectFailed(u"The state is unknown or was used already; connect again."_s);
    }
    PendingConnect pending;
    pending.userId = QUuid::fromString((*query)->value(0).toString());
    pending.platform = (*query)->value(1).toString();
    pending.codeVerifier = (*query)->value(2).toString();
    const bool expired = (*query)->value(3).toBool();
    (*query)->finish();
    if (pending.platform != platform) {
        return connectFailed(u"The state is unknown or was used already; connect again."_s);
    }
    if (expired) {
        return connectFailed(u"Connecting took longer than 10 minutes; connect again."_s);
    }
    return pending;
}

Result<QByteArray> complete(Connection &c, const PendingConnect &pending,
        const AccountProfile &profile, const TokenSet &tokens, const crypto::TokenCipher &cipher)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto account = upsertAccount(tx, pending.userId, pending.platform, profile);
        if (!account) {
            return account.error();
        }
        if (auto saved = saveCredentials(tx, *account, cipher, tokens); !saved) {
            return saved.error();
        }
        if (auto stored = sync::recordSnapshot(tx, *account, profile.metrics); !stored) {
            return stored.error();
        }
        const auto json = db::optionalJson(tx, kAccountJson, {{u":id"_s, *account}});
        if (!json) {
            return json.error();
        }
        if (!json->has_value()) {
            return Error::notFound(u"No such account."_s);
        }
        return **json;
    });
}

} // namespace influence::server::social::connections

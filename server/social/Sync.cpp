// SPDX-License-Identifier: Apache-2.0
#include "Sync.h"

#include "authenticity/AuthenticityStore.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::social::sync {

namespace {

// Leases rather than locks: the platform calls happen outside any transaction. A sync makes up
// to 2 + kInsightPosts + 1 calls one after the other (each at most the fetch timeout): 5 minutes.
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
        u"UPDATE social_credentials s SET claimed_until = now() + interval '5 minutes' "
        "FROM connected_accounts a "
        "WHERE a.id = s.account_id AND s.account_id IN ("
        "  SELECT c.account_id FROM social_credentials c "
        "  JOIN connected_accounts ca ON ca.id = c.account_id AND ca.status = 'connected' "
        "  WHERE (ca.last_synced_at IS NULL OR ca.posts_synced_at IS NULL "
        "         OR least(ca.last_synced_at, ca.posts_synced_at) "
        "            < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') "
        "    AND (c.claimed_until IS NULL OR c.claimed_until < now()) "
        "  ORDER BY ca.last_synced_at NULLS FIRST LIMIT :limit FOR UPDATE OF c SKIP LOCKED) "
        "RETURNING s.account_id, a.platform, s.key_id, s.access_token, s.refresh_token, "
        "  s.refresh_expires_at, s.scopes"_s);
const SqlStatement kRelease(
        u"UPDATE social_credentials SET claimed_until = NULL WHERE account_id = :id"_s);
const SqlStatement kNeedsReconnect(
        u"UPDATE connected_accounts SET status = 'needs_reconnect' WHERE id = :id"_s);

const SqlStatement kStoreSnapshot(
        u"INSERT INTO account_metrics (account_id, day, followers, following, posts, views, "
        "  reach) "
        "VALUES (:id, (now() AT TIME ZONE 'UTC')::date, :followers, :following, :posts, :views, "
        "  :reach) "
        "ON CONFLICT (account_id, day) DO UPDATE SET followers = EXCLUDED.followers, "
        "  following = EXCLUDED.following, posts = EXCLUDED.posts, views = EXCLUDED.views, "
        "  reach = EXCLUDED.reach, captured_at = now()"_s);
const SqlStatement kStorePosts(u"SELECT store_platform_posts(:id, CAST(:items AS jsonb), "
                               "  (now() AT TIME ZONE 'UTC')::date)"_s);
// Figures from what is stored: the posts' newest totals and the snapshots (0013_engagement.sql).
const SqlStatement kFigures(u"SELECT refresh_account_figures(ARRAY[CAST(:id AS uuid)], "
                            "  (now() AT TIME ZONE 'UTC')::date)"_s);
const SqlStatement kPostsSynced(
        u"UPDATE connected_accounts SET posts_synced_at = now() WHERE id = :id"_s);
const SqlStatement kSynced(
        u"UPDATE connected_accounts SET followers = :followers, last_synced_at = now() "
        "WHERE id = :id"_s);

/// A figure the platform did not give is stored as NULL, never 0.
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

Result<void> releaseClaim(Connection &c, const QUuid &accountId)
{
    auto released = c.run(kRelease, {{u":id"_s, accountId}});
    if (!released) {
        return released.error();
    }
    return {};
}

} // namespace

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

Result<void> storeRenewedTokens(Connection &c, const QUuid &accountId,
        const crypto::TokenCipher &cipher, const TokenSet &tokens)
{
    // Saving the credentials also ends the claim (claimed_until = NULL).
    return saveCredentials(c, accountId, cipher, tokens);
}

Result<void> recordSnapshot(Connection &c, const QUuid &accountId, const MetricSnapshot &metrics)
{
    auto stored = c.run(kStoreSnapshot,
            {{u":id"_s, accountId}, {u":followers"_s, metrics.followers},
                    {u":following"_s, optionalCount(metrics.following)},
                    {u":posts"_s, optionalCount(metrics.posts)},
                    {u":views"_s, optionalCount(metrics.views)},
                    {u":reach"_s, optionalCount(metrics.reach)}});
    if (!stored) {
        return stored.error();
    }
    auto synced = c.run(kSynced, {{u":followers"_s, metrics.followers}, {u":id"_s, accountId}});
    if (!synced) {
        return synced.error();
    }
    return {};
}

QByteArray mediaJson(const QList<MediaItem> &items)
{
    const auto figure = [](const std::optional<qint64> &value) {
        return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
    };
    QJsonArray array;
    for (const MediaItem &item : items) {
        array.append(QJsonObject{{u"externalId"_s, item.externalId}, {u"kind"_s, item.kind},
                {u"url"_s, item.url.isEmpty() ? QJsonValue() : QJsonValue(item.url)},
                {u"caption"_s, item.caption},
                {u"publishedAt"_s, item.publishedAt.toUTC().toString(Qt::ISODateWithMs)},
                {u"views"_s, figure(item.views)}, {u"impressions"_s, figure(item.impressions)},
                {u"reach"_s, figure(item.reach)}, {u"likes"_s, figure(item.likes)},
                {u"comments"_s, figure(item.comments)}, {u"shares"_s, figure(item.shares)},
                {u"saves"_s, figure(item.saves)}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

Result<void> storeSnapshot(Connection &c, const QUuid &accountId, const MetricSnapshot &metrics,
        const std::optional<MediaRound> &media)
{
    auto stored = db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        MetricSnapshot today = metrics;
        if (media && media->accountReach) {
            today.reach = media->accountReach;
        }
        if (auto ok = recordSnapshot(tx, accountId, today); !ok) {
            return ok;
        }
        if (media) {
            auto posts = tx.run(kStorePosts,
                    {{u":id"_s, accountId},
                            {u":items"_s, QString::fromUtf8(mediaJson(media->items))}});
            if (!posts) {
                return posts.error();
            }
            (*posts)->finish();
        }
        // Read or not, the posts are not asked for again before tomorrow.
        if (auto marked = tx.run(kPostsSynced, {{u":id"_s, accountId}}); !marked) {
            return marked.error();
        }
        auto figures = tx.run(kFigures, {{u":id"_s, accountId}});
        if (!figures) {
            return figures.error();
        }
        (*figures)->finish();
        // The follower events and score from the history just extended.
        return authenticity::refreshAuthenticity(tx,
                QString::fromUtf8(
                        QJsonDocument(QJsonArray{accountId.toString(QUuid::WithoutBraces)})
                                .toJson(QJsonDocument::Compact)));
    });
    // Released after a failure as well: the next round tries the account again rather than
    // waiting for the lease to run out.
    auto released = releaseClaim(c, accountId);
    if (!stored) {
        return stored;
    }
    return released;
}

Result<void> markNeedsReconnect(Connection &c, const QUuid &accountId)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        auto marked = tx.run(kNeedsReconnect, {{u":id"_s, accountId}});
        if (!marked) {
            return marked.error();
        }
        return releaseClaim(tx, accountId);
    });
}

} // namespace influence::server::social::sync

// SPDX-License-Identifier: Apache-2.0
#include "PostMetrics.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::ManualMetricsInput;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::analytics {

namespace {

const SqlStatement kHistory(u"SELECT api_post_metrics_json(p)::text FROM posts p "
                            "LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.id = :id "
                            "AND (CAST(:admin AS boolean) OR p.influencer_id = :user "
                            "     OR (c.id IS NOT NULL AND acts_for_brand(:user, c.brand_id)))"_s);
// The deliverable, locked (one post per deliverable, created once), with whether the caller is
// a party and its post if it has one.
const SqlStatement kLockDeliverable(
        u"SELECT dl.status, CAST(:admin AS boolean) OR d.influencer_id = :user "
        "OR acts_for_brand(:user, d.brand_id), "
        "(SELECT p.id FROM posts p WHERE p.deliverable_id = dl.id) "
        "FROM deliverables dl JOIN deals d ON d.id = dl.deal_id WHERE dl.id = :id "
        "FOR NO KEY UPDATE OF dl"_s);
const SqlStatement kCreatePost(
        u"INSERT INTO posts (influencer_id, account_id, platform, kind, url, published_at, "
        "deliverable_id) "
        "SELECT d.influencer_id, (SELECT a.id FROM connected_accounts a "
        "  WHERE a.influencer_id = d.influencer_id AND a.platform = dl.platform "
        "  AND a.status <> 'disconnected' ORDER BY a.followers DESC, a.id LIMIT 1), "
        "dl.platform, coalesce(CAST(:kind AS text), dl.type), dl.live_url, "
        "coalesce(CAST(:published AS timestamptz), dl.live_at), dl.id "
        "FROM deliverables dl JOIN deals d ON d.id = dl.deal_id WHERE dl.id = :id "
        "RETURNING id"_s);
const SqlStatement kUpdatePost(
        u"UPDATE posts SET kind = coalesce(CAST(:kind AS text), kind), "
        "published_at = coalesce(CAST(:published AS timestamptz), published_at) "
        "WHERE id = :post AND (CAST(:kind AS text) IS NOT NULL "
        "OR CAST(:published AS timestamptz) IS NOT NULL)"_s);
const SqlStatement kPublishedOn(
        u"SELECT (published_at AT TIME ZONE 'UTC')::date FROM posts WHERE id = :post"_s);
const SqlStatement kWrite(
        u"INSERT INTO post_metrics AS m (post_id, day, views, impressions, reach, likes, "
        "comments, shares, saves, clicks, watch_seconds, source, evidence_url, entered_by) "
        "VALUES (:post, CAST(:day AS date), CAST(:views AS bigint), "
        "CAST(:impressions AS bigint), CAST(:reach AS bigint), CAST(:likes AS bigint), "
        "CAST(:comments AS bigint), CAST(:shares AS bigint), CAST(:saves AS bigint), "
        "CAST(:clicks AS bigint), CAST(:watch AS bigint), 'manual', CAST(:evidence AS text), "
        ":user) "
        "ON CONFLICT (post_id, day) DO UPDATE SET "
        "views = coalesce(EXCLUDED.views, m.views), "
        "impressions = coalesce(EXCLUDED.impressions, m.impressions), "
        "reach = coalesce(EXCLUDED.reach, m.reach), likes = coalesce(EXCLUDED.likes, m.likes), "
        "comments = coalesce(EXCLUDED.comments, m.comments), "
        "shares = coalesce(EXCLUDED.shares, m.shares), saves = coalesce(EXCLUDED.saves, m.saves), "
        "clicks = coalesce(EXCLUDED.clicks, m.clicks), "
        "watch_seconds = coalesce(EXCLUDED.watch_seconds, m.watch_seconds), "
        "source = 'manual', evidence_url = coalesce(EXCLUDED.evidence_url, m.evidence_url), "
        "entered_by = EXCLUDED.entered_by, captured_at = now()"_s);
const SqlStatement kRead(
        u"SELECT api_post_metrics_json(p)::text FROM posts p WHERE p.id = :post"_s);

QVariant figure(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant text(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

} // namespace

Result<QByteArray> postMetrics(Connection &c, const Principal &p, const QUuid &post)
{
    return db::withRetry(c, [&](Connection &conn) -> Result<QByteArray> {
        auto json = db::optionalJson(conn, kHistory,
                {{u":id"_s, post}, {u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}});
        if (!json) {
            return json.error();
        }
        if (!json->has_value()) {
            return Error::notFound(u"No such post."_s);
        }
        return std::move(**json);
    });
}

Result<QByteArray> enterMetrics(Connection &c, const Principal &p, const QUuid &deliverable,
        const QDate &day, const ManualMetricsInput &input)
{
    const QVariant kind = text(input.kind);
    const QVariant published =
            text(input.publishedAt.isValid() ? input.publishedAt.toUTC().toString(Qt::ISODateWithMs)
                                             : QString());
    return db::inTransaction(c, [&](Connection &conn) -> Result<QByteArray> {
        auto lock = conn.run(kLockDeliverable,
                {{u":id"_s, deliverable}, {u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}});
        if (!lock) {
            return lock.error();
        }
        QSqlQuery &row = **lock;
        if (!row.next() || !row.value(1).toBool()) {
            row.finish();
            return Error::notFound(u"No such deliverable."_s);
        }
        const bool live = row.value(0).toString() == u"live"_s;
        QVariant post = row.value(2);
        row.finish();
        if (!live) {
            return Error::make(ErrorCode::DeliverableNotLive,
                    u"Figures are entered once the deliverable is live."_s);
        }
        if (post.isNull()) {
            const auto created = conn.scalar(kCreatePost,
                    {{u":id"_s, deliverable}, {u":kind"_s, kind}, {u":published"_s, published}});
            if (!created) {
                return created.error();
            }
            post = *created;
        } else if (auto updated = db::affected(conn, kUpdatePost,
                           {{u":post"_s, post}, {u":kind"_s, kind}, {u":published"_s, published}});
                   !updated) {
            return updated.error();
        }
        const auto publishedOn = conn.scalar(kPublishedOn, {{u":post"_s, post}});
        if (!publishedOn) {
            return publishedOn.error();
        }
        if (day < publishedOn->toDate()) {
            return Error::validation({{u"day"_s, u"before_publication"_s,
                    u"The post was published on %1."_s.arg(
                            publishedOn->toDate().toString(Qt::ISODate))}});
        }
        auto written = db::affected(conn, kWrite,
                {{u":post"_s, post}, {u":day"_s, day.toString(Qt::ISODate)},
                        {u":views"_s, figure(input.views)},
                        {u":impressions"_s, figure(input.impressions)},
                        {u":reach"_s, figure(input.reach)}, {u":likes"_s, figure(input.likes)},
                        {u":comments"_s, figure(input.comments)},
                        {u":shares"_s, figure(input.shares)}, {u":saves"_s, figure(input.saves)},
                        {u":clicks"_s, figure(input.clicks)},
                        {u":watch"_s, figure(input.watchSeconds)},
                        {u":evidence"_s, text(input.evidenceUrl)}, {u":user"_s, p.userId()}});
        if (!written) {
            return written.error();
        }
        return db::json(conn, kRead, {{u":post"_s, post}});
    });
}

} // namespace influence::server::analytics

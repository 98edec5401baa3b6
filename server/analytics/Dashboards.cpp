// SPDX-License-Identifier: Apache-2.0
#include "Dashboards.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"

using namespace Qt::StringLiterals;
using influence::common::AnalyticsPeriod;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::analytics {

namespace {

const SqlStatement kCampaign(
        u"SELECT api_analytics_campaign_json(c, CAST(:from AS date), CAST(:to AS date), "
        ":interval)::text FROM campaigns c WHERE c.id = :id "
        "AND (CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id))"_s);
const SqlStatement kOwnCampaign(
        u"SELECT acts_for_brand(:user, c.brand_id) FROM campaigns c WHERE c.id = :id"_s);
const SqlStatement kOverview(
        u"SELECT api_analytics_overview_json(:user, CAST(:campaign AS uuid), "
        "CAST(:currency AS text), CAST(:from AS date), CAST(:to AS date), :interval)::text"_s);
// The fingerprints of what the answers read (0026_analytics_speed.sql); NULL: not the caller's.
const SqlStatement kCampaignVersion(
        u"SELECT CASE WHEN CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id) "
        "THEN analytics_campaign_version(c.id) END FROM campaigns c WHERE c.id = :id"_s);
const SqlStatement kOverviewVersion(
        u"SELECT analytics_overview_version(:user, CAST(:campaign AS uuid))"_s);
const SqlStatement kCreator(
        u"SELECT api_analytics_creator_json(d, CAST(:from AS date), CAST(:to AS date), "
        ":interval)::text FROM influencer_details d "
        "JOIN users u ON u.id = d.user_id AND u.status = 'active' WHERE d.user_id = :id"_s);

QString day(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

/// The answer under `key` from the cache, else computed by `read` and kept. Never stale, in any
/// process: the caller read the version in `key` in an earlier statement than `read` runs
/// (outside a transaction, each statement sees every transaction committed before it began), so
/// an answer computed after it is at least as new as that version; a write committed later
/// bumps a version (0026's triggers, in the writing transaction), which no entry's key has.
template<class Read>
Result<QByteArray> cached(DashboardCache &cache, const QString &key, Read read)
{
    if (cache.isEnabled()) {
        if (auto hit = cache.find(key)) {
            return std::move(*hit);
        }
    }
    auto body = read();
    if (body && cache.isEnabled()) {
        cache.insert(key, *body);
    }
    return body;
}

} // namespace

Result<QByteArray> campaignAnalytics(Connection &c, DashboardCache &cache, const Principal &p,
        const QUuid &campaign, const AnalyticsPeriod &period)
{
    return db::withRetry(c, [&](Connection &conn) -> Result<QByteArray> {
        // Who may read it is checked on every request, cached or not.
        const auto version = conn.scalar(kCampaignVersion,
                {{u":id"_s, campaign}, {u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}});
        if (!version) {
            return version.error();
        }
        if (version->isNull()) {
            return Error::notFound(u"No such campaign."_s);
        }
        const QString key = u"campaign|"_s + campaign.toString(QUuid::WithoutBraces) + u'|'
                + day(period.from) + u'|' + day(period.to) + u'|'
                + common::wireName(period.interval) + u'|' + version->toString();
        return cached(cache, key, [&]() -> Result<QByteArray> {
            auto json = db::optionalJson(conn, kCampaign,
                    {{u":id"_s, campaign}, {u":from"_s, day(period.from)},
                            {u":to"_s, day(period.to)},
                            {u":interval"_s, common::wireName(period.interval)},
                            {u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}});
            if (!json) {
                return json.error();
            }
            if (!json->has_value()) {
                return Error::notFound(u"No such campaign."_s);
            }
            return std::move(**json);
        });
    });
}

Result<QByteArray> overview(
        Connection &c, DashboardCache &cache, const Principal &p, const OverviewQuery &query)
{
    if (p.role() == common::UserRole::Influencer) {
        return Error::make(ErrorCode::Forbidden, u"The overview is for brands."_s);
    }
    return db::withRetry(c, [&](Connection &conn) -> Result<QByteArray> {
        if (query.campaign) {
            const auto own = conn.scalar(
                    kOwnCampaign, {{u":id"_s, *query.campaign}, {u":user"_s, p.userId()}});
            if (!own) {
                return own.error();
            }
            if (!own->toBool()) {
                return Error::notFound(u"No such campaign."_s);
            }
        }
        const auto text = [](const QString &value) {
            return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
        };
        const QString campaign =
                query.campaign ? query.campaign->toString(QUuid::WithoutBraces) : QString();
        // The caller's brands and campaigns are part of the fingerprint, read on every request.
        const auto version = conn.scalar(
                kOverviewVersion, {{u":user"_s, p.userId()}, {u":campaign"_s, text(campaign)}});
        if (!version) {
            return version.error();
        }
        const QString key = u"overview|"_s + p.userId().toString(QUuid::WithoutBraces) + u'|'
                + campaign + u'|' + query.currency + u'|' + day(query.period.from) + u'|'
                + day(query.period.to) + u'|' + common::wireName(query.period.interval) + u'|'
                + version->toString();
        return cached(cache, key, [&]() -> Result<QByteArray> {
            auto json = db::optionalJson(conn, kOverview,
                    {{u":user"_s, p.userId()}, {u":campaign"_s, text(campaign)},
                            {u":currency"_s, text(query.currency)},
                            {u":from"_s, day(query.period.from)}, {u":to"_s, day(query.period.to)},
                            {u":interval"_s, common::wireName(query.period.interval)}});
            if (!json) {
                return json.error();
            }
            if (!json->has_value() || (*json)->isEmpty()) {
                return Error::make(ErrorCode::Forbidden, u"You act for no brand."_s);
            }
            return std::move(**json);
        });
    });
}

Result<QByteArray> creatorAnalytics(
        Connection &c, const Principal &p, const QUuid &creator, const AnalyticsPeriod &period)
{
    if (!p.isAdmin() && p.role() != common::UserRole::Brand && p.userId() != creator) {
        return Error::notFound(u"No such creator."_s);
    }
    return db::withRetry(c, [&](Connection &conn) -> Result<QByteArray> {
        auto json = db::optionalJson(conn, kCreator,
                {{u":id"_s, creator}, {u":from"_s, day(period.from)}, {u":to"_s, day(period.to)},
                        {u":interval"_s, common::wireName(period.interval)}});
        if (!json) {
            return json.error();
        }
        if (!json->has_value()) {
            return Error::notFound(u"No such creator."_s);
        }
        return std::move(**json);
    });
}

} // namespace influence::server::analytics

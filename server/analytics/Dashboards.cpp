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
const SqlStatement kCreator(
        u"SELECT api_analytics_creator_json(d, CAST(:from AS date), CAST(:to AS date), "
        ":interval)::text FROM influencer_details d "
        "JOIN users u ON u.id = d.user_id AND u.status = 'active' WHERE d.user_id = :id"_s);

QString day(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

Result<QByteArray> campaignAnalytics(
        Connection &c, const Principal &p, const QUuid &campaign, const AnalyticsPeriod &period)
{
    return db::withRetry(c, [&](Connection &conn) -> Result<QByteArray> {
        auto json = db::optionalJson(conn, kCampaign,
                {{u":id"_s, campaign}, {u":from"_s, day(period.from)}, {u":to"_s, day(period.to)},
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
}

Result<QByteArray> overview(Connection &c, const Principal &p, const OverviewQuery &query)
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
        auto json = db::optionalJson(conn, kOverview,
                {{u":user"_s, p.userId()},
                        {u":campaign"_s,
                                query.campaign
                                        ? text(query.campaign->toString(QUuid::WithoutBraces))
                                        : text({})},
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

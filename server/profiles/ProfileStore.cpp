// SPDX-License-Identifier: Apache-2.0
#include "ProfileStore.h"

#include "core/db/Connection.h"
#include "core/db/SqlStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::profiles::store {

namespace {

const SqlStatement kInfluencerJson(
        u"SELECT api_influencer_json(d, CAST(:owner AS boolean))::text FROM influencer_details d "
        "JOIN users u ON u.id = d.user_id AND u.status = 'active' WHERE d.user_id = :id"_s);
const SqlStatement kLockInfluencer(
        u"SELECT api_influencer_json(d, true)::text FROM influencer_details d "
        "WHERE d.user_id = :id FOR UPDATE"_s);
const SqlStatement kSaveInfluencer(
        u"INSERT INTO influencer_details (user_id, display_name, bio, niches, country, languages) "
        "VALUES (:id, :name, coalesce(:bio, ''), ARRAY(SELECT "
        "jsonb_array_elements_text(CAST(:niches AS "
        "jsonb))), "
        "        NULLIF(:country, ''), "
        "        ARRAY(SELECT jsonb_array_elements_text(CAST(:languages AS jsonb)))) "
        "ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
        "  bio = EXCLUDED.bio, niches = EXCLUDED.niches, country = EXCLUDED.country, "
        "  languages = EXCLUDED.languages "
        "RETURNING (xmax = 0)"_s);
const SqlStatement kDeleteRates(u"DELETE FROM influencer_rates WHERE influencer_id = :id"_s);
const SqlStatement kInsertRates(
        u"INSERT INTO influencer_rates (influencer_id, deliverable_type, amount_minor, currency) "
        "SELECT :id, r.type, r.amount, r.currency "
        "FROM jsonb_to_recordset(CAST(:rates AS jsonb)) AS r(type text, amount bigint, currency text)"_s);
const SqlStatement kDeleteInfluencer(u"DELETE FROM influencer_details WHERE user_id = :id"_s);

const SqlStatement kBrandJson(
        u"SELECT api_brand_json(b)::text FROM brand_details b "
        "JOIN users u ON u.id = b.user_id AND u.status = 'active' WHERE b.user_id = :id"_s);
const SqlStatement kLockBrand(
        u"SELECT api_brand_json(b)::text FROM brand_details b WHERE b.user_id = :id FOR UPDATE"_s);
const SqlStatement kSaveBrand(
        u"INSERT INTO brand_details (user_id, company_name, website, industry, country) "
        "VALUES (:id, :name, NULLIF(:website, ''), NULLIF(:industry, ''), NULLIF(:country, '')) "
        "ON CONFLICT (user_id) DO UPDATE SET company_name = EXCLUDED.company_name, "
        "  website = EXCLUDED.website, industry = EXCLUDED.industry, country = EXCLUDED.country "
        "RETURNING (xmax = 0)"_s);
const SqlStatement kDeleteBrand(u"DELETE FROM brand_details WHERE user_id = :id"_s);

const SqlStatement kAccounts(
        u"SELECT coalesce(jsonb_agg(api_account_json(a, true) ORDER BY a.platform, "
        u"lower(a.handle)), "
        "'[]')::text FROM connected_accounts a WHERE a.influencer_id = :owner"_s);
const SqlStatement kInsertAccount(
        u"INSERT INTO connected_accounts AS a (influencer_id, platform, handle, profile_url) "
        "VALUES (:owner, :platform, :handle, NULLIF(:url, '')) "
        "RETURNING api_account_json(a, true)::text"_s);
const SqlStatement kLockAccount(
        u"SELECT status FROM connected_accounts WHERE id = :id AND influencer_id = :owner FOR UPDATE"_s);
const SqlStatement kUpdateAccount(
        u"UPDATE connected_accounts AS a SET handle = coalesce(:handle, a.handle), "
        "  profile_url = CASE WHEN CAST(:setUrl AS boolean) THEN NULLIF(:url, '') ELSE "
        "a.profile_url END "
        "WHERE a.id = :id RETURNING api_account_json(a, true)::text"_s);
const SqlStatement kDeleteAccount(
        u"DELETE FROM connected_accounts WHERE id = :id AND influencer_id = :owner"_s);

const SqlStatement kAccountSeriesVersion(
        u"SELECT coalesce(ch.change_xid::text, '0') FROM connected_accounts a "
        "JOIN users u ON u.id = a.influencer_id AND u.status = 'active' "
        "LEFT JOIN account_metrics_changes ch ON ch.account_id = a.id WHERE a.id = :id"_s);
// One row per period: counts as at the period's last snapshot, flows summed.
const SqlStatement kMetrics(
        u"SELECT coalesce(jsonb_agg(p.point ORDER BY p.bucket), '[]')::text FROM ("
        " SELECT m.bucket, jsonb_build_object('date', to_char(m.bucket, 'YYYY-MM-DD'), "
        "   'followers', (array_agg(m.followers ORDER BY m.day DESC))[1], "
        "   'following', (array_agg(m.following ORDER BY m.day DESC))[1], "
        "   'posts', (array_agg(m.posts ORDER BY m.day DESC))[1], "
        "   'views', sum(m.views), 'reach', sum(m.reach), "
        "   'engagementRate', avg(m.engagement_rate)::real) AS point "
        " FROM (SELECT date_trunc(:interval, day)::date AS bucket, day, followers, following, "
        "              posts, views, reach, engagement_rate "
        "       FROM account_metrics WHERE account_id = :id AND day BETWEEN :from AND :to) m "
        " GROUP BY m.bucket) p"_s);

// A daily series: the snapshots themselves, read through the covering primary key
// (0006_discovery_directory_refresh.sql), turned into JSON here rather than by jsonb in the
// database (a third of the time for two years). The rate as numeric: the 6 digits of the jsonb
// path that week and month take.
const SqlStatement kDailyMetrics(
        u"SELECT to_char(day, 'YYYY-MM-DD'), followers, following, posts, views, reach, "
        "CAST(engagement_rate AS numeric) "
        "FROM account_metrics WHERE account_id = :id AND day BETWEEN :from AND :to ORDER BY day"_s);

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

/// The first column of the only row, as UTF-8 JSON; nothing when there is no row.
Result<std::optional<QByteArray>> optionalJson(
        Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    const auto value = c.scalar(statement, binds);
    if (!value) {
        return value.error();
    }
    if (value->isNull()) {
        return std::optional<QByteArray>();
    }
    return std::optional(value->toString().toUtf8());
}

Result<QByteArray> json(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    const auto value = c.scalar(statement, binds);
    if (!value) {
        return value.error();
    }
    return value->toString().toUtf8();
}

Result<bool> affected(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    auto query = c.run(statement, binds);
    if (!query) {
        return query.error();
    }
    const bool any = (*query)->numRowsAffected() > 0;
    (*query)->finish();
    return any;
}

} // namespace

Result<std::optional<QByteArray>> influencerJson(Connection &c, const QUuid &id, bool owner)
{
    return optionalJson(c, kInfluencerJson, {{u":owner"_s, owner}, {u":id"_s, id}});
}

Result<std::optional<QByteArray>> lockInfluencer(Connection &c, const QUuid &id)
{
    return optionalJson(c, kLockInfluencer, {{u":id"_s, id}});
}

Result<bool> saveInfluencer(
        Connection &c, const QUuid &id, const common::InfluencerProfileInput &input)
{
    const auto created = c.scalar(kSaveInfluencer,
            {{u":id"_s, id}, {u":name"_s, input.displayName}, {u":bio"_s, input.bio},
                    {u":niches"_s, jsonText(QJsonArray::fromStringList(input.niches))},
                    {u":country"_s, input.country},
                    {u":languages"_s, jsonText(QJsonArray::fromStringList(input.languages))}});
    if (!created) {
        return created.error();
    }
    if (auto ok = c.run(kDeleteRates, {{u":id"_s, id}}); !ok) {
        return ok.error();
    }
    QJsonArray rates;
    for (const common::Rate &rate : input.rates) {
        rates.append(QJsonObject{{u"type"_s, common::wireName(rate.type)},
                {u"amount"_s, rate.price.minorUnits}, {u"currency"_s, rate.price.currency}});
    }
    if (!rates.isEmpty()) {
        if (auto ok = c.run(kInsertRates, {{u":id"_s, id}, {u":rates"_s, jsonText(rates)}}); !ok) {
            return ok.error();
        }
    }
    return created->toBool();
}

Result<bool> deleteInfluencer(Connection &c, const QUuid &id)
{
    return affected(c, kDeleteInfluencer, {{u":id"_s, id}});
}

Result<std::optional<QByteArray>> brandJson(Connection &c, const QUuid &id)
{
    return optionalJson(c, kBrandJson, {{u":id"_s, id}});
}

Result<std::optional<QByteArray>> lockBrand(Connection &c, const QUuid &id)
{
    return optionalJson(c, kLockBrand, {{u":id"_s, id}});
}

Result<bool> saveBrand(Connection &c, const QUuid &id, const common::BrandProfileInput &input)
{
    const auto created = c.scalar(kSaveBrand,
            {{u":id"_s, id}, {u":name"_s, input.companyName}, {u":website"_s, input.website},
                    {u":industry"_s, input.industry}, {u":country"_s, input.country}});
    if (!created) {
        return created.error();
    }
    return created->toBool();
}

Result<bool> deleteBrand(Connection &c, const QUuid &id)
{
    return affected(c, kDeleteBrand, {{u":id"_s, id}});
}

Result<QByteArray> accountsJson(Connection &c, const QUuid &owner)
{
    return json(c, kAccounts, {{u":owner"_s, owner}});
}

Result<QByteArray> insertManualAccount(
        Connection &c, const QUuid &owner, const common::ManualAccountInput &input)
{
    return json(c, kInsertAccount,
            {{u":owner"_s, owner}, {u":platform"_s, common::wireName(input.platform)},
                    {u":handle"_s, input.handle}, {u":url"_s, input.profileUrl}});
}

Result<std::optional<QString>> lockAccount(Connection &c, const QUuid &id, const QUuid &owner)
{
    const auto status = c.scalar(kLockAccount, {{u":id"_s, id}, {u":owner"_s, owner}});
    if (!status) {
        return status.error();
    }
    if (status->isNull()) {
        return std::optional<QString>();
    }
    return std::optional(status->toString());
}

Result<QByteArray> updateAccount(Connection &c, const QUuid &id,
        const std::optional<QString> &handle, const std::optional<QString> &profileUrl)
{
    return json(c, kUpdateAccount,
            {{u":handle"_s, handle ? QVariant(*handle) : QVariant(QMetaType::fromType<QString>())},
                    {u":setUrl"_s, profileUrl.has_value()},
                    {u":url"_s, profileUrl.value_or(QString())}, {u":id"_s, id}});
}

Result<bool> deleteAccount(Connection &c, const QUuid &id, const QUuid &owner)
{
    return affected(c, kDeleteAccount, {{u":id"_s, id}, {u":owner"_s, owner}});
}

Result<std::optional<quint64>> accountSeriesVersion(Connection &c, const QUuid &id)
{
    const auto found = c.scalar(kAccountSeriesVersion, {{u":id"_s, id}});
    if (!found) {
        return found.error();
    }
    if (found->isNull()) {
        return std::optional<quint64>();
    }
    // xid8 as text: the full 64-bit transaction id (epoch included).
    bool ok = false;
    const quint64 version = found->toString().toULongLong(&ok);
    if (!ok) {
        return common::Error::internal();
    }
    return std::optional(version);
}

namespace {

/// A number as QJsonDocument writes it (Qt's shortest round-trip form; non-finite: null).
void appendNumber(QByteArray &out, double value)
{
    out += std::isfinite(value) ? QByteArray::number(value, 'g', QLocale::FloatingPointShortest)
                                : QByteArrayLiteral("null");
}

/// The daily points written directly, byte for byte as QJsonDocument wrote the same
/// QJsonObjects (keys sorted, Qt's number forms): building 730 objects of seven values and
/// writing them cost about 5 ms of CPU per two-year series.
QByteArray dailyPointsJson(QSqlQuery &q)
{
    QByteArray out;
    out.reserve(qsizetype(160) * 732);
    out += '[';
    const auto count = [&q, &out](const char *key, int column) {
        out += key;
        if (q.isNull(column)) {
            out += "null";
        } else {
            out += QByteArray::number(db::toInt64(q.value(column)));
        }
    };
    bool first = true;
    while (q.next()) {
        out += first ? R"({"date":")" : R"(,{"date":")";
        first = false;
        out += q.value(0).toString().toLatin1(); // YYYY-MM-DD: nothing to escape
        out += R"(","engagementRate":)";
        if (q.isNull(6)) {
            out += "null";
        } else {
            appendNumber(out, q.value(6).toDouble());
        }
        count(R"(,"followers":)", 1);
        count(R"(,"following":)", 2);
        count(R"(,"posts":)", 3);
        count(R"(,"reach":)", 5);
        count(R"(,"views":)", 4);
        out += '}';
    }
    out += ']';
    return out;
}

} // namespace

Result<QByteArray> metricsSeries(
        Connection &c, const QUuid &id, const QDate &from, const QDate &to, const QString &interval)
{
    if (interval != u"day"_s) {
        const auto points = json(c, kMetrics,
                {{u":interval"_s, interval}, {u":id"_s, id}, {u":from"_s, from}, {u":to"_s, to}});
        if (!points) {
            return points.error();
        }
        // Through QJsonDocument: Qt's number forms, as every other route writes them.
        return QJsonDocument(QJsonDocument::fromJson(*points).array())
                .toJson(QJsonDocument::Compact);
    }
    auto rows = c.run(kDailyMetrics, {{u":id"_s, id}, {u":from"_s, from}, {u":to"_s, to}});
    if (!rows) {
        return rows.error();
    }
    return dailyPointsJson(**rows);
}

} // namespace influence::server::profiles::store

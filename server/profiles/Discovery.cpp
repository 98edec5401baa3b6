// SPDX-License-Identifier: Apache-2.0
#include "Discovery.h"

#include "common/Domain.h"
#include "common/Money.h"
#include "common/Validation.h"
#include "crypto/Crypto.h"
#include "db/Connection.h"
#include "http/Request.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::profiles {

namespace {

constexpr int kMaxLimit = 100;
constexpr int kCountCap = 10'000;

Error invalid(const QString &parameter, const QString &message)
{
    return Error::invalidParameter(parameter, u"invalid_value"_s, message);
}

QString sortName(DiscoveryQuery::Sort sort)
{
    switch (sort) {
    case DiscoveryQuery::Sort::Relevance: return u"relevance"_s;
    case DiscoveryQuery::Sort::Followers: return u"followers"_s;
    case DiscoveryQuery::Sort::Engagement: return u"engagement"_s;
    case DiscoveryQuery::Sort::Growth: return u"growth"_s;
    }
    return {};
}

/// A comma-separated list of values accepted by `valid`.
Result<QStringList> list(const http::Request &request, const QString &name,
        const std::function<bool(const QString &)> &valid, const QString &what)
{
    QStringList values;
    if (!request.hasQuery(name)) {
        return values;
    }
    const QStringList parts = request.queryValue(name).split(u',', Qt::SkipEmptyParts);
    if (parts.size() > 20) {
        return invalid(name, u"At most 20 values."_s);
    }
    for (const QString &part : parts) {
        const QString value = part.trimmed();
        if (!valid(value)) {
            return invalid(name, what);
        }
        values.append(value);
    }
    return values;
}

Result<std::optional<qint64>> count(const http::Request &request, const QString &name)
{
    if (!request.hasQuery(name)) {
        return std::optional<qint64>();
    }
    bool ok = false;
    const qint64 value = request.queryValue(name).toLongLong(&ok);
    if (!ok || value < 0) {
        return invalid(name, u"Must be a whole number ≥ 0."_s);
    }
    return std::optional(value);
}

QString jsonList(const QStringList &values)
{
    return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QByteArray encodeCursor(DiscoveryQuery::Sort sort, const QVariant &key, const QString &id)
{
    const QJsonObject cursor{
            {u"s"_s, sortName(sort)}, {u"k"_s, QJsonValue::fromVariant(key)}, {u"id"_s, id}};
    return crypto::base64Url(QJsonDocument(cursor).toJson(QJsonDocument::Compact));
}

Result<std::pair<QVariant, QString>> decodeCursor(const QString &text, DiscoveryQuery::Sort sort)
{
    bool ok = false;
    const QByteArray raw = crypto::fromBase64Url(text.toLatin1(), &ok);
    const QJsonObject cursor = QJsonDocument::fromJson(raw).object();
    const QJsonValue key = cursor.value(u"k"_s);
    const auto id = common::validation::parseUuid(cursor.value(u"id"_s).toString());
    if (!ok || !key.isDouble() || !id || cursor.value(u"s"_s).toString() != sortName(sort)) {
        return invalid(u"cursor"_s, u"Is not a cursor from this search (same sort)."_s);
    }
    return std::pair(key.toVariant(), cursor.value(u"id"_s).toString());
}

} // namespace

namespace {

Result<void> readLists(const http::Request &request, DiscoveryQuery &query)
{
    auto niches = list(request, u"niche"_s, common::isNiche,
            u"Must be niches from: %1."_s.arg(common::nicheNames().join(u", "_s)));
    auto countries = list(request, u"country"_s, common::validation::isCountryCode,
            u"Must be ISO 3166-1 alpha-2 codes in capitals."_s);
    auto languages = list(request, u"language"_s, common::validation::isLanguageCode,
            u"Must be ISO 639-1 codes in lower case."_s);
    for (auto *result : {&niches, &countries, &languages}) {
        if (!*result) {
            return result->error();
        }
    }
    query.niches = *niches;
    query.countries = *countries;
    query.languages = *languages;
    if (request.hasQuery(u"platform"_s)) {
        query.platform = request.queryValue(u"platform"_s);
        if (!common::platformFromString(query.platform)) {
            return invalid(u"platform"_s,
                    u"Must be one of: %1."_s.arg(common::platformNames().join(u", "_s)));
        }
    }
    return {};
}

Result<void> readNumbers(const http::Request &request, DiscoveryQuery &query)
{
    auto minFollowers = count(request, u"minFollowers"_s);
    auto maxFollowers = count(request, u"maxFollowers"_s);
    auto maxPrice = count(request, u"maxPrice"_s);
    for (auto *result : {&minFollowers, &maxFollowers, &maxPrice}) {
        if (!*result) {
            return result->error();
        }
    }
    query.minFollowers = *minFollowers;
    query.maxFollowers = *maxFollowers;
    query.maxPrice = *maxPrice;
    if (query.minFollowers && query.maxFollowers && *query.minFollowers > *query.maxFollowers) {
        return invalid(u"maxFollowers"_s, u"Must not be below minFollowers."_s);
    }
    if (request.hasQuery(u"minEngagementRate"_s)) {
        bool ok = false;
        const double rate = request.queryValue(u"minEngagementRate"_s).toDouble(&ok);
        if (!ok || rate < 0 || rate > 1) {
            return invalid(
                    u"minEngagementRate"_s, u"Must be a fraction between 0 and 1 (0.03 = 3 %)."_s);
        }
        query.minEngagementRate = rate;
    }
    return {};
}

Result<void> readPrice(const http::Request &request, DiscoveryQuery &query)
{
    if (!query.maxPrice && !request.hasQuery(u"deliverableType"_s)
            && !request.hasQuery(u"currency"_s)) {
        return {};
    }
    query.deliverableType = request.queryValue(u"deliverableType"_s);
    query.currency = request.queryValue(u"currency"_s);
    if (!common::deliverableTypeFromString(query.deliverableType)) {
        return invalid(u"deliverableType"_s,
                u"A price filter needs a deliverable type: %1."_s.arg(
                        common::deliverableTypeNames().join(u", "_s)));
    }
    if (!query.maxPrice || !common::isCurrencyCode(query.currency)) {
        return invalid(query.maxPrice ? u"currency"_s : u"maxPrice"_s,
                u"A price filter needs maxPrice (minor units) and an ISO 4217 currency."_s);
    }
    return {};
}

Result<void> readOrder(const http::Request &request, DiscoveryQuery &query)
{
    using Sort = DiscoveryQuery::Sort;
    static const QHash<QString, Sort> sorts{{u"relevance"_s, Sort::Relevance},
            {u"followers"_s, Sort::Followers}, {u"engagement"_s, Sort::Engagement},
            {u"growth"_s, Sort::Growth}};
    const QString sort = request.queryValue(u"sort"_s);
    if (sort.isEmpty()) {
        query.sort = query.text.isEmpty() ? Sort::Followers : Sort::Relevance;
    } else if (!sorts.contains(sort)) {
        return invalid(u"sort"_s, u"Must be relevance, followers, engagement or growth."_s);
    } else {
        query.sort = sorts.value(sort);
    }
    if (query.sort == Sort::Relevance && query.text.isEmpty()) {
        return invalid(u"sort"_s, u"Sorting by relevance needs a search text (q)."_s);
    }
    if (request.hasQuery(u"limit"_s)) {
        bool ok = false;
        query.limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > kMaxLimit) {
            return invalid(u"limit"_s, u"Must be between 1 and %1."_s.arg(kMaxLimit));
        }
    }
    if (request.hasQuery(u"cursor"_s)) {
        auto after = decodeCursor(request.queryValue(u"cursor"_s), query.sort);
        if (!after) {
            return after.error();
        }
        query.after = *after;
    }
    return {};
}

using Binds = QList<std::pair<QString, QVariant>>;

/// The WHERE conditions and their values: fixed SQL fragments chosen by which filters are
/// present; every value is bound.
void addContentFilters(const DiscoveryQuery &query, QStringList &where, Binds &binds)
{
    if (!query.text.isEmpty()) {
        // The query in a subquery: computed once per statement, also in generic plans (as an
        // expression it was parsed again for every row that the ranking reads).
        where << u"d.search @@ (SELECT websearch_to_tsquery('simple', :q1) || websearch_to_tsquery('english', :q2))"_s;
        binds << std::pair(u":q1"_s, query.text) << std::pair(u":q2"_s, query.text);
    }
    if (!query.niches.isEmpty()) {
        where << u"d.niches && ARRAY(SELECT jsonb_array_elements_text(CAST(:niches AS jsonb)))"_s;
        binds << std::pair(u":niches"_s, jsonList(query.niches));
    }
    if (!query.countries.isEmpty()) {
        where << u"d.country = ANY (CAST(ARRAY(SELECT jsonb_array_elements_text(CAST(:countries AS jsonb))) AS bpchar[]))"_s;
        binds << std::pair(u":countries"_s, jsonList(query.countries));
    }
    if (!query.languages.isEmpty()) {
        where << u"d.languages && ARRAY(SELECT jsonb_array_elements_text(CAST(:languages AS jsonb)))"_s;
        binds << std::pair(u":languages"_s, jsonList(query.languages));
    }
    if (!query.platform.isEmpty()) {
        where << u"d.platforms @> ARRAY[CAST(:platform AS text)]"_s;
        binds << std::pair(u":platform"_s, query.platform);
    }
}

void addFigureFilters(const DiscoveryQuery &query, QStringList &where, Binds &binds)
{
    if (query.minFollowers || query.maxFollowers) {
        // On the platform when one is given, else over all accounts.
        const QString range = u"%1 >= :minFollowers AND %1 <= :maxFollowers"_s;
        if (query.platform.isEmpty()) {
            where << range.arg(u"d.total_followers"_s);
        } else {
            where << u"EXISTS (SELECT 1 FROM connected_accounts a WHERE a.influencer_id = "
                     u"d.user_id "
                     "AND a.platform = :accountPlatform AND a.status <> 'disconnected' AND "_s
                            + range.arg(u"a.followers"_s) + u')';
            binds << std::pair(u":accountPlatform"_s, query.platform);
        }
        binds << std::pair(u":minFollowers"_s, query.minFollowers.value_or(0))
              << std::pair(u":maxFollowers"_s,
                         query.maxFollowers.value_or(std::numeric_limits<qint64>::max()));
    }
    if (query.minEngagementRate) {
        where << u"d.engagement_rate >= :minEngagement"_s;
        binds << std::pair(u":minEngagement"_s, *query.minEngagementRate);
    }
    if (query.maxPrice) {
        where << u"EXISTS (SELECT 1 FROM influencer_rates r WHERE r.influencer_id = d.user_id "
                 "AND r.deliverable_type = :deliverableType AND r.currency = :currency "
                 "AND r.amount_minor <= :maxPrice)"_s;
        binds << std::pair(u":deliverableType"_s, query.deliverableType)
              << std::pair(u":currency"_s, query.currency)
              << std::pair(u":maxPrice"_s, *query.maxPrice);
    }
}

/// The sort key expression (`suffix` renames its placeholders, as each may appear once) and
/// its SQL type.
std::pair<QString, QString> sortKey(
        DiscoveryQuery::Sort sort, const QString &first, const QString &second)
{
    switch (sort) {
    case DiscoveryQuery::Sort::Relevance:
        return {u"ts_rank(d.search, (SELECT websearch_to_tsquery('simple', %1) || websearch_to_tsquery('english', %2)))"_s
                        .arg(first, second),
                u"real"_s};
    case DiscoveryQuery::Sort::Followers: return {u"d.total_followers"_s, u"bigint"_s};
    case DiscoveryQuery::Sort::Engagement: return {u"coalesce(d.engagement_rate, -1)"_s, u"real"_s};
    case DiscoveryQuery::Sort::Growth: return {u"coalesce(d.growth_30d, -1e9)"_s, u"real"_s};
    }
    return {};
}

/// The number of matches, up to a cap.
Result<qint64> countMatches(db::Connection &c, const QString &from, const Binds &binds)
{
    const QString sql =
            u"SELECT count(*) FROM (SELECT 1"_s + from + u" LIMIT %1) t"_s.arg(kCountCap + 1);
    auto counted = c.runDynamic(sql, binds);
    if (!counted) {
        return counted.error();
    }
    const qint64 total = (*counted)->next() ? db::toInt64((*counted)->value(0)) : 0;
    (*counted)->finish();
    return total;
}

} // namespace

Result<DiscoveryQuery> DiscoveryQuery::fromRequest(const http::Request &request)
{
    DiscoveryQuery query;
    query.text = request.queryValue(u"q"_s).trimmed();
    if (query.text.size() > 200) {
        return invalid(u"q"_s, u"At most 200 characters."_s);
    }
    for (const auto read : {readLists, readNumbers, readPrice, readOrder}) {
        if (auto ok = read(request, query); !ok) {
            return ok.error();
        }
    }
    return query;
}

Result<QByteArray> discover(db::Connection &c, const DiscoveryQuery &query)
{
    // Disabled creators are left out by an anti-join against the few users who are not active
    // (users_not_active_idx), not by looking up the user row of every match.
    QStringList where{
            u"NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.user_id AND u.status <> 'active')"_s};
    Binds binds;
    addContentFilters(query, where, binds);
    addFigureFilters(query, where, binds);
    const QString from = u" FROM influencer_details d WHERE "_s + where.join(u" AND "_s);

    QJsonObject result;
    if (!query.after) { // the total comes with the first page only
        const auto total = countMatches(c, from, binds);
        if (!total) {
            return total.error();
        }
        result.insert(u"total"_s, qMin<qint64>(*total, kCountCap));
        result.insert(u"totalIsLowerBound"_s, *total > kCountCap);
    }

    const bool relevance = query.sort == DiscoveryQuery::Sort::Relevance;
    const auto [key, keyType] = sortKey(query.sort, u":q3"_s, u":q4"_s);
    if (relevance) {
        binds << std::pair(u":q3"_s, query.text) << std::pair(u":q4"_s, query.text);
    }
    QString pageWhere;
    if (query.after) {
        pageWhere = u" AND (%1, d.user_id) < (CAST(:afterKey AS %2), CAST(:afterId AS uuid))"_s.arg(
                sortKey(query.sort, u":q5"_s, u":q6"_s).first, keyType);
        if (relevance) {
            binds << std::pair(u":q5"_s, query.text) << std::pair(u":q6"_s, query.text);
        }
        const double after = query.after->first.toDouble();
        binds << std::pair(u":afterKey"_s,
                keyType == u"bigint"_s ? QVariant(static_cast<qint64>(after)) : QVariant(after))
              << std::pair(u":afterId"_s, query.after->second);
    }
    const QString sql =
            u"SELECT jsonb_build_object('id', d.user_id, 'displayName', d.display_name, "
            "'bio', left(d.bio, 200), 'niches', to_jsonb(d.niches), 'country', d.country, "
            "'languages', to_jsonb(d.languages), 'totalFollowers', d.total_followers, "
            "'engagementRate', d.engagement_rate, 'growth30d', d.growth_30d, "
            "'platforms', to_jsonb(d.platforms))::text, "_s
            + key + u", d.user_id"_s + from + pageWhere
            + u" ORDER BY 2 DESC, 3 DESC LIMIT %1"_s.arg(query.limit + 1);
    auto rows = c.runDynamic(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QJsonArray items;
    QVariant lastKey;
    QString lastId;
    bool more = false;
    while ((*rows)->next()) {
        if (items.size() == query.limit) {
            more = true;
            break;
        }
        items.append(QJsonDocument::fromJson((*rows)->value(0).toString().toUtf8()).object());
        lastKey = (*rows)->value(1);
        lastId = (*rows)->value(2).toString();
    }
    (*rows)->finish();
    result.insert(u"items"_s, items);
    result.insert(u"nextCursor"_s,
            more ? QJsonValue(QString::fromLatin1(
                    encodeCursor(query.sort, QVariant(lastKey.toDouble()), lastId)))
                 : QJsonValue());
    return QJsonDocument(result).toJson(QJsonDocument::Compact);
}

} // namespace influence::server::profiles

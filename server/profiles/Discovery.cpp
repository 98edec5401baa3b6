// SPDX-License-Identifier: Apache-2.0
#include "Discovery.h"

#include "DiscoveryIndex.h"
#include "common/Domain.h"
#include "common/Money.h"
#include "common/Validation.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "core/http/Request.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <charconv>
#include <cstdlib>
#include <memory>

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

const db::SqlStatement kTextMatches(
        u"SELECT d.user_id::text, 0 FROM influencer_details d WHERE d.search @@ "
        "(SELECT websearch_to_tsquery('simple', :q1) || websearch_to_tsquery('english', :q2))"_s);
const db::SqlStatement kRankedTextMatches(
        u"SELECT d.user_id::text, ts_rank(d.search, s.q) FROM influencer_details d, "
        "(SELECT websearch_to_tsquery('simple', :q1) || websearch_to_tsquery('english', :q2) AS q) "
        "s "
        "WHERE d.search @@ s.q"_s);
/// The creators whose name, handles or bio match the search text (PostgreSQL stems it), with
/// their rank when the search sorts by relevance.
Result<std::vector<TextMatch>> textMatches(db::Connection &c, const DiscoveryQuery &query)
{
    const bool ranked = query.sort == DiscoveryQuery::Sort::Relevance;
    auto rows = c.run(ranked ? kRankedTextMatches : kTextMatches,
            {{u":q1"_s, query.text}, {u":q2"_s, query.text}});
    if (!rows) {
        return rows.error();
    }
    std::vector<TextMatch> matches;
    while ((*rows)->next()) {
        matches.push_back({QUuid::fromString((*rows)->value(0).toString()),
                static_cast<float>((*rows)->value(1).toDouble())});
    }
    return matches;
}

/// A real (ts_rank, engagement, growth) as the SQL path read it: QPSQL parsed PostgreSQL's
/// shortest text for the float4 into a double. Cursors carry that double.
double asReadFromText(double key)
{
    const auto value = static_cast<float>(key);
    std::array<char, 32> text{};
    auto *const end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    return std::strtod(
            QByteArray(text.data(), static_cast<int>(end - text.data())).constData(), nullptr);
}

/// `{"items":[…],…}`: `document` with an empty items array, the page's first `limit` items
/// put in it as the index keeps them (QJsonDocument's compact form).
QByteArray withItems(const QJsonObject &document, const QList<IndexPage::Item> &items, int limit)
{
    QByteArray out = QJsonDocument(document).toJson(QJsonDocument::Compact);
    // "items" sorts first among the keys, so QJsonDocument writes it first.
    const QByteArray empty = R"({"items":[])";
    Q_ASSERT(out.startsWith(empty));
    QByteArray joined;
    for (qsizetype i = 0; i < qMin<qsizetype>(items.size(), limit); ++i) {
        if (i > 0) {
            joined += ',';
        }
        joined += items[i].json;
    }
    return out.insert(empty.size() - 1, joined);
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

Result<QByteArray> discover(db::Connection &c, DiscoveryIndex &index, const DiscoveryQuery &query)
{
    if (auto current = index.catchUp(c); !current) {
        return current.error();
    }
    std::shared_ptr<const TextMatches> text;
    if (!query.text.isEmpty()) {
        const bool ranked = query.sort == DiscoveryQuery::Sort::Relevance;
        const QString key = (ranked ? u"ranked:"_s : u"matched:"_s) + query.text;
        const quint64 generation = index.generation();
        text = index.cachedText(key);
        if (!text) {
            auto matches = textMatches(c, query);
            if (!matches) {
                return matches.error();
            }
            text = index.keepText(key, generation, std::move(*matches));
        }
    }
    const IndexPage page = index.select(query, text.get());

    QJsonObject result;
    if (!query.after) { // the total comes with the first page only
        result.insert(u"total"_s, qMin<qint64>(page.matches, kCountCap));
        result.insert(u"totalIsLowerBound"_s, page.matches > kCountCap);
    }
    result.insert(u"items"_s, QJsonArray());
    const bool more = page.items.size() > query.limit;
    QJsonValue next;
    if (more) {
        const IndexPage::Item &last = page.items[query.limit - 1];
        const double key =
                query.sort == DiscoveryQuery::Sort::Followers ? last.key : asReadFromText(last.key);
        next = QString::fromLatin1(
                encodeCursor(query.sort, QVariant(key), last.id.toString(QUuid::WithoutBraces)));
    }
    result.insert(u"nextCursor"_s, next);
    return withItems(result, page.items, query.limit);
}

} // namespace influence::server::profiles

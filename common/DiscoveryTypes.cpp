// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryTypes.h"

#include "Domain.h"
#include "Error.h"
#include "Money.h"
#include "Validation.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QVariant>

#include <functional>

using namespace Qt::StringLiterals;

namespace influence::common::discovery {

namespace {

constexpr int kMaxText = 200;
constexpr int kMaxListValues = 20;

Error invalid(const QString &parameter, const QString &message)
{
    return Error::invalidParameter(parameter, u"invalid_value"_s, message);
}

/// The parameters of one request, read as the server's Request reads them (fully decoded).
class Parameters
{
public:
    explicit Parameters(const QUrlQuery &query)
        : m_query(query)
    { }

    bool has(const QString &name) const { return m_query.hasQueryItem(name); }
    QString value(const QString &name) const
    {
        return m_query.queryItemValue(name, QUrl::FullyDecoded);
    }

private:
    const QUrlQuery &m_query;
};

/// A comma-separated list of values accepted by `valid`.
Result<QStringList> list(const Parameters &parameters, const QString &name,
        const std::function<bool(const QString &)> &valid, const QString &what)
{
    QStringList values;
    if (!parameters.has(name)) {
        return values;
    }
    const QStringList parts = parameters.value(name).split(u',', Qt::SkipEmptyParts);
    if (parts.size() > kMaxListValues) {
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

Result<std::optional<qint64>> count(const Parameters &parameters, const QString &name)
{
    if (!parameters.has(name)) {
        return std::optional<qint64>();
    }
    bool ok = false;
    const qint64 value = parameters.value(name).toLongLong(&ok);
    if (!ok || value < 0) {
        return invalid(name, u"Must be a whole number ≥ 0."_s);
    }
    return std::optional(value);
}

/// Base64url without padding, one spelling per value (as the server's tokens are read).
std::optional<QByteArray> fromBase64Url(const QString &text)
{
    const QByteArray latin1 = text.toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(
            latin1, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok || latin1.contains('=')) {
        return std::nullopt;
    }
    return decoded.decoded;
}

Result<DiscoveryCursor> decodeCursor(const QString &text, DiscoverySort sort)
{
    const std::optional<QByteArray> raw = fromBase64Url(text);
    const QJsonObject cursor = QJsonDocument::fromJson(raw.value_or(QByteArray())).object();
    const QJsonValue key = cursor.value(u"k"_s);
    const auto id = validation::parseUuid(cursor.value(u"id"_s).toString());
    if (!raw || !key.isDouble() || !id || cursor.value(u"s"_s).toString() != sortName(sort)) {
        return invalid(u"cursor"_s, u"Is not a cursor from this search (same sort)."_s);
    }
    return DiscoveryCursor{key.toDouble(), *id};
}

Result<void> readLists(const Parameters &parameters, DiscoverySearch &search)
{
    auto niches = list(parameters, u"niche"_s, isNiche,
            u"Must be niches from: %1."_s.arg(nicheNames().join(u", "_s)));
    auto countries = list(parameters, u"country"_s, validation::isCountryCode,
            u"Must be ISO 3166-1 alpha-2 codes in capitals."_s);
    auto languages = list(parameters, u"language"_s, validation::isLanguageCode,
            u"Must be ISO 639-1 codes in lower case."_s);
    for (auto *result : {&niches, &countries, &languages}) {
        if (!*result) {
            return result->error();
        }
    }
    search.niches = *niches;
    search.countries = *countries;
    search.languages = *languages;
    if (parameters.has(u"platform"_s)) {
        search.platform = parameters.value(u"platform"_s);
        if (!platformFromString(search.platform)) {
            return invalid(
                    u"platform"_s, u"Must be one of: %1."_s.arg(platformNames().join(u", "_s)));
        }
    }
    return {};
}

Result<void> readNumbers(const Parameters &parameters, DiscoverySearch &search)
{
    auto minFollowers = count(parameters, u"minFollowers"_s);
    auto maxFollowers = count(parameters, u"maxFollowers"_s);
    auto maxPrice = count(parameters, u"maxPrice"_s);
    for (auto *result : {&minFollowers, &maxFollowers, &maxPrice}) {
        if (!*result) {
            return result->error();
        }
    }
    search.minFollowers = *minFollowers;
    search.maxFollowers = *maxFollowers;
    search.maxPrice = *maxPrice;
    if (search.minFollowers && search.maxFollowers && *search.minFollowers > *search.maxFollowers) {
        return invalid(u"maxFollowers"_s, u"Must not be below minFollowers."_s);
    }
    if (parameters.has(u"minEngagementRate"_s)) {
        bool ok = false;
        const double rate = parameters.value(u"minEngagementRate"_s).toDouble(&ok);
        if (!ok || rate < 0 || rate > 1) {
            return invalid(
                    u"minEngagementRate"_s, u"Must be a fraction between 0 and 1 (0.03 = 3 %)."_s);
        }
        search.minEngagementRate = rate;
    }
    if (parameters.has(u"minAuthenticity"_s)) {
        bool ok = false;
        const int score = parameters.value(u"minAuthenticity"_s).toInt(&ok);
        if (!ok || score < 0 || score > 100) {
            return invalid(u"minAuthenticity"_s, u"Must be a whole number from 0 to 100."_s);
        }
        search.minAuthenticity = score;
    }
    return {};
}

Result<void> readPrice(const Parameters &parameters, DiscoverySearch &search)
{
    if (!search.maxPrice && !parameters.has(u"deliverableType"_s)
            && !parameters.has(u"currency"_s)) {
        return {};
    }
    search.deliverableType = parameters.value(u"deliverableType"_s);
    search.currency = parameters.value(u"currency"_s);
    if (!deliverableTypeFromString(search.deliverableType)) {
        return invalid(u"deliverableType"_s,
                u"A price filter needs a deliverable type: %1."_s.arg(
                        deliverableTypeNames().join(u", "_s)));
    }
    if (!search.maxPrice || !isCurrencyCode(search.currency)) {
        return invalid(search.maxPrice ? u"currency"_s : u"maxPrice"_s,
                u"A price filter needs maxPrice (minor units) and an ISO 4217 currency."_s);
    }
    return {};
}

Result<void> readOrder(const Parameters &parameters, DiscoverySearch &search)
{
    using Sort = DiscoverySort;
    static const QHash<QString, Sort> sorts{{u"relevance"_s, Sort::Relevance},
            {u"followers"_s, Sort::Followers}, {u"engagement"_s, Sort::Engagement},
            {u"growth"_s, Sort::Growth}, {u"authenticity"_s, Sort::Authenticity}};
    const QString sort = parameters.value(u"sort"_s);
    if (sort.isEmpty()) {
        search.sort = search.text.isEmpty() ? Sort::Followers : Sort::Relevance;
    } else if (!sorts.contains(sort)) {
        return invalid(
                u"sort"_s, u"Must be relevance, followers, engagement, growth or authenticity."_s);
    } else {
        search.sort = sorts.value(sort);
    }
    if (search.sort == Sort::Relevance && search.text.isEmpty()) {
        return invalid(u"sort"_s, u"Sorting by relevance needs a search text (q)."_s);
    }
    if (parameters.has(u"limit"_s)) {
        bool ok = false;
        search.limit = parameters.value(u"limit"_s).toInt(&ok);
        if (!ok || search.limit < 1 || search.limit > kMaxLimit) {
            return invalid(u"limit"_s, u"Must be between 1 and %1."_s.arg(kMaxLimit));
        }
    }
    if (parameters.has(u"cursor"_s)) {
        auto after = decodeCursor(parameters.value(u"cursor"_s), search.sort);
        if (!after) {
            return after.error();
        }
        search.after = *after;
    }
    return {};
}

} // namespace

Result<DiscoverySearch> validateSearch(const QUrlQuery &query)
{
    const Parameters parameters(query);
    DiscoverySearch search;
    search.text = parameters.value(u"q"_s).trimmed();
    if (search.text.size() > kMaxText) {
        return invalid(u"q"_s, u"At most 200 characters."_s);
    }
    for (const auto read : {readLists, readNumbers, readPrice, readOrder}) {
        if (auto ok = read(parameters, search); !ok) {
            return ok.error();
        }
    }
    return search;
}

QString sortName(DiscoverySort sort)
{
    switch (sort) {
    case DiscoverySort::Relevance: return u"relevance"_s;
    case DiscoverySort::Followers: return u"followers"_s;
    case DiscoverySort::Engagement: return u"engagement"_s;
    case DiscoverySort::Growth: return u"growth"_s;
    case DiscoverySort::Authenticity: return u"authenticity"_s;
    }
    return {};
}

QString encodeCursor(DiscoverySort sort, double key, const QUuid &id)
{
    // QJsonValue::fromVariant, as the cursor has always been written (a non-finite key: null).
    const QJsonObject cursor{{u"s"_s, sortName(sort)},
            {u"k"_s, QJsonValue::fromVariant(QVariant(key))},
            {u"id"_s, id.toString(QUuid::WithoutBraces)}};
    return QString::fromLatin1(
            QJsonDocument(cursor)
                    .toJson(QJsonDocument::Compact)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace influence::common::discovery

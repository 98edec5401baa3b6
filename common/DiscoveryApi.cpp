// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryApi.h"

#include "ApiClient.h"
#include "Domain.h"
#include "Error.h"
#include "Money.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const auto &entry : array) {
        list.append(entry.toString());
    }
    return list;
}

std::optional<double> optionalNumber(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    return value.toDouble();
}

} // namespace

QUrlQuery DiscoveryQuery::toQuery(const QString &cursor) const
{
    QUrlQuery query;
    const auto add = [&query](const QString &name, const QString &value) {
        if (!value.trimmed().isEmpty()) {
            query.addQueryItem(name, value.trimmed());
        }
    };
    add(u"q"_s, text);
    add(u"niche"_s, niche);
    add(u"platform"_s, platform);
    add(u"country"_s, country);
    add(u"language"_s, language);
    if (minFollowers) {
        add(u"minFollowers"_s, QString::number(*minFollowers));
    }
    if (maxFollowers) {
        add(u"maxFollowers"_s, QString::number(*maxFollowers));
    }
    if (minEngagementRate) {
        add(u"minEngagementRate"_s, QString::number(*minEngagementRate, 'g', 6));
    }
    if (minAuthenticity) {
        add(u"minAuthenticity"_s, QString::number(*minAuthenticity));
    }
    // The server refuses a price filter that lacks one of its parts.
    if (maxPrice && !deliverableType.trimmed().isEmpty() && !currency.trimmed().isEmpty()) {
        add(u"deliverableType"_s, deliverableType);
        add(u"maxPrice"_s, QString::number(*maxPrice));
        add(u"currency"_s, currency);
    }
    add(u"sort"_s, sort);
    add(u"limit"_s, QString::number(limit));
    add(u"cursor"_s, cursor);
    return query;
}

Result<DiscoveryItem> DiscoveryItem::fromJson(const QJsonObject &json)
{
    DiscoveryItem item;
    item.id = json.value(u"id"_s).toString();
    if (item.id.isEmpty()) {
        return Error::make(ErrorCode::InvalidResponse, u"A discovery item has no id."_s);
    }
    item.displayName = json.value(u"displayName"_s).toString();
    item.country = json.value(u"country"_s).toString();
    item.niches = strings(json.value(u"niches"_s));
    item.languages = strings(json.value(u"languages"_s));
    item.platforms = strings(json.value(u"platforms"_s));
    item.totalFollowers = json.value(u"totalFollowers"_s).toInteger();
    item.engagementRate = optionalNumber(json.value(u"engagementRate"_s));
    item.growth30d = optionalNumber(json.value(u"growth30d"_s));
    if (const auto score = optionalNumber(json.value(u"authenticityScore"_s))) {
        item.authenticityScore = static_cast<int>(*score);
    }
    const QJsonArray rates = json.value(u"rates"_s).toArray();
    for (const auto &value : rates) {
        const QJsonObject rate = value.toObject();
        // A type this client does not know yet is left out, not an error.
        const auto type = deliverableTypeFromString(rate.value(u"type"_s).toString());
        const QString currency = rate.value(u"currency"_s).toString();
        if (type && isCurrencyCode(currency)) {
            item.rates.append({*type, Money{rate.value(u"amountMinor"_s).toInteger(), currency}});
        }
    }
    return item;
}

std::optional<Money> DiscoveryItem::rate(const QString &type) const
{
    const auto wanted = deliverableTypeFromString(type);
    for (const Rate &entry : rates) {
        if (wanted && entry.type == *wanted) {
            return entry.price;
        }
    }
    return std::nullopt;
}

Result<DiscoveryPage> DiscoveryPage::fromJson(const QJsonObject &json)
{
    DiscoveryPage page;
    const QJsonArray items = json.value(u"items"_s).toArray();
    page.items.reserve(items.size());
    for (const auto &value : items) {
        auto item = DiscoveryItem::fromJson(value.toObject());
        if (!item) {
            return item.error();
        }
        page.items.append(std::move(*item));
    }
    page.nextCursor = json.value(u"nextCursor"_s).toString();
    if (json.value(u"total"_s).isDouble()) {
        page.total = json.value(u"total"_s).toInteger();
    }
    return page;
}

QFuture<Result<DiscoveryPage>> DiscoveryApi::discover(
        const DiscoveryQuery &query, const QString &cursor) const
{
    return readObject<DiscoveryPage>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/influencers"_s, query.toQuery(cursor)),
            DiscoveryPage::fromJson);
}

} // namespace influence::common

// SPDX-License-Identifier: Apache-2.0
#include "CollabApi.h"

#include "ApiClient.h"

#include <QUrlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, what);
}

QDateTime timestamp(const QJsonObject &json, const QString &field)
{
    return QDateTime::fromString(json.value(field).toString(), Qt::ISODateWithMs);
}

QString optionalDate(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

template<class T>
QJsonValue nullable(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject targetingJson(const CampaignTargeting &t)
{
    return {{u"niches"_s, QJsonArray::fromStringList(t.niches)},
            {u"countries"_s, QJsonArray::fromStringList(t.countries)},
            {u"languages"_s, QJsonArray::fromStringList(t.languages)},
            {u"minFollowers"_s, nullable(t.minFollowers)},
            {u"maxFollowers"_s, nullable(t.maxFollowers)},
            {u"minEngagementRate"_s, nullable(t.minEngagementRate)}};
}

template<class T>
Result<Page<T>> page(const QJsonObject &json)
{
    Page<T> result;
    const QJsonArray items = json.value(u"items"_s).toArray();
    result.items.reserve(items.size());
    for (const auto &value : items) {
        auto item = T::fromJson(value.toObject());
        if (!item) {
            return item.error();
        }
        result.items.append(std::move(*item));
    }
    result.nextCursor = json.value(u"nextCursor"_s).toString();
    return result;
}

QString campaignPath(const QString &id)
{
    return u"/api/v1/campaigns/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString dealPath(const QString &id)
{
    return u"/api/v1/deals/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString deliverablePath(const QString &id)
{
    return u"/api/v1/deliverables/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

int Campaign::dealCount() const
{
    int total = 0;
    for (const int count : dealsByState) {
        total += count;
    }
    return total;
}

Result<Campaign> Campaign::fromJson(const QJsonObject &json)
{
    Campaign campaign;
    campaign.id = json.value(u"id"_s).toString();
    if (campaign.id.isEmpty()) {
        return invalid(u"A campaign has no id."_s);
    }
    const auto status = collabFromString<CampaignStatus>(json.value(u"status"_s).toString());
    if (!status) {
        return invalid(u"A campaign has an unknown status."_s);
    }
    campaign.status = *status;
    // The server sends what it validated; the same rules read it back.
    auto details = collab::validateCampaign(json);
    if (!details) {
        return invalid(u"A campaign has invalid fields: "_s + details.error().detail);
    }
    campaign.details = std::move(*details);
    campaign.brandId = json.value(u"brandId"_s).toString();
    campaign.brandName = json.value(u"brandName"_s).toString();
    campaign.launchedAt = timestamp(json, u"launchedAt"_s);
    campaign.closedAt = timestamp(json, u"closedAt"_s);
    campaign.createdAt = timestamp(json, u"createdAt"_s);
    campaign.updatedAt = timestamp(json, u"updatedAt"_s);
    const QJsonValue progress = json.value(u"progress"_s);
    if (progress.isObject()) {
        campaign.hasProgress = true;
        const QJsonObject p = progress.toObject();
        const QJsonObject deals = p.value(u"deals"_s).toObject();
        for (auto it = deals.begin(); it != deals.end(); ++it) {
            if (const auto state = collabFromString<DealState>(it.key())) {
                campaign.dealsByState[*state] = it.value().toInt();
            }
        }
        campaign.deliverablesLive = p.value(u"deliverablesLive"_s).toInt();
        campaign.deliverablesTotal = p.value(u"deliverablesTotal"_s).toInt();
    }
    return campaign;
}

Result<Offer> Offer::fromJson(const QJsonObject &json)
{
    Offer offer;
    offer.id = json.value(u"id"_s).toString();
    if (offer.id.isEmpty()) {
        return invalid(u"An offer has no id."_s);
    }
    offer.dealId = json.value(u"dealId"_s).toString();
    offer.sequence = json.value(u"sequence"_s).toInt();
    offer.madeBy = collabFromString<DealSide>(json.value(u"madeBy"_s).toString())
                           .value_or(DealSide::Brand);
    offer.status = collabFromString<OfferStatus>(json.value(u"status"_s).toString())
                           .value_or(OfferStatus::Open);
    auto terms = collab::validateOffer(json);
    if (!terms) {
        return invalid(u"An offer has invalid terms: "_s + terms.error().detail);
    }
    offer.terms = std::move(*terms);
    offer.createdAt = timestamp(json, u"createdAt"_s);
    offer.respondedAt = timestamp(json, u"respondedAt"_s);
    return offer;
}

Result<Deal> Deal::fromJson(const QJsonObject &json)
{
    Deal deal;
    deal.id = json.value(u"id"_s).toString();
    const auto state = collabFromString<DealState>(json.value(u"state"_s).toString());
    if (deal.id.isEmpty() || !state) {
        return invalid(u"A deal has no id or an unknown state."_s);
    }
    deal.state = *state;
    deal.campaignId = json.value(u"campaignId"_s).toString();
    deal.campaignName = json.value(u"campaignName"_s).toString();
    deal.brandId = json.value(u"brandId"_s).toString();
    deal.brandName = json.value(u"brandName"_s).toString();
    deal.influencerId = json.value(u"influencerId"_s).toString();
    deal.influencerName = json.value(u"influencerName"_s).toString();
    deal.origin = json.value(u"origin"_s).toString();
    deal.overdue = json.value(u"overdue"_s).toBool();
    deal.brandAcceptedAt = timestamp(json, u"brandAcceptedAt"_s);
    deal.creatorAcceptedAt = timestamp(json, u"creatorAcceptedAt"_s);
    deal.createdAt = timestamp(json, u"createdAt"_s);
    deal.updatedAt = timestamp(json, u"updatedAt"_s);
    if (json.value(u"latestOffer"_s).isObject()) {
        auto latest = Offer::fromJson(json.value(u"latestOffer"_s).toObject());
        if (!latest) {
            return latest.error();
        }
        deal.latestOffer = std::move(*latest);
    }
    if (json.value(u"payment"_s).isObject()) {
        const QJsonObject payment = json.value(u"payment"_s).toObject();
        deal.payment = DealPayment{payment.value(u"state"_s).toString(),
                {payment.value(u"feeMinor"_s).toInteger(), payment.value(u"currency"_s).toString()},
                payment.value(u"paidMinor"_s).toInteger(),
                payment.value(u"outstandingMinor"_s).toInteger(),
                payment.value(u"late"_s).toBool()};
    }
    const QJsonArray offers = json.value(u"offers"_s).toArray();
    for (const auto &value : offers) {
        auto offer = Offer::fromJson(value.toObject());
        if (!offer) {
            return offer.error();
        }
        deal.offers.append(std::move(*offer));
    }
    deal.terms = json.value(u"terms"_s).toObject();
    if (deal.terms.contains(u"paymentTerms"_s)) {
        auto paymentTerms =
                validatePaymentTerms(deal.terms.value(u"paymentTerms"_s), u"terms.paymentTerms"_s);
        if (!paymentTerms) {
            return invalid(u"A deal has invalid payment terms: "_s + paymentTerms.error().detail);
        }
        deal.paymentTerms = std::move(*paymentTerms);
    } else if (deal.latestOffer) {
        deal.paymentTerms = deal.latestOffer->terms.paymentTerms;
    }
    const QJsonArray deliverables = json.value(u"deliverables"_s).toArray();
    for (const auto &value : deliverables) {
        auto deliverable = Deliverable::fromJson(value.toObject());
        if (!deliverable) {
            return deliverable.error();
        }
        deal.deliverables.append(std::move(*deliverable));
    }
    return deal;
}

Result<DeliverableVersion> DeliverableVersion::fromJson(const QJsonObject &json)
{
    DeliverableVersion version;
    version.version = json.value(u"version"_s).toInt();
    if (version.version < 1) {
        return invalid(u"A version has no number."_s);
    }
    version.caption = json.value(u"caption"_s).toString();
    for (const auto &url : json.value(u"mediaUrls"_s).toArray()) {
        version.mediaUrls.append(url.toString());
    }
    version.notes = json.value(u"notes"_s).toString();
    version.submittedAt = timestamp(json, u"submittedAt"_s);
    version.decision = collabFromString<ReviewDecision>(json.value(u"decision"_s).toString());
    version.feedback = json.value(u"feedback"_s).toString();
    version.reviewedAt = timestamp(json, u"reviewedAt"_s);
    return version;
}

Result<Deliverable> Deliverable::fromJson(const QJsonObject &json)
{
    Deliverable item;
    item.id = json.value(u"id"_s).toString();
    const auto status = collabFromString<DeliverableStatus>(json.value(u"status"_s).toString());
    if (item.id.isEmpty() || !status) {
        return invalid(u"A deliverable has no id or an unknown status."_s);
    }
    item.status = *status;
    item.dealId = json.value(u"dealId"_s).toString();
    item.position = json.value(u"position"_s).toInt();
    item.type = json.value(u"type"_s).toString();
    item.platform = json.value(u"platform"_s).toString();
    item.dueDate = QDate::fromString(json.value(u"dueDate"_s).toString(), Qt::ISODate);
    item.overdue = json.value(u"overdue"_s).toBool();
    item.maxRevisions = json.value(u"maxRevisions"_s).toInt();
    item.revisionsUsed = json.value(u"revisionsUsed"_s).toInt();
    item.liveUrl = json.value(u"liveUrl"_s).toString();
    item.latestVersion = json.value(u"latestVersion"_s).toInt();
    for (const auto &value : json.value(u"versions"_s).toArray()) {
        auto version = DeliverableVersion::fromJson(value.toObject());
        if (!version) {
            return version.error();
        }
        item.versions.append(std::move(*version));
    }
    return item;
}

Result<DealEvent> DealEvent::fromJson(const QJsonObject &json)
{
    DealEvent event;
    event.id = json.value(u"id"_s).toInteger();
    event.kind = json.value(u"kind"_s).toString();
    if (event.kind.isEmpty()) {
        return invalid(u"An event has no kind."_s);
    }
    event.actorId = json.value(u"actorId"_s).toString();
    event.data = json.value(u"data"_s).toObject();
    event.at = timestamp(json, u"at"_s);
    return event;
}

Result<Message> Message::fromJson(const QJsonObject &json)
{
    Message message;
    message.id = json.value(u"id"_s).toString();
    if (message.id.isEmpty()) {
        return invalid(u"A message has no id."_s);
    }
    message.dealId = json.value(u"dealId"_s).toString();
    message.authorId = json.value(u"authorId"_s).toString();
    message.authorName = json.value(u"authorName"_s).toString();
    message.body = json.value(u"body"_s).toString();
    message.createdAt = timestamp(json, u"createdAt"_s);
    return message;
}

Result<Notification> Notification::fromJson(const QJsonObject &json)
{
    static const QList<std::pair<QString, ObjectType>> objectTypes{
            {u"campaign"_s, ObjectType::Campaign}, {u"deal"_s, ObjectType::Deal},
            {u"deliverable"_s, ObjectType::Deliverable}};
    Notification n;
    n.id = json.value(u"id"_s).toString();
    n.kind = json.value(u"kind"_s).toString();
    if (n.id.isEmpty() || n.kind.isEmpty()) {
        return invalid(u"A notification has no id or no kind."_s);
    }
    const QString objectType = json.value(u"objectType"_s).toString();
    const auto type = std::find_if(objectTypes.begin(), objectTypes.end(), [&](const auto &t) {
        return t.first == objectType;
    });
    n.objectId = json.value(u"objectId"_s).toString();
    if (type == objectTypes.end() || n.objectId.isEmpty()) {
        return invalid(u"A notification is about an unknown object."_s);
    }
    n.objectType = type->second;
    n.data = json.value(u"data"_s).toObject();
    // The deal, its campaign and the other party are looked up by the server when it answers;
    // older servers wrote only the first three into the event's data.
    const auto field = [&](const QString &name) {
        const QString value = json.value(name).toString();
        return value.isEmpty() ? n.data.value(name).toString() : value;
    };
    n.dealId = field(u"dealId"_s);
    if (n.dealId.isEmpty() && n.objectType == ObjectType::Deal) {
        n.dealId = n.objectId;
    }
    if (n.dealId.isEmpty() && n.objectType == ObjectType::Deliverable) {
        return invalid(u"A notification about a deliverable names no deal."_s);
    }
    n.campaignId = field(u"campaignId"_s);
    if (n.campaignId.isEmpty() && n.objectType == ObjectType::Campaign) {
        n.campaignId = n.objectId;
    }
    n.campaignName = field(u"campaignName"_s);
    const QJsonObject counterparty = json.value(u"counterparty"_s).toObject();
    n.counterpartySide = collabFromString<DealSide>(counterparty.value(u"side"_s).toString());
    n.counterpartyName = counterparty.value(u"name"_s).toString();
    n.read = json.value(u"read"_s).toBool();
    n.readAt = timestamp(json, u"readAt"_s);
    n.createdAt = timestamp(json, u"createdAt"_s);
    if (!n.createdAt.isValid()) {
        return invalid(u"A notification has no time."_s);
    }
    return n;
}

Result<int> unreadCountFromJson(const QJsonObject &json)
{
    const QJsonValue count = json.value(u"count"_s);
    // A JSON number is a double: only whole, non-negative ones that fit an int are counts.
    const double value = count.toDouble(-1);
    if (!count.isDouble() || value < 0 || value > std::numeric_limits<int>::max()
            || value != static_cast<double>(static_cast<qint64>(value))) {
        return invalid(u"The unread count is not a count."_s);
    }
    return static_cast<int>(value);
}

QJsonObject campaignJson(const CampaignInput &input)
{
    QJsonObject json{{u"name"_s, input.name}, {u"brief"_s, input.brief},
            {u"objective"_s, wireName(input.objective)},
            {u"platforms"_s, QJsonArray::fromStringList(input.platforms)},
            {u"deliverableTypes"_s, QJsonArray::fromStringList(input.deliverableTypes)},
            {u"targeting"_s, targetingJson(input.targeting)},
            {u"budgetMinor"_s, input.budget.minorUnits}, {u"currency"_s, input.budget.currency},
            {u"startDate"_s, nullable(optionalDate(input.startDate))},
            {u"endDate"_s, nullable(optionalDate(input.endDate))},
            {u"applicationDeadline"_s,
                    nullable(input.applicationDeadline.isValid()
                                    ? input.applicationDeadline.toString(Qt::ISODateWithMs)
                                    : QString())},
            {u"visibility"_s, wireName(input.visibility)}, {u"usageRights"_s, input.usageRights}};
    if (!input.brandId.isEmpty()) {
        json.insert(u"brandId"_s, input.brandId);
    }
    return json;
}

QJsonObject offerJson(const OfferInput &input)
{
    return {{u"deliverables"_s, input.deliverablesJson()}, {u"feeMinor"_s, input.fee.minorUnits},
            {u"currency"_s, input.fee.currency}, {u"usageRights"_s, input.usageRights},
            {u"maxRevisions"_s, input.maxRevisions}, {u"note"_s, input.note},
            {u"paymentTerms"_s, input.paymentTerms.toJson()}};
}

QJsonObject invitationJson(const InvitationInput &input)
{
    QJsonObject json{{u"influencerId"_s, input.influencerId}, {u"offer"_s, offerJson(input.offer)}};
    if (!input.message.trimmed().isEmpty()) {
        json.insert(u"message"_s, input.message.trimmed());
    }
    return json;
}

QJsonObject draftJson(const DraftInput &input)
{
    return {{u"caption"_s, input.caption},
            {u"mediaUrls"_s, QJsonArray::fromStringList(input.mediaUrls)},
            {u"notes"_s, input.notes}};
}

QJsonObject reviewJson(const ReviewInput &input)
{
    return {{u"decision"_s, wireName(input.decision)}, {u"feedback"_s, input.feedback}};
}

QFuture<Result<Page<Campaign>>> CollabApi::campaigns(const CampaignQuery &query) const
{
    QUrlQuery params;
    params.addQueryItem(u"view"_s, query.view == CampaignQuery::View::Own ? u"own"_s : u"open"_s);
    if (query.status) {
        params.addQueryItem(u"status"_s, wireName(*query.status));
    }
    if (!query.brandId.isEmpty()) {
        params.addQueryItem(u"brandId"_s, query.brandId);
    }
    params.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, query.cursor);
    }
    return readObject<Page<Campaign>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/campaigns"_s, params), page<Campaign>);
}

QFuture<Result<ToDos>> CollabApi::toDos(int limit) const
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    return readObject<ToDos>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/me/todos"_s, query), ToDos::fromJson);
}

QFuture<Result<Campaign>> CollabApi::campaign(const QString &id) const
{
    return readObject<Campaign>(
            m_client->send(ApiClient::Method::Get, campaignPath(id)), Campaign::fromJson);
}

QFuture<Result<Campaign>> CollabApi::createCampaign(const CampaignInput &input) const
{
    return readObject<Campaign>(m_client->send(ApiClient::Method::Post, u"/api/v1/campaigns"_s, {},
                                        QJsonDocument(campaignJson(input))),
            Campaign::fromJson);
}

QFuture<Result<Campaign>> CollabApi::updateCampaign(
        const QString &id, const CampaignInput &input) const
{
    return readObject<Campaign>(m_client->send(ApiClient::Method::Patch, campaignPath(id), {},
                                        QJsonDocument(campaignJson(input))),
            Campaign::fromJson);
}

QFuture<Result<Campaign>> CollabApi::campaignAction(const QString &id, CampaignAction action) const
{
    return readObject<Campaign>(
            m_client->send(ApiClient::Method::Post, campaignPath(id) + u'/' + wireName(action), {},
                    QJsonDocument(QJsonObject())),
            Campaign::fromJson);
}

QFuture<Result<Deal>> CollabApi::invite(
        const QString &campaignId, const InvitationInput &input) const
{
    return readObject<Deal>(
            m_client->send(ApiClient::Method::Post, campaignPath(campaignId) + u"/invitations"_s,
                    {}, QJsonDocument(invitationJson(input))),
            Deal::fromJson);
}

QUrlQuery dealsQuery(const DealQuery &query)
{
    QUrlQuery params;
    if (!query.campaignId.isEmpty()) {
        params.addQueryItem(u"campaign"_s, query.campaignId);
    }
    if (!query.states.isEmpty()) {
        QStringList names;
        for (const DealState state : query.states) {
            names.append(wireName(state));
        }
        params.addQueryItem(u"state"_s, names.join(u','));
    }
    if (query.overdueOnly) {
        params.addQueryItem(u"overdue"_s, u"true"_s);
    }
    if (!query.creator.trimmed().isEmpty()) {
        params.addQueryItem(u"creator"_s, query.creator.trimmed());
    }
    params.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, query.cursor);
    }
    return params;
}

QFuture<Result<Page<Deal>>> CollabApi::deals(const DealQuery &query) const
{
    return readObject<Page<Deal>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/deals"_s, dealsQuery(query)),
            page<Deal>);
}

QFuture<Result<Page<Deliverable>>> CollabApi::deliverables(const DeliverableQuery &query) const
{
    QUrlQuery params;
    if (!query.dealId.isEmpty()) {
        params.addQueryItem(u"deal"_s, query.dealId);
    }
    if (query.overdueOnly) {
        params.addQueryItem(u"overdue"_s, u"true"_s);
    }
    params.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, query.cursor);
    }
    return readObject<Page<Deliverable>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/deliverables"_s, params),
            page<Deliverable>);
}

QFuture<Result<Deal>> CollabApi::deal(const QString &id) const
{
    return readObject<Deal>(m_client->send(ApiClient::Method::Get, dealPath(id)), Deal::fromJson);
}

QFuture<Result<Deal>> CollabApi::dealAction(const QString &id, DealAction action) const
{
    return readObject<Deal>(
            m_client->send(ApiClient::Method::Post, dealPath(id) + u'/' + wireName(action), {},
                    QJsonDocument(QJsonObject())),
            Deal::fromJson);
}

QFuture<Result<Deal>> CollabApi::counterOffer(const QString &dealId, const OfferInput &offer) const
{
    return readObject<Deal>(m_client->send(ApiClient::Method::Post, dealPath(dealId) + u"/offers"_s,
                                    {}, QJsonDocument(offerJson(offer))),
            Deal::fromJson);
}

QFuture<Result<Deal>> CollabApi::acceptOffer(const QString &dealId, const QString &offerId) const
{
    return readObject<Deal>(
            m_client->send(ApiClient::Method::Post,
                    dealPath(dealId) + u"/offers/"_s
                            + QString::fromLatin1(QUrl::toPercentEncoding(offerId)) + u"/accept"_s,
                    {}, QJsonDocument(QJsonObject())),
            Deal::fromJson);
}

QFuture<Result<Deal>> CollabApi::declineOffer(const QString &dealId, const QString &offerId) const
{
    return readObject<Deal>(
            m_client->send(ApiClient::Method::Post,
                    dealPath(dealId) + u"/offers/"_s
                            + QString::fromLatin1(QUrl::toPercentEncoding(offerId)) + u"/decline"_s,
                    {}, QJsonDocument(QJsonObject())),
            Deal::fromJson);
}

QFuture<Result<Page<Message>>> CollabApi::messages(
        const QString &dealId, const QString &cursor, int limit) const
{
    QUrlQuery params;
    params.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, cursor);
    }
    return readObject<Page<Message>>(
            m_client->send(ApiClient::Method::Get, dealPath(dealId) + u"/messages"_s, params),
            page<Message>);
}

QFuture<Result<Message>> CollabApi::postMessage(const QString &dealId, const QString &body) const
{
    return readObject<Message>(
            m_client->send(ApiClient::Method::Post, dealPath(dealId) + u"/messages"_s, {},
                    QJsonDocument(QJsonObject{{u"body"_s, body}})),
            Message::fromJson);
}

QFuture<Result<Page<DealEvent>>> CollabApi::events(
        const QString &dealId, const QString &cursor, int limit) const
{
    QUrlQuery params;
    params.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, cursor);
    }
    return readObject<Page<DealEvent>>(
            m_client->send(ApiClient::Method::Get, dealPath(dealId) + u"/events"_s, params),
            page<DealEvent>);
}

QFuture<Result<Deliverable>> CollabApi::deliverable(const QString &id) const
{
    return readObject<Deliverable>(
            m_client->send(ApiClient::Method::Get, deliverablePath(id)), Deliverable::fromJson);
}

QFuture<Result<Deliverable>> CollabApi::submitDraft(
        const QString &id, const DraftInput &draft) const
{
    return readObject<Deliverable>(
            m_client->send(ApiClient::Method::Post, deliverablePath(id) + u"/versions"_s, {},
                    QJsonDocument(draftJson(draft))),
            Deliverable::fromJson);
}

QFuture<Result<Deliverable>> CollabApi::review(
        const QString &id, int version, const ReviewInput &review) const
{
    return readObject<Deliverable>(
            m_client->send(ApiClient::Method::Post,
                    deliverablePath(id) + u"/versions/"_s + QString::number(version) + u"/review"_s,
                    {}, QJsonDocument(reviewJson(review))),
            Deliverable::fromJson);
}

QFuture<Result<Deliverable>> CollabApi::reportLive(const QString &id, const QString &url) const
{
    return readObject<Deliverable>(
            m_client->send(ApiClient::Method::Post, deliverablePath(id) + u"/live"_s, {},
                    QJsonDocument(QJsonObject{{u"url"_s, url}})),
            Deliverable::fromJson);
}

QFuture<Result<Page<Notification>>> CollabApi::notifications(
        bool unreadOnly, int limit, const QString &cursor) const
{
    QUrlQuery params;
    if (unreadOnly) {
        params.addQueryItem(u"unread"_s, u"true"_s);
    }
    params.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, cursor);
    }
    return readObject<Page<Notification>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/notifications"_s, params),
            page<Notification>);
}

QFuture<Result<int>> CollabApi::unreadNotificationCount() const
{
    return readObject<int>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/notifications/unread-count"_s),
            unreadCountFromJson);
}

QFuture<Result<Notification>> CollabApi::markNotificationRead(const QString &id) const
{
    return readObject<Notification>(
            m_client->send(ApiClient::Method::Post,
                    u"/api/v1/notifications/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id))
                            + u"/read"_s,
                    {}, QJsonDocument(QJsonObject())),
            Notification::fromJson);
}

QFuture<Result<int>> CollabApi::markAllNotificationsRead() const
{
    return readObject<int>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/notifications/read-all"_s, {},
                    QJsonDocument(QJsonObject())),
            [](const QJsonObject &json) -> Result<int> {
                const QJsonValue updated = json.value(u"updated"_s);
                if (!updated.isDouble() || updated.toInt(-1) < 0) {
                    return invalid(u"The answer names no number of notifications."_s);
                }
                return updated.toInt();
            });
}

} // namespace influence::common

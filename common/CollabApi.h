// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CollabTypes.h"
#include "JsonReply.h"
#include "Result.h"
#include "ToDoTypes.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

/// Typed calls of the collaboration API (campaigns, deals, offers, messages) layered on
/// ApiClient::send, and the values they answer with.
namespace influence::common {

class ApiClient;

/// A campaign as the API shows it: the editable part, its status and, for its brand, progress.
struct Campaign
{
    QString id;
    QString brandId;
    QString brandName;
    CampaignStatus status = CampaignStatus::Draft;
    CampaignInput details;
    QDateTime launchedAt;
    QDateTime closedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool hasProgress = false; ///< only the brand's side sees progress
    QMap<DealState, int> dealsByState;
    int deliverablesLive = 0;
    int deliverablesTotal = 0;

    /// Deals in any state.
    int dealCount() const;
    static Result<Campaign> fromJson(const QJsonObject &json);
};

/// An offer of a deal: its terms, who made it and what became of it.
struct Offer
{
    QString id;
    QString dealId;
    int sequence = 0;
    DealSide madeBy = DealSide::Brand;
    OfferStatus status = OfferStatus::Open;
    OfferInput terms;
    QDateTime createdAt;
    QDateTime respondedAt;

    static Result<Offer> fromJson(const QJsonObject &json);
};

/// One version of a deliverable: a draft the creator submitted and, once reviewed, the brand's
/// decision and feedback.
struct DeliverableVersion
{
    int version = 0;
    QString caption;
    QStringList mediaUrls;
    QString notes;
    QDateTime submittedAt;
    std::optional<ReviewDecision> decision; ///< nothing: still in review
    QString feedback;
    QDateTime reviewedAt;

    static Result<DeliverableVersion> fromJson(const QJsonObject &json);
};

/// A piece of content a deal calls for; GET /deliverables/{id} adds its versions.
struct Deliverable
{
    QString id;
    QString dealId;
    int position = 0;
    QString type; ///< wire name (reel, post, …)
    QString platform; ///< wire name (instagram, …)
    QDate dueDate;
    DeliverableStatus status = DeliverableStatus::Pending;
    bool overdue = false;
    int maxRevisions = 0;
    int revisionsUsed = 0;
    QString liveUrl;
    int latestVersion = 0; ///< 0: no version yet
    QList<DeliverableVersion> versions; ///< detail only, oldest first

    static Result<Deliverable> fromJson(const QJsonObject &json);
};

/// An entry of a deal's activity timeline ("offer.made", "deliverable.reviewed", …).
struct DealEvent
{
    qint64 id = 0;
    QString actorId;
    QString kind;
    QJsonObject data;
    QDateTime at;

    static Result<DealEvent> fromJson(const QJsonObject &json);
};

/// Where a deal's fee stands once the deal is accepted (`payment` in the deal's JSON): the most
/// pressing state of its payouts (late, failed, due, processing, approved, scheduled; paid when
/// the whole fee is paid; pending while no condition is met yet), what is paid and outstanding.
struct DealPayment
{
    QString state; ///< wire name, see above
    Money fee;
    qint64 paidMinor = 0;
    qint64 outstandingMinor = 0;
    bool late = false;
};

/// A deal (one creator in one campaign). The list shows the summary; GET /deals/{id} and the
/// offer answers add the offer history, the frozen terms and the deliverables.
struct Deal
{
    QString id;
    QString campaignId;
    QString campaignName;
    QString brandId;
    QString brandName;
    QString influencerId;
    QString influencerName;
    QString origin; ///< invitation, application
    DealState state = DealState::Invited;
    std::optional<Offer> latestOffer;
    bool overdue = false;
    QDateTime brandAcceptedAt;
    QDateTime creatorAcceptedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<Offer> offers; ///< detail only, oldest first
    QJsonObject terms; ///< detail only: frozen at acceptance
    /// How the fee is paid: the frozen terms' once accepted, else the latest offer's.
    PaymentTerms paymentTerms;
    /// Where the fee stands (accepted, running and completed deals; servers with money only).
    std::optional<DealPayment> payment;
    QList<Deliverable> deliverables; ///< detail only, by position

    static Result<Deal> fromJson(const QJsonObject &json);
};

struct Message
{
    QString id;
    QString dealId;
    QString authorId;
    QString authorName;
    QString body;
    QDateTime createdAt;

    static Result<Message> fromJson(const QJsonObject &json);
};

/// An in-app notification: an event of a deal that the other side was told of.
struct Notification
{
    /// What the notification is about (where activating it leads).
    enum class ObjectType { Campaign, Deal, Deliverable };

    QString id;
    QString kind; ///< the event kind ("offer.made"), see CollabText::notification()
    ObjectType objectType = ObjectType::Deal;
    QString objectId;
    QString dealId; ///< the deal (or the object for a deal); empty only for a campaign
    QString campaignId;
    QString campaignName; ///< the campaign's name today (empty when the server names none)
    /// The other party of the deal as the reader sees it (the side that acted): the creator for
    /// the brand's owner and staff, the brand for the creator. Empty when the server names none.
    std::optional<DealSide> counterpartySide;
    QString counterpartyName; ///< the brand's company or the creator's display name
    QJsonObject data; ///< the event's details as the server wrote them
    bool read = false;
    QDateTime readAt;
    QDateTime createdAt;

    static Result<Notification> fromJson(const QJsonObject &json);
};

/// The answer of GET /notifications/unread-count: `{"count": n}` with n ≥ 0.
Result<int> unreadCountFromJson(const QJsonObject &json);

template<class T>
struct Page
{
    QList<T> items;
    QString nextCursor; ///< empty: the last page
};

/// What the brand sends to invite a creator to a campaign (POST /campaigns/{id}/invitations).
struct InvitationInput
{
    QString influencerId; ///< the creator's profile id (as discovery lists it)
    OfferInput offer; ///< the first offer, in the campaign's currency
    QString message; ///< optional: opens the deal's thread
};

struct CampaignQuery
{
    enum class View { Own, Open };
    View view = View::Own;
    std::optional<CampaignStatus> status;
    QString brandId; ///< only this brand's campaigns (empty: every brand the user sees)
    int limit = 100;
    QString cursor;
};

struct DealQuery
{
    QString campaignId; ///< empty: every campaign
    QList<DealState> states; ///< empty: every state
    bool overdueOnly = false;
    QString creator; ///< part of the creator's display name (empty: every creator)
    int limit = 100;
    QString cursor;
};

struct DeliverableQuery
{
    QString dealId; ///< empty: the deliverables of every deal the user is part of
    bool overdueOnly = false;
    int limit = 100;
    QString cursor;
};

/// The query string of GET /deals for `query`.
QUrlQuery dealsQuery(const DealQuery &query);

/// The JSON a client sends for a campaign (POST, or PATCH with every field).
QJsonObject campaignJson(const CampaignInput &input);
/// The JSON a client sends for an offer.
QJsonObject offerJson(const OfferInput &input);
/// The JSON a client sends for an invitation: {influencerId, offer, message?}.
QJsonObject invitationJson(const InvitationInput &input);
/// The JSON a client sends for a draft.
QJsonObject draftJson(const DraftInput &input);
/// The JSON a client sends for a review.
QJsonObject reviewJson(const ReviewInput &input);

/// The collaboration calls. Holds no state but the client; copy it freely.
class CollabApi
{
public:
    explicit CollabApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/campaigns?view=own|open
    QFuture<Result<Page<Campaign>>> campaigns(const CampaignQuery &query) const;
    /// GET /api/v1/campaigns/{id}
    QFuture<Result<Campaign>> campaign(const QString &id) const;
    /// POST /api/v1/campaigns: a new draft.
    QFuture<Result<Campaign>> createCampaign(const CampaignInput &input) const;
    /// PATCH /api/v1/campaigns/{id} with every editable field.
    QFuture<Result<Campaign>> updateCampaign(const QString &id, const CampaignInput &input) const;
    /// POST /api/v1/campaigns/{id}/<action> (see campaignTransition()).
    QFuture<Result<Campaign>> campaignAction(const QString &id, CampaignAction action) const;

    /// POST /api/v1/campaigns/{id}/invitations: a new deal in state invited (the brand's side;
    /// 409 deal_exists when the creator already has a live deal in the campaign).
    QFuture<Result<Deal>> invite(const QString &campaignId, const InvitationInput &input) const;

    /// GET /api/v1/deals with filters.
    QFuture<Result<Page<Deal>>> deals(const DealQuery &query) const;
    /// GET /api/v1/deals/{id}: the deal with its offers, terms and deliverables.
    QFuture<Result<Deal>> deal(const QString &id) const;
    /// POST /api/v1/deals/{id}/<action> (see dealTransition()).
    QFuture<Result<Deal>> dealAction(const QString &id, DealAction action) const;
    /// POST /api/v1/deals/{id}/offers: a counter-offer.
    QFuture<Result<Deal>> counterOffer(const QString &dealId, const OfferInput &offer) const;
    /// POST /api/v1/deals/{id}/offers/{offerId}/accept
    QFuture<Result<Deal>> acceptOffer(const QString &dealId, const QString &offerId) const;
    /// POST /api/v1/deals/{id}/offers/{offerId}/decline
    QFuture<Result<Deal>> declineOffer(const QString &dealId, const QString &offerId) const;
    /// GET /api/v1/deals/{id}/messages: newest first.
    QFuture<Result<Page<Message>>> messages(
            const QString &dealId, const QString &cursor, int limit = 25) const;
    /// POST /api/v1/deals/{id}/messages
    QFuture<Result<Message>> postMessage(const QString &dealId, const QString &body) const;

    /// GET /api/v1/deals/{id}/events: oldest first.
    QFuture<Result<Page<DealEvent>>> events(
            const QString &dealId, const QString &cursor, int limit = 100) const;
    /// GET /api/v1/me/todos: what waits for the user, per group its total and the first
    /// `limit` items (1–100).
    QFuture<Result<ToDos>> toDos(int limit = 20) const;
    /// GET /api/v1/deliverables: the deliverables of the user's accepted, running and completed
    /// deals, by deal and position.
    QFuture<Result<Page<Deliverable>>> deliverables(const DeliverableQuery &query) const;
    /// GET /api/v1/deliverables/{id}: the deliverable with every version.
    QFuture<Result<Deliverable>> deliverable(const QString &id) const;
    /// POST /api/v1/deliverables/{id}/versions: a new draft (the creator).
    QFuture<Result<Deliverable>> submitDraft(const QString &id, const DraftInput &draft) const;
    /// POST /api/v1/deliverables/{id}/versions/{version}/review (the brand).
    QFuture<Result<Deliverable>> review(
            const QString &id, int version, const ReviewInput &review) const;
    /// POST /api/v1/deliverables/{id}/live: the published post's address (the creator).
    QFuture<Result<Deliverable>> reportLive(const QString &id, const QString &url) const;

    /// GET /api/v1/notifications: the caller's, newest first.
    QFuture<Result<Page<Notification>>> notifications(
            bool unreadOnly, int limit = 25, const QString &cursor = {}) const;
    /// GET /api/v1/notifications/unread-count
    QFuture<Result<int>> unreadNotificationCount() const;
    /// POST /api/v1/notifications/{id}/read: the notification, now read.
    QFuture<Result<Notification>> markNotificationRead(const QString &id) const;
    /// POST /api/v1/notifications/read-all: how many were unread.
    QFuture<Result<int>> markAllNotificationsRead() const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

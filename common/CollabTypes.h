// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Domain.h"
#include "Money.h"
#include "PaymentTerms.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Campaigns, deals, offers and deliverables: the wire names of their states and the validation
/// of what clients send, shared by the server and the desktop app.
namespace influence::common {

enum class CampaignObjective { Awareness, Engagement, Conversions };
/// Public campaigns take applications; private ones are by invitation only.
enum class CampaignVisibility { Public, Private };
/// draft → active ⇄ paused → completed | cancelled (see campaignTransition()).
enum class CampaignStatus { Draft, Active, Paused, Completed, Cancelled };
/// A campaign transition a brand asks for (POST /campaigns/{id}/<action>).
enum class CampaignAction { Launch, Pause, Resume, Complete, Cancel };
/// invited | applied → negotiating → accepted → in_progress → completed, or declined /
/// withdrawn / cancelled.
enum class DealState {
    Invited,
    Applied,
    Negotiating,
    Accepted,
    InProgress,
    Completed,
    Declined,
    Withdrawn,
    Cancelled
};
enum class OfferStatus { Open, Accepted, Declined, Countered, Withdrawn };
/// pending → in_review → changes_requested → in_review … → approved → live.
enum class DeliverableStatus { Pending, InReview, ChangesRequested, Approved, Live };
enum class ReviewDecision { Approved, ApprovedWithChanges, ChangesRequested };
/// The two parties of a deal.
enum class DealSide { Brand, Creator };

QString wireName(CampaignObjective value);
QString wireName(CampaignVisibility value);
QString wireName(CampaignStatus value);
QString wireName(CampaignAction value);
QString wireName(DealState value);
QString wireName(OfferStatus value);
QString wireName(DeliverableStatus value);
QString wireName(ReviewDecision value);
QString wireName(DealSide value);

/// The value with a wire name, or nothing. E is one of the enums above.
template<class E>
std::optional<E> collabFromString(const QString &text);
/// Every wire name of E, in declaration order (OpenAPI enums, UI lists).
template<class E>
QStringList collabNames();

/// The status a campaign moves to, or nothing when the action is not allowed from `from`:
/// launch draft→active, pause active→paused, resume paused→active, complete active|paused→
/// completed, cancel draft|active|paused→cancelled.
std::optional<CampaignStatus> campaignTransition(CampaignStatus from, CampaignAction action);
/// Whether a deal is still being negotiated (offers may be made, accepted, declined, withdrawn).
bool isNegotiating(DealState state);

/// A deal transition asked for directly (POST /deals/{id}/<action>); offers move deals too
/// (counter → negotiating, accept → accepted, decline → declined) but need an offer.
enum class DealAction { Withdraw, Start, Complete, Cancel };
/// "withdraw", "start", "complete", "cancel": the last segment of the action's path.
QString wireName(DealAction value);
/// The state a deal moves to, or nothing when the action is not allowed from `from`:
/// withdraw invited|applied|negotiating→withdrawn, start accepted→in_progress, complete
/// accepted|in_progress→completed, cancel accepted|in_progress→cancelled.
std::optional<DealState> dealTransition(DealState from, DealAction action);
/// The action that moves a deal from `from` to `to`, or nothing when no direct action does.
std::optional<DealAction> dealActionBetween(DealState from, DealState to);
/// Whether `side` may take the action (complete and cancel are the brand's).
bool mayTakeDealAction(DealSide side, DealAction action);

struct CampaignTargeting
{
    QStringList niches;
    QStringList countries;
    QStringList languages;
    std::optional<qint64> minFollowers;
    std::optional<qint64> maxFollowers;
    std::optional<double> minEngagementRate;
};

/// The editable part of a campaign, validated.
struct CampaignInput
{
    QString name;
    QString brief;
    CampaignObjective objective = CampaignObjective::Awareness;
    QStringList platforms;
    QStringList deliverableTypes;
    CampaignTargeting targeting;
    Money budget;
    QDate startDate; ///< invalid: not given
    QDate endDate;
    QDateTime applicationDeadline; ///< UTC; invalid: none
    CampaignVisibility visibility = CampaignVisibility::Private;
    QString usageRights;
    /// create only: the brand the campaign is for (empty: the user's only brand).
    QString brandId;
};

/// One line of an offer: `quantity` pieces of one type on one platform, due on a date.
struct OfferLine
{
    DeliverableType type = DeliverableType::Post;
    Platform platform = Platform::Instagram;
    int quantity = 1;
    QDate dueDate;
};

/// A proposal of terms (an invitation's first offer, an application's, or a counter-offer).
struct OfferInput
{
    QList<OfferLine> deliverables;
    Money fee;
    QString usageRights;
    int maxRevisions = 2;
    QString note;
    PaymentTerms paymentTerms;

    /// The deliverables as stored and shown: [{type, platform, quantity, dueDate}].
    QJsonArray deliverablesJson() const;
};

/// A draft of a deliverable.
struct DraftInput
{
    QString caption;
    QStringList mediaUrls;
    QString notes;
};

struct ReviewInput
{
    ReviewDecision decision = ReviewDecision::Approved;
    QString feedback;
};

namespace collab {

constexpr int kMaxOfferLines = 20;
constexpr int kMaxQuantity = 20;
constexpr int kMaxDeliverablesPerDeal = 50;
constexpr int kMaxRevisions = 10;
/// The longest caption, feedback, message or note, in characters.
constexpr int kMaxText = 5000;

/// The fields of a campaign a client may set (anything else in a body is ignored).
QStringList campaignFields();
/// A whole campaign (POST; a PATCH is merged into the current campaign first).
Result<CampaignInput> validateCampaign(const QJsonObject &body);
/// An offer; `prefix` names the enclosing field in errors ("offer." for an invitation).
Result<OfferInput> validateOffer(const QJsonObject &body, const QString &prefix = {});
Result<DraftInput> validateDraft(const QJsonObject &body);
/// Feedback is required unless the decision is a plain approval.
Result<ReviewInput> validateReview(const QJsonObject &body);
/// {url}: the https address of the published post.
Result<QString> validateLiveUrl(const QJsonObject &body);
/// {body}: 1–5000 characters of text.
Result<QString> validateMessage(const QJsonObject &body);

} // namespace collab

} // namespace influence::common

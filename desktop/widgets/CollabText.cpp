// SPDX-License-Identifier: Apache-2.0
#include "CollabText.h"

#include "common/CollabApi.h"
#include "widgets/ErrorText.h"

#include <QList>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::CampaignAction;
using influence::common::CampaignStatus;
using influence::common::DealAction;
using influence::common::DealState;
using influence::common::ErrorCode;

namespace influence::desktop {

QString CollabText::campaignStatus(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft: return tr("Draft");
    case CampaignStatus::Active: return tr("Active");
    case CampaignStatus::Paused: return tr("Paused");
    case CampaignStatus::Completed: return tr("Completed");
    case CampaignStatus::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString CollabText::campaignAction(CampaignAction action)
{
    switch (action) {
    case CampaignAction::Launch: return tr("Launch");
    case CampaignAction::Pause: return tr("Pause");
    case CampaignAction::Resume: return tr("Resume");
    case CampaignAction::Complete: return tr("Complete");
    case CampaignAction::Cancel: return tr("Cancel campaign");
    }
    return {};
}

QString CollabText::dealState(DealState state)
{
    switch (state) {
    case DealState::Invited: return tr("Invited");
    case DealState::Applied: return tr("Applied");
    case DealState::Negotiating: return tr("Negotiating");
    case DealState::Accepted: return tr("Accepted");
    case DealState::InProgress: return tr("In progress");
    case DealState::Completed: return tr("Completed");
    case DealState::Declined: return tr("Declined");
    case DealState::Withdrawn: return tr("Withdrawn");
    case DealState::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString CollabText::dealAction(DealAction action)
{
    switch (action) {
    case DealAction::Withdraw: return tr("withdraw");
    case DealAction::Start: return tr("start");
    case DealAction::Complete: return tr("complete");
    case DealAction::Cancel: return tr("cancel");
    }
    return {};
}

QString CollabText::offerStatus(common::OfferStatus status)
{
    switch (status) {
    case common::OfferStatus::Open: return tr("Open");
    case common::OfferStatus::Accepted: return tr("Accepted");
    case common::OfferStatus::Declined: return tr("Declined");
    case common::OfferStatus::Countered: return tr("Countered");
    case common::OfferStatus::Withdrawn: return tr("Withdrawn");
    }
    return {};
}

QString CollabText::deliverableStatus(common::DeliverableStatus status)
{
    switch (status) {
    case common::DeliverableStatus::Pending: return tr("Pending");
    case common::DeliverableStatus::InReview: return tr("In review");
    case common::DeliverableStatus::ChangesRequested: return tr("Changes requested");
    case common::DeliverableStatus::Approved: return tr("Approved");
    case common::DeliverableStatus::Live: return tr("Live");
    }
    return {};
}

QString CollabText::reviewDecision(common::ReviewDecision decision)
{
    switch (decision) {
    case common::ReviewDecision::Approved: return tr("Approved");
    case common::ReviewDecision::ApprovedWithChanges: return tr("Approved with changes");
    case common::ReviewDecision::ChangesRequested: return tr("Changes requested");
    }
    return {};
}

QString CollabText::dealSide(common::DealSide side)
{
    return side == common::DealSide::Brand ? tr("Brand") : tr("Creator");
}

QString CollabText::deliverableType(common::DeliverableType type)
{
    switch (type) {
    case common::DeliverableType::Post: return tr("Post");
    case common::DeliverableType::Story: return tr("Story");
    case common::DeliverableType::Reel: return tr("Reel");
    case common::DeliverableType::Video: return tr("Video");
    case common::DeliverableType::Short: return tr("Short");
    case common::DeliverableType::Livestream: return tr("Livestream");
    case common::DeliverableType::Blog: return tr("Blog article");
    }
    return {};
}

QString CollabText::platform(common::Platform platform)
{
    switch (platform) {
    case common::Platform::Instagram: return u"Instagram"_s;
    case common::Platform::YouTube: return u"YouTube"_s;
    case common::Platform::TikTok: return u"TikTok"_s;
    case common::Platform::Twitch: return u"Twitch"_s;
    case common::Platform::X: return u"X"_s;
    case common::Platform::Facebook: return u"Facebook"_s;
    case common::Platform::Pinterest: return u"Pinterest"_s;
    case common::Platform::LinkedIn: return u"LinkedIn"_s;
    case common::Platform::Snapchat: return u"Snapchat"_s;
    }
    return {};
}

QString CollabText::eventKind(const QString &kind)
{
    static const QList<std::pair<QString, const char *>> kinds{
            {u"deal.invited"_s, QT_TR_NOOP("Creator invited")},
            {u"deal.applied"_s, QT_TR_NOOP("Creator applied")},
            {u"offer.made"_s, QT_TR_NOOP("Offer made")},
            {u"offer.accepted"_s, QT_TR_NOOP("Offer accepted")},
            {u"offer.declined"_s, QT_TR_NOOP("Offer declined")},
            {u"deal.started"_s, QT_TR_NOOP("Work started")},
            {u"deal.withdrawn"_s, QT_TR_NOOP("Deal withdrawn")},
            {u"deal.cancelled"_s, QT_TR_NOOP("Deal cancelled")},
            {u"deal.completed"_s, QT_TR_NOOP("Deal completed")},
            {u"deliverable.submitted"_s, QT_TR_NOOP("Draft submitted")},
            {u"deliverable.reviewed"_s, QT_TR_NOOP("Draft reviewed")},
            {u"deliverable.live"_s, QT_TR_NOOP("Post live")},
            {u"message.posted"_s, QT_TR_NOOP("Message written")}};
    for (const auto &[wire, text] : kinds) {
        if (wire == kind) {
            return tr(text);
        }
    }
    return kind;
}

QString CollabText::eventDetail(
        const QString &kind, const QJsonObject &data, const QString &currency)
{
    static const QList<std::pair<QString, const char *>> reasons{
            {u"first_draft"_s, QT_TR_NOOP("with the first draft")},
            {u"all_deliverables_live"_s, QT_TR_NOOP("every deliverable is live")},
            {u"campaign_cancelled"_s, QT_TR_NOOP("the campaign was cancelled")},
            {u"campaign_completed"_s, QT_TR_NOOP("the campaign was completed")}};
    const QString reason = data.value(u"reason"_s).toString();
    for (const auto &[wire, text] : reasons) {
        if (wire == reason) {
            return tr(text);
        }
    }
    if ((kind == u"deal.invited"_s || kind == u"offer.made"_s) && !currency.isEmpty()
            && data.value(u"feeMinor"_s).isDouble()) {
        return tr("fee %1").arg(money({qint64(data.value(u"feeMinor"_s).toDouble()), currency}));
    }
    if (kind == u"deal.applied"_s && data.value(u"withOffer"_s).toBool()) {
        return tr("with an offer");
    }
    const int version = data.value(u"version"_s).toInt();
    if (kind == u"deliverable.submitted"_s && version > 0) {
        return tr("version %1").arg(version);
    }
    const auto decision =
            common::collabFromString<common::ReviewDecision>(data.value(u"decision"_s).toString());
    if (kind == u"deliverable.reviewed"_s && version > 0 && decision) {
        return tr("version %1: %2").arg(version).arg(reviewDecision(*decision));
    }
    if (kind == u"deliverable.live"_s) {
        return data.value(u"url"_s).toString();
    }
    // The state a deal left says something only when it ended early.
    const auto from = common::collabFromString<common::DealState>(data.value(u"from"_s).toString());
    if (from && (kind == u"deal.withdrawn"_s || kind == u"deal.cancelled"_s)) {
        return tr("was %1").arg(dealState(*from));
    }
    return {};
}

QString CollabText::notification(const common::Notification &notification)
{
    // What the reader is told, for the kinds whose wording depends on nothing else.
    static const QList<std::pair<QString, const char *>> sentences{
            {u"deal.invited"_s, QT_TR_NOOP("You were invited to collaborate.")},
            {u"deal.applied"_s, QT_TR_NOOP("A creator applied.")},
            {u"offer.accepted"_s, QT_TR_NOOP("Your offer was accepted.")},
            {u"offer.declined"_s, QT_TR_NOOP("Your offer was declined.")},
            {u"deal.started"_s, QT_TR_NOOP("Work on the deal has started.")},
            {u"deal.withdrawn"_s, QT_TR_NOOP("The deal was withdrawn.")},
            {u"deal.cancelled"_s, QT_TR_NOOP("The deal was cancelled.")},
            {u"deal.completed"_s, QT_TR_NOOP("The deal is completed.")},
            {u"deliverable.submitted"_s, QT_TR_NOOP("A draft is waiting for your review.")},
            {u"deliverable.live"_s, QT_TR_NOOP("A post is live.")}};
    const QString &kind = notification.kind;
    const QJsonObject &data = notification.data;
    if (kind == u"offer.made"_s) {
        return data.value(u"by"_s).toString() == u"creator"_s
                ? tr("The creator sent a counter-offer.")
                : tr("The brand sent a new offer.");
    }
    if (kind == u"deliverable.reviewed"_s) {
        const auto decision = common::collabFromString<common::ReviewDecision>(
                data.value(u"decision"_s).toString());
        return decision ? tr("Your draft was reviewed: %1.").arg(reviewDecision(*decision))
                        : tr("Your draft was reviewed.");
    }
    if (kind == u"message.posted"_s) {
        const QString excerpt = data.value(u"excerpt"_s).toString().simplified();
        return excerpt.isEmpty() ? tr("New message.") : tr("New message: “%1”").arg(excerpt);
    }
    for (const auto &[wire, text] : sentences) {
        if (wire == kind) {
            return tr(text);
        }
    }
    return eventKind(kind);
}

QString CollabText::when(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid()) {
        return {};
    }
    const qint64 seconds = at.secsTo(now);
    if (seconds < 60) {
        return tr("just now");
    }
    // (English and German have the same plural rule: one, or other.)
    if (seconds < 3600) {
        const qint64 minutes = seconds / 60;
        return minutes == 1 ? tr("1 minute ago")
                            : tr("%1 minutes ago").arg(QLocale().toString(minutes));
    }
    if (seconds < qint64{24} * 3600) {
        const qint64 hours = seconds / 3600;
        return hours == 1 ? tr("1 hour ago") : tr("%1 hours ago").arg(QLocale().toString(hours));
    }
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

std::optional<qint64> CollabText::parseAmount(const QString &typed, const QString &currency)
{
    const QLocale locale;
    QString text = typed.trimmed().remove(locale.groupSeparator()).remove(u' ');
    text.replace(locale.decimalPoint(), u"."_s);
    static const QRegularExpression pattern(u"^(\\d{1,15})(?:\\.(\\d+))?$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    const int digits = common::isCurrencyCode(currency)
            ? std::max(0, common::currencyMinorDigits(currency))
            : 2;
    if (!match.hasMatch() || match.captured(2).size() > digits) {
        return std::nullopt;
    }
    qint64 minor = match.captured(1).toLongLong();
    QString fraction = match.captured(2);
    fraction = fraction.leftJustified(digits, u'0');
    for (int i = 0; i < digits; ++i) {
        minor = minor * 10 + fraction.at(i).digitValue();
    }
    return minor;
}

QString CollabText::amountText(const common::Money &money)
{
    const int digits = std::max(0, common::currencyMinorDigits(money.currency));
    qint64 divisor = 1;
    for (int i = 0; i < digits; ++i) {
        divisor *= 10;
    }
    QString whole = QString::number(money.minorUnits / divisor);
    if (digits == 0) {
        return whole;
    }
    return whole + QLocale().decimalPoint()
            + QString::number(money.minorUnits % divisor).rightJustified(digits, u'0');
}

QString CollabText::linkified(const QString &text)
{
    static const QRegularExpression url(u"https?://[^\\s<>\"]+"_s);
    QString html;
    qsizetype from = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        html += text.mid(from, match.capturedStart() - from).toHtmlEscaped();
        const QString address = match.captured().toHtmlEscaped();
        html += u"<a href=\"%1\">%1</a>"_s.arg(address);
        from = match.capturedEnd();
    }
    html += text.mid(from).toHtmlEscaped();
    return html.replace(u'\n', u"<br>"_s);
}

QString CollabText::money(const common::Money &money)
{
    return common::formatMoney(money);
}

QString CollabText::error(const common::Error &error)
{
    QString headline;
    switch (error.code) {
    case ErrorCode::IllegalTransition:
        headline = tr("The server did not allow this step in the current state.");
        break;
    case ErrorCode::OfferNotLatest: headline = tr("Only the latest offer can be answered."); break;
    case ErrorCode::NotYourTurn: headline = tr("It is the other side's turn."); break;
    case ErrorCode::DeliverablesInReview:
        headline = tr("Drafts are still waiting for review.");
        break;
    case ErrorCode::DeliverablesOutstanding:
        headline = tr("Some deliverables are neither approved nor live.");
        break;
    case ErrorCode::DealExists:
        headline = tr("This creator already has a deal in this campaign.");
        break;
    case ErrorCode::ApplicationsClosed: headline = tr("Applications are closed."); break;
    default: headline = ErrorText::headline(error); break;
    }
    const QString detail = ErrorText::detail(error);
    return detail.isEmpty() ? headline : headline + u' ' + detail;
}

} // namespace influence::desktop

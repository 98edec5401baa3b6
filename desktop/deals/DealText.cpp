// SPDX-License-Identifier: Apache-2.0
#include "DealText.h"

#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QList>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;
using influence::common::DealAction;

namespace influence::desktop {

QString DealText::dealAction(DealAction action)
{
    switch (action) {
    case DealAction::Withdraw: return tr("withdraw");
    case DealAction::Start: return tr("start");
    case DealAction::Complete: return tr("complete");
    case DealAction::Cancel: return tr("cancel");
    }
    return {};
}

QString DealText::offerStatus(common::OfferStatus status)
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

QString DealText::deliverableStatus(common::DeliverableStatus status)
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

QString DealText::eventDetail(const QString &kind, const QJsonObject &data, const QString &currency)
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
        return tr("fee %1").arg(
                Formats::money({qint64(data.value(u"feeMinor"_s).toDouble()), currency}));
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
        return tr("version %1: %2").arg(version).arg(Names::reviewDecision(*decision));
    }
    // payout.scheduled names the installment's amount and its currency.
    if (kind.startsWith(u"payout."_s) && data.value(u"amountMinor"_s).isDouble()) {
        const QString payoutCurrency = data.value(u"currency"_s).toString();
        return Formats::money({qint64(data.value(u"amountMinor"_s).toDouble()),
                payoutCurrency.isEmpty() ? currency : payoutCurrency});
    }
    if (kind == u"deliverable.live"_s) {
        return data.value(u"url"_s).toString();
    }
    // The state a deal left says something only when it ended early.
    const auto from = common::collabFromString<common::DealState>(data.value(u"from"_s).toString());
    if (from && (kind == u"deal.withdrawn"_s || kind == u"deal.cancelled"_s)) {
        return tr("was %1").arg(Names::dealState(*from));
    }
    return {};
}

QString DealText::time(const QDateTime &moment)
{
    return moment.isValid() ? QLocale().toString(moment.toLocalTime(), QLocale::ShortFormat)
                            : QString();
}

QString DealText::day(QDate date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString DealText::offerSummary(const common::OfferInput &offer)
{
    QStringList lines;
    for (const common::OfferLine &line : offer.deliverables) {
        lines.append(tr("%1 × %2 on %3, due %4")
                             .arg(line.quantity)
                             .arg(Names::deliverableType(line.type), Names::platform(line.platform),
                                     day(line.dueDate)));
    }
    return lines.join(u'\n');
}

QString DealText::partyName(const common::Deal &deal, const QString &userId)
{
    if (userId.isEmpty()) {
        return tr("Influence");
    }
    if (userId == deal.influencerId) {
        return deal.influencerName.isEmpty() ? tr("Creator") : deal.influencerName;
    }
    return deal.brandName.isEmpty() ? tr("Brand") : deal.brandName;
}

QString DealText::actorName(const common::Deal &deal, const QString &userId, const QString &me)
{
    return !userId.isEmpty() && userId == me ? tr("You") : partyName(deal, userId);
}

} // namespace influence::desktop

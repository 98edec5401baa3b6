// SPDX-License-Identifier: Apache-2.0
#include "PipelineCsv.h"

#include "common/Money.h"
#include "widgets/CsvExport.h"
#include "widgets/Names.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using influence::common::Deal;

namespace influence::desktop {

namespace {

class PipelineCsv
{
    Q_DECLARE_TR_FUNCTIONS(PipelineCsv)
};

/// The amount in major units with a dot ("650.00"): what formatMoneyPlain() writes before
/// the currency.
QString plainAmount(const common::Money &money)
{
    return common::formatMoneyPlain(money).section(u' ', 0, 0);
}

} // namespace

QDateTime lastChange(const Deal &deal)
{
    // Not `updatedAt`: that is when the row was last written (a trigger stamps every write with
    // now()), and rows are written without the deal moving: the demo data inserts deals begun
    // weeks ago, and every one of them read "6 minutes ago". It is the fallback when nothing
    // else is known.
    QDateTime latest = deal.createdAt;
    const auto consider = [&latest](const QDateTime &moment) {
        if (moment.isValid() && (!latest.isValid() || moment > latest)) {
            latest = moment;
        }
    };
    if (deal.latestOffer) {
        consider(deal.latestOffer->createdAt);
        consider(deal.latestOffer->respondedAt);
    }
    consider(deal.brandAcceptedAt);
    consider(deal.creatorAcceptedAt);
    return latest.isValid() ? latest : deal.updatedAt;
}

QDate nextDueDate(const Deal &deal)
{
    if (!deal.latestOffer) {
        return {};
    }
    const QDate today = QDate::currentDate();
    QDate next;
    QDate last;
    for (const common::OfferLine &line : deal.latestOffer->terms.deliverables) {
        if (!line.dueDate.isValid()) {
            continue;
        }
        if (line.dueDate >= today && (!next.isValid() || line.dueDate < next)) {
            next = line.dueDate;
        }
        if (!last.isValid() || line.dueDate > last) {
            last = line.dueDate;
        }
    }
    return next.isValid() ? next : last;
}

QMap<QString, qint64> feeTotals(const QList<Deal> &deals)
{
    QMap<QString, qint64> totals;
    for (const Deal &deal : deals) {
        if (deal.latestOffer) {
            totals[deal.latestOffer->terms.fee.currency] += deal.latestOffer->terms.fee.minorUnits;
        }
    }
    return totals;
}

QByteArray pipelineCsv(
        const QList<Deal> &deals, const common::DealQuery &query, const QString &campaignName)
{
    Csv csv;
    if (!query.campaignId.isEmpty()) {
        csv.addFilter(PipelineCsv::tr("Campaign"), campaignName);
    }
    if (!query.states.isEmpty()) {
        QStringList states;
        for (const common::DealState state : query.states) {
            states.append(Names::dealState(state));
        }
        csv.addFilter(PipelineCsv::tr("State"), states.join(u", "_s));
    }
    if (!query.creator.isEmpty()) {
        csv.addFilter(PipelineCsv::tr("Creator"), query.creator);
    }
    if (query.overdueOnly) {
        csv.addFilter(PipelineCsv::tr("Overdue only"), PipelineCsv::tr("yes"));
    }
    csv.setHeader(
            {PipelineCsv::tr("Creator"), PipelineCsv::tr("Brand"), PipelineCsv::tr("Campaign"),
                    PipelineCsv::tr("State"), PipelineCsv::tr("Fee"), PipelineCsv::tr("Currency"),
                    PipelineCsv::tr("Overdue"), PipelineCsv::tr("Last change")});
    for (const Deal &deal : deals) {
        const bool offered = deal.latestOffer.has_value();
        csv.addRow({deal.influencerName, deal.brandName, deal.campaignName,
                Names::dealState(deal.state),
                offered ? plainAmount(deal.latestOffer->terms.fee) : QString(),
                offered ? deal.latestOffer->terms.fee.currency : QString(),
                deal.overdue ? PipelineCsv::tr("yes") : PipelineCsv::tr("no"),
                lastChange(deal).toUTC().toString(Qt::ISODate)});
    }
    return csv.bytes();
}

} // namespace influence::desktop

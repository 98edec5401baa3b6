// SPDX-License-Identifier: Apache-2.0
// The pipeline's board: a column per deal state with its cards and totals, and moving a deal
// by dropping its card on another column (refused before any request where the shared table
// does not allow the step; steps that end a deal confirmed first).
#include "PipelineView.h"
#include "deals/DealCardDelegate.h"
#include "deals/DealConfirmation.h"
#include "deals/DealText.h"
#include "deals/PipelineCsv.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Deal;
using influence::common::DealState;
using influence::common::Result;

namespace influence::desktop {

QWidget *PipelineView::buildBoard()
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    auto *board = new QWidget;
    board->setObjectName(u"pipelineBoard"_s);
    auto *columns = new QHBoxLayout(board);
    // The ended deals' four columns share one, stacked: the board fits a 1280 px window
    // without scrolling sideways.
    auto *ended = new QVBoxLayout;
    for (const DealState state : DealColumn::boardStates()) {
        auto *box = new QVBoxLayout;
        auto *title = new QLabel;
        title->setObjectName(u"columnTitle-"_s + common::wireName(state));
        title->setStyleSheet(u"font-weight: bold;"_s);
        auto *total = new QLabel;
        total->setObjectName(u"columnTotal-"_s + common::wireName(state));
        total->setStyleSheet(u"color: gray;"_s);
        auto *column = new DealColumn(state);
        auto *heading = new QHBoxLayout;
        heading->addWidget(title, 1);
        // Ended deals pile up: their columns fold to the title.
        const bool end = !common::isNegotiating(state) && state != DealState::Accepted
                && state != DealState::InProgress;
        if (end) {
            auto *fold = new QToolButton;
            fold->setObjectName(u"collapse-"_s + common::wireName(state));
            fold->setCheckable(true);
            fold->setAutoRaise(true);
            fold->setArrowType(Qt::DownArrow);
            heading->addWidget(fold);
            m_collapse.insert(state, fold);
            connect(fold, &QToolButton::toggled, this,
                    [fold, column, total, ended, box](bool folded) {
                        fold->setArrowType(folded ? Qt::RightArrow : Qt::DownArrow);
                        column->setVisible(!folded);
                        total->setVisible(!folded);
                        // A folded column gives its height to the unfolded ones.
                        ended->setStretchFactor(box, folded ? 0 : 1);
                    });
        }
        box->addLayout(heading);
        box->addWidget(total);
        box->addWidget(column, 1);
        if (end) {
            ended->addLayout(box, 1);
        } else {
            box->addStretch(0);
            columns->addLayout(box);
        }
        m_columns.insert(state, column);
        m_columnTitles.insert(state, title);
        m_columnTotals.insert(state, total);
        connect(column, &DealColumn::dealDropped, this,
                [this](const QString &id, DealState target) {
                    requestMove(id, target);
                });
        connect(column, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            Q_EMIT dealActivated(item->data(Qt::UserRole).toString());
        });
    }
    ended->addStretch(0); // all folded: the titles at the top
    columns->addLayout(ended);
    scroll->setWidget(board);
    return scroll;
}

QString PipelineView::cardText(const Deal &deal) const
{
    QString text = creatorName(deal);
    // Filtered to one campaign, every card would repeat its name.
    if (m_query.campaignId.isEmpty()) {
        text += u'\n' + deal.campaignName;
    }
    if (deal.latestOffer) {
        text += u'\n' + Formats::money(deal.latestOffer->terms.fee);
    }
    const QDate due = nextDueDate(deal);
    const bool open = common::isNegotiating(deal.state) || deal.state == DealState::Accepted
            || deal.state == DealState::InProgress;
    if (due.isValid() && open) {
        text += u'\n' + tr("Due: %1").arg(DealText::day(due)); // short: a column is narrow
    }
    if (deal.overdue) {
        text += u'\n' + tr("Overdue");
    }
    return text;
}

void PipelineView::fillColumns()
{
    for (DealColumn *column : std::as_const(m_columns)) {
        column->clear();
    }
    const QString tip = tr("Drag to another column to move the deal; double-click or press Enter "
                           "to open it.");
    for (const Deal &deal : std::as_const(m_deals)) {
        DealColumn *column = m_columns.value(deal.state);
        const QString text = cardText(deal);
        auto *item = new QListWidgetItem(text, column);
        item->setData(Qt::UserRole, deal.id);
        item->setData(
                DealCardDelegate::kInitialsRole, DealCardDelegate::initials(creatorName(deal)));
        item->setData(DealCardDelegate::kOverdueRole, deal.overdue);
        item->setData(
                DealCardDelegate::kPaymentRole, deal.payment ? deal.payment->state : QString());
        // The badge says "Overdue": the painted lines leave it out (the text keeps it).
        item->setData(
                DealCardDelegate::kBodyRole, deal.overdue ? text.section(u'\n', 0, -2) : text);
        // The whole card, as a narrow column elides it, with where the fee stands.
        QString whole = text;
        if (deal.payment) {
            whole += u'\n'
                    + tr("Payment: %1 (%2 paid of %3)")
                              .arg(Names::dealPaymentState(deal.payment->state),
                                      Formats::money({deal.payment->paidMinor,
                                              deal.payment->fee.currency}),
                                      Formats::money(deal.payment->fee));
        }
        item->setToolTip(whole + u"\n\n"_s + tip);
    }
    for (auto it = m_columnTitles.cbegin(); it != m_columnTitles.cend(); ++it) {
        it.value()->setText(tr("%1 (%2)").arg(Names::dealState(it.key())).arg(count(it.key())));
    }
    QMap<DealState, QList<Deal>> byState;
    for (const Deal &deal : std::as_const(m_deals)) {
        byState[deal.state].append(deal);
    }
    for (auto it = m_columnTotals.cbegin(); it != m_columnTotals.cend(); ++it) {
        QStringList sums;
        const QMap<QString, qint64> totals = feeTotals(byState.value(it.key()));
        for (auto total = totals.cbegin(); total != totals.cend(); ++total) {
            sums.append(Formats::money({total.value(), total.key()}));
        }
        it.value()->setText(sums.join(u" · "_s));
    }
}

int PipelineView::count(DealState state) const
{
    const DealColumn *column = m_columns.value(state);
    return column ? column->count() : 0;
}

bool PipelineView::isCollapsed(DealState state) const
{
    const QToolButton *fold = m_collapse.value(state);
    return fold && fold->isChecked();
}

QString PipelineView::refusal(DealState from, DealState to) const
{
    if (common::isNegotiating(from)
            && (to == DealState::Negotiating || to == DealState::Accepted
                    || to == DealState::Declined)) {
        return tr("Offers decide this step: open the deal to accept, decline or counter the "
                  "latest offer.");
    }
    return tr("A deal cannot move from “%1” to “%2”.")
            .arg(Names::dealState(from), Names::dealState(to));
}

PipelineView::Move PipelineView::requestMove(const QString &dealId, DealState target)
{
    const auto deal =
            std::find_if(m_deals.cbegin(), m_deals.cend(), [&dealId](const Deal &candidate) {
                return candidate.id == dealId;
            });
    if (deal == m_deals.cend() || deal->state == target) {
        return Move::Unchanged;
    }
    const auto action = common::dealActionBetween(deal->state, target);
    if (!action) {
        say(refusal(deal->state, target));
        return Move::Refused;
    }
    if (!common::mayTakeDealAction(side(), *action)) {
        say(tr("Only the brand can %1 a deal.").arg(DealText::dealAction(*action)));
        return Move::Refused;
    }
    if (const auto step = finalStep(*action)) {
        if (m_confirmation) {
            return Move::Unchanged; // one question at a time
        }
        const QString counterpart =
                side() == common::DealSide::Brand ? deal->influencerName : deal->brandName;
        m_confirmation = confirmFinalStep(this, *step, counterpart, deal->campaignName,
                [this, id = dealId, act = *action, target] {
                    send(id, act, target);
                });
        return Move::AwaitingConfirmation;
    }
    send(dealId, *action, target);
    return Move::Sent;
}

QWidget *PipelineView::confirmation() const
{
    return m_confirmation;
}

void PipelineView::send(const QString &dealId, common::DealAction action, DealState target)
{
    say(tr("Moving the deal to “%1”…").arg(Names::dealState(target)));
    continueIn(this, m_collab.dealAction(dealId, action),
            [this, dealId, target](const Result<Deal> &result) {
                moved(dealId, target, result);
            });
}

void PipelineView::moved(const QString &dealId, DealState target, const Result<Deal> &result)
{
    if (!result) {
        say(tr("The move was refused. %1").arg(ErrorText::sentence(result.error())));
        return;
    }
    say(tr("The deal is now “%1”.").arg(Names::dealState(result->state)));
    Q_EMIT dealMoved(dealId, target);
    reload();
}

} // namespace influence::desktop

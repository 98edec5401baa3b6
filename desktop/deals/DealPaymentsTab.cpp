// SPDX-License-Identifier: Apache-2.0
#include "DealPaymentsTab.h"

#include "common/ApiClient.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/PayoutActions.h"
#include "widgets/Tables.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Payout;
using influence::common::Result;

namespace influence::desktop {

namespace {

QTableWidget *table(const QString &name, int columns)
{
    auto *t = new QTableWidget(0, columns);
    t->setObjectName(name);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QLabel *title()
{
    auto *label = new QLabel;
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

DealPaymentsTab::DealPaymentsTab(common::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_load(api, this)
    , m_money(api)
    , m_actions(new PayoutActions(api, this))
{
    setObjectName(u"dealPaymentsTab"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scheduleTitle = title();
    m_summary = new QLabel;
    m_summary->setObjectName(u"paymentScheduleSummary"_s);
    m_summary->setWordWrap(true);
    m_schedule = table(u"paymentSchedule"_s, ScheduleColumns);
    m_schedule->setMaximumHeight(150);
    m_payoutsTitle = title();
    m_payouts = table(u"dealPayouts"_s, PayoutColumns);
    m_payoutsNote = new QLabel;
    m_payoutsNote->setObjectName(u"dealPayoutsNote"_s);
    m_payoutsNote->setWordWrap(true);
    layout->addWidget(m_scheduleTitle);
    layout->addWidget(m_summary);
    layout->addWidget(m_schedule);
    layout->addWidget(m_payoutsTitle);
    layout->addWidget(m_payouts, 1);
    layout->addWidget(m_payoutsNote);
    auto *buttons = new QHBoxLayout;
    m_recordPayment = new QPushButton;
    m_recordPayment->setObjectName(u"dealRecordPaymentButton"_s);
    m_cancelPayout = new QPushButton;
    m_cancelPayout->setObjectName(u"dealCancelPayoutButton"_s);
    buttons->addStretch();
    buttons->addWidget(m_recordPayment);
    buttons->addWidget(m_cancelPayout);
    layout->addLayout(buttons);
    m_payouts->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_payouts, &QTableWidget::itemSelectionChanged, this, &DealPaymentsTab::updateActions);
    connect(m_recordPayment, &QPushButton::clicked, this, [this] {
        if (const Payout *payout = selected()) {
            m_actions->recordPayment(*payout);
        }
    });
    connect(m_cancelPayout, &QPushButton::clicked, this, [this] {
        if (const Payout *payout = selected()) {
            m_actions->cancel(*payout);
        }
    });
    connect(m_actions, &PayoutActions::busyChanged, this, &DealPaymentsTab::updateActions);
    connect(m_actions, &PayoutActions::message, this, &DealPaymentsTab::message);
    connect(m_actions, &PayoutActions::changed, this, &DealPaymentsTab::payoutChanged);
    retranslate();
}

const Payout *DealPaymentsTab::selected() const
{
    const QList<QTableWidgetItem *> items = m_payouts->selectedItems();
    const int row = items.isEmpty() ? -1 : items.first()->row();
    return row >= 0 && row < m_payoutList.size() ? &m_payoutList.at(row) : nullptr;
}

void DealPaymentsTab::selectPayout(const QString &id)
{
    for (int row = 0; row < m_payoutList.size(); ++row) {
        if (m_payoutList.at(row).id == id) {
            m_payouts->selectRow(row);
        }
    }
}

void DealPaymentsTab::updateActions()
{
    // Recording and cancelling are the brand's steps.
    m_recordPayment->setVisible(m_brandSide);
    m_cancelPayout->setVisible(m_brandSide);
    const Payout *payout = selected();
    const bool idle = !m_actions->isBusy();
    m_recordPayment->setEnabled(idle && payout && PayoutActions::canRecordPayment(*payout));
    m_cancelPayout->setEnabled(idle && payout && PayoutActions::canCancel(*payout));
}

void DealPaymentsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DealPaymentsTab::retranslate()
{
    m_scheduleTitle->setText(tr("Payment schedule"));
    m_schedule->setHorizontalHeaderLabels({tr("#"), tr("Payable"), tr("Share"), tr("Amount")});
    m_payoutsTitle->setText(tr("Payouts"));
    m_payouts->setHorizontalHeaderLabels(
            {tr("#"), tr("Amount"), tr("Due"), tr("State"), tr("Details")});
    m_recordPayment->setText(tr("Record &payment…"));
    m_cancelPayout->setText(tr("Ca&ncel payout…"));
    fill();
}

void DealPaymentsTab::setDeal(const common::Deal &deal, common::DealSide side)
{
    m_deal = deal;
    m_brandSide = side == common::DealSide::Brand;
    fill();
    loadPayouts();
}

void DealPaymentsTab::cancel()
{
    m_load.cancel();
}

void DealPaymentsTab::loadPayouts()
{
    cancel();
    const bool agreed = m_deal.state == common::DealState::Accepted
            || m_deal.state == common::DealState::InProgress
            || m_deal.state == common::DealState::Completed
            || m_deal.state == common::DealState::Cancelled;
    if (!agreed) {
        m_payoutList.clear();
        m_payoutsError.clear();
        fill();
        return;
    }
    const quint64 generation = m_load.start();
    // The payouts list filters by campaign and creator, who has one live deal in a campaign:
    // the deal's are picked from those few.
    common::PayoutQuery query;
    query.campaignId = m_deal.campaignId;
    query.creatorId = m_deal.influencerId;
    query.limit = 100;
    const common::ApiClient::OwnerScope owner(m_load.api(), this);
    continueIn(this, m_money.payouts(query),
            [this, generation](const Result<common::Page<Payout>> &result) {
                if (!m_load.finish(generation)) {
                    return;
                }
                m_payoutList.clear();
                m_payoutsError.clear();
                if (!result) {
                    m_payoutsError = tr("The payouts could not be loaded. %1")
                                             .arg(ErrorText::sentence(result.error()));
                } else {
                    for (const Payout &payout : result->items) {
                        if (payout.dealId == m_deal.id) {
                            m_payoutList.append(payout);
                        }
                    }
                    std::sort(m_payoutList.begin(), m_payoutList.end(),
                            [](const Payout &a, const Payout &b) {
                                return a.installment < b.installment;
                            });
                }
                fill();
                Q_EMIT loadFinished();
            });
}

void DealPaymentsTab::clear()
{
    cancel();
    m_actions->reset();
    m_deal = {};
    m_payoutList.clear();
    m_payoutsError.clear();
    fill();
}

QString DealPaymentsTab::scheduleText() const
{
    return m_summary->text();
}

void DealPaymentsTab::fill()
{
    m_schedule->setRowCount(0);
    m_payouts->setRowCount(0);
    if (m_deal.id.isEmpty()) {
        m_summary->clear();
        m_payoutsNote->clear();
        updateActions();
        return;
    }
    const common::PaymentTerms &terms = m_deal.paymentTerms;
    const common::Money fee = m_deal.latestOffer ? m_deal.latestOffer->terms.fee : common::Money{};
    const bool agreed = m_deal.state == common::DealState::Accepted
            || m_deal.state == common::DealState::InProgress
            || m_deal.state == common::DealState::Completed;
    m_summary->setText(
            (agreed ? tr("Agreed: %1") : tr("Offered: %1")).arg(Names::paymentTerms(terms)));
    const QList<qint64> amounts = terms.split(fee.minorUnits);
    for (int i = 0; i < terms.schedule.size(); ++i) {
        const common::Installment &part = terms.schedule.at(i);
        m_schedule->insertRow(i);
        m_schedule->setItem(i, Number, readOnlyCell(QString::number(i + 1)));
        m_schedule->setItem(i, Condition,
                readOnlyCell(terms.netDays == 1
                                ? tr("%1, then within 1 day")
                                          .arg(Names::paymentCondition(part.condition))
                                : tr("%1, then within %2 days")
                                          .arg(Names::paymentCondition(part.condition))
                                          .arg(terms.netDays)));
        m_schedule->setItem(i, Share, readOnlyCell(tr("%1 %").arg(part.percent), Qt::AlignRight));
        m_schedule->setItem(i, Amount,
                readOnlyCell(Formats::money({amounts.value(i), fee.currency}), Qt::AlignRight));
    }

    const QLocale locale;
    for (int row = 0; row < m_payoutList.size(); ++row) {
        const Payout &payout = m_payoutList.at(row);
        m_payouts->insertRow(row);
        m_payouts->setItem(row, PayoutNumber, readOnlyCell(QString::number(payout.installment)));
        m_payouts->setItem(
                row, PayoutAmount, readOnlyCell(Formats::money(payout.amount), Qt::AlignRight));
        m_payouts->setItem(row, PayoutDue,
                readOnlyCell(payout.dueDate.isValid()
                                ? locale.toString(payout.dueDate, QLocale::ShortFormat)
                                : QString()));
        QString state = Names::payoutState(payout.state);
        if (payout.late) {
            state = tr("%1 · late").arg(state);
        }
        m_payouts->setItem(row, PayoutState, readOnlyCell(state));
        if (payout.late) {
            m_payouts->item(row, PayoutState)->setForeground(QColor(0xda, 0x44, 0x53));
        }
        QString note;
        if (payout.state == common::PayoutState::Paid) {
            note = payout.method == common::PayoutMethod::Offline
                    ? tr("Paid %1, reference %2")
                              .arg(locale.toString(payout.paidAt.toLocalTime().date(),
                                           QLocale::ShortFormat),
                                      payout.reference)
                    : tr("Paid %1 through the payment provider")
                              .arg(locale.toString(
                                      payout.paidAt.toLocalTime().date(), QLocale::ShortFormat));
        } else if (payout.state == common::PayoutState::Failed) {
            note = tr("Failed: %1").arg(payout.failureMessage);
        }
        m_payouts->setItem(row, PayoutNote, readOnlyCell(note));
    }
    if (!m_payoutsError.isEmpty()) {
        m_payoutsNote->setText(m_payoutsError);
    } else if (m_payoutList.isEmpty()) {
        m_payoutsNote->setText(agreed ? tr("No payouts yet: each installment becomes a payout "
                                           "when its condition is met.")
                                      : tr("Payouts begin once the offer is accepted."));
    } else {
        m_payoutsNote->clear();
    }
    updateActions();
}

} // namespace influence::desktop

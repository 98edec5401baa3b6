// SPDX-License-Identifier: Apache-2.0
#include "LedgerTab.h"

#include "common/ApiClient.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CsvExport.h"
#include "widgets/Formats.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/Tables.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::LedgerAccountKind;
using influence::common::LedgerEntry;
using influence::common::Result;

namespace influence::desktop {

namespace { } // namespace

LedgerTab::LedgerTab(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_money(api)
    , m_collab(api)
    , m_api(api)
    , m_session(session)
{
    setObjectName(u"ledgerTab"_s);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_intro = new QLabel;
    m_intro->setObjectName(u"ledgerIntro"_s);
    m_intro->setWordWrap(true);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadLedgerButton"_s);
    m_export = new QPushButton;
    m_export->setObjectName(u"exportLedgerButton"_s);
    top->addWidget(m_intro, 1);
    top->addWidget(m_reload, 0, Qt::AlignTop);
    top->addWidget(m_export, 0, Qt::AlignTop);
    layout->addLayout(top);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"ledgerTable"_s);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(To, QHeaderView::Stretch);
    m_states = new StateStack(u"ledger"_s, m_table);
    layout->addWidget(m_states, 1);
    auto *footer = new QHBoxLayout;
    m_message = new StatusLine;
    m_message->setObjectName(u"ledgerMessage"_s);
    m_message->setWordWrap(true);
    m_more = new QPushButton;
    m_more->setObjectName(u"moreLedgerButton"_s);
    footer->addWidget(m_message, 1);
    footer->addWidget(m_more);
    layout->addLayout(footer);

    connect(m_reload, &QPushButton::clicked, this, &LedgerTab::reload);
    connect(m_states, &StateStack::retryRequested, this, &LedgerTab::reload);
    connect(m_more, &QPushButton::clicked, this, &LedgerTab::loadMore);
    connect(m_export, &QPushButton::clicked, this, [this] {
        exportCsv(
                this, tr("ledger.csv"),
                [csv = csv()] {
                    return csv;
                },
                [this](const QString &path, const QString &error) {
                    exported(path, error);
                });
    });
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
    retranslate();
}

void LedgerTab::retranslate()
{
    setWindowTitle(tr("Ledger"));
    m_intro->setText(tr("Every movement of the campaign's money, oldest first: the budget, "
                        "each accepted fee reserved, each payout as it becomes payable and is "
                        "paid. Entries are never changed; a correction is a new movement."));
    m_reload->setText(tr("Re&fresh"));
    m_export->setText(tr("E&xport as CSV…"));
    m_more->setText(tr("Load &more"));
    m_table->setHorizontalHeaderLabels(
            {tr("Time"), tr("What"), tr("From"), tr("To"), tr("Amount"), tr("Budget left")});
    m_table->horizontalHeaderItem(Remaining)->setToolTip(
            tr("The campaign's remaining budget after the movement, where it "
               "touched the budget."));
    fill();
    showState();
}

void LedgerTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void LedgerTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_campaign && m_loadedFor != m_campaign->id && m_state != State::Loading) {
        reload();
    }
}

void LedgerTab::setCampaign(const common::Campaign &campaign)
{
    const bool other = !m_campaign || m_campaign->id != campaign.id;
    m_campaign = campaign;
    if (other) {
        ++m_generation;
        m_loadedFor.clear();
        m_transfers.clear();
        m_transferRow.clear();
        m_creatorOfDeal.clear();
        m_nextCursor.clear();
        m_message->clear();
        fill();
        setState(State::Idle);
        if (isVisible()) {
            reload();
        }
    }
}

void LedgerTab::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void LedgerTab::showState()
{
    m_more->setVisible(m_state == State::Loaded && hasMore());
    m_export->setEnabled(m_state == State::Loaded && !m_transfers.isEmpty());
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading the ledger…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded:
        if (m_transfers.isEmpty()) {
            m_states->showEmpty(tr("No money has moved in this campaign yet."));
        } else {
            m_states->showContent();
        }
        break;
    }
}

void LedgerTab::reload()
{
    if (!m_campaign) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_loadedFor = m_campaign->id;
    m_transfers.clear();
    m_transferRow.clear();
    m_nextCursor.clear();
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    // The deals name the creators whose accounts the transfers move money between.
    common::DealQuery deals;
    deals.campaignId = m_campaign->id;
    continueIn(this, m_collab.deals(deals),
            [this, generation](const Result<common::Page<common::Deal>> &result) {
                if (generation != m_generation || !result) {
                    return; // without names the accounts say "a deal"
                }
                for (const common::Deal &deal : result->items) {
                    m_creatorOfDeal.insert(deal.id, deal.influencerName);
                }
                fill();
            });
    loadPage(generation, {});
}

void LedgerTab::markStale()
{
    m_loadedFor.clear();
    if (isVisible() && m_state != State::Loading) {
        reload();
    }
}

void LedgerTab::loadMore()
{
    if (m_state == State::Loaded && hasMore()) {
        loadPage(m_generation, m_nextCursor);
    }
}

void LedgerTab::loadPage(quint64 generation, const QString &cursor)
{
    common::LedgerQuery query;
    query.campaignId = m_loadedFor;
    query.limit = m_pageSize;
    query.cursor = cursor;
    m_more->setEnabled(false);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_money.ledgerEntries(query),
            [this, generation](const Result<common::Page<LedgerEntry>> &result) {
                if (generation != m_generation) {
                    return;
                }
                m_more->setEnabled(true);
                if (!result) {
                    m_error = result.error();
                    setState(State::Failed);
                    return;
                }
                m_nextCursor = result->nextCursor;
                add(result->items);
                fill();
                setState(State::Loaded);
                showState();
            });
}

void LedgerTab::add(const QList<LedgerEntry> &entries)
{
    // A transfer's two entries usually follow each other; a page may end between them.
    for (const LedgerEntry &entry : entries) {
        qsizetype row = m_transferRow.value(entry.transferId, -1);
        if (row < 0) {
            row = m_transfers.size();
            m_transferRow.insert(entry.transferId, row);
            m_transfers.append({entry.transferId, entry.at, entry.cause, {}, {}, {}});
        }
        Transfer &transfer = m_transfers[row];
        (entry.amount.minorUnits < 0 ? transfer.debit : transfer.credit) = entry;
        if (entry.accountKind == LedgerAccountKind::CampaignBudget) {
            transfer.remainingMinor = entry.balanceAfterMinor;
        }
    }
}

QString LedgerTab::causeText(const QString &cause)
{
    static const QList<std::pair<QString, const char *>> causes{
            {u"reservation"_s, QT_TR_NOOP("Fee reserved (offer accepted)")},
            {u"release"_s, QT_TR_NOOP("Reservation released")},
            {u"payout_due"_s, QT_TR_NOOP("Installment payable")},
            {u"payout_cancelled"_s, QT_TR_NOOP("Payout cancelled")},
            {u"payout_sent"_s, QT_TR_NOOP("Payout sent to the provider")},
            {u"payout_failed"_s, QT_TR_NOOP("Payout failed")},
            {u"payout_paid"_s, QT_TR_NOOP("Payout paid")},
            {u"adjustment"_s, QT_TR_NOOP("Adjustment")}};
    for (const auto &[wire, text] : causes) {
        if (wire == cause) {
            return tr(text);
        }
    }
    return cause;
}

QStringList LedgerTab::transferTexts() const
{
    // The list starts at the campaign's first transfer (pages come oldest first).
    QStringList texts;
    texts.reserve(m_transfers.size());
    bool budgetSeen = false;
    for (const Transfer &t : m_transfers) {
        if (t.cause != u"budget"_s) {
            texts.append(causeText(t.cause));
            continue;
        }
        const bool raised = t.credit && t.credit->accountKind == LedgerAccountKind::CampaignBudget;
        texts.append(!raised         ? tr("Budget lowered")
                        : budgetSeen ? tr("Budget raised")
                                     : tr("Budget set"));
        budgetSeen = true;
    }
    return texts;
}

QString LedgerTab::accountText(const LedgerEntry &entry) const
{
    const QString creator = m_creatorOfDeal.value(entry.accountDealId);
    const QString who = creator.isEmpty() ? tr("a deal") : creator;
    switch (entry.accountKind) {
    case LedgerAccountKind::BrandFunding: return tr("Brand funds");
    case LedgerAccountKind::CampaignBudget: return tr("Campaign budget");
    case LedgerAccountKind::DealReserved: return tr("Reserved for %1").arg(who);
    case LedgerAccountKind::CreatorPayable: return tr("Payable to %1").arg(who);
    case LedgerAccountKind::ProviderClearing: return tr("At the payment provider for %1").arg(who);
    case LedgerAccountKind::PaidOut: return tr("Paid to %1").arg(who);
    }
    return {};
}

void LedgerTab::fill()
{
    const QLocale locale;
    const QStringList texts = transferTexts();
    m_table->setRowCount(int(m_transfers.size()));
    for (int row = 0; row < m_transfers.size(); ++row) {
        const Transfer &t = m_transfers.at(row);
        const common::Money amount = t.credit ? t.credit->amount
                : t.debit ? common::Money{-t.debit->amount.minorUnits, t.debit->amount.currency}
                          : common::Money{};
        m_table->setItem(
                row, Time, readOnlyCell(locale.toString(t.at.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, Cause, readOnlyCell(texts.at(row)));
        m_table->setItem(row, From, readOnlyCell(t.debit ? accountText(*t.debit) : QString()));
        m_table->setItem(row, To, readOnlyCell(t.credit ? accountText(*t.credit) : QString()));
        m_table->setItem(row, Amount, readOnlyCell(Formats::money(amount), Qt::AlignRight));
        m_table->setItem(row, Remaining,
                readOnlyCell(t.remainingMinor ? Formats::money({*t.remainingMinor, amount.currency})
                                              : tr("–"),
                        Qt::AlignRight));
    }
    // As wide as their contents, and never narrower than their titles (in either language).
    m_table->resizeColumnsToContents();
    fitHeaderTexts(m_table->horizontalHeader());
}

QByteArray LedgerTab::csv() const
{
    Csv csv;
    if (m_campaign) {
        csv.addFilter(tr("Campaign"), m_campaign->details.name);
    }
    csv.setHeader({tr("Time"), tr("What"), tr("From"), tr("To"), tr("Amount"), tr("Currency"),
            tr("Budget left")});
    for (int row = 0; row < m_transfers.size(); ++row) {
        const Transfer &t = m_transfers.at(row);
        const QString currency = t.credit ? t.credit->amount.currency
                : t.debit                 ? t.debit->amount.currency
                                          : QString();
        const qint64 amount = t.credit ? t.credit->amount.minorUnits
                : t.debit              ? -t.debit->amount.minorUnits
                                       : 0;
        const auto plain = [&currency](qint64 minor) {
            return common::formatMoneyPlain({minor, currency}).section(u' ', 0, 0);
        };
        csv.addRow(
                {t.at.toUTC().toString(Qt::ISODate), Csv::text(m_table->item(row, Cause)->text()),
                        Csv::text(m_table->item(row, From)->text()),
                        Csv::text(m_table->item(row, To)->text()), plain(amount), currency,
                        t.remainingMinor ? plain(*t.remainingMinor) : QString()});
    }
    return csv.bytes();
}

void LedgerTab::exportTo(const QString &path)
{
    writeFileInBackground(this, path, csv(), [this](const QString &file, const QString &error) {
        exported(file, error);
    });
}

void LedgerTab::exported(const QString &path, const QString &error)
{
    if (!error.isEmpty()) {
        m_message->setText(tr("The ledger was not exported. %1").arg(error));
        return;
    }
    // (English and German have the same plural rule: one, or other.)
    m_message->setText(m_transfers.size() == 1
                    ? tr("1 movement exported to %1.").arg(path)
                    : tr("%1 movements exported to %2.").arg(m_transfers.size()).arg(path));
}

QString LedgerTab::messageText() const
{
    return m_message->text();
}

void LedgerTab::forget()
{
    ++m_generation;
    m_campaign.reset();
    m_loadedFor.clear();
    m_transfers.clear();
    m_transferRow.clear();
    m_creatorOfDeal.clear();
    m_nextCursor.clear();
    m_message->clear();
    fill();
    setState(State::Idle);
}

} // namespace influence::desktop

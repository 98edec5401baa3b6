// SPDX-License-Identifier: Apache-2.0
#include "PayoutsPage.h"

#include "common/ApiClient.h"
#include "money/PayoutsModel.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/BadgeDelegate.h"
#include "widgets/BrandPicker.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/PayoutActions.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/Tables.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using influence::common::Payout;
using influence::common::PayoutState;
using influence::common::Result;

namespace influence::desktop {

namespace {

constexpr int kPageSize = 100; // the most the server gives per page

} // namespace

PayoutsPage::PayoutsPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_money(api)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"payoutsPage"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
}

void PayoutsPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    const auto combo = [filters](const QString &name, QLabel *&label) {
        label = new QLabel;
        auto *box = new QComboBox;
        box->setObjectName(name);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        label->setBuddy(box);
        filters->addWidget(label);
        filters->addWidget(box);
        filters->addSpacing(12);
        return box;
    };
    m_show = combo(u"payoutsShow"_s, m_showLabel);
    for (const Show show : {Show::Due, Show::Late, Show::Failed, Show::All}) {
        m_show->addItem(QString(), int(show));
    }
    m_brands = new BrandPicker(m_api);
    m_brands->setAllowAll(true);
    filters->addWidget(m_brands);
    filters->addSpacing(12);
    connect(m_brands, &BrandPicker::brandChanged, this, &PayoutsPage::reload);
    m_campaign = combo(u"payoutsCampaign"_s, m_campaignLabel);
    m_campaign->addItem(QString(), QString());
    m_creator = combo(u"payoutsCreator"_s, m_creatorLabel);
    m_creator->addItem(QString(), QString());
    filters->addStretch();
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadPayoutsButton"_s);
    filters->addWidget(m_reload);
    layout->addLayout(filters);

    m_model = new PayoutsModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(PayoutsModel::SortRole);
    m_table = new QTableView;
    m_table->setObjectName(u"payoutsTable"_s);
    m_table->setModel(m_sorted);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PayoutsModel::DueDate, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(PayoutsModel::Campaign, QHeaderView::Stretch);
    header->resizeSection(PayoutsModel::Creator, 170);
    header->resizeSection(PayoutsModel::Installment, 190);
    header->resizeSection(PayoutsModel::Amount, 120);
    header->resizeSection(PayoutsModel::DueDate, 100);
    header->resizeSection(PayoutsModel::State, 110);
    header->resizeSection(PayoutsModel::Late, 70);
    // The late badge stays visible on a selected row.
    m_table->setItemDelegateForColumn(PayoutsModel::Late, new BadgeDelegate(m_table));
    m_states = new StateStack(u"payouts"_s, m_table);
    layout->addWidget(m_states, 1);

    auto *footer = new QHBoxLayout;
    m_selection = new QLabel;
    m_selection->setObjectName(u"payoutsSelection"_s);
    m_message = new StatusLine;
    m_message->setObjectName(u"payoutsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = new QPushButton;
    m_export->setObjectName(u"exportPayoutsButton"_s);
    m_retry = new QPushButton;
    m_retry->setObjectName(u"retryApprovalButton"_s);
    m_retry->setVisible(false);
    m_retryFailed = new QPushButton;
    m_retryFailed->setObjectName(u"retryFailedPayoutsButton"_s);
    m_approve = new QPushButton;
    m_approve->setObjectName(u"approvePayoutsButton"_s);
    footer->addWidget(m_selection);
    footer->addSpacing(12);
    footer->addWidget(m_message, 1);
    footer->addWidget(m_export);
    buildPayoutActions(footer);
    footer->addWidget(m_retry);
    footer->addWidget(m_retryFailed);
    footer->addWidget(m_approve);
    layout->addLayout(footer);

    connect(m_reload, &QPushButton::clicked, this, &PayoutsPage::reload);
    connect(m_states, &StateStack::retryRequested, this, &PayoutsPage::reload);
    for (QComboBox *box : {m_show, m_campaign, m_creator}) {
        connect(box, &QComboBox::activated, this, &PayoutsPage::reload);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PayoutsPage::updateButtons);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const Payout *payout = m_model->payoutAt(m_sorted->mapToSource(index).row())) {
            Q_EMIT dealRequested(payout->dealId);
        }
    });
    connect(m_approve, &QPushButton::clicked, this, &PayoutsPage::approveSelected);
    connect(m_retry, &QPushButton::clicked, this, &PayoutsPage::retryApproval);
    connect(m_retryFailed, &QPushButton::clicked, this, &PayoutsPage::retryFailed);
    connect(m_export, &QPushButton::clicked, this, [this] {
        exportCsv(
                this, tr("payouts.csv"),
                [csv = csv()] {
                    return csv;
                },
                [this](const QString &path, const QString &error) {
                    exported(path, error);
                });
    });
    updateButtons();
}

void PayoutsPage::retranslate()
{
    setWindowTitle(tr("Payouts"));
    m_showLabel->setText(tr("&Show"));
    m_show->setItemText(int(Show::Due), tr("Due"));
    m_show->setItemText(int(Show::Late), tr("Late"));
    m_show->setItemText(int(Show::Failed), tr("Failed"));
    m_show->setItemText(int(Show::All), tr("All"));
    m_campaignLabel->setText(tr("&Campaign"));
    m_campaign->setItemText(0, tr("All campaigns"));
    m_creatorLabel->setText(tr("C&reator"));
    m_creator->setItemText(0, tr("All creators"));
    m_reload->setText(tr("Re&fresh"));
    m_export->setText(tr("E&xport as CSV…"));
    m_retry->setText(tr("Send the approval &again"));
    m_retry->setToolTip(tr("The server approves only once, however often this is sent."));
    m_retryFailed->setText(tr("Pay &failed again"));
    m_retryFailed->setToolTip(tr("Sends the selected failed payouts to the payment provider "
                                 "again, for example once the creator's account is fixed."));
    retranslatePayoutActions();
    m_model->retranslate();
    fitHeaderTexts(m_table->horizontalHeader());
    showState();
    updateButtons();
}

void PayoutsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void PayoutsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state != State::Loading) {
        reload();
    }
    if (!m_choicesLoaded) {
        loadFilterChoices();
    }
}

void PayoutsPage::hideEvent(QHideEvent *event)
{
    if (m_confirmation) {
        m_confirmation->close(); // a question about a page no longer shown
    }
    // Leaving the page drops the loading (an approval under way goes on: it is not owned).
    if (m_state == State::Loading) {
        m_api->abort(this);
        ++m_generation;
        setState(State::Idle);
    }
    QWidget::hideEvent(event);
}

void PayoutsPage::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
    updateButtons();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void PayoutsPage::showState()
{
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading the payouts…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded:
        if (m_model->rowCount() > 0) {
            m_states->showContent();
            break;
        }
        switch (show()) {
        case Show::Due: m_states->showEmpty(tr("No payouts are due. Nothing to approve.")); break;
        case Show::Late: m_states->showEmpty(tr("No payouts are late.")); break;
        case Show::Failed: m_states->showEmpty(tr("No payouts have failed.")); break;
        case Show::All:
            m_states->showEmpty(tr("No payouts yet. A payout appears once an installment's "
                                   "condition is met, such as a deal accepted or its posts "
                                   "live."));
            break;
        }
        break;
    }
}

PayoutsPage::Show PayoutsPage::show() const
{
    return static_cast<Show>(m_show->currentData().toInt());
}

void PayoutsPage::setShow(Show show)
{
    m_show->setCurrentIndex(m_show->findData(int(show)));
    reload();
}

void PayoutsPage::setCampaignFilter(const QString &campaignId)
{
    int index = m_campaign->findData(campaignId);
    if (index < 0) {
        m_campaign->addItem(campaignId, campaignId);
        index = m_campaign->count() - 1;
    }
    m_campaign->setCurrentIndex(index);
    reload();
}

void PayoutsPage::setCreatorFilter(const QString &creatorId)
{
    int index = m_creator->findData(creatorId);
    if (index < 0) {
        m_creator->addItem(creatorId, creatorId);
        index = m_creator->count() - 1;
    }
    m_creator->setCurrentIndex(index);
    reload();
}

common::PayoutQuery PayoutsPage::query() const
{
    common::PayoutQuery query;
    switch (show()) {
    case Show::Due: query.state = PayoutState::Due; break;
    case Show::Late: query.lateOnly = true; break;
    case Show::Failed: query.state = PayoutState::Failed; break;
    case Show::All: break;
    }
    query.campaignId = m_campaign->currentData().toString();
    query.brandId = m_brands->brandId();
    query.creatorId = m_creator->currentData().toString();
    query.limit = kPageSize;
    return query;
}

void PayoutsPage::reload()
{
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    if (!signedIn) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_loading.clear();
    // The rows stay on screen while they are refreshed (after an approval, say).
    if (m_state != State::Loaded) {
        setState(State::Loading);
    }
    loadPage(generation, {});
}

void PayoutsPage::loadPage(quint64 generation, const QString &cursor)
{
    common::PayoutQuery q = query();
    q.cursor = cursor;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_money.payouts(q),
            [this, generation](const Result<common::Page<Payout>> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result) {
                    m_error = result.error();
                    m_model->clear();
                    setState(State::Failed);
                    return;
                }
                m_loading += result->items;
                if (!result->nextCursor.isEmpty() && m_loading.size() < kMaxRows) {
                    loadPage(generation, result->nextCursor);
                    return;
                }
                // The selection survives a refresh: the same payouts stay selected.
                QStringList selected;
                for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
                    selected.append(index.data(PayoutsModel::IdRole).toString());
                }
                m_model->setPayouts(std::exchange(m_loading, {}));
                setState(State::Loaded);
                selectPayouts(selected);
            });
}

void PayoutsPage::loadFilterChoices()
{
    m_choicesLoaded = true;
    m_brands->reload();
    const common::ApiClient::OwnerScope owner(m_api, this);
    common::CampaignQuery campaigns;
    continueIn(this, m_collab.campaigns(campaigns),
            [this](const Result<common::Page<common::Campaign>> &result) {
                if (!result) {
                    m_choicesLoaded = false; // asked again when the page is shown again
                    return;
                }
                for (const common::Campaign &campaign : result->items) {
                    const int index = m_campaign->findData(campaign.id);
                    if (index < 0) {
                        m_campaign->addItem(campaign.details.name, campaign.id);
                    } else {
                        m_campaign->setItemText(index, campaign.details.name);
                    }
                }
            });
    // The creators the brand has deals with (the first page of deals is plenty for a filter).
    continueIn(this, m_collab.deals(common::DealQuery{}),
            [this](const Result<common::Page<common::Deal>> &result) {
                if (!result) {
                    m_choicesLoaded = false;
                    return;
                }
                QList<std::pair<QString, QString>> creators;
                QSet<QString> seen;
                for (const common::Deal &deal : result->items) {
                    if (!deal.influencerId.isEmpty() && !seen.contains(deal.influencerId)) {
                        seen.insert(deal.influencerId);
                        creators.append({deal.influencerName, deal.influencerId});
                    }
                }
                std::sort(creators.begin(), creators.end(), [](const auto &a, const auto &b) {
                    return QString::localeAwareCompare(a.first, b.first) < 0;
                });
                for (const auto &[name, id] : creators) {
                    const int index = m_creator->findData(id);
                    if (index < 0) {
                        m_creator->addItem(name, id);
                    } else {
                        m_creator->setItemText(index, name);
                    }
                }
            });
}

QList<std::pair<QString, QString>> PayoutsPage::filterRows() const
{
    QList<std::pair<QString, QString>> rows{{tr("Show"), m_show->currentText()}};
    if (!m_campaign->currentData().toString().isEmpty()) {
        rows.append({tr("Campaign"), m_campaign->currentText()});
    }
    if (!m_creator->currentData().toString().isEmpty()) {
        rows.append({tr("Creator"), m_creator->currentText()});
    }
    return rows;
}

QByteArray PayoutsPage::csv() const
{
    return m_model->csv(filterRows());
}

void PayoutsPage::exportTo(const QString &path)
{
    writeFileInBackground(this, path, csv(), [this](const QString &file, const QString &error) {
        exported(file, error);
    });
}

void PayoutsPage::exported(const QString &path, const QString &error)
{
    if (!error.isEmpty()) {
        m_message->setText(tr("The payouts were not exported. %1").arg(error));
        return;
    }
    // (English and German have the same plural rule: one, or other.)
    m_message->setText(m_model->rowCount() == 1
                    ? tr("1 payout exported to %1.").arg(path)
                    : tr("%1 payouts exported to %2.").arg(m_model->rowCount()).arg(path));
}

QMessageBox *PayoutsPage::confirmation() const
{
    return m_confirmation.data();
}

QString PayoutsPage::messageText() const
{
    return m_message->text();
}

void PayoutsPage::forget()
{
    ++m_generation;
    ++m_epoch;
    if (m_confirmation) {
        m_confirmation->close();
    }
    m_actions->reset();
    m_loading.clear();
    m_model->clear();
    m_attempt = {};
    m_retryKeys.clear();
    m_retriesPending = 0;
    m_lastKey.clear();
    m_busy = false;
    m_message->clear();
    m_choicesLoaded = false;
    while (m_campaign->count() > 1) {
        m_campaign->removeItem(1);
    }
    while (m_creator->count() > 1) {
        m_creator->removeItem(1);
    }
    m_campaign->setCurrentIndex(0);
    m_creator->setCurrentIndex(0);
    m_brands->forget();
    setState(State::Idle);
}

} // namespace influence::desktop

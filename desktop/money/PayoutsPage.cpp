// SPDX-License-Identifier: Apache-2.0
#include "PayoutsPage.h"

#include "common/ApiClient.h"
#include "money/PayoutsModel.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
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
using influence::common::ErrorCode;
using influence::common::Payout;
using influence::common::PayoutState;
using influence::common::Result;

namespace influence::desktop {

namespace {

constexpr int kPageSize = 100; // the most the server gives per page

/// Whether an approval's answer may have been lost on the way: sending the same attempt again
/// (with its key) is then safe, and the only way to know.
bool answerLost(const common::Error &error)
{
    return error.code == ErrorCode::NetworkError || error.code == ErrorCode::Cancelled
            || error.code == ErrorCode::RequestTimeout
            || error.code == ErrorCode::ServiceUnavailable
            || error.codeName() == u"idempotency_key_in_use"_s;
}

bool canApprove(const Payout &payout)
{
    return payout.state == PayoutState::Scheduled || payout.state == PayoutState::Due;
}

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
    m_states = new StateStack(u"payouts"_s, m_table);
    layout->addWidget(m_states, 1);

    auto *footer = new QHBoxLayout;
    m_selection = new QLabel;
    m_selection->setObjectName(u"payoutsSelection"_s);
    m_message = new QLabel;
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

void PayoutsPage::selectPayouts(const QStringList &ids)
{
    QItemSelection selection;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0) {
            const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
            selection.select(index, index.siblingAtColumn(PayoutsModel::ColumnCount - 1));
        }
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateButtons();
}

QList<Payout> PayoutsPage::approvable() const
{
    QList<Payout> result;
    if (m_state != State::Loaded) {
        return result;
    }
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const Payout *payout = m_model->payoutAt(m_sorted->mapToSource(index).row());
        if (payout && canApprove(*payout)) {
            result.append(*payout);
        }
    }
    return result;
}

void PayoutsPage::updateButtons()
{
    const QList<Payout> chosen = approvable();
    const int count = int(chosen.size());
    m_approve->setText(count > 0 ? tr("&Approve %1 selected").arg(count) : tr("&Approve selected"));
    m_approve->setEnabled(count > 0 && !m_busy && !m_confirmation);
    m_approve->setToolTip(
            count > 0 ? QString() : tr("Select due or scheduled payouts to approve them."));
    m_retry->setVisible(!m_attempt.key.isEmpty() && !m_busy);
    m_retryFailed->setVisible(show() == Show::Failed || !retryable().isEmpty());
    m_retryFailed->setEnabled(!retryable().isEmpty() && !m_busy);
    m_export->setEnabled(m_state == State::Loaded && m_model->rowCount() > 0);
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_selection->setText(selected > 0 ? tr("%1 selected").arg(selected) + u" · "_s
                            + Formats::moneyList(common::payoutTotals(chosen))
                                      : QString());
    m_selection->setVisible(count > 0);
}

void PayoutsPage::approveSelected()
{
    const QList<Payout> chosen = approvable();
    if (chosen.isEmpty() || m_busy || m_confirmation) {
        return;
    }
    const int count = int(chosen.size());
    QStringList ids;
    QSet<QString> creators;
    for (const Payout &payout : chosen) {
        ids.append(payout.id);
        creators.insert(payout.influencerName);
    }
    const QString total = Formats::moneyList(common::payoutTotals(chosen));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Approve payouts?"),
            (count == 1 ? tr("Approve 1 payout of %1?").arg(total)
                        : tr("Approve %1 payouts for a total of %2?").arg(count).arg(total)),
            QMessageBox::NoButton, this);
    box->setObjectName(u"confirmApprovePayouts"_s);
    box->setInformativeText(creators.size() == 1
                    ? tr("The creator is paid through the payment provider. This cannot be undone "
                         "once the transfer has been made.")
                    : tr("%1 creators are paid through the payment provider. This cannot be "
                         "undone once the transfers have been made.")
                              .arg(creators.size()));
    box->setWindowModality(Qt::WindowModal);
    QPushButton *yes = box->addButton(
            count == 1 ? tr("&Approve 1 payout") : tr("&Approve %1 payouts").arg(count),
            QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmApproveButton"_s);
    QPushButton *no = box->addButton(tr("&Cancel"), QMessageBox::RejectRole);
    no->setObjectName(u"cancelApproveButton"_s);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, ids](QAbstractButton *button) {
        if (button == yes) {
            send(ids);
        }
    });
    connect(box, &QObject::destroyed, this, &PayoutsPage::updateButtons);
    m_confirmation = box;
    updateButtons();
    box->open(); // never exec(): the event loop keeps running
}

QList<Payout> PayoutsPage::retryable() const
{
    QList<Payout> result;
    if (m_state != State::Loaded) {
        return result;
    }
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const Payout *payout = m_model->payoutAt(m_sorted->mapToSource(index).row());
        if (payout && payout->state == PayoutState::Failed) {
            result.append(*payout);
        }
    }
    return result;
}

void PayoutsPage::retryFailed()
{
    const QList<Payout> chosen = retryable();
    if (chosen.isEmpty() || m_busy) {
        return;
    }
    m_busy = true;
    m_retriesPending = int(chosen.size());
    m_retryRefusals.clear();
    m_message->setText(tr("Sending the failed payouts again…"));
    updateButtons();
    for (const Payout &payout : chosen) {
        // A payout's retry keeps its key until answered: sent twice, it is paid once.
        QString &key = m_retryKeys[payout.id];
        if (key.isEmpty()) {
            key = common::MoneyApi::newIdempotencyKey();
        }
        continueIn(this, m_money.retryPayout(payout.id, key),
                [this, id = payout.id, epoch = m_epoch](const Result<Payout> &result) {
                    if (epoch == m_epoch) {
                        retryAnswered(id, result);
                    }
                });
    }
}

void PayoutsPage::retryAnswered(const QString &id, const Result<Payout> &result)
{
    if (result || !answerLost(result.error())) {
        m_retryKeys.remove(id);
    }
    if (!result) {
        const Payout *payout = m_model->payoutAt(m_model->rowOf(id));
        m_retryRefusals.append(tr("%1: %2").arg(
                payout ? payout->influencerName : id, ErrorText::sentence(result.error())));
    }
    if (--m_retriesPending > 0) {
        return;
    }
    m_busy = false;
    m_message->setText(m_retryRefusals.isEmpty()
                    ? tr("The failed payouts were sent to the payment provider again.")
                    : tr("Not every payout was sent again. %1").arg(m_retryRefusals.join(u' ')));
    updateButtons();
    reload();
}

void PayoutsPage::retryApproval()
{
    if (!m_attempt.key.isEmpty() && !m_busy) {
        send(m_attempt.ids);
    }
}

void PayoutsPage::send(const QStringList &ids)
{
    QStringList sorted = ids;
    sorted.sort();
    // One key per attempt: the same payouts again after a lost answer are the same attempt.
    if (m_attempt.ids != sorted || m_attempt.key.isEmpty()) {
        m_attempt = {sorted, common::MoneyApi::newIdempotencyKey()};
    }
    m_lastKey = m_attempt.key;
    m_busy = true;
    m_message->setText(sorted.size() == 1 ? tr("Approving 1 payout…")
                                          : tr("Approving %1 payouts…").arg(sorted.size()));
    updateButtons();
    continueIn(this, m_money.approvePayouts(sorted, m_attempt.key),
            [this, epoch = m_epoch](const Result<QList<Payout>> &result) {
                if (epoch == m_epoch) {
                    approvalAnswered(result);
                }
            });
}

void PayoutsPage::approvalAnswered(const Result<QList<Payout>> &result)
{
    m_busy = false;
    if (result) {
        const QStringList ids = m_attempt.ids;
        m_attempt = {};
        m_message->setText(result->size() == 1
                        ? tr("1 payout approved. The payment provider is paying it now.")
                        : tr("%1 payouts approved. The payment provider is paying them now.")
                                  .arg(result->size()));
        updateButtons();
        Q_EMIT approved(ids);
        reload();
        return;
    }
    if (answerLost(result.error())) {
        // The server may have approved them: the same key again makes sure, and pays once.
        m_message->setText(tr("The approval may not have reached the server. Send it again: the "
                              "payouts are approved only once. (%1)")
                                   .arg(ErrorText::sentence(result.error())));
    } else {
        m_attempt = {};
        m_message->setText(refusal(result.error()));
    }
    updateButtons();
}

QString PayoutsPage::refusal(const common::Error &error) const
{
    const QString code = error.codeName();
    const int row = m_model->rowOf(error.extensions.value(u"id"_s).toString());
    const Payout *payout = m_model->payoutAt(row);
    if (code == u"payout_not_ready"_s) {
        const common::PayoutReadiness missing = common::missingForPayout(error);
        QStringList needs;
        for (const common::PayoutRequirement requirement : missing.missing) {
            needs.append(Names::payoutRequirement(requirement));
        }
        needs += missing.unknownMissing;
        const QString who = payout ? payout->influencerName : tr("A creator");
        return needs.isEmpty()
                ? tr("Nothing was approved: %1 cannot be paid yet.").arg(who)
                : tr("Nothing was approved: %1 cannot be paid yet and still needs %2.")
                          .arg(who, QLocale().createSeparatedList(needs));
    }
    if (code == u"illegal_transition"_s && payout) {
        return tr("Nothing was approved: the payout to %1 is %2 now. Refresh to see the "
                  "payouts as they are.")
                .arg(payout->influencerName, Names::payoutState(payout->state).toLower());
    }
    return tr("Nothing was approved. %1").arg(ErrorText::sentence(error));
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
    setState(State::Idle);
}

} // namespace influence::desktop

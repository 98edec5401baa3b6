// SPDX-License-Identifier: Apache-2.0
#include "InviteDialog.h"

#include "common/ApiClient.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/OfferEditor.h"
#include "widgets/StateStack.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <utility>

using namespace Qt::StringLiterals;
using influence::common::Campaign;
using influence::common::Deal;
using influence::common::Result;

namespace influence::desktop {

namespace {

enum Column { CreatorColumn, ResultColumn, ColumnCount };

} // namespace

InviteDialog::InviteDialog(
        common::ApiClient *api, const QList<InviteCreator> &creators, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_collab(api)
    , m_creators(creators)
    , m_outcomes(creators.size(), Outcome::Waiting)
    , m_errors(creators.size())
{
    setObjectName(u"inviteDialog"_s);
    buildUi();
    retranslate();
    reloadCampaigns();
}

void InviteDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    m_campaignBox = new QComboBox;
    m_campaignBox->setObjectName(u"inviteCampaignBox"_s);
    // inviteCampaignsLoading / Empty / Error and retryInviteCampaignsButton.
    m_campaignStates = new StateStack(u"inviteCampaigns"_s, m_campaignBox);
    m_campaignStates->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_campaignLabel = new QLabel;
    m_campaignLabel->setBuddy(m_campaignBox);
    form->addRow(m_campaignLabel, m_campaignStates);
    layout->addLayout(form);

    m_editor = new OfferEditor;
    layout->addWidget(m_editor, 2);

    m_messageLabel = new QLabel;
    m_message = new QPlainTextEdit;
    m_message->setObjectName(u"inviteMessage"_s);
    m_message->setTabChangesFocus(true);
    m_message->setMaximumHeight(m_message->fontMetrics().height() * 4);
    m_messageLabel->setBuddy(m_message);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_message);

    m_creatorsLabel = new QLabel;
    layout->addWidget(m_creatorsLabel);
    m_table = new QTableWidget(static_cast<int>(m_creators.size()), ColumnCount);
    m_table->setObjectName(u"inviteCreators"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(CreatorColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(CreatorColumn, 220);
    m_creatorsLabel->setBuddy(m_table);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const InviteCreator &creator = m_creators.at(row);
        m_table->setItem(row, CreatorColumn,
                new QTableWidgetItem(creator.fee
                                ? creator.name + u" · "_s + Formats::money(*creator.fee)
                                : creator.name));
        m_table->setItem(row, ResultColumn, new QTableWidgetItem);
    }
    layout->addWidget(m_table, 1);

    m_status = new QLabel;
    m_status->setObjectName(u"inviteStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    m_board = new QPushButton;
    m_board->setObjectName(u"openBoardButton"_s);
    m_board->hide();
    m_close = new QPushButton;
    m_close->setObjectName(u"cancelInvitesButton"_s);
    m_send = new QPushButton;
    m_send->setObjectName(u"sendInvitesButton"_s);
    m_send->setDefault(true);
    buttons->addWidget(m_board);
    buttons->addStretch();
    buttons->addWidget(m_close);
    buttons->addWidget(m_send);
    layout->addLayout(buttons);

    connect(m_campaignStates, &StateStack::retryRequested, this, &InviteDialog::reloadCampaigns);
    connect(m_campaignBox, &QComboBox::currentIndexChanged, this, &InviteDialog::campaignChosen);
    connect(m_send, &QPushButton::clicked, this, &InviteDialog::send);
    connect(m_close, &QPushButton::clicked, this, &InviteDialog::reject);
    connect(m_board, &QPushButton::clicked, this, [this] {
        Q_EMIT boardRequested(m_sendingTo);
        accept();
    });
    resize(720, 640);
}

void InviteDialog::retranslate()
{
    setWindowTitle(tr("Invite to campaign"));
    m_intro->setText(tr("Invite the selected creators to one of your active campaigns with a "
                        "first offer. Each creator gets their own deal and can accept, decline "
                        "or counter."));
    if (ownFees()) {
        m_intro->setText(m_intro->text() + u' '
                + tr("A creator with a rate beside their name is offered that rate; the fee "
                     "below is for the others."));
    }
    m_campaignLabel->setText(tr("&Campaign:"));
    m_messageLabel->setText(tr("&Message (optional):"));
    m_message->setPlaceholderText(tr("A few words to the creators; they read it with the offer."));
    m_creatorsLabel->setText(tr("Creators (%n):", nullptr, creatorCount()));
    m_table->setHorizontalHeaderLabels({tr("Creator"), tr("Invitation")});
    m_board->setText(tr("Open the &board"));
    m_send->setText(m_state == State::Finished ? tr("Send &again") : tr("&Send invitations"));
    m_close->setText(m_state == State::Finished ? tr("Close") : tr("Cancel"));
    showCampaignState();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        m_table->item(row, ResultColumn)->setText(resultText(row));
    }
    updateStatus();
}

void InviteDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

void InviteDialog::showCampaignState()
{
    switch (m_state) {
    case State::LoadingCampaigns:
        m_campaignStates->showLoading(tr("Loading your active campaigns…"));
        break;
    case State::NoCampaign:
        m_campaignStates->showEmpty(tr("No active campaign. Launch one on the Campaigns page, "
                                       "then invite creators to it."));
        break;
    case State::CampaignsFailed: m_campaignStates->showError(m_error); break;
    case State::Ready:
    case State::Sending:
    case State::Finished: m_campaignStates->showContent(); break;
    }
}

void InviteDialog::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    retranslate();
    updateButtons();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void InviteDialog::reloadCampaigns()
{
    if (m_state == State::Sending) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_arriving.clear();
    setState(State::LoadingCampaigns);
    fetchCampaigns(generation, QString());
}

void InviteDialog::fetchCampaigns(quint64 generation, const QString &cursor)
{
    common::CampaignQuery query;
    query.view = common::CampaignQuery::View::Own;
    query.status = common::CampaignStatus::Active;
    query.limit = m_campaignPageSize;
    query.cursor = cursor;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_collab.campaigns(query),
            [this, generation](const Result<common::Page<Campaign>> &result) {
                listed(generation, result);
            });
}

void InviteDialog::listed(quint64 generation, const Result<common::Page<Campaign>> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_error = result.error();
        setState(State::CampaignsFailed);
        return;
    }
    // Asked for active ones only; the check keeps a paused or closed campaign out regardless.
    std::copy_if(result->items.cbegin(), result->items.cend(), std::back_inserter(m_arriving),
            [](const Campaign &c) {
                return c.status == common::CampaignStatus::Active;
            });
    if (!result->nextCursor.isEmpty() && m_arriving.size() < kMaxCampaigns) {
        fetchCampaigns(generation, result->nextCursor); // every page, up to kMaxCampaigns
        return;
    }
    m_campaigns = std::exchange(m_arriving, {});
    {
        const QSignalBlocker blocker(m_campaignBox);
        m_campaignBox->clear();
        for (const Campaign &campaign : std::as_const(m_campaigns)) {
            m_campaignBox->addItem(campaign.details.name, campaign.id);
        }
    }
    if (m_campaigns.isEmpty()) {
        setState(State::NoCampaign);
        return;
    }
    setState(State::Ready);
    const int index = std::max(0, m_campaignBox->findData(m_preferred));
    m_campaignBox->setCurrentIndex(index);
    campaignChosen(index);
}

bool InviteDialog::selectCampaign(const QString &id)
{
    const int index = m_campaignBox->findData(id);
    if (index < 0) {
        return false;
    }
    if (index == m_campaignBox->currentIndex()) {
        campaignChosen(index);
    } else {
        m_campaignBox->setCurrentIndex(index);
    }
    return true;
}

QString InviteDialog::campaignId() const
{
    return m_campaignBox->currentData().toString();
}

void InviteDialog::setMessage(const QString &text)
{
    m_message->setPlainText(text);
}

void InviteDialog::send()
{
    if (m_state != State::Ready && m_state != State::Finished) {
        return;
    }
    const auto offer = m_editor->input();
    if (!offer) {
        m_status->setText(OfferEditor::errorText(offer.error()));
        return;
    }
    const QString message = m_message->toPlainText().trimmed();
    if (message.size() > common::collab::kMaxText) {
        m_status->setText(tr("The message is too long (at most %1 characters).")
                                  .arg(common::collab::kMaxText));
        return;
    }
    m_template = {};
    m_template.offer = *offer;
    m_template.message = message;
    m_sendingTo = campaignId();
    m_queue.clear();
    for (int row = 0; row < creatorCount(); ++row) {
        const Outcome o = m_outcomes.at(row);
        if (o == Outcome::Waiting || o == Outcome::Failed || o == Outcome::NotSent) {
            m_queue.append(row);
            setOutcome(row, Outcome::Waiting);
        }
    }
    if (m_queue.isEmpty()) {
        return;
    }
    setState(State::Sending);
    pump();
}

void InviteDialog::pump()
{
    while (m_inFlight < kMaxInFlight && !m_queue.isEmpty()) {
        const int row = m_queue.takeFirst();
        common::InvitationInput input = m_template;
        input.influencerId = m_creators.at(row).id;
        if (const auto &fee = m_creators.at(row).fee;
                ownFees() && fee && fee->currency == input.offer.fee.currency) {
            input.offer.fee = *fee;
        }
        ++m_inFlight;
        m_peakInFlight = std::max(m_peakInFlight, m_inFlight);
        setOutcome(row, Outcome::Sending);
        // No owner scope: an invitation on its way is not aborted (the server may already
        // have made the deal); its answer is shown if the dialog is still open.
        continueIn(
                this, m_collab.invite(m_sendingTo, input), [this, row](const Result<Deal> &result) {
                    answered(row, result);
                });
    }
    updateStatus();
    if (m_inFlight == 0 && m_queue.isEmpty() && m_state == State::Sending) {
        setState(State::Finished);
    }
}

void InviteDialog::answered(int row, const Result<Deal> &result)
{
    --m_inFlight;
    if (result) {
        setOutcome(row, Outcome::Invited);
    } else if (result.error().code == common::ErrorCode::DealExists) {
        setOutcome(row, Outcome::DealExists, result.error());
    } else {
        setOutcome(row, Outcome::Failed, result.error());
    }
    pump();
}

void InviteDialog::cancelSending()
{
    if (m_state != State::Sending) {
        return;
    }
    for (const int row : std::as_const(m_queue)) {
        setOutcome(row, Outcome::NotSent);
    }
    m_queue.clear();
    pump();
}

void InviteDialog::reject()
{
    if (m_state == State::Sending) {
        // First Cancel/Escape stops what is not sent yet; the answers still arriving are shown.
        cancelSending();
        return;
    }
    m_api->abort(this);
    QDialog::reject();
}

void InviteDialog::setOutcome(int row, Outcome outcome, const common::Error &error)
{
    m_outcomes[row] = outcome;
    m_errors[row] = error;
    QTableWidgetItem *item = m_table->item(row, ResultColumn);
    item->setText(resultText(row));
    item->setToolTip(outcome == Outcome::Failed ? ErrorText::detail(error) : QString());
}

QString InviteDialog::resultText(int row) const
{
    switch (m_outcomes.value(row)) {
    case Outcome::Waiting: return m_state == State::Sending ? tr("Waiting") : QString();
    case Outcome::Sending: return tr("Sending…");
    case Outcome::Invited: return u"\u2713 "_s + tr("Invited");
    case Outcome::DealExists: return tr("Already has a deal in this campaign");
    case Outcome::Failed: return failureText(m_errors.value(row));
    case Outcome::NotSent: return tr("Not sent (cancelled)");
    }
    return {};
}

QString InviteDialog::failureText(const common::Error &error)
{
    if (error.code == common::ErrorCode::IllegalTransition) {
        return tr("The campaign is no longer active");
    }
    const bool creatorRefused = std::any_of(
            error.fieldErrors.cbegin(), error.fieldErrors.cend(), [](const common::FieldError &f) {
                return f.field == u"influencerId"_s;
            });
    if (creatorRefused) {
        return tr("This creator cannot be invited (no active profile)");
    }
    if (!error.fieldErrors.isEmpty()) {
        return OfferEditor::errorText(error);
    }
    return ErrorText::headline(error);
}

int InviteDialog::invitedCount() const
{
    return static_cast<int>(std::count(m_outcomes.cbegin(), m_outcomes.cend(), Outcome::Invited));
}

QString InviteDialog::statusText() const
{
    return m_status->text();
}

void InviteDialog::updateStatus()
{
    if (m_state == State::Sending) {
        const int total = creatorCount();
        const auto open = std::count_if(m_outcomes.cbegin(), m_outcomes.cend(), [](Outcome o) {
            return o == Outcome::Waiting || o == Outcome::Sending;
        });
        m_status->setText(
                tr("Answered: %1 of %n", nullptr, total).arg(total - static_cast<int>(open)));
    } else if (m_state == State::Finished) {
        const int invited = invitedCount();
        QString text = invited == 1 ? tr("One creator invited.")
                                    : tr("%n creators invited.", nullptr, invited);
        const int others = creatorCount() - invited;
        if (others > 0) {
            text += u' ' + tr("%n not invited: see the list.", nullptr, others);
        }
        m_status->setText(text);
    } else if (m_state != State::Ready) {
        m_status->clear();
    }
}

void InviteDialog::updateButtons()
{
    const bool editable = m_state == State::Ready || m_state == State::Finished;
    m_campaignBox->setEnabled(editable);
    m_editor->setEnabled(editable);
    m_message->setReadOnly(!editable);
    const bool anyOpen = std::any_of(m_outcomes.cbegin(), m_outcomes.cend(), [](Outcome o) {
        return o == Outcome::Waiting || o == Outcome::Failed || o == Outcome::NotSent;
    });
    m_send->setEnabled(editable && anyOpen && !campaignId().isEmpty());
    m_board->setVisible(m_state == State::Finished && invitedCount() > 0);
}

} // namespace influence::desktop

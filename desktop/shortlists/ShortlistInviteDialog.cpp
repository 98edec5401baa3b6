// SPDX-License-Identifier: Apache-2.0
#include "ShortlistInviteDialog.h"

#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/OfferEditor.h"
#include "widgets/StateStack.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Campaign;
using influence::common::Result;

namespace influence::desktop {

namespace {
/// Active campaigns offered at the most (one page, the server's largest).
constexpr int kMaxCampaigns = 100;
} // namespace

ShortlistInviteDialog::ShortlistInviteDialog(common::ApiClient *api, QString listId,
        QString listName, QHash<QString, QString> names, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_collab(api)
    , m_shortlists(api)
    , m_listId(std::move(listId))
    , m_listName(std::move(listName))
    , m_names(std::move(names))
{
    setObjectName(u"shortlistInviteDialog"_s);
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    buildUi();
    retranslate();
    reloadCampaigns();
}

void ShortlistInviteDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *campaignRow = new QHBoxLayout;
    m_campaignLabel = new QLabel;
    campaignRow->addWidget(m_campaignLabel);
    m_campaignBox = new QComboBox;
    m_campaignBox->setObjectName(u"campaignBox"_s);
    m_campaignLabel->setBuddy(m_campaignBox);
    m_campaignStates = new StateStack(u"inviteCampaigns"_s, m_campaignBox);
    connect(m_campaignStates, &StateStack::retryRequested, this,
            &ShortlistInviteDialog::reloadCampaigns);
    // One line: the loading, empty and error states say what they say beside the label.
    m_campaignStates->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_campaignStates->setMaximumHeight(m_campaignBox->sizeHint().height() * 3);
    campaignRow->addWidget(m_campaignStates, 1);
    layout->addLayout(campaignRow);
    connect(m_campaignBox, &QComboBox::currentIndexChanged, this,
            &ShortlistInviteDialog::campaignChosen);
    m_editor = new OfferEditor;
    layout->addWidget(m_editor);
    m_messageLabel = new QLabel;
    layout->addWidget(m_messageLabel);
    m_message = new QPlainTextEdit;
    m_message->setObjectName(u"inviteMessage"_s);
    m_message->setMaximumHeight(70);
    m_messageLabel->setBuddy(m_message);
    layout->addWidget(m_message);
    m_table = new QTableWidget(0, 2);
    m_table->setObjectName(u"inviteResults"_s);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(0, 220);
    m_table->hide();
    layout->addWidget(m_table, 1);
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(u"inviteStatus"_s);
    m_statusLabel->setWordWrap(true);
    layout->addWidget(m_statusLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_close = new QPushButton;
    m_close->setObjectName(u"closeInviteButton"_s);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    buttons->addWidget(m_close);
    m_send = new QPushButton;
    m_send->setObjectName(u"sendListInviteButton"_s);
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &ShortlistInviteDialog::send);
    buttons->addWidget(m_send);
    layout->addLayout(buttons);
    resize(720, 640);
}

void ShortlistInviteDialog::retranslate()
{
    setWindowTitle(tr("Invite the list to a campaign"));
    m_intro->setText(tr("Every creator on “%1” is invited with this offer. Those who already "
                        "have a deal in the campaign are skipped.")
                             .arg(m_listName));
    m_campaignLabel->setText(tr("&Campaign:"));
    m_messageLabel->setText(tr("&Message (optional):"));
    m_table->setHorizontalHeaderLabels({tr("Creator"), tr("Result")});
    m_close->setText(m_state == State::Finished ? tr("Close") : tr("Cancel"));
    m_send->setText(tr("&Invite the list"));
    if (m_state == State::NoCampaign) {
        m_campaignStates->showEmpty(tr("The brand has no active campaign to invite to."));
    } else if (m_state == State::LoadingCampaigns) {
        m_campaignStates->showLoading(tr("Loading the active campaigns…"));
    }
    if (m_state == State::Finished) {
        showResults();
    }
}

void ShortlistInviteDialog::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::LoadingCampaigns:
        m_campaignStates->showLoading(tr("Loading the active campaigns…"));
        break;
    case State::NoCampaign:
        m_campaignStates->showEmpty(tr("The brand has no active campaign to invite to."));
        break;
    case State::CampaignsFailed: m_campaignStates->showError(m_error); break;
    case State::Ready:
    case State::Sending:
    case State::Finished: m_campaignStates->showContent(); break;
    }
    m_send->setEnabled(state == State::Ready);
    m_campaignBox->setEnabled(state == State::Ready);
    m_editor->setEnabled(state == State::Ready);
    m_close->setText(state == State::Finished ? tr("Close") : tr("Cancel"));
    Q_EMIT stateChanged(state);
}

void ShortlistInviteDialog::reloadCampaigns()
{
    const quint64 generation = ++m_generation;
    setState(State::LoadingCampaigns);
    common::CampaignQuery query;
    query.view = common::CampaignQuery::View::Own;
    query.status = common::CampaignStatus::Active;
    query.limit = kMaxCampaigns;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_collab.campaigns(query),
            [this, generation](const Result<common::Page<Campaign>> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result) {
                    m_error = result.error();
                    setState(State::CampaignsFailed);
                    return;
                }
                m_campaigns.clear();
                std::copy_if(result->items.cbegin(), result->items.cend(),
                        std::back_inserter(m_campaigns), [](const Campaign &campaign) {
                            return campaign.status == common::CampaignStatus::Active;
                        });
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
                campaignChosen(0);
            });
}

void ShortlistInviteDialog::campaignChosen(int index)
{
    if (index >= 0 && index < m_campaigns.size()) {
        m_editor->setOffer(OfferEditor::campaignOffer(m_campaigns.at(index)));
    }
}

bool ShortlistInviteDialog::selectCampaign(const QString &id)
{
    const int index = m_campaignBox->findData(id);
    if (index < 0) {
        return false;
    }
    m_campaignBox->setCurrentIndex(index);
    campaignChosen(index);
    return true;
}

QString ShortlistInviteDialog::campaignId() const
{
    return m_campaignBox->currentData().toString();
}

void ShortlistInviteDialog::setMessage(const QString &text)
{
    m_message->setPlainText(text);
}

void ShortlistInviteDialog::send()
{
    if (m_state != State::Ready) {
        return;
    }
    const auto offer = m_editor->input();
    if (!offer) {
        m_status = OfferEditor::errorText(offer.error());
        m_statusLabel->setText(m_status);
        return;
    }
    common::ShortlistInvitation invitation;
    invitation.campaignId = campaignId();
    invitation.offer = *offer;
    invitation.message = m_message->toPlainText().trimmed();
    m_status = tr("Inviting…");
    m_statusLabel->setText(m_status);
    setState(State::Sending);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_shortlists.invite(m_listId, invitation),
            [this](const Result<QList<common::ShortlistInviteResult>> &result) {
                answered(result);
            });
}

void ShortlistInviteDialog::answered(const Result<QList<common::ShortlistInviteResult>> &result)
{
    if (!result) {
        m_status = OfferEditor::errorText(result.error());
        m_statusLabel->setText(m_status);
        setState(State::Ready);
        return;
    }
    m_results = *result;
    // The offer was sent: the room goes to what became of each creator.
    m_editor->hide();
    m_messageLabel->hide();
    m_message->hide();
    setState(State::Finished);
    showResults();
}

void ShortlistInviteDialog::showResults()
{
    m_table->setRowCount(static_cast<int>(m_results.size()));
    int invited = 0;
    for (int row = 0; row < m_results.size(); ++row) {
        const auto &result = m_results.at(row);
        invited += result.invited ? 1 : 0;
        m_table->setItem(row, 0,
                new QTableWidgetItem(m_names.value(result.influencerId, result.influencerId)));
        QString text = tr("✓ Invited");
        if (!result.invited) {
            text = result.code == u"deal_exists"_s
                    ? tr("Skipped: already has a deal in this campaign")
                    : tr("Skipped: %1")
                              .arg(ErrorText::headline(
                                      common::Error::make(common::errorCodeFromName(result.code))));
        }
        m_table->setItem(row, 1, new QTableWidgetItem(text));
    }
    m_table->show();
    const auto skipped = static_cast<int>(m_results.size()) - invited;
    m_status = tr("Invited: %1. Skipped: %2.").arg(invited).arg(skipped);
    m_statusLabel->setText(m_status);
}

QString ShortlistInviteDialog::statusText() const
{
    return m_status;
}

void ShortlistInviteDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace influence::desktop

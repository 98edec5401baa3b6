// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"

#include <QDialog>
#include <QList>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class OfferEditor;
class StateStack;

/// A creator to invite, as discovery lists it.
struct InviteCreator
{
    QString id; ///< the creator's profile id
    QString name;
    /// Their own fee (a recommendation's rate): sent instead of the offer's fee when it is in
    /// the campaign's currency.
    std::optional<common::Money> fee;
};

/// Invites creators to one of the brand's active campaigns: the campaign (loaded
/// asynchronously, with loading, empty and error states), the first offer (an OfferEditor
/// prefilled from the campaign's wanted deliverables and currency), an optional message, and the
/// creators with what became of each invitation. One request per creator, at most
/// kMaxInFlight at a time; cancelling drops those not sent yet. Opened with open(), never exec().
class InviteDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { LoadingCampaigns, NoCampaign, CampaignsFailed, Ready, Sending, Finished };
    Q_ENUM(State)
    /// What became of one creator's invitation.
    enum class Outcome { Waiting, Sending, Invited, DealExists, Failed, NotSent };
    Q_ENUM(Outcome)
    static constexpr int kMaxInFlight = 4;
    /// Active campaigns offered at the most (the chooser reads every page up to this).
    static constexpr int kMaxCampaigns = 1000;

    InviteDialog(common::ApiClient *api, const QList<InviteCreator> &creators,
            QWidget *parent = nullptr);

    State state() const { return m_state; }
    /// Asks for the brand's active campaigns again (the error state's retry).
    void reloadCampaigns();
    /// Campaigns asked for at a time (100 by default, the server's largest); for the next
    /// reloadCampaigns().
    void setCampaignPageSize(int size) { m_campaignPageSize = size; }
    /// The campaigns offered in the chooser.
    const QList<common::Campaign> &campaigns() const { return m_campaigns; }
    /// Chooses a campaign by id and resets the offer to its defaults; false when not listed.
    bool selectCampaign(const QString &id);
    /// The campaign chosen once the list arrives (instead of the first).
    void preferCampaign(const QString &id) { m_preferred = id; }
    QString campaignId() const;
    OfferEditor *offerEditor() const { return m_editor; }
    void setMessage(const QString &text);
    /// Sends the invitations not yet answered (what the Send button does).
    void send();
    /// Drops the invitations not sent yet; those on their way finish and are shown.
    void cancelSending();

    int creatorCount() const { return static_cast<int>(m_creators.size()); }
    Outcome outcome(int row) const { return m_outcomes.value(row); }
    QString resultText(int row) const;
    int invitedCount() const;
    /// The most requests that were on their way at once.
    int peakInFlight() const { return m_peakInFlight; }
    QString statusText() const;

    /// The first offer suggested for a campaign: a line for each wanted deliverable type and
    /// platform, due at the campaign's end (or in two weeks), no fee yet, in its currency.
    static common::OfferInput defaultOffer(const common::Campaign &campaign);

Q_SIGNALS:
    void stateChanged(influence::desktop::InviteDialog::State state);
    /// The user asked to see the campaign's deals on the board.
    void boardRequested(const QString &campaignId);

public Q_SLOTS:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void showCampaignState();
    void fetchCampaigns(quint64 generation, const QString &cursor);
    void listed(quint64 generation, const common::Result<common::Page<common::Campaign>> &result);
    void campaignChosen(int index);
    void pump();
    void answered(int row, const common::Result<common::Deal> &result);
    void setOutcome(int row, Outcome outcome, const common::Error &error = {});
    void updateStatus();
    /// Several creators, some with fees of their own: each is offered theirs, not the editor's.
    bool ownFees() const;
    /// A refused invitation in plain words.
    static QString failureText(const common::Error &error);
    void updateButtons();

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    QList<InviteCreator> m_creators;
    QList<Outcome> m_outcomes;
    QList<common::Error> m_errors;
    QList<common::Campaign> m_campaigns;
    QList<common::Campaign> m_arriving; ///< pages read so far, while loading
    int m_campaignPageSize = 100;
    common::Error m_error;
    State m_state = State::LoadingCampaigns;
    quint64 m_generation = 0;
    QList<int> m_queue;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    QString m_sendingTo; ///< the campaign of the invitations being sent
    QString m_preferred;
    common::InvitationInput m_template; ///< offer and message of the invitations being sent

    QLabel *m_intro = nullptr;
    QLabel *m_campaignLabel = nullptr;
    StateStack *m_campaignStates = nullptr;
    QComboBox *m_campaignBox = nullptr;
    OfferEditor *m_editor = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QLabel *m_creatorsLabel = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_board = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace influence::desktop

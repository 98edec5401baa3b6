// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"
#include "common/ShortlistsApi.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class OfferEditor;
class StateStack;

/// Invites a whole shortlist to one of the brand's active campaigns in one request (the server
/// invites each creator in turn): the campaign (loaded asynchronously, with loading, empty and
/// error states), the first offer (an OfferEditor prefilled from the campaign),
/// an optional message, and afterwards what became of each creator. Opened with open().
class ShortlistInviteDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { LoadingCampaigns, NoCampaign, CampaignsFailed, Ready, Sending, Finished };
    Q_ENUM(State)

    /// `names`: the creators' names by id, to show the results with.
    ShortlistInviteDialog(common::ApiClient *api, QString listId, QString listName,
            QHash<QString, QString> names, QWidget *parent = nullptr);

    State state() const { return m_state; }
    const QList<common::Campaign> &campaigns() const { return m_campaigns; }
    bool selectCampaign(const QString &id);
    QString campaignId() const;
    OfferEditor *offerEditor() const { return m_editor; }
    void setMessage(const QString &text);
    /// Sends the invitation of the whole list (what Invite does).
    void send();
    void reloadCampaigns();
    const QList<common::ShortlistInviteResult> &results() const { return m_results; }
    QString statusText() const;
    QTableWidget *resultsTable() const { return m_table; }

Q_SIGNALS:
    void stateChanged(influence::desktop::ShortlistInviteDialog::State state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void campaignChosen(int index);
    void answered(const common::Result<QList<common::ShortlistInviteResult>> &result);
    void showResults();

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    common::ShortlistsApi m_shortlists;
    QString m_listId;
    QString m_listName;
    QHash<QString, QString> m_names;
    QList<common::Campaign> m_campaigns;
    QList<common::ShortlistInviteResult> m_results;
    common::Error m_error;
    State m_state = State::LoadingCampaigns;
    quint64 m_generation = 0;
    QString m_status;

    QLabel *m_intro = nullptr;
    QLabel *m_campaignLabel = nullptr;
    StateStack *m_campaignStates = nullptr;
    QComboBox *m_campaignBox = nullptr;
    OfferEditor *m_editor = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace influence::desktop

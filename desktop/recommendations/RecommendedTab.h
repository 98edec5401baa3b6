// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"
#include "common/RecommendationsApi.h"

#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace influence::desktop {

class RecommendationsModel;
class Session;
class StateStack;

/// The campaign page's Recommended tab (brand staff): the creators ranked by fit for the
/// campaign (GET /campaigns/{id}/recommendations), each with its score, the eight factors as
/// bars and, for the current creator, each factor's reason in words; "More" loads the next
/// page. One, several or all creators are invited with the campaign's invitation dialog (the
/// shell opens it on inviteRequested(), each creator's fee prefilled from their rate) and what
/// became of each invitation is shown beside them. The ranking is asked for when the tab is on
/// screen, once per campaign; Refresh asks again. Loading, empty and error states.
class RecommendedTab : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    /// Creators asked for per page.
    static constexpr int kPageSize = 20;

    RecommendedTab(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// The campaign whose ranking the tab shows (loaded when the tab is on screen).
    void setCampaign(const common::Campaign &campaign);
    QString campaignId() const { return m_campaign ? m_campaign->id : QString(); }
    /// Asks for the first page again.
    void reload();
    /// Asks for the next page (what "More" does).
    void loadMore();
    bool canLoadMore() const;
    void clear();

    State state() const { return m_state; }
    RecommendationsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// The selected creators, in rank order.
    QList<common::Recommendation> selectedCreators() const;
    void selectAll();
    /// Asks the shell to invite the selected creators (nothing when none or the campaign is
    /// not active).
    void inviteSelected();
    /// Puts a tool for the selected creators beside Invite (the shell's "Add to list…").
    void addSelectionTool(QWidget *tool);
    /// Shows what became of the invitation to a creator (the dialog's words).
    void setInvitation(const QString &influencerId, const QString &text);
    /// The reasons of the current creator, as shown beside the list (plain text).
    QString detailsText() const;

Q_SIGNALS:
    void stateChanged(influence::desktop::RecommendedTab::State state);
    /// The user opened a creator (double-click, Enter or "Open profile").
    void creatorRequested(const QString &influencerId);
    /// Invite these creators to the campaign (the fee of each from its price factor).
    void inviteRequested(const common::Campaign &campaign,
            const QList<influence::common::Recommendation> &creators);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void showState();
    /// Under the list: how many are listed, or that more are on their way or failed.
    void showStatus();
    void request(const QString &cursor);
    void arrived(quint64 generation, bool first,
            const common::Result<common::RecommendationPage> &result);
    void updateButtons();
    void showDetails();
    QString legend() const;

    common::ApiClient *m_api;
    common::RecommendationsApi m_calls;
    Session *m_session;
    RecommendationsModel *m_model;
    std::optional<common::Campaign> m_campaign;
    QString m_loadedFor; ///< the campaign whose ranking was asked for
    QString m_nextCursor;
    QDateTime m_generatedAt;
    State m_state = State::Idle;
    bool m_loadingMore = false;
    std::optional<common::Error> m_moreError;
    quint64 m_generation = 0;
    common::Error m_error;

    QLabel *m_summary = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_selectAll = nullptr;
    QPushButton *m_invite = nullptr;
    QHBoxLayout *m_tools = nullptr; ///< the row of Refresh, Select all and Invite
    StateStack *m_states = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_detailsTitle = nullptr;
    QTextBrowser *m_details = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_more = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"
#include "deals/DealColumn.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTabWidget;
class QTimer;
class QToolButton;

namespace influence::desktop {

class Session;
class StateStack;

/// The deal pipeline, as a board (a column per deal state with its count, a card per deal:
/// creator, campaign, fee) or as a sortable table, both filtered on the server by campaign,
/// state, creator name and overdue deliverables, 100 deals a page with more on request.
/// Dragging a card to another column sends the move when the shared table
/// (common::dealActionBetween) allows it; otherwise it is refused before any request, with the
/// reason shown. Steps that end a deal (withdraw, cancel) are confirmed first.
class PipelineView : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    /// What became of a requested move.
    enum class Move { Sent, Refused, Unchanged, AwaitingConfirmation };
    Q_ENUM(Move)
    enum class View { Board, Table };
    Q_ENUM(View)
    /// The table's columns.
    enum Column {
        CreatorColumn,
        BrandColumn,
        CampaignColumn,
        StateColumn,
        FeeColumn,
        PaymentColumn,
        OverdueColumn,
        UpdatedColumn,
        ColumnCount
    };

    PipelineView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    void reload();
    /// Shows only one campaign's deals (empty: all).
    void setCampaignFilter(const QString &campaignId);
    /// Shows only deals in one state (none: every state).
    void setStateFilter(std::optional<common::DealState> state);
    /// Shows only deals whose creator's name contains `text` (what typing in the field does,
    /// without its short wait).
    void setCreatorFilter(const QString &text);
    /// Shows only deals with a deliverable past its due date.
    void setOverdueOnly(bool overdueOnly);
    void clearFilters();
    const common::DealQuery &query() const { return m_query; }
    View view() const;
    void setView(View view);
    QTableWidget *table() const { return m_table; }
    /// Deals asked for at a time (100 by default, the server's largest).
    void setPageSize(int size) { m_query.limit = size; }
    /// More deals than shown are on the server.
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    void loadMore();
    /// The open confirmation of a step that ends a deal, if any.
    QWidget *confirmation() const;
    /// Deals shown in a column.
    int count(common::DealState state) const;
    DealColumn *column(common::DealState state) const { return m_columns.value(state); }
    /// Whether the column of an end state (completed, declined, withdrawn, cancelled) is
    /// folded to its title; the others never are.
    bool isCollapsed(common::DealState state) const;
    const QList<common::Deal> &deals() const { return m_deals; }
    /// Moves a deal to the column of `target` (what a drop does).
    Move requestMove(const QString &dealId, common::DealState target);
    QString messageText() const;
    /// What the board shows, as CSV (see pipelineCsv()).
    QByteArray csv() const;
    /// Writes csv() to `path` in the background (what "Export as CSV…" does after its dialog);
    /// the message says where it went, or why not.
    void exportTo(const QString &path);

Q_SIGNALS:
    void stateChanged(influence::desktop::PipelineView::State state);
    void dealMoved(const QString &dealId, influence::common::DealState state);
    /// A card was activated (double-click, or Enter on the selected card): open the deal.
    void dealActivated(const QString &dealId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    QLayout *buildFilters();
    QWidget *buildBoard();
    QWidget *buildTable();
    void retranslate();
    void setLoadingMore(bool loading);
    void filtersChanged();
    void resetFilters();
    /// Drops everything of the user who signed out.
    void forget();
    /// Shows an outcome under the pipeline.
    void say(const QString &text);
    QString creatorName(const common::Deal &deal) const;
    void setState(State state);
    bool canLoad() const;
    common::DealSide side() const;
    void load(const QString &cursor);
    void listed(quint64 generation, bool append,
            const common::Result<common::Page<common::Deal>> &result);
    bool filtered() const;
    void showListMessage();
    void fillColumns();
    void fillTable();
    void send(const QString &dealId, common::DealAction action, common::DealState target);
    void updateCampaigns();
    void moved(const QString &dealId, common::DealState target,
            const common::Result<common::Deal> &result);
    QString refusal(common::DealState from, common::DealState to) const;
    QString cardText(const common::Deal &deal) const;
    void exported(const QString &path, const QString &error);

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    common::DealQuery m_query;
    QString m_nextCursor;
    bool m_loadingMore = false;
    bool m_listMessage = false; ///< the message says the list is empty
    QList<common::Deal> m_deals;
    QMap<QString, QString> m_campaignNames; ///< id → name, from every deal seen

    QLabel *m_title = nullptr;
    QLabel *m_filterLabel = nullptr;
    QComboBox *m_filter = nullptr;
    QLabel *m_stateFilterLabel = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLabel *m_creatorLabel = nullptr;
    QLineEdit *m_creator = nullptr;
    QTimer *m_creatorTimer = nullptr;
    QCheckBox *m_overdue = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_export = nullptr;
    StateStack *m_stack = nullptr;
    QMap<common::DealState, DealColumn *> m_columns;
    QMap<common::DealState, QLabel *> m_columnTitles;
    QMap<common::DealState, QLabel *> m_columnTotals;
    QMap<common::DealState, QToolButton *> m_collapse;
    QTabWidget *m_views = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_shown = nullptr;
    QPushButton *m_more = nullptr;
    QLabel *m_message = nullptr;
    QPointer<QWidget> m_confirmation;
};

} // namespace influence::desktop

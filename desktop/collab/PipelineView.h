// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"

#include <QListWidget>
#include <QMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace influence::desktop {

class Session;

/// One column of the pipeline board: the deals in one state. Cards are dragged out as deal ids
/// and a drop asks the board to move the deal (the column itself never changes on a drop).
class DealColumn : public QListWidget
{
    Q_OBJECT

public:
    static constexpr auto kMimeType = "application/x-influence-deal-id";

    explicit DealColumn(common::DealState state, QWidget *parent = nullptr);
    common::DealState state() const { return m_state; }

Q_SIGNALS:
    void dealDropped(const QString &dealId, influence::common::DealState target);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    Qt::DropActions supportedDropActions() const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    common::DealState m_state;
};

/// The deal pipeline: a column per deal state with its count, a card per deal (creator,
/// campaign, fee), a filter by campaign. Dragging a card to another column sends the move when
/// the shared table (common::dealActionBetween) allows it; otherwise it is refused before any
/// request, with the reason shown.
class PipelineView : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    /// What became of a requested move.
    enum class Move { Sent, Refused, Unchanged };
    Q_ENUM(Move)

    PipelineView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    void reload();
    /// Shows only one campaign's deals (empty: all).
    void setCampaignFilter(const QString &campaignId);
    /// Deals shown in a column.
    int count(common::DealState state) const;
    DealColumn *column(common::DealState state) const { return m_columns.value(state); }
    const QList<common::Deal> &deals() const { return m_deals; }
    /// Moves a deal to the column of `target` (what a drop does).
    Move requestMove(const QString &dealId, common::DealState target);
    QString messageText() const;

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
    void retranslate();
    void setState(State state);
    bool canLoad() const;
    common::DealSide side() const;
    void listed(quint64 generation, const common::Result<common::Page<common::Deal>> &result);
    void fillColumns();
    void updateCampaigns();
    void moved(const QString &dealId, common::DealState target,
            const common::Result<common::Deal> &result);
    QString refusal(common::DealState from, common::DealState to) const;
    QString cardText(const common::Deal &deal) const;

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    QString m_campaignId;
    QList<common::Deal> m_deals;
    QMap<QString, QString> m_campaignNames; ///< id → name, from every deal seen

    QLabel *m_title = nullptr;
    QLabel *m_filterLabel = nullptr;
    QComboBox *m_filter = nullptr;
    QPushButton *m_reload = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_loading = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_retry = nullptr;
    QMap<common::DealState, DealColumn *> m_columns;
    QMap<common::DealState, QLabel *> m_columnTitles;
    QLabel *m_message = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ApiClient.h"
#include "common/Error.h"
#include "common/RulesApi.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;

namespace influence::desktop {

class FiringsTable;
class StateStack;

/// One rule of the Automations page: what it does in words, Edit, Enable/Disable and Delete
/// (the page acts on them), and its firing history, newest first, a page at a time.
class RuleDetailPanel : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    /// Firings asked for at once, unless setPageSize() says otherwise.
    static constexpr int kPageSize = 20;

    explicit RuleDetailPanel(common::ApiClient *api, QWidget *parent = nullptr);

    /// Shows `rule` (its history is read anew when it is another rule or `reloadHistory`).
    void showRule(const common::Rule &rule, bool reloadHistory = true);
    /// Shows nothing (no rule chosen, or signed out).
    void clear();
    const common::Rule &rule() const { return m_rule; }
    /// The campaigns' names for the conditions (id → name).
    void setCampaignNames(const QHash<QString, QString> &names);

    State historyState() const { return m_state; }
    FiringsTable *history() const { return m_history; }
    /// Reads the history from its newest firing.
    void reloadHistory();
    /// Reads the next page of the history (what "Older firings" does).
    void loadMore();
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    void setPageSize(int size) { m_pageSize = size; }
    QString summaryText() const;

    void retranslate();

Q_SIGNALS:
    void editRequested(const common::Rule &rule);
    void enabledRequested(const QString &id, bool enabled);
    void deleteRequested(const common::Rule &rule);
    void historyStateChanged(influence::desktop::RuleDetailPanel::State state);

private:
    void setState(State state);
    void loadPage(const QString &cursor);
    void updateSummary();

    common::ApiClient *m_api;
    common::RulesApi m_rules;
    common::Rule m_rule;
    QHash<QString, QString> m_campaignNames;
    State m_state = State::Idle;
    common::Error m_error;
    QString m_nextCursor;
    quint64 m_generation = 0;
    int m_pageSize = kPageSize;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_enable = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_historyLabel = nullptr;
    StateStack *m_states = nullptr;
    FiringsTable *m_history = nullptr;
    QPushButton *m_more = nullptr;
};

} // namespace influence::desktop

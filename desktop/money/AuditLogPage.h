// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/MoneyApi.h"
#include "money/AuditTexts.h"
#include "widgets/Page.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class Session;
class StateStack;

/// The audit log for a brand's owner: every money, budget, campaign-setting, deal and team
/// change of the brand, newest first: when, who ("You" for the user), what happened, to which
/// object (a campaign by its name, a deal by its creator, a payout by its amount and creator), and
/// what it changed (before → after, amounts and dates in the user's locale). Filtered by the kind
/// of object and by period; 100 at a time ("Load more"); what is listed can be saved as CSV.
/// Other brand staff are told that only the owner and administrators read it.
class AuditLogPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum Column { When, Who, What, Object, Change, ColumnCount };
    /// The filter: which objects' entries are listed (an action prefix of the API).
    enum class Objects { All, Campaigns, Deals, Payouts, Team };
    Q_ENUM(Objects)
    /// The filter: since when (local days, today included).
    enum class Period { AnyTime, Today, Week, Month, Quarter, Year };
    Q_ENUM(Period)

    AuditLogPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    const QList<common::AuditEntry> &entries() const { return m_entries; }
    QTableWidget *table() const { return m_table; }
    void setObjects(Objects objects);
    Objects objects() const;
    void setPeriod(Period period);
    Period period() const;
    /// The first moment the period covers (local midnight), invalid for AnyTime.
    static QDateTime periodStart(Period period, const QDateTime &now);
    /// The entries listed, as CSV (widgets/CsvExport.h), after the filters.
    QByteArray csv() const;
    /// Writes csv() to `path` off the GUI thread (what Export does after its dialog).
    void exportTo(const QString &path);
    QString messageText() const;
    void reload();
    void loadMore();
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    /// How many entries a page asks for (100, the most the server gives).
    void setPageSize(int size) { m_pageSize = size; }
    QString crumb() const override { return windowTitle(); }

Q_SIGNALS:
    void stateChanged(influence::desktop::AuditLogPage::State state);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void setState(State state);
    void showState();
    void loadPage(quint64 generation, const QString &cursor);
    /// The brand's campaigns, deals and payouts (their first pages), to name the objects.
    void loadNames();
    void fill();
    void forget();
    void exported(const QString &path, const QString &error);

    common::ApiClient *m_api;
    common::MoneyApi m_money;
    common::CollabApi m_collab;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    QString m_nextCursor;
    int m_pageSize = 100;
    QList<common::AuditEntry> m_entries;
    /// The brand's campaigns, deals, payouts and creators (first pages), to name objects.
    AuditTexts::ObjectNames m_names;
    bool m_namesLoaded = false;

    QLabel *m_objectsLabel = nullptr;
    QComboBox *m_objects = nullptr;
    QLabel *m_periodLabel = nullptr;
    QComboBox *m_period = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_reload = nullptr;
    StateStack *m_states = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_more = nullptr;
};

} // namespace influence::desktop

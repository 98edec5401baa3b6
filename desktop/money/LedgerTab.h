// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/MoneyApi.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class Session;
class StateStack;

/// The campaign page's Ledger tab (brand staff): every movement of the campaign's money, oldest
/// first, one row per transfer: when, why (its cause), from which account to which (in words,
/// naming the deal's creator), the amount, and the campaign's remaining budget after it where the
/// transfer touches the budget. A page of 100 entries at a time ("Load more"); Export writes
/// what is listed as CSV.
class LedgerTab : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum Column { Time, Cause, From, To, Amount, Remaining, ColumnCount };

    /// One transfer: its two entries (debit and credit) read together.
    struct Transfer
    {
        QString id;
        QDateTime at;
        QString cause;
        std::optional<common::LedgerEntry> debit; ///< the entry taking the amount
        std::optional<common::LedgerEntry> credit; ///< the entry receiving it
        /// The campaign budget's balance after the transfer, when it touched the budget.
        std::optional<qint64> remainingMinor;
    };

    LedgerTab(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// The campaign whose ledger is shown (loaded when the tab is on screen).
    void setCampaign(const common::Campaign &campaign);
    void reload();
    /// The campaign's money moved: loads again now if on screen, else when next shown.
    void markStale();
    /// Asks for the next page (what "Load more" does).
    void loadMore();
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    /// How many entries a page asks for (100, the most the server gives).
    void setPageSize(int size) { m_pageSize = size; }
    State state() const { return m_state; }
    const QList<Transfer> &transfers() const { return m_transfers; }
    QTableWidget *table() const { return m_table; }
    /// An account in words ("Reserved for Lena Travels").
    QString accountText(const common::LedgerEntry &entry) const;
    /// A transfer's cause in words; budget transfers are worded by transferTexts(), which
    /// knows whether one set, raised or lowered the budget.
    static QString causeText(const QString &cause);
    /// What each listed transfer did, in words, in the order listed: causeText(), except that
    /// budget transfers say whether they set the budget (the campaign's first), raised or
    /// lowered it.
    QStringList transferTexts() const;
    /// The rows as CSV (widgets/CsvExport.h), after the campaign's name as a filter.
    QByteArray csv() const;
    /// Writes csv() to `path` in the background (what Export does after its dialog).
    void exportTo(const QString &path);
    QString messageText() const;

Q_SIGNALS:
    void stateChanged(influence::desktop::LedgerTab::State state);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void setState(State state);
    void showState();
    void loadPage(quint64 generation, const QString &cursor);
    void add(const QList<common::LedgerEntry> &entries);
    void fill();
    void exported(const QString &path, const QString &error);
    void forget();

    common::MoneyApi m_money;
    common::CollabApi m_collab;
    common::ApiClient *m_api;
    Session *m_session;
    std::optional<common::Campaign> m_campaign;
    QString m_loadedFor; ///< the campaign whose ledger is listed
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    QString m_nextCursor;
    int m_pageSize = 100;
    QList<Transfer> m_transfers;
    QHash<QString, qsizetype> m_transferRow;
    QHash<QString, QString> m_creatorOfDeal;

    QLabel *m_intro = nullptr;
    StateStack *m_states = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_more = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace influence::desktop

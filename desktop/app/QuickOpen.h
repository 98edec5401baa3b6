// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/DiscoveryApi.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace influence::desktop {

class Session;

/// Ctrl+K: finds creators (the discovery search), campaigns and deals (by campaign or creator
/// name, among the user's own) as the user types, and opens the one chosen with Enter or a
/// double-click. Every call is asynchronous; an answer to an older text is dropped. Signing out
/// closes it and forgets every list and result, and answers still on their way for them.
class QuickOpen : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Creator, Campaign, Deal };
    struct Hit
    {
        Kind kind = Kind::Creator;
        QString id;
        QString title;
        QString detail;
    };

    QuickOpen(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// Empties the field, fetches the user's campaigns and deals afresh and shows the dialog.
    void start();
    void setText(const QString &text);
    QList<Hit> hits() const { return m_hits; }
    /// True while an answer for the current text (or the user's campaigns and deals) is awaited.
    bool isSearching() const;
    /// Opens the selected hit (Enter).
    void chooseSelected();

Q_SIGNALS:
    void creatorChosen(const QString &id);
    void campaignChosen(const QString &id);
    void dealChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void showHits(const QList<Hit> &creators);
    void retranslate();
    /// Drops the user's campaigns, deals and results, and the answers awaited (sign-out).
    void forget();
    QList<Hit> localHits(const QString &term) const;

    common::DiscoveryApi m_discovery;
    common::CollabApi m_collab;
    QLineEdit *m_field = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_debounce = nullptr;
    QList<common::Campaign> m_campaigns;
    QList<common::Deal> m_deals;
    QList<Hit> m_hits;
    QList<Hit> m_creatorHits;
    QString m_error;
    quint64 m_generation = 0;
    quint64 m_opening = 0;
    int m_pendingCalls = 0;
    int m_listsPending = 0;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/ProfileApi.h"
#include "common/ShortlistsApi.h"

#include <QList>
#include <QStringList>
#include <QToolButton>

#include <functional>

class QInputDialog;
class QMenu;

namespace influence::desktop {

class Session;

/// "Add to list…": a button with a menu of the brand's shortlists (read when the menu opens)
/// and "New list…", which adds the creators `creators()` names at that moment to the list
/// chosen. Shared by discovery (the selected rows) and a creator's profile (that creator);
/// shown to the brand's side only. Each creator is one PUT (adding twice changes nothing).
/// Staff acting for several brands see each brand's lists under its name and a "New list for
/// <brand>…" per brand.
class AddToListButton : public QToolButton
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Ready, Failed, Adding };
    Q_ENUM(State)
    using Creators = std::function<QStringList()>;

    AddToListButton(
            common::ApiClient *api, Session *session, Creators creators, QWidget *parent = nullptr);

    State state() const { return m_state; }
    QMenu *listMenu() const { return m_menu; }
    /// The lists the menu offers (after reloadLists()).
    const QList<common::Shortlist> &lists() const { return m_lists; }
    /// The brands the user acts for (after reloadLists()), by name.
    const QList<common::ActingBrand> &brands() const { return m_brands; }
    /// Reads the brand's lists again (what opening the menu does).
    void reloadLists();
    /// Adds the creators to a list.
    void addTo(const QString &listId);
    /// Creates a list named `name` (for `brandId`; empty: the user's only brand) and adds the
    /// creators to it.
    void addToNewList(const QString &name, const QString &brandId = {});
    /// What the last addition did, in plain words.
    QString statusText() const { return m_status; }

Q_SIGNALS:
    void stateChanged(influence::desktop::AddToListButton::State state);
    /// Creators were added to the list (count: how many were sent).
    void added(const QString &listId, const QString &listName, int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setState(State state);
    void rebuildMenu();
    void askForName(const QString &brandId, const QString &brandName);
    void partArrived();
    void addAll(const common::Shortlist &list, const QStringList &creators);
    void finish(const QString &status);
    void updateVisibility();

    common::ApiClient *m_api;
    common::ShortlistsApi m_shortlists;
    Session *m_session;
    Creators m_creators;
    QMenu *m_menu = nullptr;
    QList<common::Shortlist> m_lists;
    QList<common::ActingBrand> m_brands;
    int m_parts = 0; ///< of the lists and the brands, still being read
    bool m_partFailed = false;
    common::Error m_error;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    int m_pending = 0;
    int m_failures = 0;
    QString m_status;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/ShortlistsApi.h"
#include "widgets/Page.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class BrandPicker;
class Session;
class ShortlistInviteDialog;
class StateStack;

/// The brand's shortlists: the lists on the left (new, rename, delete), the chosen list's
/// creators on the right with the brand's note on each (edited in place, saved at once), export
/// as CSV (written off the GUI thread), and inviting the whole list to a campaign. Every side has
/// its loading, empty and error states.
class ShortlistsPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum Column { NameColumn, CountryColumn, NichesColumn, FollowersColumn, NoteColumn };
    /// Members listed at the most (pages are followed up to it).
    static constexpr int kMaxMembers = 1000;

    ShortlistsPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State listsState() const { return m_listsState; }
    State membersState() const { return m_membersState; }
    const QList<common::Shortlist> &lists() const { return m_lists; }
    const QList<common::ShortlistMember> &members() const { return m_members; }
    QListWidget *listView() const { return m_listView; }
    QTableWidget *membersTable() const { return m_table; }
    QString currentListId() const;
    /// Reads the lists again (keeps the chosen one when it is still there).
    void reload();
    /// Which brand's lists, and whose a new one is, for staff of several brands.
    BrandPicker *brandPicker() const { return m_brands; }
    /// Chooses a list by id; false when not listed.
    bool selectList(const QString &id);
    /// Changes a member's note (what editing the Note cell does).
    void setNote(int row, const QString &note);
    /// The chosen list's members as CSV.
    QByteArray csv() const;
    /// Writes csv() to `path` in the background (what Export does after its dialog).
    void exportTo(const QString &path);
    /// Opens the invitation of the chosen list.
    void inviteList();
    ShortlistInviteDialog *inviteDialog() const;
    QString messageText() const;
    QString crumb() const override { return windowTitle(); }
    QVariant saveState() const override { return currentListId(); }
    void restoreState(const QVariant &state) override;

Q_SIGNALS:
    void listsStateChanged(influence::desktop::ShortlistsPage::State state);
    void membersStateChanged(influence::desktop::ShortlistsPage::State state);
    /// A note was saved on the server.
    void noteSaved(const QString &influencerId);
    /// A file was written (error empty) or not.
    void exported(const QString &path, const QString &error);
    void creatorRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setListsState(State state);
    void setMembersState(State state);
    /// Reads the lists of the picked brand (the brand list first when not known).
    void loadLists();
    void listsArrived(quint64 generation,
            const common::Result<common::ShortlistPage<common::Shortlist>> &result);
    void listChosen();
    void loadMembers(quint64 generation, const QString &cursor);
    void fillTable();
    void noteEdited(int row, int column);
    void newList();
    void renameList();
    void deleteList();
    void removeMember();
    void exportCsv();
    void showMessage(const QString &text);
    void updateButtons();
    void forget();

    common::ApiClient *m_api;
    common::ShortlistsApi m_shortlists;
    Session *m_session;
    QList<common::Shortlist> m_lists;
    QList<common::ShortlistMember> m_members;
    QList<common::ShortlistMember> m_arriving;
    common::Error m_listsError;
    common::Error m_membersError;
    State m_listsState = State::Idle;
    State m_membersState = State::Idle;
    quint64 m_listsGeneration = 0;
    quint64 m_membersGeneration = 0;
    QString m_wanted; ///< the list to choose once the lists arrive
    bool m_filling = false;
    QPointer<ShortlistInviteDialog> m_invite;

    BrandPicker *m_brands = nullptr;
    StateStack *m_listStates = nullptr;
    QListWidget *m_listView = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    StateStack *m_memberStates = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_inviteButton = nullptr;
    QLabel *m_messageLabel = nullptr;
};

} // namespace influence::desktop

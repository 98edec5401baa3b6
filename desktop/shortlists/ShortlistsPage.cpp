// SPDX-License-Identifier: Apache-2.0
#include "ShortlistsPage.h"

#include "ShortlistInviteDialog.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/BrandPicker.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::Shortlist;
using influence::common::ShortlistMember;
using influence::common::ShortlistPage;

namespace influence::desktop {

namespace {
constexpr int kPageSize = 100; // the most the server gives per page
constexpr int kIdRole = Qt::UserRole;
} // namespace

ShortlistsPage::ShortlistsPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_shortlists(api)
    , m_session(session)
{
    setObjectName(u"shortlistsPage"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
}

void ShortlistsPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_brands = new BrandPicker(m_api);
    layout->addWidget(m_brands, 0, Qt::AlignLeft);
    connect(m_brands, &BrandPicker::ready, this, &ShortlistsPage::loadLists);
    connect(m_brands, &BrandPicker::brandChanged, this, &ShortlistsPage::reload);
    auto *splitter = new QSplitter;
    layout->addWidget(splitter, 1);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_listView = new QListWidget;
    m_listView->setObjectName(u"shortlistList"_s);
    m_listStates = new StateStack(u"shortlists"_s, m_listView);
    connect(m_listStates, &StateStack::retryRequested, this, &ShortlistsPage::reload);
    connect(m_listStates, &StateStack::emptyActionTriggered, this, &ShortlistsPage::newList);
    connect(m_listView, &QListWidget::currentRowChanged, this, &ShortlistsPage::listChosen);
    leftLayout->addWidget(m_listStates, 1);
    auto *listButtons = new QHBoxLayout;
    const auto button = [](const QString &name, QHBoxLayout *row) {
        auto *b = new QPushButton;
        b->setObjectName(name);
        row->addWidget(b);
        return b;
    };
    m_new = button(u"newListButton"_s, listButtons);
    m_rename = button(u"renameListButton"_s, listButtons);
    m_delete = button(u"deleteListButton"_s, listButtons);
    connect(m_new, &QPushButton::clicked, this, &ShortlistsPage::newList);
    connect(m_rename, &QPushButton::clicked, this, &ShortlistsPage::renameList);
    connect(m_delete, &QPushButton::clicked, this, &ShortlistsPage::deleteList);
    leftLayout->addLayout(listButtons);
    splitter->addWidget(left);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setObjectName(u"shortlistTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_description = new QLabel;
    m_description->setObjectName(u"shortlistDescription"_s);
    m_description->setWordWrap(true);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_description);
    m_table = new QTableWidget(0, NoteColumn + 1);
    m_table->setObjectName(u"shortlistMembers"_s);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    // Only the note is edited, in place (double-click, F2 or typing).
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
            | QAbstractItemView::AnyKeyPressed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(NameColumn, 200);
    connect(m_table, &QTableWidget::cellChanged, this, &ShortlistsPage::noteEdited);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int column) {
        if (column != NoteColumn && row >= 0 && row < m_members.size()) {
            Q_EMIT creatorRequested(m_members.at(row).influencer.id);
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ShortlistsPage::updateButtons);
    m_memberStates = new StateStack(u"shortlistMembers"_s, m_table);
    connect(m_memberStates, &StateStack::retryRequested, this, &ShortlistsPage::listChosen);
    rightLayout->addWidget(m_memberStates, 1);
    auto *memberButtons = new QHBoxLayout;
    m_messageLabel = new StatusLine;
    m_messageLabel->setObjectName(u"shortlistMessage"_s);
    m_messageLabel->setWordWrap(true);
    memberButtons->addWidget(m_messageLabel, 1);
    m_remove = button(u"removeMemberButton"_s, memberButtons);
    m_export = button(u"exportListButton"_s, memberButtons);
    m_inviteButton = button(u"inviteListButton"_s, memberButtons);
    connect(m_remove, &QPushButton::clicked, this, &ShortlistsPage::removeMember);
    connect(m_export, &QPushButton::clicked, this, &ShortlistsPage::exportCsv);
    connect(m_inviteButton, &QPushButton::clicked, this, &ShortlistsPage::inviteList);
    rightLayout->addLayout(memberButtons);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 800});
    updateButtons();
}

void ShortlistsPage::retranslate()
{
    setWindowTitle(tr("Lists"));
    m_new->setText(tr("&New list…"));
    m_rename->setText(tr("Re&name…"));
    m_delete->setText(tr("&Delete"));
    m_remove->setText(tr("&Remove from list"));
    m_export->setText(tr("E&xport CSV…"));
    m_inviteButton->setText(tr("&Invite list to campaign…"));
    m_table->setHorizontalHeaderLabels(
            {tr("Creator"), tr("Country"), tr("Niches"), tr("Followers"), tr("Note")});
    setListsState(m_listsState);
    setMembersState(m_membersState);
}

void ShortlistsPage::setListsState(State state)
{
    m_listsState = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_listStates->showLoading(tr("Loading the brand's lists…")); break;
    case State::Failed: m_listStates->showError(m_listsError); break;
    case State::Loaded:
        if (m_lists.isEmpty()) {
            m_listStates->showEmpty(
                    tr("No lists yet. Make one here, or add creators to a new list from "
                       "discovery or a creator's profile."),
                    tr("&New list…"));
        } else {
            m_listStates->showContent();
        }
        break;
    }
    updateButtons();
    Q_EMIT listsStateChanged(state);
}

void ShortlistsPage::setMembersState(State state)
{
    m_membersState = state;
    switch (state) {
    case State::Idle: m_memberStates->showEmpty(tr("Choose a list.")); break;
    case State::Loading: m_memberStates->showLoading(tr("Loading the list's creators…")); break;
    case State::Failed: m_memberStates->showError(m_membersError); break;
    case State::Loaded:
        if (m_members.isEmpty()) {
            m_memberStates->showEmpty(tr("No creators on this list yet. Add them from discovery "
                                         "or a creator's profile (Add to list…)."));
        } else {
            m_memberStates->showContent();
        }
        break;
    }
    updateButtons();
    Q_EMIT membersStateChanged(state);
}

void ShortlistsPage::reload()
{
    if (m_session->state() != Session::State::SignedIn
            && m_session->state() != Session::State::Refreshing) {
        return;
    }
    if (m_wanted.isEmpty()) {
        m_wanted = currentListId();
    }
    ++m_listsGeneration;
    setListsState(State::Loading);
    if (m_brands->state() == BrandPicker::State::Loaded) {
        loadLists();
    } else {
        m_brands->reload(); // then loadLists()
    }
}

void ShortlistsPage::loadLists()
{
    if (m_listsState != State::Loading) {
        return; // forgotten meanwhile
    }
    const quint64 generation = m_listsGeneration;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_shortlists.lists(kPageSize, {}, m_brands->brandId()),
            [this, generation](const Result<ShortlistPage<Shortlist>> &result) {
                listsArrived(generation, result);
            });
}

void ShortlistsPage::listsArrived(
        quint64 generation, const Result<ShortlistPage<Shortlist>> &result)
{
    if (generation != m_listsGeneration) {
        return;
    }
    if (!result) {
        m_listsError = result.error();
        setListsState(State::Failed);
        return;
    }
    m_lists = result->items;
    std::sort(m_lists.begin(), m_lists.end(), [](const Shortlist &a, const Shortlist &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    const QString wanted = std::exchange(m_wanted, {});
    {
        const QSignalBlocker blocker(m_listView);
        m_listView->clear();
        for (const Shortlist &list : std::as_const(m_lists)) {
            auto *item = new QListWidgetItem(u"%1 (%2)"_s.arg(list.name).arg(list.memberCount));
            item->setData(kIdRole, list.id);
            item->setToolTip(list.description);
            m_listView->addItem(item);
        }
    }
    setListsState(State::Loaded);
    if (m_lists.isEmpty()) {
        m_members.clear();
        fillTable();
        setMembersState(State::Idle);
        return;
    }
    if (!selectList(wanted)) {
        m_listView->setCurrentRow(0);
    }
}

QString ShortlistsPage::currentListId() const
{
    const QListWidgetItem *item = m_listView->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

bool ShortlistsPage::selectList(const QString &id)
{
    for (int row = 0; row < m_listView->count(); ++row) {
        if (!id.isEmpty() && m_listView->item(row)->data(kIdRole).toString() == id) {
            if (m_listView->currentRow() == row) {
                listChosen();
            } else {
                m_listView->setCurrentRow(row);
            }
            return true;
        }
    }
    return false;
}

void ShortlistsPage::restoreState(const QVariant &state)
{
    if (!selectList(state.toString())) {
        m_wanted = state.toString();
        reload();
    }
}

void ShortlistsPage::listChosen()
{
    const int row = m_listView->currentRow();
    if (row < 0 || row >= m_lists.size()) {
        return;
    }
    const Shortlist &list = m_lists.at(row);
    m_title->setText(list.name);
    m_description->setText(list.description);
    m_description->setVisible(!list.description.isEmpty());
    m_arriving.clear();
    setMembersState(State::Loading);
    loadMembers(++m_membersGeneration, QString());
}

void ShortlistsPage::loadMembers(quint64 generation, const QString &cursor)
{
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_shortlists.members(currentListId(), kPageSize, cursor),
            [this, generation](const Result<ShortlistPage<ShortlistMember>> &result) {
                if (generation != m_membersGeneration) {
                    return;
                }
                if (!result) {
                    m_membersError = result.error();
                    setMembersState(State::Failed);
                    return;
                }
                m_arriving.append(result->items);
                if (!result->nextCursor.isEmpty() && m_arriving.size() < kMaxMembers) {
                    loadMembers(generation, result->nextCursor); // every page, up to the most
                    return;
                }
                m_members = std::exchange(m_arriving, {});
                fillTable();
                setMembersState(State::Loaded);
            });
}

void ShortlistsPage::fillTable()
{
    const QScopedValueRollback filling(m_filling, true);
    m_table->setRowCount(static_cast<int>(m_members.size()));
    const QLocale locale;
    for (int row = 0; row < m_members.size(); ++row) {
        const ShortlistMember &member = m_members.at(row);
        const auto readOnly = [](const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            return item;
        };
        m_table->setItem(row, NameColumn, readOnly(member.influencer.displayName));
        m_table->setItem(row, CountryColumn, readOnly(member.influencer.country));
        m_table->setItem(row, NichesColumn, readOnly(member.influencer.niches.join(u", "_s)));
        auto *followers = readOnly(locale.toString(member.influencer.totalFollowers));
        followers->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, FollowersColumn, followers);
        auto *note = new QTableWidgetItem(member.note);
        note->setToolTip(tr("Double-click to edit the note; it is saved at once."));
        m_table->setItem(row, NoteColumn, note);
    }
}

void ShortlistsPage::noteEdited(int row, int column)
{
    if (m_filling || column != NoteColumn || row < 0 || row >= m_members.size()) {
        return;
    }
    setNote(row, m_table->item(row, column)->text());
}

void ShortlistsPage::setNote(int row, const QString &note)
{
    if (row < 0 || row >= m_members.size()) {
        return;
    }
    const QString id = m_members.at(row).influencer.id;
    const QString before = m_members.at(row).note;
    if (note == before) {
        return;
    }
    m_members[row].note = note;
    {
        const QScopedValueRollback filling(m_filling, true);
        m_table->item(row, NoteColumn)->setText(note);
    }
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_shortlists.putMember(currentListId(), id, note),
            [this, id, before, generation = m_membersGeneration](
                    const Result<ShortlistMember> &result) {
                if (generation != m_membersGeneration) {
                    return;
                }
                const auto it = std::find_if(
                        m_members.begin(), m_members.end(), [&](const ShortlistMember &m) {
                            return m.influencer.id == id;
                        });
                if (!result) {
                    showMessage(tr("The note was not saved: %1")
                                        .arg(ErrorText::sentence(result.error())));
                    if (it != m_members.end()) {
                        it->note = before;
                        fillTable();
                    }
                    return;
                }
                showMessage(tr("Note saved."));
                Q_EMIT noteSaved(id);
            });
}

void ShortlistsPage::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
}

QString ShortlistsPage::messageText() const
{
    return m_messageLabel->text();
}

void ShortlistsPage::updateButtons()
{
    const bool chosen = m_listsState == State::Loaded && !currentListId().isEmpty();
    const bool hasMembers = chosen && m_membersState == State::Loaded && !m_members.isEmpty();
    m_rename->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    m_export->setEnabled(hasMembers);
    m_inviteButton->setEnabled(hasMembers);
    m_remove->setEnabled(hasMembers && !m_table->selectionModel()->selectedRows().isEmpty());
}

void ShortlistsPage::forget()
{
    ++m_listsGeneration;
    m_brands->forget();
    ++m_membersGeneration;
    m_lists.clear();
    m_members.clear();
    m_listView->clear();
    fillTable();
    m_title->clear();
    m_description->clear();
    showMessage({});
    m_listsState = State::Idle;
    m_membersState = State::Idle;
    updateButtons();
}

void ShortlistsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload(); // lists change from discovery and profiles, and by other staff
}

void ShortlistsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop

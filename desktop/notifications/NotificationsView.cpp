// SPDX-License-Identifier: Apache-2.0
#include "NotificationsView.h"

#include "common/ApiClient.h"
#include "notifications/NotificationText.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Notification;
using influence::common::Result;

namespace influence::desktop {

NotificationsView::NotificationsView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"notificationsPage"_s);
    buildUi();
    retranslate();
    m_clock = new QTimer(this);
    m_clock->setInterval(std::chrono::minutes(1));
    connect(m_clock, &QTimer::timeout, this, [this] {
        refreshTimes();
    });
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedIn && isVisible() && m_state != State::Loading) {
            reload();
        } else if (state == Session::State::SignedOut || state == Session::State::Expired) {
            // Another user may sign in next: nothing of this one's stays on screen.
            ++m_generation;
            m_items.clear();
            m_nextCursor.clear();
            m_list->clear();
            m_loadingMore = false;
            setState(State::Idle);
        }
    });
}

void NotificationsView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(u"notificationsTitle"_s);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    header->addWidget(m_title, 1);
    m_markAll = new QPushButton;
    m_markAll->setObjectName(u"markAllReadButton"_s);
    header->addWidget(m_markAll);
    m_export = new QPushButton;
    m_export->setObjectName(u"exportNotificationsButton"_s);
    header->addWidget(m_export);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadNotificationsButton"_s);
    header->addWidget(m_reload);
    layout->addLayout(header);

    auto *listPage = new QWidget;
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget;
    m_list->setObjectName(u"notificationsList"_s);
    m_list->setColumnCount(3);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(SentenceColumn, QHeaderView::Stretch);
    // Sized once per page that arrives (resizing to contents on every change of a row would
    // measure every row again each time).
    m_list->header()->setSectionResizeMode(CampaignColumn, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(TimeColumn, QHeaderView::Interactive);
    listLayout->addWidget(m_list, 1);
    m_more = new QPushButton;
    m_more->setObjectName(u"moreNotificationsButton"_s);
    listLayout->addWidget(m_more, 0, Qt::AlignCenter);

    m_states = new StateStack(u"notifications"_s, listPage);
    layout->addWidget(m_states, 1);

    m_message = new StatusLine;
    m_message->setObjectName(u"notificationsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_reload, &QPushButton::clicked, this, &NotificationsView::reload);
    connect(m_export, &QPushButton::clicked, this, &NotificationsView::exportAsCsv);
    connect(m_states, &StateStack::retryRequested, this, &NotificationsView::reload);
    connect(m_more, &QPushButton::clicked, this, &NotificationsView::loadMore);
    connect(m_markAll, &QPushButton::clicked, this, &NotificationsView::markAllRead);
    // Double-click or Enter (QAbstractItemView::activated).
    connect(m_list, &QTreeWidget::activated, this, [this](const QModelIndex &index) {
        activate(index.row());
    });
    updateButtons();
}

void NotificationsView::retranslate()
{
    // The sidebar's, Go menu's and breadcrumb's name for the page.
    setWindowTitle(tr("Inbox"));
    m_title->setText(tr("Your notifications"));
    m_markAll->setText(tr("&Mark all read"));
    m_reload->setText(tr("Re&fresh"));
    m_export->setText(tr("E&xport as CSV…"));
    showState();
    m_more->setText(tr("Load &more"));
    m_list->setHeaderLabels({tr("Notification"), tr("Campaign"), tr("When")});
    m_list->setAccessibleName(tr("Notifications, newest first"));
    for (int row = 0; row < m_list->topLevelItemCount() && row < m_items.size(); ++row) {
        showItem(m_list->topLevelItem(row), m_items.at(row));
    }
}

QString NotificationsView::errorText() const
{
    return tr("The notifications could not be loaded. %1").arg(ErrorText::sentence(m_error));
}

void NotificationsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool NotificationsView::canLoad() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

void NotificationsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_clock->start();
    if (m_state != State::Loading) {
        reload();
    }
}

void NotificationsView::hideEvent(QHideEvent *event)
{
    m_clock->stop();
    if (m_state == State::Loading || m_loadingMore) {
        m_api->abort(this);
        ++m_generation;
        m_loadingMore = false;
        if (m_state == State::Loading) {
            setState(State::Idle);
        }
        updateButtons();
    }
    QWidget::hideEvent(event);
}

void NotificationsView::showState()
{
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading your notifications…")); break;
    case State::Empty:
        m_states->showEmpty(tr("No notifications yet. You are told here when the other side of "
                               "a deal acts."));
        break;
    case State::Failed: m_states->showErrorText(errorText()); break;
    case State::Loaded: m_states->showContent(); break;
    }
}

void NotificationsView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
    updateButtons();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void NotificationsView::updateButtons()
{
    const bool unread = std::any_of(m_items.cbegin(), m_items.cend(), [](const Notification &n) {
        return !n.read;
    });
    // Marking all read also covers those not loaded yet, so it is offered whenever signed in
    // and something is listed.
    m_markAll->setEnabled(canLoad() && m_state == State::Loaded && !m_markingAll);
    m_markAll->setDefault(unread);
    m_reload->setEnabled(canLoad());
    m_export->setEnabled(m_state == State::Loaded);
    m_more->setVisible(hasMore());
    m_more->setEnabled(!m_loadingMore);
}

void NotificationsView::reload()
{
    if (!canLoad()) {
        setState(State::Idle);
        return;
    }
    request(false);
}

void NotificationsView::loadMore()
{
    if (!canLoad() || !hasMore() || m_loadingMore || m_state != State::Loaded) {
        return;
    }
    request(true);
}

void NotificationsView::request(bool more)
{
    const quint64 generation = ++m_generation;
    if (more) {
        m_loadingMore = true;
        showMessage(tr("Loading more…"));
        updateButtons();
    } else {
        m_loadingMore = false;
        showMessage({}); // an earlier outcome is no longer news
        setState(State::Loading);
    }
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_collab.notifications(false, kPageSize, more ? m_nextCursor : QString()),
            [this, generation, more](const Result<common::Page<Notification>> &result) {
                listed(generation, more, result);
            });
}

void NotificationsView::listed(
        quint64 generation, bool more, const Result<common::Page<Notification>> &result)
{
    if (generation != m_generation) {
        return;
    }
    m_loadingMore = false;
    if (!result) {
        if (more) {
            // The list stays; the next page can be asked for again.
            showMessage(tr("More notifications could not be loaded. %1")
                                .arg(ErrorText::sentence(result.error())));
            updateButtons();
        } else {
            m_error = result.error();
            setState(State::Failed);
        }
        return;
    }
    if (!more) {
        m_items.clear();
        m_list->clear();
    }
    showMessage({});
    for (const Notification &n : result->items) {
        append(n);
    }
    m_nextCursor = result->nextCursor;
    setState(m_items.isEmpty() ? State::Empty : State::Loaded);
    if (!more) {
        m_list->resizeColumnToContents(CampaignColumn);
        m_list->resizeColumnToContents(TimeColumn);
    }
    if (!more && m_list->topLevelItemCount() > 0 && !m_list->currentItem()) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
}

void NotificationsView::refreshTimes(const QDateTime &now)
{
    for (int row = 0; row < m_items.size() && row < m_list->topLevelItemCount(); ++row) {
        m_list->topLevelItem(row)->setText(
                TimeColumn, Formats::when(m_items.at(row).createdAt, now));
    }
}

void NotificationsView::append(const Notification &notification)
{
    m_items.append(notification);
    auto *item = new QTreeWidgetItem(m_list);
    showItem(item, notification);
}

void NotificationsView::showItem(QTreeWidgetItem *item, const Notification &notification)
{
    const QString sentence = NotificationText::notification(notification);
    item->setText(SentenceColumn, sentence);
    item->setText(CampaignColumn, notification.campaignName);
    item->setText(TimeColumn, Formats::when(notification.createdAt));
    item->setToolTip(TimeColumn,
            QLocale().toString(notification.createdAt.toLocalTime(), QLocale::LongFormat));
    item->setToolTip(SentenceColumn, sentence);
    item->setData(SentenceColumn, Qt::AccessibleTextRole,
            notification.read ? sentence : tr("Unread: %1").arg(sentence));
    QFont font = m_list->font();
    font.setBold(!notification.read);
    for (int column = 0; column < m_list->columnCount(); ++column) {
        item->setFont(column, font);
    }
}

void NotificationsView::activate(int row)
{
    if (row < 0 || row >= m_items.size()) {
        return;
    }
    const Notification n = m_items.at(row);
    if (!n.read) {
        continueIn(this, m_collab.markNotificationRead(n.id),
                [this](const Result<Notification> &result) {
                    markedRead(result);
                });
    }
    if (n.objectType == Notification::ObjectType::Campaign) {
        Q_EMIT campaignRequested(n.campaignId);
    } else {
        Q_EMIT dealRequested(n.dealId);
    }
}

void NotificationsView::markedRead(const Result<Notification> &result)
{
    if (!result) {
        showMessage(tr("The notification could not be marked read. %1")
                            .arg(ErrorText::sentence(result.error())));
        return;
    }
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == result->id) {
            m_items[row] = *result;
            if (QTreeWidgetItem *item = m_list->topLevelItem(row)) {
                showItem(item, *result);
            }
        }
    }
    updateButtons();
    Q_EMIT notificationsRead();
}

void NotificationsView::markAllRead()
{
    if (!canLoad() || m_markingAll) {
        return;
    }
    m_markingAll = true;
    showMessage(tr("Marking all read…"));
    updateButtons();
    continueIn(this, m_collab.markAllNotificationsRead(), [this](const Result<int> &result) {
        markedAllRead(result);
    });
}

void NotificationsView::markedAllRead(const Result<int> &result)
{
    m_markingAll = false;
    if (!result) {
        showMessage(tr("The notifications could not be marked read. %1")
                            .arg(ErrorText::sentence(result.error())));
        updateButtons();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < m_items.size(); ++row) {
        Notification &n = m_items[row];
        if (!n.read) {
            n.read = true;
            n.readAt = now;
            if (QTreeWidgetItem *item = m_list->topLevelItem(row)) {
                showItem(item, n);
            }
        }
    }
    showMessage(*result == 1
                    ? tr("1 notification marked read.")
                    : tr("%1 notifications marked read.").arg(QLocale().toString(*result)));
    updateButtons();
    Q_EMIT notificationsRead();
}

QByteArray NotificationsView::csv() const
{
    // What the list shows, newest first, with the time as ISO 8601 (UTC) rather than "5 minutes
    // ago". Only what was loaded is listed: a filter row says so when there are older ones.
    Csv csv;
    if (hasMore()) {
        csv.addFilter(tr("Listed"),
                tr("the newest %1 (older ones were not loaded)")
                        .arg(QLocale().toString(m_items.size())));
    }
    csv.setHeader({tr("Notification"), tr("Campaign"), tr("From"), tr("Time"), tr("Read")});
    for (const Notification &n : m_items) {
        csv.addRow({NotificationText::notification(n), n.campaignName, n.counterpartyName,
                n.createdAt.toUTC().toString(Qt::ISODateWithMs), n.read ? tr("yes") : tr("no")});
    }
    return csv.bytes();
}

void NotificationsView::exportAsCsv()
{
    if (m_state != State::Loaded) {
        return;
    }
    // The rows are taken when the file is chosen (exportCsv() asks only while this page lives).
    exportCsv(
            this, tr("notifications.csv"),
            [this] {
                return csv();
            },
            [this](const QString &path, const QString &error) {
                showMessage(error.isEmpty()
                                ? tr("The notifications were exported to %1.").arg(path)
                                : tr("The notifications could not be exported: %1").arg(error));
            });
}

void NotificationsView::showMessage(const QString &text)
{
    m_message->setText(text);
}

QString NotificationsView::messageText() const
{
    return m_message->text();
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#include "AccountsView.h"

#include "common/ApiClient.h"
#include "common/ProfileTypes.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/Tables.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

enum Column { PlatformColumn, HandleColumn, FollowersColumn, StatusColumn, ColumnCount };

/// The platforms whose consent page the server can open (the others are added by hand).
const QStringList kConnectable{u"instagram"_s, u"youtube"_s, u"tiktok"_s};

QLabel *boldLabel()
{
    auto *label = new QLabel;
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

AccountsView::AccountsView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_profiles(api)
    , m_session(session)
    , m_openUrl([](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    })
{
    setObjectName(u"accountsPage"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::signedIn, this, [this] {
        m_state = State::Idle;
        if (isVisible()) {
            reload();
        }
    });
}

void AccountsView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_title = boldLabel();
    layout->addWidget(m_title);
    m_reconnectBanner = new QLabel;
    m_reconnectBanner->setObjectName(u"reconnectBanner"_s);
    m_reconnectBanner->setWordWrap(true);
    m_reconnectBanner->setStyleSheet(
            u"background: #fff3cd; color: #664d03; padding: 6px; border-radius: 4px;"_s);
    m_reconnectBanner->hide();
    layout->addWidget(m_reconnectBanner);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"ownAccountsTable"_s);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_states = new StateStack(u"accounts"_s, m_table);
    connect(m_states, &StateStack::retryRequested, this, &AccountsView::reload);
    layout->addWidget(m_states, 1);

    auto *row = new QHBoxLayout;
    // What the last action (add, remove, connect) did; the list's own state is m_states'.
    m_message = new StatusLine;
    m_message->setObjectName(u"accountsMessage"_s);
    m_message->setWordWrap(true);
    m_removeButton = new QPushButton;
    m_removeButton->setObjectName(u"removeAccountButton"_s);
    m_removeButton->setEnabled(false);
    connect(m_removeButton, &QPushButton::clicked, this, &AccountsView::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_removeButton->setEnabled(m_state == State::Loaded && !m_table->selectedItems().isEmpty());
    });
    row->addWidget(m_message, 1);
    row->addWidget(m_removeButton);
    layout->addLayout(row);

    m_addTitle = boldLabel();
    layout->addWidget(m_addTitle);
    auto *add = new QHBoxLayout;
    m_addPlatform = new QComboBox;
    m_addPlatform->setObjectName(u"addPlatformBox"_s);
    for (const QString &platform : common::platformNames()) {
        m_addPlatform->addItem(platform, platform);
    }
    m_addHandle = new QLineEdit;
    m_addHandle->setObjectName(u"addHandleEdit"_s);
    connect(m_addHandle, &QLineEdit::returnPressed, this, &AccountsView::addAccount);
    m_addButton = new QPushButton;
    m_addButton->setObjectName(u"addAccountButton"_s);
    connect(m_addButton, &QPushButton::clicked, this, &AccountsView::addAccount);
    add->addWidget(m_addPlatform);
    add->addWidget(m_addHandle, 1);
    add->addWidget(m_addButton);
    layout->addLayout(add);

    m_connectTitle = boldLabel();
    layout->addWidget(m_connectTitle);
    auto *connectRow = new QHBoxLayout;
    m_connectPlatform = new QComboBox;
    m_connectPlatform->setObjectName(u"connectPlatformBox"_s);
    for (const QString &platform : kConnectable) {
        m_connectPlatform->addItem(platform, platform);
    }
    m_connectButton = new QPushButton;
    m_connectButton->setObjectName(u"connectAccountButton"_s);
    connect(m_connectButton, &QPushButton::clicked, this, &AccountsView::connectPlatform);
    connectRow->addWidget(m_connectPlatform);
    connectRow->addWidget(m_connectButton);
    connectRow->addStretch();
    layout->addLayout(connectRow);
}

void AccountsView::retranslate()
{
    setWindowTitle(tr("My accounts"));
    m_title->setText(tr("Connected accounts"));
    m_table->setHorizontalHeaderLabels(
            {tr("Platform"), tr("Handle"), tr("Followers"), tr("Status")});
    m_removeButton->setText(tr("Re&move…"));
    m_addTitle->setText(tr("Add an account by hand"));
    m_addHandle->setPlaceholderText(tr("Handle, e.g. @yourname"));
    m_addButton->setText(tr("&Add"));
    m_connectTitle->setText(
            tr("Connect an account through the platform (verified, with statistics)"));
    m_connectButton->setText(tr("Co&nnect…"));
    if (m_state == State::Loaded) {
        showAccounts();
    }
    showListState();
    fitHeaderTexts(m_table->horizontalHeader());
}

void AccountsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool AccountsView::canLoad() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

void AccountsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Every visit shows the current list (an account connected in the browser meanwhile).
    if (m_state != State::Loading) {
        reload();
    }
}

void AccountsView::hideEvent(QHideEvent *event)
{
    if (m_state == State::Loading) {
        m_api->abort(this);
    }
    QWidget::hideEvent(event);
}

void AccountsView::setUrlOpener(std::function<bool(const QUrl &)> opener)
{
    m_openUrl = std::move(opener);
}

void AccountsView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showListState();
    m_removeButton->setEnabled(state == State::Loaded && !m_table->selectedItems().isEmpty());
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void AccountsView::showListState()
{
    if (m_state == State::Loading && m_table->rowCount() == 0) {
        // Accounts already listed stay on screen while the list is asked for again.
        m_states->showLoading(tr("Loading your accounts…"));
    } else if (m_state == State::Failed) {
        m_states->showError(m_error);
    } else if (m_state == State::Loaded && m_accounts.isEmpty()) {
        m_states->showEmpty(tr("No accounts yet. Add one by hand or connect one below."));
    } else if (m_state != State::Loading) {
        m_states->showContent();
    }
}

void AccountsView::reload()
{
    if (!canLoad()) {
        setState(State::Idle);
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_profiles.connectedAccounts(),
            [this, generation](const common::Result<QList<common::ConnectedAccount>> &result) {
                listed(generation, result);
            });
}

void AccountsView::listed(
        quint64 generation, const common::Result<QList<common::ConnectedAccount>> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        if (result.error().code == common::ErrorCode::Cancelled) {
            setState(State::Idle);
            return;
        }
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_accounts = *result;
    showAccounts();
    setState(State::Loaded);
}

QString AccountsView::statusText(const common::ConnectedAccount &account) const
{
    switch (account.status.value_or(common::AccountStatus::Manual)) {
    case common::AccountStatus::Manual: return tr("Added by hand");
    case common::AccountStatus::Connected: return tr("Connected");
    case common::AccountStatus::NeedsReconnect: return tr("⚠ Needs reconnection");
    case common::AccountStatus::Disconnected: return tr("Disconnected");
    }
    return {};
}

void AccountsView::showAccounts()
{
    const QLocale locale;
    QStringList needReconnect;
    m_table->setRowCount(static_cast<int>(m_accounts.size()));
    for (int row = 0; row < m_accounts.size(); ++row) {
        const common::ConnectedAccount &account = m_accounts.at(row);
        const QStringList cells{account.platformName, u"@"_s + account.handle,
                locale.toString(account.followers), statusText(account)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, account.id);
            m_table->setItem(row, column, item);
        }
        if (account.status == common::AccountStatus::NeedsReconnect) {
            m_table->item(row, StatusColumn)->setForeground(QColor(0xb0, 0x00, 0x20));
            QFont font = m_table->item(row, StatusColumn)->font();
            font.setBold(true);
            m_table->item(row, StatusColumn)->setFont(font);
            needReconnect.append(account.platformName + u" @"_s + account.handle);
        }
    }
    m_table->resizeColumnsToContents();
    fitHeaderTexts(m_table->horizontalHeader()); // short figures under long titles
    m_reconnectBanner->setVisible(!needReconnect.isEmpty());
    m_reconnectBanner->setText(
            tr("%n account(s) need reconnection: %1. Choose the platform below and press "
               "Connect.",
                    nullptr, static_cast<int>(needReconnect.size()))
                    .arg(needReconnect.join(u", "_s)));
}

void AccountsView::showMessage(const QString &text)
{
    m_message->setText(text);
}

bool AccountsView::addAccount()
{
    const QJsonObject body{{u"platform"_s, m_addPlatform->currentData().toString()},
            {u"handle"_s, m_addHandle->text()}};
    const auto input = common::profiles::validateManualAccount(body);
    if (!input) {
        showMessage(tr("Enter a handle of letters, digits, '.', '_' or '-' (at most 100)."));
        return false; // nothing is sent
    }
    m_addButton->setEnabled(false);
    showMessage(tr("Adding…"));
    continueIn(this, m_profiles.addManualAccount(*input),
            [this](const common::Result<common::ConnectedAccount> &result) {
                added(result);
            });
    return true;
}

void AccountsView::added(const common::Result<common::ConnectedAccount> &result)
{
    m_addButton->setEnabled(true);
    if (!result) {
        showMessage(result.error().code == common::ErrorCode::Conflict
                        ? tr("This account is already listed, or you have no creator profile "
                             "yet (save My profile first).")
                        : ErrorText::headline(result.error()) + u' '
                                + ErrorText::detail(result.error()));
        return;
    }
    m_addHandle->clear();
    showMessage(tr("Added %1.").arg(u"@"_s + result->handle));
    Q_EMIT changed();
    reload();
}

void AccountsView::removeSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty() || m_confirmation) {
        return;
    }
    const int row = selected.constFirst()->row();
    const QString id = m_table->item(row, PlatformColumn)->data(Qt::UserRole).toString();
    const QString name = m_table->item(row, PlatformColumn)->text() + u' '
            + m_table->item(row, HandleColumn)->text();
    m_confirmation = new QMessageBox(QMessageBox::Question, tr("Remove account"),
            tr("Remove %1? Its metric history is deleted too.").arg(name),
            QMessageBox::Yes | QMessageBox::Cancel, this);
    m_confirmation->setObjectName(u"removeConfirmation"_s);
    m_confirmation->setDefaultButton(QMessageBox::Cancel);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmation, &QMessageBox::finished, this, [this, id](int result) {
        m_confirmation = nullptr;
        if (result == QMessageBox::Yes) {
            removeConfirmed(id);
        }
    });
    m_confirmation->open(); // never exec()
}

void AccountsView::removeConfirmed(const QString &id)
{
    m_removeButton->setEnabled(false);
    showMessage(tr("Removing…"));
    continueIn(this, m_profiles.removeAccount(id),
            [this](const common::Result<common::JsonReply> &result) {
                removed(result);
            });
}

void AccountsView::removed(const common::Result<common::JsonReply> &result)
{
    if (!result) {
        showMessage(ErrorText::headline(result.error()) + u' ' + ErrorText::detail(result.error()));
        return;
    }
    showMessage(tr("Removed."));
    Q_EMIT changed();
    reload();
}

void AccountsView::connectPlatform()
{
    m_connectButton->setEnabled(false);
    showMessage(tr("Asking the server for the consent page…"));
    continueIn(this, m_profiles.connectUrl(m_connectPlatform->currentData().toString()),
            [this](const common::Result<QUrl> &result) {
                connectAnswered(result);
            });
}

void AccountsView::connectAnswered(const common::Result<QUrl> &result)
{
    m_connectButton->setEnabled(true);
    if (!result) {
        showMessage(result.error().code == common::ErrorCode::NotFound
                        ? tr("The server cannot connect this platform; add the account by hand.")
                        : ErrorText::headline(result.error()) + u' '
                                + ErrorText::detail(result.error()));
        return;
    }
    if (!m_openUrl(*result)) {
        showMessage(tr("The browser could not be opened. Open this address: %1")
                            .arg(result->toString()));
        return;
    }
    showMessage(tr("Finish connecting in your browser; the list is updated when you come back to "
                   "this page."));
}

} // namespace influence::desktop

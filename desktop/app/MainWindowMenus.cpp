// SPDX-License-Identifier: Apache-2.0
// The main window's menus (File, Go, Window, Language, Help), their actions and shortcuts,
// and the texts of the window's chrome in the current language.
#include "MainWindow.h"
#include "app/DiagnosticsDialog.h"
#include "app/Languages.h"
#include "common/ApiClient.h"
#include "session/Session.h"
#include "session/SignInDialog.h"

#include <QActionGroup>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace influence::desktop {

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_goMenu = menuBar()->addMenu(QString());
    m_backAction = m_goMenu->addAction(icon(u"go-previous"_s), QString(), this, [this] {
        goBack();
    });
    m_backAction->setObjectName(u"backAction"_s);
    m_backAction->setShortcuts(QKeySequence::Back);
    m_forwardAction = m_goMenu->addAction(icon(u"go-next"_s), QString(), this, [this] {
        goForward();
    });
    m_forwardAction->setObjectName(u"forwardAction"_s);
    m_forwardAction->setShortcuts(QKeySequence::Forward);
    m_quickOpenAction = m_goMenu->addAction(
            icon(u"system-search"_s), QString(), this, &MainWindow::showQuickOpen);
    m_quickOpenAction->setObjectName(u"quickOpenAction"_s);
    m_quickOpenAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_goMenu->addSeparator();

    m_windowMenu = menuBar()->addMenu(QString());
    m_newWindowAction = m_windowMenu->addAction(icon(u"window-new"_s), QString(), this, [this] {
        openCurrentInNewWindow();
    });
    m_newWindowAction->setObjectName(u"newWindowAction"_s);
    m_newWindowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));

    m_languageMenu = menuBar()->addMenu(QString());
    auto *languageGroup = new QActionGroup(this);
    for (const Languages::Language &language : Languages::available()) {
        QAction *action = m_languageMenu->addAction(language.nativeName);
        action->setObjectName(u"language-"_s + language.code);
        action->setCheckable(true);
        action->setChecked(language.code == m_languages->current());
        languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = language.code] {
            m_languages->apply(code);
        });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_diagnosticsAction = m_helpMenu->addAction(
            icon(u"network-server"_s), QString(), this, &MainWindow::showDiagnostics);
    m_diagnosticsAction->setObjectName(u"diagnosticsAction"_s);
    m_aboutAction = m_helpMenu->addAction(icon(u"help-about"_s), QString(), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Influence"),
                tr("Influence desktop %1\nInfluencer management and analytics.")
                        .arg(QStringLiteral(INFLUENCE_VERSION)),
                QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // never exec(): the event loop keeps running
    });
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Influence"));
    m_fileMenu->setTitle(tr("&File"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_goMenu->setTitle(tr("&Go"));
    m_backAction->setText(tr("&Back"));
    m_backAction->setToolTip(
            tr("Back to the previous page (%1)")
                    .arg(m_backAction->shortcut().toString(QKeySequence::NativeText)));
    m_forwardAction->setText(tr("&Forward"));
    m_forwardAction->setToolTip(
            tr("Forward again (%1)")
                    .arg(m_forwardAction->shortcut().toString(QKeySequence::NativeText)));
    m_windowMenu->setTitle(tr("&Window"));
    m_newWindowAction->setText(tr("Open in &New Window"));
    m_quickOpenAction->setText(tr("&Quick Open…"));
    m_quickOpenAction->setToolTip(
            tr("Find a creator, campaign or deal by name (%1)")
                    .arg(m_quickOpenAction->shortcut().toString(QKeySequence::NativeText)));
    m_notificationsAction->setText(tr("Notifications"));
    m_languageMenu->setTitle(tr("&Language"));
    for (QAction *action : m_languageMenu->actions()) {
        action->setChecked(action->objectName() == u"language-"_s + m_languages->current());
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_diagnosticsAction->setText(tr("Server &Diagnostics…"));
    m_aboutAction->setText(tr("&About Influence"));
    if (m_signIn) {
        updateSessionStatus();
        if (m_sessionEnded) {
            m_signIn->setReason(tr("Your session has ended. Please sign in again."));
        }
    }
    QString status = m_diagnostics->statusText();
    if (status.isEmpty()) {
        const bool signedIn = m_session->state() == Session::State::SignedIn
                || m_session->state() == Session::State::Refreshing;
        status = signedIn ? tr("Connected to %1").arg(m_api->baseUrl().toString())
                          : tr("Not connected");
    }
    m_statusLabel->setText(status);
    updateChrome();
}

void MainWindow::updateSessionStatus()
{
    switch (m_session->state()) {
    case Session::State::SignedOut: m_sessionLabel->setText(tr("Signed out")); break;
    case Session::State::SigningIn: m_sessionLabel->setText(tr("Signing in…")); break;
    case Session::State::SignedIn:
    case Session::State::Refreshing:
        m_sessionLabel->setText(tr("Signed in as %1").arg(m_session->user().email));
        break;
    case Session::State::Expired: m_sessionLabel->setText(tr("Session ended")); break;
    }
}

} // namespace influence::desktop

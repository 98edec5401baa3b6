// SPDX-License-Identifier: Apache-2.0
#include "TrayNotifier.h"

#include "notifications/NotificationBell.h"

#include <QApplication>
#include <QLocale>
#include <QSystemTrayIcon>
#include <QWidget>

namespace influence::desktop {

TrayNotifier::TrayNotifier(NotificationBell *bell, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_bell(bell)
    , m_window(window)
    , m_known(bell ? bell->count() : 0)
{
    if (bell) {
        connect(bell, &NotificationBell::countChanged, this, &TrayNotifier::countChanged);
    }
}

void TrayNotifier::countChanged(int count)
{
    // Only a rise is news: a fall means notifications were read (here or in another session),
    // and 0 also follows a sign-out. What was known before is not told again.
    const int fresh = count - m_known;
    m_known = count;
    if (fresh <= 0) {
        if (count == 0 && m_tray) {
            m_tray->hide();
        }
        return;
    }
    const QWidget *top = m_window ? m_window->window() : nullptr;
    if (top && top->isActiveWindow() && !top->isMinimized()) {
        return;
    }
    ++m_notifications;
    showMessage(fresh, count);
    Q_EMIT notified(fresh, count);
}

void TrayNotifier::showMessage(int fresh, int unread)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return;
    }
    if (!m_tray) {
        QIcon icon = m_window ? m_window->window()->windowIcon() : QIcon();
        if (icon.isNull()) {
            icon = QApplication::windowIcon();
        }
        if (icon.isNull() && m_bell) {
            icon = m_bell->icon();
        }
        m_tray = new QSystemTrayIcon(icon, this);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::openRequested);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger
                            || reason == QSystemTrayIcon::DoubleClick) {
                        Q_EMIT openRequested();
                    }
                });
    }
    const QString total = unread == 1
            ? tr("1 unread notification")
            : tr("%1 unread notifications").arg(QLocale().toString(unread));
    m_tray->setToolTip(total);
    m_tray->show();
    const QString title = fresh == 1 ? tr("1 new notification")
                                     : tr("%1 new notifications").arg(QLocale().toString(fresh));
    m_tray->showMessage(
            title, tr("%1. Click to open the list.").arg(total), QSystemTrayIcon::Information);
}

} // namespace influence::desktop

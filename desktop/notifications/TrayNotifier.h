// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace influence::desktop {

class NotificationBell;

/// Tells the operating system when new notifications arrive while the app's window is not
/// active (another app is in front, or the window is minimized or hidden): what the bell learns
/// from its poll, as a message of the system tray (QSystemTrayIcon::showMessage). Where there
/// is no system tray (some Linux desktops, the offscreen platform) it still decides, and says
/// so with notified(), but shows nothing. While the window is active the bell itself is news
/// enough. Clicking the message or the tray icon asks for the window (openRequested()).
///
/// The main window makes one: `new TrayNotifier(bell, this, this)` and connects
/// openRequested() to bringing itself up with the notifications list.
class TrayNotifier : public QObject
{
    Q_OBJECT

public:
    TrayNotifier(NotificationBell *bell, QWidget *window, QObject *parent = nullptr);

    /// The tray icon, made on the first message (null where there is no system tray, or before).
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    /// How many times it decided to tell the system (for tests and diagnostics).
    int notificationCount() const { return m_notifications; }
    /// The unread count it compares the next one with.
    int knownCount() const { return m_known; }

Q_SIGNALS:
    /// `fresh` notifications arrived (`unread` in all) while the window was not active; the
    /// system was told where it has a tray.
    void notified(int fresh, int unread);
    /// The user clicked the system's message or the tray icon.
    void openRequested();

private:
    void countChanged(int count);
    void showMessage(int fresh, int unread);

    QPointer<NotificationBell> m_bell;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_known = 0;
    int m_notifications = 0;
};

} // namespace influence::desktop

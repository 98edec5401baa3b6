// SPDX-License-Identifier: Apache-2.0
#include "NotificationBell.h"

#include "common/ApiClient.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// A bell drawn in the palette's text colour (no icon theme is needed).
QIcon bellIcon(const QColor &color)
{
    constexpr int kSize = 32;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    QPainterPath bell;
    bell.moveTo(16, 4);
    bell.cubicTo(9, 4, 8, 10, 8, 15);
    bell.lineTo(8, 21);
    bell.lineTo(5, 25);
    bell.lineTo(27, 25);
    bell.lineTo(24, 21);
    bell.lineTo(24, 15);
    bell.cubicTo(24, 10, 23, 4, 16, 4);
    painter.drawPath(bell);
    painter.drawEllipse(QPointF(16, 27), 3, 3);
    return QIcon(pixmap);
}

} // namespace

NotificationBell::NotificationBell(common::ApiClient *api, Session *session, QWidget *parent)
    : QToolButton(parent)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"notificationBell"_s);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setFocusPolicy(Qt::TabFocus);
    setIcon(bellIcon(palette().color(QPalette::ButtonText)));
    m_timer.setInterval(kPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &NotificationBell::refresh);
    connect(m_session, &Session::stateChanged, this, &NotificationBell::sessionChanged);
    retranslate();
    sessionChanged();
}

QString NotificationBell::badge(int count)
{
    if (count <= 0) {
        return {};
    }
    return count > kMaxShown ? QString::number(kMaxShown) + u'+' : QString::number(count);
}

bool NotificationBell::signedIn() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

void NotificationBell::sessionChanged()
{
    if (signedIn()) {
        setEnabled(true);
        if (!m_timer.isActive()) {
            m_timer.start();
            refresh();
        }
        return;
    }
    if (m_session->state() == Session::State::SigningIn) {
        return; // a renewal or a new sign-in: nothing changes until it is decided
    }
    // Signed out or the session ended: forget the user's count and stop asking.
    m_timer.stop();
    ++m_generation;
    m_pending = false;
    m_again = false;
    m_failed = false;
    setCount(0);
    setEnabled(false);
}

void NotificationBell::refresh()
{
    if (!signedIn()) {
        return;
    }
    if (m_pending) {
        m_again = true;
        return;
    }
    m_pending = true;
    const quint64 generation = m_generation;
    continueIn(this, m_collab.unreadNotificationCount(),
            [this, generation](const common::Result<int> &result) {
                answered(generation, result);
            });
}

void NotificationBell::answered(quint64 generation, const common::Result<int> &result)
{
    if (generation != m_generation) {
        return; // asked for a session that has ended
    }
    m_pending = false;
    m_failed = !result;
    if (result) {
        setCount(*result);
    } else {
        m_error = result.error();
        retranslate();
    }
    Q_EMIT polled();
    if (m_again) {
        m_again = false;
        refresh();
    }
}

void NotificationBell::setCount(int count)
{
    const bool changed = count != m_count;
    m_count = count;
    QFont bold = font();
    bold.setBold(count > 0);
    setFont(bold);
    retranslate();
    if (changed) {
        Q_EMIT countChanged(count);
    }
}

void NotificationBell::retranslate()
{
    setText(badge(m_count));
    const QString shortcut = NotificationBell::shortcut().toString(QKeySequence::NativeText);
    setAccessibleName(tr("Notifications"));
    QString state = tr("No unread notifications");
    if (m_count == 1) {
        state = tr("1 unread notification");
    } else if (m_count > 1) {
        state = tr("%1 unread notifications").arg(QLocale().toString(m_count));
    }
    setAccessibleDescription(state);
    if (m_failed) {
        state += u'\n' + tr("The count could not be updated: %1").arg(ErrorText::sentence(m_error));
    }
    setToolTip(tr("%1 (%2)").arg(state, shortcut));
}

void NotificationBell::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        setIcon(bellIcon(palette().color(QPalette::ButtonText)));
    }
    QToolButton::changeEvent(event);
}

} // namespace influence::desktop

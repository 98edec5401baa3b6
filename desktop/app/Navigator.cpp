// SPDX-License-Identifier: Apache-2.0
#include "Navigator.h"

#include "widgets/Page.h"

namespace influence::desktop {

namespace {

/// Enough for a working day; the oldest entries go first.
constexpr qsizetype kMaxEntries = 100;

} // namespace

Navigator::Navigator(QObject *parent)
    : QObject(parent)
{ }

Navigator::Entry Navigator::entryOf(QWidget *page)
{
    Entry entry{page, {}};
    if (const auto *withState = dynamic_cast<const Page *>(page)) {
        entry.state = withState->saveState();
    }
    return entry;
}

void Navigator::leave(QWidget *from)
{
    if (!from) {
        return;
    }
    m_back.append(entryOf(from));
    if (m_back.size() > kMaxEntries) {
        m_back.removeFirst();
    }
    m_forward.clear();
    Q_EMIT changed();
}

bool Navigator::step(QList<Entry> &from, QList<Entry> &to, QWidget *current)
{
    // Pages that were closed since (a window's own page) are skipped.
    while (!from.isEmpty() && !from.last().page) {
        from.removeLast();
    }
    if (from.isEmpty()) {
        return false;
    }
    const Entry target = from.takeLast();
    if (current) {
        to.append(entryOf(current));
    }
    Q_EMIT navigate(target.page, target.state);
    Q_EMIT changed();
    return true;
}

bool Navigator::back(QWidget *current)
{
    return step(m_back, m_forward, current);
}

bool Navigator::forward(QWidget *current)
{
    return step(m_forward, m_back, current);
}

void Navigator::clear()
{
    m_back.clear();
    m_forward.clear();
    Q_EMIT changed();
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QVariant>

namespace influence::desktop {

/// What the main window asks of each of its pages, besides being a QWidget: where the page is
/// (for Back and Forward), its place in the breadcrumb, and to forget what it shows when the
/// user signs out (a shared workstation: the next user sees none of it).
class Page
{
public:
    Page() = default;
    virtual ~Page() = default;
    Page(const Page &) = delete;
    Page &operator=(const Page &) = delete;

    /// What the page shows and how (an id, the tab, the scroll position, the filters): Back and
    /// Forward hand it to restoreState() to show the page as it was.
    virtual QVariant saveState() const { return {}; }
    virtual void restoreState(const QVariant &state) { Q_UNUSED(state) }
    /// The page's place in the breadcrumb: its title, or what it shows ("Lena Travels").
    virtual QString crumb() const = 0;
    /// Forgets every piece of data on screen and in memory (sign-out).
    virtual void clear() = 0;
};

} // namespace influence::desktop

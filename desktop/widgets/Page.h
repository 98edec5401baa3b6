// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QVariant>

namespace influence::desktop {

/// What the main window asks of a page that shows one thing among many (a creator, a deal) or
/// keeps a place worth returning to, besides being a QWidget: what it shows (for Back and
/// Forward) and its place in the breadcrumb. (Pages forget their data on sign-out themselves,
/// through the session's signals.)
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
};

} // namespace influence::desktop

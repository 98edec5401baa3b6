// SPDX-License-Identifier: Apache-2.0
// The main window's sidebar of sections (grouped, with icons, shown by role, numbered for
// Ctrl+1…, Settings Ctrl+,) and the bar above the pages: Back, Forward, the breadcrumb and quick
// open.
#include "MainWindow.h"
#include "SettingsView.h"
#include "app/Navigator.h"
#include "deals/DealView.h"
#include "money/AuditLogPage.h"
#include "profiles/CreatorProfileView.h"
#include "session/Session.h"
#include "widgets/Page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr int kMaxShortcutPages = 9;
/// Marks a sidebar row that separates two groups.
constexpr int kSeparatorRole = Qt::UserRole + 1;

QString crumbOf(QWidget *page)
{
    if (!page) {
        return {};
    }
    if (const auto *withCrumb = dynamic_cast<const Page *>(page)) {
        QString crumb = withCrumb->crumb();
        if (!crumb.isEmpty()) {
            return crumb;
        }
    }
    return page->windowTitle();
}

} // namespace

void MainWindow::buildSidebar()
{
    m_splitter = new QSplitter;
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_navigation = new QListWidget;
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setMinimumWidth(170);
    m_navigation->setFrameShape(QFrame::NoFrame);
    QFont sidebarFont = m_navigation->font();
    sidebarFont.setPointSizeF(sidebarFont.pointSizeF() * 1.1);
    m_navigation->setFont(sidebarFont);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(buildPageArea());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({190, kDefaultSize.width() - 190});
    setCentralWidget(m_splitter);
    connect(m_navigation, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item) {
            return;
        }
        const int index = item->data(Qt::UserRole).toInt();
        if (item->data(kSeparatorRole).toBool() || m_pages->currentIndex() == index) {
            return;
        }
        showPage(index);
    });
}

QWidget *MainWindow::buildPageArea()
{
    auto *area = new QWidget;
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QWidget;
    bar->setObjectName(u"pageBar"_s);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(8, 6, 12, 6);
    barLayout->setSpacing(4);
    m_backButton = new QToolButton;
    m_backButton->setObjectName(u"backButton"_s);
    m_backButton->setDefaultAction(m_backAction);
    m_backButton->setAutoRaise(true);
    m_forwardButton = new QToolButton;
    m_forwardButton->setObjectName(u"forwardButton"_s);
    m_forwardButton->setDefaultAction(m_forwardAction);
    m_forwardButton->setAutoRaise(true);
    m_breadcrumb = new QLabel;
    m_breadcrumb->setObjectName(u"breadcrumb"_s);
    m_breadcrumb->setTextFormat(Qt::RichText);
    m_breadcrumb->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    QFont crumbFont = m_breadcrumb->font();
    crumbFont.setPointSizeF(crumbFont.pointSizeF() * 1.15);
    m_breadcrumb->setFont(crumbFont);
    // A section's name in the breadcrumb goes back to that section.
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this](const QString &link) {
        const int index = link.toInt();
        if (index >= 0 && index < m_pages->count()) {
            showPage(index);
        }
    });
    barLayout->addWidget(m_backButton);
    barLayout->addWidget(m_forwardButton);
    barLayout->addSpacing(8);
    barLayout->addWidget(m_breadcrumb, 1);
    m_quickOpenButton = new QToolButton;
    m_quickOpenButton->setObjectName(u"quickOpenButton"_s);
    m_quickOpenButton->setDefaultAction(m_quickOpenAction);
    m_quickOpenButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_quickOpenButton->setAutoRaise(true);
    barLayout->addWidget(m_quickOpenButton);
    layout->addWidget(bar);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    layout->addWidget(m_pages, 1);
    return area;
}

int MainWindow::addPage(QWidget *page, const QString &iconName, Group group)
{
    const int index = m_pages->addWidget(page);
    const bool newGroup = !m_groupOf.isEmpty()
            && std::none_of(m_groupOf.cbegin(), m_groupOf.cend(), [group](Group existing) {
                   return existing == group;
               });
    if (newGroup) {
        // A thin gap between two groups, which cannot be selected.
        auto *separator = new QListWidgetItem(m_navigation);
        separator->setFlags(Qt::NoItemFlags);
        separator->setData(kSeparatorRole, true);
        separator->setData(Qt::UserRole, -1);
        separator->setData(Qt::UserRole + 2, static_cast<int>(group));
        separator->setSizeHint(QSize(0, 14));
    }
    m_groupOf.insert(page, group);
    auto *item = new QListWidgetItem(icon(iconName), page->windowTitle(), m_navigation);
    item->setData(Qt::UserRole, index);
    item->setSizeHint(QSize(0, 34));
    QAction *go = m_goMenu->addAction(icon(iconName), page->windowTitle(), this, [this, page] {
        showPage(page);
    });
    go->setObjectName(u"go-"_s + page->objectName());
    page->installEventFilter(this);
    return index;
}

int MainWindow::addDetailPage(QWidget *page, QWidget *section)
{
    const int index = m_pages->addWidget(page);
    m_sectionOf.insert(page, section);
    page->installEventFilter(this);
    return index;
}

QListWidgetItem *MainWindow::itemOf(QWidget *page) const
{
    const int index = m_pages->indexOf(m_sectionOf.value(page, page));
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        if (!item->data(kSeparatorRole).toBool() && item->data(Qt::UserRole).toInt() == index) {
            return item;
        }
    }
    return nullptr;
}

void MainWindow::display(QWidget *page)
{
    m_pages->setCurrentWidget(page);
    {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentItem(itemOf(page));
    }
    updateChrome();
}

QString MainWindow::breadcrumb() const
{
    QWidget *page = m_pages->currentWidget();
    if (!page) {
        return {};
    }
    QWidget *section = m_sectionOf.value(page);
    if (!section) {
        return crumbOf(page);
    }
    return section->windowTitle() + u" › "_s + crumbOf(page);
}

void MainWindow::updateChrome()
{
    m_backAction->setEnabled(m_navigator->canGoBack());
    m_forwardAction->setEnabled(m_navigator->canGoForward());
    QWidget *page = m_pages->currentWidget();
    if (!page) {
        return;
    }
    QWidget *section = m_sectionOf.value(page);
    if (section) {
        m_breadcrumb->setText(u"<a href=\"%1\">%2</a> › <b>%3</b>"_s.arg(
                QString::number(m_pages->indexOf(section)), section->windowTitle().toHtmlEscaped(),
                crumbOf(page).toHtmlEscaped()));
    } else {
        m_breadcrumb->setText(u"<b>%1</b>"_s.arg(crumbOf(page).toHtmlEscaped()));
    }
    m_newWindowAction->setEnabled(page == m_deal || page == m_creator);
}

void MainWindow::updateSidebarForRole()
{
    // Creator pages are for creators: brand staff never see them in the sidebar; brand pages
    // (payouts) are for brand staff.
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    const bool creator = signedIn && m_session->user().role == common::UserRole::Influencer;
    const bool brand = signedIn && m_session->user().role == common::UserRole::Brand;
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        QWidget *page = item->data(kSeparatorRole).toBool()
                ? nullptr
                : m_pages->widget(item->data(Qt::UserRole).toInt());
        const bool inCreatorGroup = page
                ? m_groupOf.value(page) == Group::Creator
                : item->data(Qt::UserRole + 2).toInt() == static_cast<int>(Group::Creator);
        // The audit log is the owner's: staff who act for another's brand do not see it.
        const bool notOwner = page == m_auditLog && m_ownsBrand == false;
        item->setHidden((inCreatorGroup && !creator) || (m_brandOnly.contains(page) && !brand)
                || (brand && notOwner));
    }
    numberShortcuts();
}

void MainWindow::numberShortcuts()
{
    int position = 0;
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        if (item->data(kSeparatorRole).toBool()) {
            continue;
        }
        QWidget *page = m_pages->widget(item->data(Qt::UserRole).toInt());
        for (QAction *action : m_goMenu->actions()) {
            if (action->objectName() != u"go-"_s + page->objectName()) {
                continue;
            }
            action->setVisible(!item->isHidden());
            if (page == m_settings) {
                // Always Ctrl+, (as in most desktop apps), wherever the sections end.
                action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
            } else if (!item->isHidden() && position < kMaxShortcutPages) {
                action->setShortcut(
                        QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + position)));
                ++position;
            } else {
                action->setShortcut({});
            }
        }
    }
}

void MainWindow::pageRenamed(QWidget *page)
{
    // Pages name themselves (and retranslate their names); the sidebar, Go menu and breadcrumb
    // follow.
    if (m_groupOf.contains(page)) {
        if (QListWidgetItem *item = itemOf(page)) {
            item->setText(page->windowTitle());
        }
        for (QAction *action : m_goMenu->actions()) {
            if (action->objectName() == u"go-"_s + page->objectName()) {
                action->setText(page->windowTitle());
            }
        }
    }
    updateChrome();
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#include "HomeView.h"

#include "home/HomeDashboard.h"
#include "session/Session.h"
#include "widgets/AnalyticsSection.h"
#include "widgets/Async.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr int kDealIdRole = Qt::UserRole;
constexpr int kPayoutsRole = Qt::UserRole + 1;

bool signedIn(const Session *session)
{
    return session->state() == Session::State::SignedIn
            || session->state() == Session::State::Refreshing;
}

QString deliverableText(const QString &typeCode, const QString &platformCode)
{
    const auto type = common::deliverableTypeFromString(typeCode);
    const auto platform = common::platformFromString(platformCode);
    const QString typeName = type ? Names::deliverableType(*type) : typeCode;
    const QString platformName = platform ? Names::platform(*platform) : platformCode;
    return HomeView::tr("%1 on %2").arg(typeName, platformName);
}

HomeView::ToDo::Kind kindOf(common::ToDoGroup::Kind kind)
{
    switch (kind) {
    case common::ToDoGroup::Kind::OfferWaiting: return HomeView::ToDo::Kind::Offer;
    case common::ToDoGroup::Kind::DraftToReview: return HomeView::ToDo::Kind::Review;
    case common::ToDoGroup::Kind::DraftToRework: return HomeView::ToDo::Kind::Rework;
    case common::ToDoGroup::Kind::Overdue: break;
    }
    return HomeView::ToDo::Kind::Overdue;
}

} // namespace

HomeView::HomeView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_collab(api)
    , m_profiles(api)
    , m_session(session)
{
    setObjectName(u"homePage"_s);
    m_title = new QLabel;
    m_title->setObjectName(u"homeTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_refresh = new QPushButton;
    m_refresh->setObjectName(u"homeRefreshButton"_s);
    connect(m_refresh, &QPushButton::clicked, this, &HomeView::refresh);

    m_list = new QTreeWidget;
    m_list->setObjectName(u"homeToDos"_s);
    m_list->setColumnCount(3);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    // As tall as its rows: one to-do is not a large empty box.
    m_list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, kPayoutsRole).toBool()) {
            Q_EMIT payoutsRequested();
            return;
        }
        const QString id = item->data(0, kDealIdRole).toString();
        if (!id.isEmpty()) {
            Q_EMIT dealRequested(id);
        }
    });
    m_stack = new StateStack(u"home"_s, m_list);
    connect(m_stack, &StateStack::retryRequested, this, &HomeView::refresh);
    connect(m_stack, &QStackedWidget::currentChanged, this, &HomeView::fitToDos);
    m_toDoSection = new AnalyticsSection(u"homeToDo"_s, m_stack);

    m_dashboard = new HomeDashboard(api, this);
    connect(m_dashboard, &HomeDashboard::campaignRequested, this, &HomeView::campaignRequested);
    connect(m_dashboard, &HomeDashboard::creatorRequested, this, &HomeView::creatorRequested);
    connect(m_dashboard, &HomeDashboard::stateChanged, this, [this] {
        const auto &overview = m_dashboard->overview();
        const int due = overview ? static_cast<int>(overview->todos.payoutsDue) : 0;
        if (due != m_payoutsDue) {
            m_payoutsDue = due;
            fill();
        }
    });
    buildLayout();

    connect(m_session, &Session::stateChanged, this, [this] {
        if (!signedIn(m_session)) {
            clear();
        } else {
            updateRole();
            retranslate();
            if (isVisible() && m_state == State::Idle) {
                refresh();
            }
        }
    });
    retranslate();
    updateRole();
}

void HomeView::buildLayout()
{
    auto *content = new QWidget;
    content->setObjectName(u"homeContent"_s);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(12);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_refresh);
    layout->addLayout(header);
    layout->addWidget(buildBrandSetup());
    layout->addWidget(m_dashboard->filterBar());
    layout->addWidget(m_dashboard->summary());
    // The chart beside what waits and the budgets; the tables below at full width.
    auto *middle = new QHBoxLayout;
    middle->setSpacing(16);
    middle->addWidget(m_dashboard->trendSection(), 3);
    auto *side = new QVBoxLayout;
    side->addWidget(m_toDoSection);
    side->addWidget(m_dashboard->budgetSection());
    side->addStretch(1);
    middle->addLayout(side, 2);
    layout->addLayout(middle);
    layout->addWidget(m_dashboard->creatorsSection());
    layout->addWidget(m_dashboard->postsSection());

    m_scroll = new QScrollArea;
    m_scroll->setObjectName(u"homeScroll"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);
}

QFrame *HomeView::buildBrandSetup()
{
    m_brandSetup = new QFrame;
    m_brandSetup->setObjectName(u"homeBrandSetup"_s);
    m_brandSetup->setFrameShape(QFrame::StyledPanel);
    auto *row = new QHBoxLayout(m_brandSetup);
    row->setContentsMargins(12, 10, 12, 10);
    m_brandSetupText = new QLabel;
    m_brandSetupText->setObjectName(u"homeBrandSetupText"_s);
    m_brandSetupText->setWordWrap(true);
    m_brandSetupButton = new QPushButton;
    m_brandSetupButton->setObjectName(u"homeBrandSetupButton"_s);
    connect(m_brandSetupButton, &QPushButton::clicked, this, &HomeView::brandSetupRequested);
    row->addWidget(m_brandSetupText, 1);
    row->addWidget(m_brandSetupButton, 0, Qt::AlignVCenter);
    m_brandSetup->hide();
    return m_brandSetup;
}

QWidget *HomeView::scrollContent() const
{
    return m_scroll->widget();
}

bool HomeView::isBrandSide() const
{
    return signedIn(m_session) && m_session->user().role != common::UserRole::Influencer;
}

void HomeView::updateRole()
{
    // Creators see what waits for them; the brand's figures are the brand's, and a user who
    // acts for no brand yet has none: they are shown how to set one up.
    const bool brand = isBrandSide() && !m_needsBrand;
    m_brandSetup->setVisible(isBrandSide() && m_needsBrand);
    for (QWidget *part : {m_dashboard->filterBar(), m_dashboard->summary(),
                 static_cast<QWidget *>(m_dashboard->trendSection()),
                 static_cast<QWidget *>(m_dashboard->budgetSection()),
                 static_cast<QWidget *>(m_dashboard->creatorsSection()),
                 static_cast<QWidget *>(m_dashboard->postsSection())}) {
        part->setVisible(brand);
    }
}

void HomeView::clear()
{
    ++m_generation; // answers still on their way are dropped
    m_toDos.clear();
    m_totals.clear();
    m_error.reset();
    m_list->clear();
    m_payoutsDue = 0;
    m_needsBrand = false;
    m_dashboard->clear();
    m_state = State::Idle;
    m_stack->showEmpty(tr("Sign in to see what is waiting for you."));
    m_refresh->setEnabled(false);
    updateRole();
}

void HomeView::refresh()
{
    if (!signedIn(m_session)) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_state = State::Loading;
    m_error.reset();
    m_refresh->setEnabled(false);
    m_stack->showLoading(tr("Looking for what is waiting for you…"));
    updateRole();
    if (isBrandSide()) {
        // A new agency acts for no brand until it saves its brand profile: the dashboard would
        // only be refused. Asked on every visit, so that Home follows once the brand exists.
        continueIn(this, m_profiles.myBrands(),
                [this, generation](const common::Result<QList<common::ActingBrand>> &brands) {
                    if (generation != m_generation) {
                        return;
                    }
                    m_needsBrand = brands && brands->isEmpty();
                    updateRole();
                    retranslate();
                    if (!m_needsBrand) {
                        m_dashboard->refresh();
                    }
                });
    }
    // The server counts everything and sends the first few of each group: right for an agency
    // with thousands of deals without reading them all.
    continueIn(this, m_collab.toDos(kItemsPerGroup),
            [this, generation](const common::Result<common::ToDos> &toDos) {
                if (generation != m_generation) {
                    return;
                }
                if (toDos) {
                    finish(*toDos);
                } else {
                    m_error = toDos.error();
                    finish({});
                }
            });
}

void HomeView::finish(const common::ToDos &toDos)
{
    m_refresh->setEnabled(true);
    if (m_error) {
        m_state = State::Error;
        m_stack->showError(*m_error);
        return;
    }
    const bool creator = m_session->user().role == common::UserRole::Influencer;
    m_toDos.clear();
    m_totals.clear();
    for (const common::ToDoGroup &group : toDos.groups) {
        const ToDo::Kind kind = kindOf(group.kind);
        m_totals.insert(kind, group.total);
        for (const common::ToDoItem &item : group.items) {
            // Each side names the other party: brand staff the creator, a creator the brand.
            const QString party =
                    creator && !item.brandName.isEmpty() ? item.brandName : item.creatorName;
            const QString deal = tr("%1 × %2").arg(party, item.campaignName);
            const QString what = kind == ToDo::Kind::Offer && item.fee
                    ? tr("Offer of %1").arg(Formats::money(*item.fee))
                    : deliverableText(item.type, item.platform);
            m_toDos.append({kind, item.dealId, deal, what, item.due});
        }
    }
    m_state = State::Loaded;
    fill();
}

void HomeView::fill()
{
    m_list->clear();
    if (m_state != State::Loaded) {
        return;
    }
    if (m_toDos.isEmpty() && m_payoutsDue == 0) {
        m_stack->showEmpty(tr("Nothing is waiting for you: no offers to answer, no drafts to "
                              "review and nothing overdue."));
        return;
    }
    const QList<std::pair<ToDo::Kind, QString>> groups{
            {ToDo::Kind::Offer, tr("Offers waiting for your answer")},
            {ToDo::Kind::Review, tr("Drafts to review")},
            {ToDo::Kind::Rework, tr("Drafts to rework")},
            {ToDo::Kind::Overdue, tr("Overdue deliverables")}};
    for (const auto &[kind, title] : groups) {
        QList<ToDo> items;
        for (const ToDo &toDo : std::as_const(m_toDos)) {
            if (toDo.kind == kind) {
                items.append(toDo);
            }
        }
        if (items.isEmpty()) {
            continue;
        }
        const int total = std::max(m_totals.value(kind), static_cast<int>(items.size()));
        auto *group = new QTreeWidgetItem(m_list, {u"%1 (%2)"_s.arg(title).arg(total)});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        for (const ToDo &toDo : std::as_const(items)) {
            auto *item = new QTreeWidgetItem(m_list,
                    {toDo.what, toDo.deal,
                            toDo.due.isValid() ? QLocale().toString(toDo.due, QLocale::ShortFormat)
                                               : QString()});
            item->setData(0, kDealIdRole, toDo.dealId);
            item->setToolTip(1, toDo.deal);
            if (kind == ToDo::Kind::Overdue) {
                item->setForeground(2, QColor(0xc0, 0x1c, 0x28));
            }
        }
        if (total > items.size()) {
            auto *more = new QTreeWidgetItem(m_list,
                    {tr("… and %n more, earliest due shown first", nullptr,
                            total - static_cast<int>(items.size()))});
            more->setFlags(Qt::ItemIsEnabled);
            more->setFirstColumnSpanned(true);
            more->setForeground(0, palette().color(QPalette::PlaceholderText));
        }
    }
    if (m_payoutsDue > 0 && isBrandSide()) {
        auto *group = new QTreeWidgetItem(m_list, {tr("Payouts due (%1)").arg(m_payoutsDue)});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        auto *item = new QTreeWidgetItem(m_list,
                {tr("%n payout(s) waiting for approval", nullptr, m_payoutsDue), tr("Payouts")});
        item->setData(0, kPayoutsRole, true);
        item->setToolTip(0, tr("Opens the payouts page (Enter or double-click)."));
    }
    m_stack->showContent();
    fitToDos(); // the rows have changed
    QTimer::singleShot(0, this, &HomeView::fitToDos); // and once they are laid out
}

void HomeView::fitToDos()
{
    // A stack is as tall as its tallest page: showing the to-dos, it is only as tall as they are.
    const int height = m_stack->state() == StateStack::State::Content ? m_list->sizeHint().height()
                                                                      : QWIDGETSIZE_MAX;
    m_stack->setMaximumHeight(height);
    m_list->setMaximumHeight(height);
}

void HomeView::retranslate()
{
    setWindowTitle(tr("Home"));
    m_title->setText(isBrandSide() && !m_needsBrand ? tr("Your campaigns at a glance")
                                                    : tr("Waiting for you"));
    m_brandSetupText->setText(
            tr("<b>Set up your brand first.</b> Campaigns, invitations and the figures on this "
               "page belong to a brand: give yours its name, website and country, and creators "
               "see who invites them."));
    m_brandSetupButton->setText(tr("Set up &your brand…"));
    m_toDoSection->setTitle(tr("To do"));
    m_dashboard->retranslate();
    m_refresh->setText(tr("&Refresh"));
    m_list->setHeaderLabels({tr("What"), tr("Deal"), tr("Due")});
    switch (m_state) {
    case State::Idle: m_stack->showEmpty(tr("Sign in to see what is waiting for you.")); break;
    case State::Loading: m_stack->showLoading(tr("Looking for what is waiting for you…")); break;
    case State::Error: m_stack->retranslate(); break;
    case State::Loaded: fill(); break;
    }
    m_refresh->setEnabled(m_state == State::Loaded || m_state == State::Error);
}

void HomeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void HomeView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The to-dos change while the user works elsewhere: fresh on every visit.
    if (signedIn(m_session) && m_state != State::Loading) {
        refresh();
    }
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/ProfileApi.h"
#include "widgets/Page.h"

#include <QDate>
#include <QHash>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QScrollArea;
class QTreeWidget;

namespace influence::desktop {

class AnalyticsSection;
class HomeDashboard;
class Session;
class StateStack;

/// The first page. For brand staff, the dashboard (HomeDashboard: KPIs against the previous
/// period, performance over time, spend against budget, top creators and posts, with a period
/// and a campaign filter) around the to-dos; for everyone, what is waiting — offers to answer,
/// drafts to review (brand staff) or to rework (creators), deliverables past their due date,
/// each opening its deal, and payouts due (brand staff), opening the payouts page. Brand staff
/// who act for no brand yet (a new agency) are shown how to set one up instead of figures.
class HomeView : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Error };
    Q_ENUM(State)

    struct ToDo
    {
        enum class Kind { Offer, Review, Rework, Overdue, Payouts };
        Kind kind = Kind::Offer;
        QString dealId;
        QString deal; ///< "Lena Travels × Glacier Trek"
        QString what; ///< "Reel on Instagram", "Offer of €500.00"
        QDate due;
    };

    HomeView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// Items per group asked of the server; the group's title counts them all.
    static constexpr int kItemsPerGroup = 20;

    /// Asks the server again for what waits for the user.
    void refresh();
    State state() const { return m_state; }
    QList<ToDo> toDos() const { return m_toDos; }
    QTreeWidget *list() const { return m_list; }
    HomeDashboard *dashboard() const { return m_dashboard; }
    /// The user is on the brand side and acts for no brand yet: the page offers to set one up.
    bool needsBrand() const { return m_needsBrand; }
    /// The scrolled content (screenshots of the whole page).
    QWidget *scrollContent() const;

    QString crumb() const override { return windowTitle(); }
    /// Forgets every to-do (sign-out).
    void clear();

Q_SIGNALS:
    void dealRequested(const QString &id);
    void campaignRequested(const QString &id);
    void creatorRequested(const QString &id);
    void payoutsRequested();
    /// "Set up your brand…": the user's own brand profile.
    void brandSetupRequested();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void finish(const common::ToDos &toDos);
    void fill();
    void fitToDos();
    void buildLayout();
    bool isBrandSide() const;
    void updateRole();
    QFrame *buildBrandSetup();

    common::CollabApi m_collab;
    common::ProfileApi m_profiles;
    Session *m_session;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    std::optional<common::Error> m_error;
    QList<ToDo> m_toDos;
    QHash<ToDo::Kind, int> m_totals; ///< per kind, all of them (the list shows the first few)

    QLabel *m_title = nullptr;
    QPushButton *m_refresh = nullptr;
    QTreeWidget *m_list = nullptr;
    StateStack *m_stack = nullptr;
    AnalyticsSection *m_toDoSection = nullptr;
    HomeDashboard *m_dashboard = nullptr;
    QScrollArea *m_scroll = nullptr;
    int m_payoutsDue = 0;
    bool m_needsBrand = false;
    QFrame *m_brandSetup = nullptr;
    QLabel *m_brandSetupText = nullptr;
    QPushButton *m_brandSetupButton = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
// The app's window as agency staff see it: the default size and that it remembers another, and
// every page at 1280×800 in English and German, for a brand with a campaign whose deals are at
// several steps and for a creator, with nothing cut off that has no tooltip and none of the
// layout faults of issue 17's screenshots (a table wider than its view or with blank rows below,
// a caption cut off, uneven action buttons, a board that scrolls sideways). The screenshots
// (shell-<page>-<language>.png) are the README's.
#include "DesktopTestSupport.h"
#include "campaigns/CampaignPage.h"
#include "campaigns/CampaignsView.h"
#include "deals/DealCardDelegate.h"
#include "deals/PipelineView.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "home/HomeView.h"
#include "profiles/CreatorProfileView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::CreatorProfileView;
using influence::desktop::DiscoveryModel;
using influence::desktop::MainWindow;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

namespace {

/// Text as drawn: without the mnemonic's ampersand.
QString shown(QString text)
{
    return text.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
}

} // namespace

class TestDesktopLayout : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    /// What is drawn cut off on `page` (buttons, labels without word wrap, table headers) and
    /// carries no tooltip saying it in full.
    QStringList elided(QWidget *page)
    {
        QStringList cut;
        for (QAbstractButton *button : page->findChildren<QAbstractButton *>()) {
            if (!button->isVisibleTo(page) || button->text().isEmpty()
                    || !button->toolTip().isEmpty()) {
                continue;
            }
            const int needed = button->fontMetrics().horizontalAdvance(shown(button->text()));
            if (needed > button->contentsRect().width()) {
                cut << u"button “%1” (%2 px for %3)"_s.arg(shown(button->text()))
                                .arg(button->contentsRect().width())
                                .arg(needed);
            }
        }
        for (QHeaderView *header : page->findChildren<QHeaderView *>()) {
            if (!header->isVisibleTo(page) || !header->model()
                    || header->orientation() != Qt::Horizontal) {
                continue;
            }
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section)) {
                    continue;
                }
                const QString text =
                        header->model()->headerData(section, Qt::Horizontal).toString();
                const bool tip = !header->model()
                                          ->headerData(section, Qt::Horizontal, Qt::ToolTipRole)
                                          .toString()
                                          .isEmpty();
                // The text, the sort indicator's room and the section's margins.
                const int needed = header->fontMetrics().horizontalAdvance(text) + 24;
                if (!text.isEmpty() && !tip && needed > header->sectionSize(section)) {
                    cut << u"header “%1” (%2 px for %3)"_s.arg(text)
                                    .arg(header->sectionSize(section))
                                    .arg(needed);
                }
            }
        }
        return cut;
    }

    /// Shows every page at the window's size in English and German, saves each as
    /// shell-<prefix><page>-<language>.png and adds what is cut off to `problems`.
    /// What agency staff saw in the screenshots of issue 17: a table cut off on the right or
    /// with blank rows below, a caption cut off, uneven action buttons, a board that scrolls
    /// sideways.
    static QStringList layoutFaults(QWidget *page)
    {
        QStringList faults;
        if (auto *accounts = page->findChild<QTableWidget *>(u"accountsTable"_s);
                accounts && accounts->isVisible() && accounts->rowCount() > 0) {
            if (accounts->horizontalHeader()->length() > accounts->viewport()->width()
                    || accounts->horizontalScrollBar()->isVisible()) {
                faults << u"the accounts table's columns (%1 px) are wider than it (%2 px)"_s
                                  .arg(accounts->horizontalHeader()->length())
                                  .arg(accounts->viewport()->width());
            }
            const int blank = accounts->viewport()->height() - accounts->verticalHeader()->length();
            if (blank > accounts->rowHeight(0)) {
                faults << u"the accounts table leaves %1 px blank below its rows"_s.arg(blank);
            }
        }
        for (QLabel *note : page->findChildren<QLabel *>(u"forecastNote"_s)) {
            // Wrapped within the chart, all of its lines shown.
            if (note->isVisible()
                    && (!note->wordWrap()
                            || note->geometry().right() >= note->parentWidget()->width()
                            || note->height() < note->heightForWidth(note->width()))) {
                faults << u"the forecast caption is cut off: “%1”"_s.arg(note->text());
            }
        }
        QList<QPushButton *> actions;
        for (QPushButton *button : page->findChildren<QPushButton *>()) {
            if (button->isVisible()
                    && (button->objectName() == u"campaignPageEditButton"_s
                            || button->objectName().startsWith(u"campaignPage_"_s))) {
                actions << button;
            }
        }
        for (QPushButton *button : std::as_const(actions)) {
            if (button->width() != actions.constFirst()->width()) {
                faults << u"the campaign's action “%1” is %2 px wide, “%3” %4 px"_s
                                  .arg(button->text())
                                  .arg(button->width())
                                  .arg(actions.constFirst()->text())
                                  .arg(actions.constFirst()->width());
            }
        }
        if (auto *toDos = page->findChild<QTreeWidget *>(u"homeToDos"_s);
                toDos && toDos->isVisible() && toDos->topLevelItemCount() > 0) {
            int rows = 0;
            for (int row = 0; row < toDos->topLevelItemCount(); ++row) {
                rows += toDos->visualItemRect(toDos->topLevelItem(row)).height();
            }
            const int rowHeight = toDos->visualItemRect(toDos->topLevelItem(0)).height();
            const int blank = toDos->viewport()->height() - rows;
            if (blank > rowHeight) {
                faults << u"the to-do list leaves %1 px blank below its %2 rows"_s.arg(blank).arg(
                        toDos->topLevelItemCount());
            }
        }
        if (auto *board = page->findChild<QWidget *>(u"pipelineBoard"_s);
                board && board->isVisible()) {
            auto *scroll = qobject_cast<QScrollArea *>(board->parentWidget()->parentWidget());
            if (scroll
                    && (scroll->horizontalScrollBar()->isVisible()
                            || board->width() > scroll->viewport()->width())) {
                faults << u"the board (%1 px) scrolls sideways in %2 px"_s.arg(board->width())
                                  .arg(scroll->viewport()->width());
            }
        }
        // A card's name may be cut off (its tooltip has it whole), its figures not: a fee or a
        // date cut in the middle is a wrong figure.
        for (auto *column : page->findChildren<QListWidget *>()) {
            if (!column->isVisible() || !column->objectName().startsWith(u"column-"_s)) {
                continue;
            }
            const QFontMetrics metrics(column->font());
            for (int row = 0; row < column->count(); ++row) {
                QListWidgetItem *item = column->item(row);
                const int width =
                        desktop::DealCardDelegate::textWidth(column->visualItemRect(item).width());
                const QStringList lines =
                        item->data(desktop::DealCardDelegate::kBodyRole).toString().split(u'\n');
                for (const QString &line : lines) {
                    static const QRegularExpression figure(u"\\d"_s);
                    if (line.contains(figure) && metrics.horizontalAdvance(line) > width) {
                        faults << u"a card cuts off “%1” (%2 px in %3 px)"_s.arg(line)
                                          .arg(metrics.horizontalAdvance(line))
                                          .arg(width);
                    }
                }
            }
        }
        return faults;
    }

    void checkEveryPage(const QString &prefix, QStringList &problems)
    {
        for (const QString &language : {u"en"_s, u"de"_s}) {
            QVERIFY(m_languages->apply(language));
            auto *pages = find<QStackedWidget>(u"pages"_s);
            for (int index = 0; index < pages->count(); ++index) {
                QWidget *page = pages->widget(index);
                m_window->showPage(index);
                // The page's first answers.
                if (page == m_window->discoveryPage()) {
                    QTRY_VERIFY_WITH_TIMEOUT(m_window->discoveryPage()->model()->state()
                                    != DiscoveryModel::State::Loading,
                            kTimeout);
                } else if (page == m_window->homePage()) {
                    QTRY_VERIFY_WITH_TIMEOUT(
                            m_window->homePage()->state() != desktop::HomeView::State::Loading,
                            kTimeout);
                } else if (page == m_window->pipelinePage()) {
                    QTRY_VERIFY_WITH_TIMEOUT(m_window->pipelinePage()->state()
                                    != desktop::PipelineView::State::Loading,
                            kTimeout);
                } else if (page == m_window->campaignsPage()) {
                    QTRY_VERIFY_WITH_TIMEOUT(m_window->campaignsPage()->state()
                                    != desktop::CampaignsView::State::Loading,
                            kTimeout);
                }
                QTest::qWait(200); // the rest, and the layout after it
                const QStringList cut = elided(page) + layoutFaults(page);
                for (const QString &what : cut) {
                    problems << u"%1 (%2): %3"_s.arg(page->objectName(), language, what);
                }
                saveScreenshot(m_window.get(),
                        u"shell-%1%2-%3"_s.arg(prefix, page->objectName(), language));
            }
        }
        QVERIFY(m_languages->apply(u"en"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Closing a window to see what it remembers must not end the test's event loop.
        QApplication::setQuitOnLastWindowClosed(false);
        QVERIFY2(startServer(), qPrintable(m_server->error()));
    }

    void init()
    {
        QSettings().remove(u"window"_s);
        QVERIFY(startApp());
    }

    void cleanup() { stopApp(); }

    void cleanupTestCase()
    {
        reportStalls(u"in the layout"_s);
        stopServer();
    }

    void opensAtTheDefaultSizeAndRemembersIt()
    {
        QCOMPARE(m_window->size(), QSize(1280, 800));
        m_window->resize(1400, 900);
        m_window->close();
        m_window = std::make_unique<MainWindow>(m_api.get(), m_session.get(), m_languages.get());
        QCOMPARE(m_window->size(), QSize(1400, 900));
    }

    void everyPageFitsAt1280x800()
    {
        // Pages as agency staff see them, for the check and the README's screenshots: the demo
        // data's creators (with follower histories) in discovery and on a creator's page, and a
        // brand whose campaign has deals at several steps, one of them waiting for its answer.
        stopApp();
        stopServer();
        tests::TestServer::Options options;
        options.demoData = true;
        QVERIFY2(startServer(options), qPrintable(m_server->error()));
        QVERIFY(startApp());
        const QString creator = signUp(u"influencer"_s);
        const QString creatorToken = login(creator);
        const QString lena = lenaTravelsProfile(creatorToken);
        QVERIFY(!lena.isEmpty());
        const QString brand = signUp(u"brand"_s);
        const QString brandToken = login(brand);
        QVERIFY(brandProfile(brandToken, u"Alpine Boots"_s));
        const QJsonObject body{{u"name"_s, u"Summer in the Alps"_s},
                {u"brief"_s,
                        u"Hut-to-hut hikes in our new boots: one reel and two posts per creator, "
                        "shot on the trail."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s, u"post"_s}},
                {u"targeting"_s,
                        QJsonObject{{u"niches"_s, QJsonArray{u"travel"_s}},
                                {u"countries"_s, QJsonArray{u"AT"_s}}}},
                {u"budgetMinor"_s, 1200000}, {u"currency"_s, u"EUR"_s},
                {u"startDate"_s, QDate::currentDate().toString(Qt::ISODate)},
                {u"endDate"_s, QDate::currentDate().addDays(60).toString(Qt::ISODate)},
                {u"visibility"_s, u"public"_s}};
        const auto created = post(u"/api/v1/campaigns"_s, brandToken, body);
        QCOMPARE(created.status, 201);
        const QString campaign = created.json().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(campaign), brandToken).status, 200);
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), brandToken,
                {{u"influencerId"_s, lena}, {u"offer"_s, tests::reelOffer(80000)}});
        QCOMPARE(invited.status, 201);
        const QString deal = invited.json().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/deals/%1/offers"_s.arg(deal), creatorToken, tests::reelOffer(95000))
                         .status,
                201);
        const QJsonArray top = get(u"/api/v1/influencers?sort=followers&limit=3"_s, brandToken)
                                       .value(u"items"_s)
                                       .toArray();
        QCOMPARE(top.size(), 3);
        for (qsizetype i = 0; i < top.size(); ++i) {
            const QString id = top.at(i).toObject().value(u"id"_s).toString();
            QCOMPARE(post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), brandToken,
                             {{u"influencerId"_s, id},
                                     {u"offer"_s, tests::reelOffer(150000 + i * 25000)}})
                             .status,
                    201);
        }

        signInAs(brand);
        m_window->openCampaignPage(campaign);
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->campaignPage()->state(), desktop::CampaignPage::State::Loaded, kTimeout);
        openDeal(deal);
        m_window->openCreator(top.at(0).toObject().value(u"id"_s).toString());
        CreatorProfileView *creatorPage = m_window->creatorPage();
        QTRY_COMPARE_WITH_TIMEOUT(
                creatorPage->state(), CreatorProfileView::State::Loaded, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!creatorPage->metricsLoading(), kTimeout);
        QStringList problems;
        checkEveryPage(QString(), problems);
        if (QTest::currentTestFailed()) {
            return;
        }
        // The creator's own pages, as she sees them.
        signInAs(creator);
        checkEveryPage(u"creator-"_s, problems);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_MAIN(TestDesktopLayout)
#include "tst_desktop_layout.moc"

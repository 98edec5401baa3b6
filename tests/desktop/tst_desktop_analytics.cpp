// SPDX-License-Identifier: Apache-2.0
// Analytics on the desktop against a real server (offscreen). A brand's campaign with three
// creators whose reels are live, each post with a week of daily figures, and a second campaign
// without posts. Signed in as the brand: Home shows the overview's KPIs (as the API answers
// them, with the change against the previous period), the series, spend against budget, the
// top creators and posts; the period and campaign filters ask the server again; the tables'
// CSV parses back into what they show. The campaign's Analytics tab shows the campaign's
// KPIs, sorts its tables, opens a post's history, and types a day's figures for a live
// deliverable (the server keeps them with the evidence URL). The PDF client report is written
// off the GUI thread and read back with pdftotext: its numbers are the API's. Signed in as a
// creator: their own profile charts views, reach and engagement rate. The stall meter runs
// throughout; screenshots in English and German.
#include "DesktopTestSupport.h"
#include "analytics/CampaignAnalyticsTab.h"
#include "analytics/EmvTablesPage.h"
#include "analytics/MetricsEntryDialog.h"
#include "analytics/PostHistoryDialog.h"
#include "campaigns/CampaignPage.h"
#include "core/db/Connection.h"
#include "home/HomeDashboard.h"
#include "home/HomeView.h"
#include "profiles/CreatorPerformance.h"
#include "profiles/OwnProfileView.h"
#include "widgets/AnalyticsSection.h"
#include "widgets/AnalyticsTable.h"
#include "widgets/AnalyticsText.h"
#include "widgets/CsvExport.h"
#include "widgets/KpiTiles.h"
#include "widgets/PeriodFilter.h"
#include "widgets/TrendChart.h"

#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::AnalyticsTable;
using influence::desktop::AnalyticsText;
using influence::desktop::Kpi;
using influence::tests::as;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

namespace {

QString day(int fromToday)
{
    return QDate::currentDate().addDays(fromToday).toString(Qt::ISODate);
}

QJsonObject offer(qint64 fee)
{
    return {{u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, 1}, {u"dueDate"_s, day(14)}}}},
            {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s},
            {u"usageRights"_s, u"Organic use for 12 months."_s}, {u"maxRevisions"_s, 1},
            {u"paymentTerms"_s,
                    QJsonObject{{u"schedule"_s,
                                        QJsonArray{QJsonObject{
                                                {u"on"_s, u"acceptance"_s}, {u"percent"_s, 100}}}},
                            {u"netDays"_s, 14}}}};
}

/// A KPI's figure from the API's JSON as the app shows it.
QString shown(const QJsonObject &kpis, Kpi kpi, const QString &currency)
{
    return AnalyticsText::text(common::AnalyticsKpis::fromJson(kpis), kpi, currency);
}

} // namespace

class TestDesktopAnalytics : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    struct Creator
    {
        QString name;
        QString email;
        QString token;
        QString profileId;
        QString dealId;
        QString deliverableId;
    };

    std::unique_ptr<server::db::Connection> m_db;
    QString m_brandEmail;
    QString m_brandToken;
    QString m_campaignId;
    QString m_otherCampaignId;
    QList<Creator> m_creators;

    desktop::HomeView *home() { return m_window->homePage(); }
    desktop::HomeDashboard *dashboard() { return home()->dashboard(); }
    desktop::CampaignAnalyticsTab *tab() { return m_window->campaignAnalytics(); }

    Creator newCreator(const QString &name)
    {
        Creator creator;
        creator.name = name;
        creator.email = signUp(u"influencer"_s);
        creator.token = login(creator.email);
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, u"Outdoors."_s},
                {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s},
                {u"languages"_s, QJsonArray{u"de"_s, u"en"_s}}};
        const auto put = m_http->send(
                "PUT", u"/api/v1/me/influencer"_s, tests::compact(profile), as(creator.token));
        creator.profileId = put.json().value(u"id"_s).toString();
        return creator;
    }

    QString launchedCampaign(const QString &name, qint64 budget)
    {
        const QJsonObject body{{u"name"_s, name}, {u"brief"_s, u"Boots on summits."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, budget},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, day(-20)}, {u"endDate"_s, day(40)},
                {u"visibility"_s, u"public"_s}};
        const QString id =
                post(u"/api/v1/campaigns"_s, m_brandToken, body).json().value(u"id"_s).toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brandToken);
        return id;
    }

    /// Invites, accepts, submits, approves and publishes the creator's reel.
    void liveDeal(Creator &creator, const QString &campaign, qint64 fee)
    {
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brandToken,
                {{u"influencerId"_s, creator.profileId}, {u"offer"_s, offer(fee)}});
        QCOMPARE(invited.status, 201);
        creator.dealId = invited.json().value(u"id"_s).toString();
        const QString offerId =
                invited.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        const auto accepted = post(
                u"/api/v1/deals/%1/offers/%2/accept"_s.arg(creator.dealId, offerId), creator.token);
        QCOMPARE(accepted.status, 200);
        creator.deliverableId = accepted.json()[u"deliverables"_s][0][u"id"_s].toString();
        const QString base = u"/api/v1/deliverables/"_s + creator.deliverableId;
        QCOMPARE(post(base + u"/versions"_s, creator.token, {{u"caption"_s, u"Draft"_s}}).status,
                201);
        QCOMPARE(
                post(base + u"/versions/1/review"_s, m_brandToken, {{u"decision"_s, u"approved"_s}})
                        .status,
                200);
        QCOMPARE(post(base + u"/live"_s, creator.token,
                         {{u"url"_s,
                                 QString(u"https://instagram.com/p/"_s + creator.dealId.left(8))}})
                         .status,
                200);
    }

    /// The reel of `creator`, published `daysAgo` days ago, with its lifetime totals growing
    /// day by day since (rows as the daily sync writes them).
    void seedPost(const Creator &creator, int daysAgo, qint64 scale)
    {
        const QString sql =
                u"WITH p AS (INSERT INTO posts (influencer_id, platform, kind, url, caption, "
                "published_at, deliverable_id) SELECT '%1', 'instagram', 'reel', "
                "'https://instagram.com/reel/%2', 'Summit boots on the %3', "
                "now() - interval '%4 days', '%5' RETURNING id) "
                "INSERT INTO post_metrics (post_id, day, views, impressions, reach, likes, "
                "comments, shares, saves, clicks, source, captured_at) "
                "SELECT p.id, current_date - d, %6 * (%4 - d + 1) * 100, "
                "%6 * (%4 - d + 1) * 130, %6 * (%4 - d + 1) * 60, %6 * (%4 - d + 1) * 9, "
                "%6 * (%4 - d + 1), %6 * (%4 - d + 1) / 2, %6 * (%4 - d + 1) / 3, "
                "%6 * (%4 - d + 1) * 2, 'platform', now() - interval '1 hour' "
                "FROM p, generate_series(0, %4) AS d"_s.arg(creator.profileId,
                        creator.dealId.left(8), creator.name, QString::number(daysAgo),
                        creator.deliverableId, QString::number(scale));
        QVERIFY2(m_db->execDirect(sql), qPrintable(sql));
    }

    static QString periodQuery(const common::AnalyticsPeriod &period)
    {
        return period.toUrlQuery().toString(QUrl::FullyEncoded);
    }

    /// The meter of the flow under way, and its longest figures before the test's own blocking
    /// reads (which are no stall of the app's: the meter starts afresh after them).
    tests::StallMeter *m_meter = nullptr;
    struct FlowFigures
    {
        qint64 work = 0;
        qint64 blocked = 0;
        qint64 stall = 0;
        qint64 wall = 0;
        void add(const tests::StallMeter &meter)
        {
            work = qMax(work, meter.longestWorkMs());
            blocked = qMax(blocked, meter.longestBlockedMs());
            stall = qMax(stall, meter.longestMs());
            wall = qMax(wall, meter.longestWallMs());
        }
    };
    FlowFigures m_flow;

    /// The test's own GET, the app's stall meter paused around it.
    tests::HttpReply pausedGet(const QString &path, const QString &token)
    {
        if (m_meter) {
            m_flow.add(*m_meter);
        }
        tests::HttpReply reply = m_http->get(path, as(token));
        if (m_meter) {
            m_meter->reset();
        }
        return reply;
    }

    /// The flow's longest figures (with its name in the measurements); fails when the GUI thread
    /// blocked for more than the limit.
    void recordFlow(const tests::StallMeter &meter, const char *flow)
    {
        FlowFigures figures = std::exchange(m_flow, {});
        figures.add(meter);
        qCInfo(tests::measurements,
                "MEASURE longest turn in %s: %lld ms of work, %lld ms blocked (wall %lld ms)", flow,
                figures.work, figures.blocked, figures.wall);
        m_longestStall = qMax(m_longestStall, figures.stall);
        m_longestWork = qMax(m_longestWork, figures.work);
        m_longestBlocked = qMax(m_longestBlocked, figures.blocked);
        m_longestWallGap = qMax(m_longestWallGap, figures.wall);
        QVERIFY2(figures.blocked <= tests::kBlockedLimitMs,
                qPrintable(u"%1: the GUI thread blocked for %2 ms in one turn"_s
                                   .arg(QString::fromLatin1(flow))
                                   .arg(figures.blocked)));
    }

    QJsonObject overview(const QString &query)
    {
        const auto reply = pausedGet(u"/api/v1/analytics/overview?"_s + query, m_brandToken);
        if (reply.status != 200) {
            qWarning("overview: %d %s", reply.status, reply.body.constData());
        }
        return reply.json();
    }

    QJsonObject campaignAnalytics(const QString &id, const QString &query)
    {
        const auto reply =
                pausedGet(u"/api/v1/analytics/campaigns/%1?%2"_s.arg(id, query), m_brandToken);
        if (reply.status != 200) {
            qWarning("campaign analytics: %d %s", reply.status, reply.body.constData());
        }
        return reply.json();
    }

    /// Every tile shows the API's figure (and, with `previous`, a change).
    void compareTiles(desktop::KpiTiles *tiles, const QJsonObject &json, bool previous)
    {
        const QString currency = json.value(u"currency"_s).toString();
        const QJsonObject kpis = json.value(u"kpis"_s).toObject();
        QVERIFY(!tiles->tiles().isEmpty());
        for (desktop::KpiTile *tile : tiles->tiles()) {
            QCOMPARE(tile->valueText(), shown(kpis, tile->kpi(), currency));
            QVERIFY(!tile->toolTip().isEmpty()); // the formula
            if (previous) {
                QVERIFY2(!tile->changeText().isEmpty(), qPrintable(tile->valueText()));
            }
        }
    }

    /// The table's CSV parsed back has its rows and cells (the header and `filters` first).
    void compareCsv(AnalyticsTable *table, int filters)
    {
        const QList<QStringList> rows = desktop::Csv::parse(table->csv({}));
        QCOMPARE(rows.size(), table->rowCount() + 1);
        Q_UNUSED(filters)
        const int name = 0;
        for (int r = 0; r < table->rowCount(); ++r) {
            QCOMPARE(rows.at(r + 1).at(name), table->text(r, name));
        }
        const int engagements = table->column("Engagements");
        QVERIFY(engagements > 0);
        for (int r = 0; r < table->rowCount(); ++r) {
            QCOMPARE(rows.at(r + 1).at(engagements).toLongLong(),
                    table->data(table->index(r, engagements), AnalyticsTable::RawRole)
                            .toLongLong());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_db = m_server->connect(u"analytics-desktop-test"_s);
        QVERIFY(m_db);

        m_brandEmail = signUp(u"brand"_s);
        m_brandToken = login(m_brandEmail);
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));
        for (const QString &name : {u"Lena Travels"_s, u"Mika Peaks"_s, u"Jonas Trails"_s}) {
            m_creators.append(newCreator(name));
            QVERIFY(!m_creators.last().profileId.isEmpty());
        }
        m_campaignId = launchedCampaign(u"Summit boots"_s, 1500000);
        m_otherCampaignId = launchedCampaign(u"Coastal walks"_s, 500000);
        const QList<qint64> fees{385000, 120000, 95000};
        const QList<int> published{12, 8, 5};
        const QList<qint64> scales{30, 12, 7};
        for (int i = 0; i < m_creators.size(); ++i) {
            liveDeal(m_creators[i], m_campaignId, fees.at(i));
            seedPost(m_creators.at(i), published.at(i), scales.at(i));
        }
        QVERIFY(startApp(QSize(1280, 800)));
    }

    void cleanup()
    {
        m_meter = nullptr;
        m_flow = {};
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the analytics flows"_s);
        m_db.reset();
        stop();
    }

    void homeShowsTheOverview()
    {
        tests::StallMeter stalls;
        m_meter = &stalls;
        signInAs(m_brandEmail);
        QCOMPARE(m_window->currentPage(), home());
        QTRY_COMPARE_WITH_TIMEOUT(
                dashboard()->state(), desktop::HomeDashboard::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(home()->state(), desktop::HomeView::State::Loaded, kTimeout);
        const common::AnalyticsPeriod period = dashboard()->periodFilter()->period();
        QCOMPARE(period.from, QDate::currentDate().addDays(-29));
        const QJsonObject json = overview(periodQuery(period));
        compareTiles(dashboard()->tiles(), json, true);
        // The series, as many intervals as the API's, views first.
        const QJsonArray series = json.value(u"series"_s).toArray();
        QVERIFY(!series.isEmpty());
        const auto &lines = dashboard()->chart()->lines();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.first().points.size(), series.size());
        QCOMPARE(lines.first().points.last().second,
                series.last().toObject().value(u"views"_s).toDouble());
        // Spend against budget: a bar per campaign with a budget.
        for (const auto &value : json.value(u"campaigns"_s).toArray()) {
            const QJsonObject campaign = value.toObject();
            auto *bar = find<QWidget>(u"homeBudgetBar_"_s + campaign.value(u"id"_s).toString());
            QVERIFY(bar);
        }
        // Top creators and posts in the server's order.
        const QJsonArray top = json.value(u"topCreators"_s).toArray();
        QCOMPARE(dashboard()->creatorsTable()->rowCount(), top.size());
        QCOMPARE(dashboard()->creatorsTable()->text(0, 0),
                top.first().toObject().value(u"displayName"_s).toString());
        QCOMPARE(dashboard()->creatorsTable()->text(0, 0), u"Lena Travels"_s);
        QCOMPARE(dashboard()->postsTable()->rowCount(), json.value(u"topPosts"_s).toArray().size());
        compareCsv(dashboard()->creatorsTable(), 0);
        compareCsv(dashboard()->postsTable(), 0);
        recordFlow(stalls, "homeShowsTheOverview");
        saveScreenshot(home()->scrollContent(), u"analytics-home-en"_s);
        saveScreenshot(m_window.get(), u"analytics-home-window-en"_s);
    }

    void homeFilters()
    {
        tests::StallMeter stalls;
        m_meter = &stalls;
        // The last 7 days: asked again, the tiles follow.
        auto *periodBox = find<QComboBox>(u"homePeriodBox"_s);
        QVERIFY(periodBox);
        periodBox->setCurrentIndex(int(desktop::PeriodFilter::Preset::Days7));
        QTRY_COMPARE_WITH_TIMEOUT(
                dashboard()->state(), desktop::HomeDashboard::State::Loaded, kTimeout);
        const common::AnalyticsPeriod week = dashboard()->periodFilter()->period();
        QCOMPARE(week.from, QDate::currentDate().addDays(-6));
        QCOMPARE(dashboard()->overview()->period.from, week.from);
        compareTiles(dashboard()->tiles(), overview(periodQuery(week)), true);
        // One campaign: the one without posts has no views.
        QComboBox *campaigns = dashboard()->campaignBox();
        const int other = campaigns->findData(m_otherCampaignId);
        QVERIFY(other > 0);
        campaigns->setCurrentIndex(other);
        Q_EMIT campaigns->activated(other);
        QTRY_COMPARE_WITH_TIMEOUT(
                dashboard()->state(), desktop::HomeDashboard::State::Loaded, kTimeout);
        const QJsonObject json = overview(periodQuery(week) + u"&campaign="_s + m_otherCampaignId);
        compareTiles(dashboard()->tiles(), json, true);
        QCOMPARE(json[u"kpis"_s][u"views"_s].toInteger(), 0);
        QCOMPARE(dashboard()->tiles()->tile(Kpi::Views)->valueText(), u"0"_s);
        // Back to every campaign and 30 days.
        campaigns->setCurrentIndex(0);
        Q_EMIT campaigns->activated(0);
        periodBox->setCurrentIndex(int(desktop::PeriodFilter::Preset::Days30));
        QTRY_COMPARE_WITH_TIMEOUT(
                dashboard()->state(), desktop::HomeDashboard::State::Loaded, kTimeout);
        QVERIFY(dashboard()->overview()->campaigns.size() >= 2);
        recordFlow(stalls, "homeFilters");
    }

    void campaignAnalyticsTab()
    {
        tests::StallMeter stalls;
        m_meter = &stalls;
        m_window->openCampaignPage(m_campaignId);
        desktop::CampaignPage *page = m_window->campaignPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), desktop::CampaignPage::State::Loaded, kTimeout);
        QVERIFY(page->tabs()->isTabVisible(1));
        page->showAnalytics();
        QTRY_COMPARE_WITH_TIMEOUT(
                tab()->state(), desktop::CampaignAnalyticsTab::State::Loaded, kTimeout);
        const QJsonObject json =
                campaignAnalytics(m_campaignId, periodQuery(tab()->periodFilter()->period()));
        compareTiles(tab()->tiles(), json, false);
        const QJsonArray posts = json.value(u"posts"_s).toArray();
        QCOMPARE(posts.size(), 3);
        QCOMPARE(tab()->postsTable()->rowCount(), 3);
        QCOMPARE(tab()->creatorsTable()->rowCount(), json.value(u"creators"_s).toArray().size());
        // Sorting by engagements, fewest first: the proxy's first row has the least.
        const int engagements = tab()->postsTable()->column("Engagements");
        tab()->postsView()->sortByColumn(engagements, Qt::AscendingOrder);
        qint64 least = std::numeric_limits<qint64>::max();
        for (const auto &value : posts) {
            least = std::min(least, value.toObject().value(u"engagements"_s).toInteger());
        }
        QCOMPARE(tab()->postsView()
                         ->model()
                         ->index(0, engagements)
                         .data(AnalyticsTable::RawRole)
                         .toLongLong(),
                least);
        compareCsv(tab()->postsTable(), 0);
        compareCsv(tab()->creatorsTable(), 0);
        recordFlow(stalls, "campaignAnalyticsTab");
        saveScreenshot(tab()->content(), u"analytics-campaign-en"_s);
        saveScreenshot(m_window.get(), u"analytics-campaign-window-en"_s);

        // A post's history, as its daily rows.
        const QString postId = posts.first().toObject().value(u"id"_s).toString();
        desktop::PostHistoryDialog *history = tab()->openPostHistory(postId);
        QVERIFY(history);
        QTRY_COMPARE_WITH_TIMEOUT(
                history->state(), desktop::PostHistoryDialog::State::Loaded, kTimeout);
        const QJsonObject days =
                pausedGet(u"/api/v1/posts/%1/metrics"_s.arg(postId), m_brandToken).json();
        QCOMPARE(history->daysTable()->rowCount(), days.value(u"days"_s).toArray().size());
        QVERIFY(history->daysTable()->rowCount() >= 6);
        recordFlow(stalls, "postHistory");
        saveScreenshot(history, u"analytics-post-history-en"_s); // the test's own drawing
        history->close();
    }

    void typingADaysFigures()
    {
        tests::StallMeter stalls;
        m_meter = &stalls;
        QVERIFY(tab()->state() == desktop::CampaignAnalyticsTab::State::Loaded);
        desktop::MetricsEntryDialog *dialog = tab()->openMetricsEntry();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(
                dialog->state(), desktop::MetricsEntryDialog::State::Ready, kTimeout);
        QCOMPARE(dialog->deliverableBox()->count(), 3);
        const Creator &jonas = m_creators.at(2);
        QVERIFY(dialog->selectDeliverable(jonas.deliverableId));
        // An evidence address that is not https is refused before anything is sent.
        QTest::keyClicks(dialog->field(desktop::Metric::Views), u"90000"_s);
        QTest::keyClicks(dialog->field(desktop::Metric::Likes), u"4100"_s);
        QTest::keyClicks(dialog->evidenceEdit(), u"http://example.com/shot.png"_s);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(dialog->messageLabel()->text().contains(u"https"_s));
        QCOMPARE(dialog->state(), desktop::MetricsEntryDialog::State::Ready);
        dialog->evidenceEdit()->setText(u"https://example.com/insights/jonas.png"_s);
        recordFlow(stalls, "typingADaysFigures");
        saveScreenshot(dialog, u"analytics-enter-figures-en"_s); // the test's own drawing
        stalls.reset();
        QPointer<desktop::MetricsEntryDialog> guard(dialog);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!guard, kTimeout); // closed once the server took them
        QTRY_COMPARE_WITH_TIMEOUT(
                tab()->state(), desktop::CampaignAnalyticsTab::State::Loaded, kTimeout);
        // The server keeps the day's figures as typed, with their source and evidence.
        const QJsonObject analytics = campaignAnalytics(m_campaignId, {});
        QString postId;
        for (const auto &value : analytics.value(u"posts"_s).toArray()) {
            if (value[u"deliverableId"_s].toString() == jonas.deliverableId) {
                postId = value[u"id"_s].toString();
            }
        }
        QVERIFY(!postId.isEmpty());
        const QJsonArray days = pausedGet(u"/api/v1/posts/%1/metrics"_s.arg(postId), m_brandToken)
                                        .json()[u"days"_s]
                                        .toArray();
        QVERIFY(!days.isEmpty());
        const QJsonObject today = days.last().toObject();
        QCOMPARE(today[u"day"_s].toString(), day(0));
        QCOMPARE(today[u"views"_s].toInteger(), 90000);
        QCOMPARE(today[u"likes"_s].toInteger(), 4100);
        QCOMPARE(today[u"source"_s].toString(), u"manual"_s);
        QCOMPARE(today[u"evidenceUrl"_s].toString(), u"https://example.com/insights/jonas.png"_s);
        QVERIFY(tab()->findChild<QLabel *>(u"campaignAnalyticsMessage"_s)
                        ->text()
                        .contains(QLocale().toString(QDate::currentDate(), QLocale::ShortFormat)));
        recordFlow(stalls, "typingADaysFigures");
    }

    void pdfReport()
    {
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        QVERIFY(tab()->state() == desktop::CampaignAnalyticsTab::State::Loaded);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"report.pdf"_s);
        tests::StallMeter stalls;
        m_meter = &stalls;
        QSignalSpy written(tab(), &desktop::CampaignAnalyticsTab::reportWritten);
        QElapsedTimer timer;
        timer.start();
        tab()->writeReport(path);
        QVERIFY(tab()->isWritingReport());
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, kTimeout);
        qCInfo(tests::measurements, "MEASURE campaign PDF report written in %lld ms",
                timer.elapsed());
        recordFlow(stalls, "pdfReport");
        QCOMPARE(written.first().at(1).toString(), QString());
        QFile::copy(path, tests::outputDir() + u"/analytics-report.pdf"_s);

        QProcess process;
        process.start(pdftotext, {u"-layout"_s, path, u"-"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        qCInfo(tests::measurements, "MEASURE report text: %lld characters", text.size());
        QVERIFY(text.contains(u"Summit boots"_s));
        // The numbers are the API's, for the same period.
        const QJsonObject json =
                campaignAnalytics(m_campaignId, periodQuery(tab()->periodFilter()->period()));
        const QJsonObject kpis = json.value(u"kpis"_s).toObject();
        const QString currency = json.value(u"currency"_s).toString();
        for (const Kpi kpi :
                {Kpi::Posts, Kpi::Reach, Kpi::Impressions, Kpi::Views, Kpi::Engagements,
                        Kpi::EngagementRate, Kpi::Spend, Kpi::Cpe, Kpi::Emv, Kpi::Roi}) {
            const QString value = shown(kpis, kpi, currency);
            QVERIFY2(text.contains(value),
                    qPrintable(u"%1 = %2 is not in the report"_s.arg(
                            AnalyticsText::kpiName(kpi), value)));
        }
        for (const auto &value : json.value(u"creators"_s).toArray()) {
            const QJsonObject creator = value.toObject();
            QVERIFY(text.contains(creator[u"displayName"_s].toString()));
            QVERIFY(text.contains(AnalyticsText::count(creator[u"engagements"_s].toInteger())));
        }
        QVERIFY(text.contains(json[u"emvTable"_s][u"name"_s].toString()));
        QVERIFY(text.contains(u"Engagements / reach"_s)); // a formula
        QVERIFY(text.contains(u"EMV table used"_s));
    }

    void germanScreenshots()
    {
        // Each page asks again when shown: wait for that answer (not the English one still on
        // screen) and the layout after it.
        QVERIFY(m_languages->apply(u"de"_s));
        QSignalSpy homeStates(dashboard(), &desktop::HomeDashboard::stateChanged);
        m_window->showPage(home());
        QTRY_VERIFY_WITH_TIMEOUT(
                homeStates.contains({QVariant::fromValue(desktop::HomeDashboard::State::Loaded)}),
                kTimeout);
        QTest::qWait(200);
        QCOMPARE(dashboard()->trendSection()->title(), u"Entwicklung im Zeitraum"_s);
        saveScreenshot(home()->scrollContent(), u"analytics-home-de"_s);
        QSignalSpy tabStates(tab(), &desktop::CampaignAnalyticsTab::stateChanged);
        m_window->openCampaignPage(m_campaignId);
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->campaignPage()->state(), desktop::CampaignPage::State::Loaded, kTimeout);
        m_window->campaignPage()->showAnalytics();
        QTRY_VERIFY_WITH_TIMEOUT(tabStates.contains({QVariant::fromValue(
                                         desktop::CampaignAnalyticsTab::State::Loaded)}),
                kTimeout);
        QTest::qWait(200);
        saveScreenshot(tab()->content(), u"analytics-campaign-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
    }

    void aChartOfZerosHasWholeNumberTicks()
    {
        // A new campaign's figures are all zero: the count axis must not read "0, 0, 0, 1, 1".
        desktop::TrendChart chart;
        const QDate today = QDate::currentDate();
        chart.setLines({{u"Views"_s, {{today.addDays(-2), 0.0}, {today, 0.0}}, false, false, true,
                                desktop::TrendChart::colorFor(0)},
                {u"Engagements"_s, {{today.addDays(-2), 0.0}, {today, 0.0}}, true, false, false,
                        desktop::TrendChart::colorFor(1)}});
        const QList<QAbstractAxis *> axes = chart.chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 2);
        for (QAbstractAxis *abstract : axes) {
            auto *axis = qobject_cast<QValueAxis *>(abstract);
            QVERIFY(axis);
            QCOMPARE(axis->min(), 0.0);
            const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
            QVERIFY2(step >= 1.0 && step == std::floor(step),
                    qPrintable(u"%1 to %2 in %3 ticks"_s.arg(axis->min())
                                       .arg(axis->max())
                                       .arg(axis->tickCount())));
        }
    }

    void anEmptyTableSaysSo()
    {
        // Figures arrived with no rows (a new campaign's top posts): not a blank box.
        desktop::AnalyticsTable model;
        QTableView *view = desktop::AnalyticsTable::makeView(&model, u"emptyPosts"_s, 5);
        view->resize(500, 120);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        model.setPosts({}, u"EUR"_s);
        model.clear(); // loading: nothing said yet
        const QImage loading = view->viewport()->grab().toImage();
        model.setPosts({}, u"EUR"_s);
        QVERIFY(model.isFilled());
        QCOMPARE(model.rowCount(), 0);
        const QImage empty = view->viewport()->grab().toImage();
        QVERIFY(loading != empty);
        // The sentence is drawn in the middle, where the loading view is blank.
        const QPoint middle = view->viewport()->rect().center();
        bool drawn = false;
        for (int x = middle.x() - 60; x < middle.x() + 60 && !drawn; ++x) {
            for (int y = middle.y() - 8; y < middle.y() + 8 && !drawn; ++y) {
                drawn = empty.pixel(x, y) != loading.pixel(x, y);
            }
        }
        QVERIFY(drawn);
        delete view;
    }

    void creatorsSeeNoBrandFigures()
    {
        signInAs(m_creators.first().email);
        m_window->showPage(home());
        QTRY_COMPARE_WITH_TIMEOUT(home()->state(), desktop::HomeView::State::Loaded, kTimeout);
        QVERIFY(!dashboard()->tiles()->isVisibleTo(home()));
        QCOMPARE(dashboard()->state(), desktop::HomeDashboard::State::Idle);
        m_window->openCampaignPage(m_campaignId);
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->campaignPage()->state(), desktop::CampaignPage::State::Loaded, kTimeout);
        QVERIFY(!m_window->campaignPage()->tabs()->isTabVisible(1));
    }

    void creatorsOwnPerformance()
    {
        // Still signed in as Lena: her own profile page charts views, reach and engagement
        // rate from her analytics, as the API answers them.
        tests::StallMeter stalls;
        m_meter = &stalls;
        const Creator &lena = m_creators.first();
        m_window->showPage(m_window->ownProfilePage());
        auto *performance = find<desktop::CreatorPerformance>(u"ownPerformance"_s);
        QVERIFY(performance);
        QTRY_COMPARE_WITH_TIMEOUT(
                performance->state(), desktop::CreatorPerformance::State::Loaded, kTimeout);
        const auto reply =
                pausedGet(u"/api/v1/analytics/creators/%1?from=%2&to=%3&interval=day"_s.arg(
                                  lena.profileId, day(-29), day(0)),
                        lena.token);
        QCOMPARE(reply.status, 200);
        const QJsonObject kpis = reply.json().value(u"kpis"_s).toObject();
        QCOMPARE(performance->tiles()->tile(Kpi::Views)->valueText(),
                AnalyticsText::count(kpis.value(u"views"_s).toInteger()));
        QVERIFY(kpis.value(u"views"_s).toInteger() > 0);
        QCOMPARE(performance->tiles()->tile(Kpi::EngagementRate)->valueText(),
                AnalyticsText::percent(kpis.value(u"engagementRate"_s).isDouble()
                                ? std::optional(kpis.value(u"engagementRate"_s).toDouble())
                                : std::nullopt,
                        2));
        const auto &lines = performance->chart()->lines();
        QCOMPARE(lines.size(), 3); // views, reach, engagement rate
        QVERIFY(lines.at(2).percent && lines.at(2).rightAxis);
        QCOMPARE(performance->postsTable()->rowCount(),
                reply.json().value(u"posts"_s).toArray().size());
        recordFlow(stalls, "creatorsOwnPerformance");
        saveScreenshot(m_window.get(), u"analytics-own-profile-en"_s);
        saveScreenshot(performance, u"analytics-own-performance-en"_s);
        // Brand staff see the same on the creator's profile.
        signInAs(m_brandEmail);
        m_window->openCreator(lena.profileId);
        auto *onProfile = find<desktop::CreatorPerformance>(u"creatorPerformance"_s);
        QVERIFY(onProfile);
        QTRY_COMPARE_WITH_TIMEOUT(
                onProfile->state(), desktop::CreatorPerformance::State::Loaded, kTimeout);
        QCOMPARE(onProfile->tiles()->tile(Kpi::Views)->valueText(),
                AnalyticsText::count(kpis.value(u"views"_s).toInteger()));
    }

    void brandOwnerSetsItsEmvValues()
    {
        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        desktop::EmvTablesPage *page = m_window->emvTablesPage();
        m_window->showPage(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), desktop::EmvTablesPage::State::Loaded, kTimeout);
        // The brand's campaigns are in EUR: shown first, the defaults until it has its own.
        QCOMPARE(page->currency(), u"EUR"_s);
        QVERIFY(page->shown() && !page->shown()->custom);
        const common::EmvTable defaults = *page->shown();
        QTableWidget *table = page->table();
        int instagram = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->data(Qt::UserRole).toString() == u"instagram"_s) {
                instagram = row;
            }
        }
        QVERIFY(instagram >= 0);
        const auto defaultRate = std::find_if(defaults.rates.cbegin(), defaults.rates.cend(),
                [](const common::EmvTable::Rate &rate) {
                    return rate.platform == u"instagram"_s;
                });
        QVERIFY(defaultRate != defaults.rates.cend());
        // Shown in euros: minor units ÷ 100 (a default of 2 cents per like reads 0.02).
        QCOMPARE(QLocale().toDouble(
                         table->item(instagram, desktop::EmvTablesPage::LikeColumn)->text()),
                defaultRate->perLikeMinor / 100.0);

        // Something that is not a number is named, and nothing is sent.
        QSignalSpy requests(m_api.get(), &common::ApiClient::requestStarted);
        table->item(instagram, desktop::EmvTablesPage::CommentColumn)->setText(u"lots"_s);
        QVERIFY(!page->save());
        QVERIFY2(page->statusText().contains(u"Per comment"_s), qPrintable(page->statusText()));
        QCOMPARE(requests.count(), 0);

        // 0.05 € per like and 0.0125 € per comment (1.25 cents: two more decimals than the euro).
        table->item(instagram, desktop::EmvTablesPage::LikeColumn)->setText(u"0.05"_s);
        table->item(instagram, desktop::EmvTablesPage::CommentColumn)->setText(u"0.0125"_s);
        QVERIFY(page->save());
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), desktop::EmvTablesPage::State::Loaded, kTimeout);
        QVERIFY2(page->statusText().startsWith(u"Saved"_s), qPrintable(page->statusText()));
        QVERIFY(page->shown() && page->shown()->custom);
        record(stalls);
        tests::saveScreenshot(m_window.get(), u"analytics-emv-values-en"_s);

        // The server holds exactly that, and every other value as it was.
        const QJsonArray tables =
                get(u"/api/v1/analytics/emv-tables"_s, m_brandToken).value(u"items"_s).toArray();
        QJsonObject own;
        for (const auto &value : tables) {
            if (value[u"currency"_s] == u"EUR"_s && value[u"custom"_s].toBool()) {
                own = value.toObject();
            }
        }
        QVERIFY(!own.isEmpty());
        for (const auto &value : own.value(u"rates"_s).toArray()) {
            const QJsonObject rate = value.toObject();
            if (rate[u"platform"_s] != u"instagram"_s) {
                continue;
            }
            QCOMPARE(rate[u"perLikeMinor"_s].toDouble(), 5.0);
            QCOMPARE(rate[u"perCommentMinor"_s].toDouble(), 1.25);
            QCOMPARE(rate[u"perViewMinor"_s].toDouble(), defaultRate->perViewMinor);
            QCOMPARE(rate[u"perMilleImpressionsMinor"_s].toDouble(),
                    defaultRate->perMilleImpressionsMinor);
        }
    }
};

QTEST_MAIN(TestDesktopAnalytics)
#include "tst_desktop_analytics.moc"

// SPDX-License-Identifier: Apache-2.0
// A creator's profile page against a real server seeded with demo creators (offscreen): opened
// from a discovery row with Enter, details and accounts, one follower chart per account and a
// combined one whose series have as many points as the API answers for the chosen range,
// switching the range, hover values, PNG export, the error state with Retry, and leaving the
// page aborting its requests; the forecast bands drawn from the API's numbers, and a failed
// forecast leaving the history alone. Measures start-up, memory and event-loop stalls.
#include "DesktopTestSupport.h"
#include "common/Money.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "profiles/CreatorProfileView.h"
#include "profiles/ForecastBands.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::CreatorProfileView;
using influence::desktop::DiscoveryModel;
using influence::desktop::ForecastBands;
using influence::desktop::MainWindow;
using influence::desktop::Session;
using influence::tests::outputDir;
using influence::tests::saveScreenshot;

namespace {

QLineSeries *firstLine(QChartView *view)
{
    const auto series = view->chart()->series();
    return series.isEmpty() ? nullptr : qobject_cast<QLineSeries *>(series.constFirst());
}

} // namespace

class TestDesktopProfile : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    CreatorProfileView *page() { return m_window->creatorPage(); }
    DiscoveryModel *discovery() { return m_window->discoveryPage()->model(); }

    /// What the API answers for an account over the page's current span (blocking: test only).
    int apiPointCount(const QString &accountId)
    {
        const CreatorProfileView::Span span = page()->currentSpan();
        QUrlQuery query;
        query.addQueryItem(u"from"_s, span.from.toString(Qt::ISODate));
        query.addQueryItem(u"to"_s, span.to.toString(Qt::ISODate));
        query.addQueryItem(u"interval"_s, span.interval);
        const tests::HttpReply reply =
                m_http->get(u"/api/v1/connected-accounts/%1/metrics?%2"_s.arg(
                                    accountId, query.toString(QUrl::FullyEncoded)),
                        {{"Authorization", "Bearer " + m_api->accessToken().toLatin1()}});
        if (reply.status != 200) {
            qWarning("metrics: HTTP %d %s", reply.status, reply.body.constData());
            return -1;
        }
        return static_cast<int>(reply.json().value(u"points"_s).toArray().size());
    }

    /// Every account chart (and the combined one) has as many points as the API answers.
    void compareWithApi()
    {
        const QList<common::ConnectedAccount> accounts = page()->profile().accounts;
        const QList<QChartView *> charts = page()->accountCharts();
        QCOMPARE(charts.size(), accounts.size());
        QSet<qreal> dates;
        for (int i = 0; i < accounts.size(); ++i) {
            QLineSeries *series = firstLine(charts.at(i));
            QVERIFY(series);
            QCOMPARE(series->count(), apiPointCount(accounts.at(i).id));
            for (const QPointF &point : series->points()) {
                dates.insert(point.x());
            }
        }
        // The combined chart: the total first, then one series per account.
        QLineSeries *total = firstLine(page()->combinedChart());
        QVERIFY(total);
        QCOMPARE(total->count(), dates.size());
        QCOMPARE(page()->combinedChart()->chart()->series().size(), accounts.size() + 1);
    }

    int totalPoints() { return static_cast<int>(firstLine(page()->combinedChart())->count()); }

    bool forecastsLoading()
    {
        const QList<ForecastBands *> forecasts = page()->accountForecasts();
        return std::any_of(forecasts.begin(), forecasts.end(), [](const ForecastBands *bands) {
            return bands->state() == ForecastBands::State::Loading;
        });
    }

    /// The histories, and the forecasts they start, have arrived.
    void waitForMetrics()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
                page()->state() == CreatorProfileView::State::Loaded && !page()->metricsLoading(),
                15000);
        QTRY_VERIFY_WITH_TIMEOUT(!forecastsLoading(), 15000);
    }

    /// `series`' y values are `key` of the API's forecast points, day by day.
    static void compareBand(const QLineSeries *series, const QJsonArray &points, const char *key)
    {
        QVERIFY(series);
        QCOMPARE(series->count(), points.size());
        for (int i = 0; i < series->count(); ++i) {
            const QJsonObject point = points.at(i).toObject();
            QCOMPARE(series->at(i).y(), point.value(QLatin1String(key)).toDouble());
            const QDate date = QDate::fromString(point.value(u"date"_s).toString(), Qt::ISODate);
            QCOMPARE(series->at(i).x(),
                    static_cast<qreal>(date.startOfDay(Qt::UTC).toMSecsSinceEpoch()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        tests::TestServer::Options options;
        options.demoData = true;
        QVERIFY2(startServer(options), qPrintable(m_server->error()));
        const QString email =
                u"agency-%1@example.com"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
        const QString password = QUuid::createUuid().toString(QUuid::Id128);
        QCOMPARE(m_http->postJson(u"/api/v1/auth/register"_s,
                               {{u"email"_s, email}, {u"password"_s, password},
                                       {u"role"_s, u"brand"_s}})
                         .status,
                201);

        QElapsedTimer startUp;
        startUp.start();
        QVERIFY(startApp());
        qCInfo(tests::measurements, "MEASURE start-up to the first usable window: %lld ms",
                startUp.elapsed());
        m_session->signIn(email, password);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedIn, 15000);
        m_window->showPage(m_window->discoveryPage());
        QTRY_COMPARE_WITH_TIMEOUT(discovery()->state(), DiscoveryModel::State::Loaded, 15000);
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the profile flows"_s);
        stop();
    }

    void enterOnARowOpensTheProfileWithCharts()
    {
        tests::StallMeter stalls;
        // Sorted by followers: the first creators have verified accounts with history.
        auto *sort = find<QComboBox>(u"sortBox"_s);
        sort->setCurrentIndex(sort->findData(u"followers"_s));
        QTRY_COMPARE_WITH_TIMEOUT(discovery()->query().sort, u"followers"_s, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(discovery()->state(), DiscoveryModel::State::Loaded, 15000);
        auto *table = find<QTableView>(u"discoveryTable"_s);
        table->setFocus();
        table->setCurrentIndex(discovery()->index(0, 0));
        const QString id = discovery()->index(0, 0).data(DiscoveryModel::IdRole).toString();
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), page());
        QCOMPARE(page()->creatorId(), id);
        waitForMetrics();
        QCOMPARE(find<QLabel>(u"creatorName"_s)->text(), page()->profile().details.displayName);
        QVERIFY(!page()->profile().accounts.isEmpty());
        QCOMPARE(find<QTableWidget>(u"accountsTable"_s)->rowCount(),
                page()->profile().accounts.size());
        // Rates in the user's money format, with the currency's symbol ("€1,234.00").
        if (!page()->profile().details.rates.isEmpty()) {
            const common::Money &price = page()->profile().details.rates.constFirst().price;
            const QString rates = find<QLabel>(u"ratesValue"_s)->text();
            QVERIFY2(rates.contains(common::formatMoney(price)), qPrintable(rates));
            QVERIFY2(!rates.contains(price.currency), qPrintable(rates));
        }
        QCOMPARE(page()->range(), CreatorProfileView::Range::Days90);
        QCOMPARE(page()->currentSpan().interval, u"day"_s);
        compareWithApi();
        QVERIFY2(totalPoints() > 0, "the seeded creator has a metric history");
        saveScreenshot(m_window.get(), u"creator-profile"_s);
        record(stalls);
    }

    void switchingTheRangeChangesThePoints()
    {
        tests::StallMeter stalls;
        const int ninetyDays = totalPoints();
        auto *range = find<QComboBox>(u"rangeBox"_s);
        range->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::Days30));
        QVERIFY(page()->metricsLoading());
        waitForMetrics();
        QCOMPARE(page()->currentSpan().interval, u"day"_s);
        QCOMPARE(page()->currentSpan().from.daysTo(page()->currentSpan().to), 29);
        compareWithApi();
        QVERIFY2(totalPoints() != ninetyDays,
                qPrintable(u"30 d: %1 points, 90 d: %2"_s.arg(totalPoints()).arg(ninetyDays)));
        saveScreenshot(m_window.get(), u"creator-profile-30d"_s);

        range->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::Year));
        waitForMetrics();
        QCOMPARE(page()->currentSpan().interval, u"week"_s);
        compareWithApi();
        QVERIFY(totalPoints() > 0 && totalPoints() < ninetyDays);

        range->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::All));
        waitForMetrics();
        compareWithApi();
        range->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::Days90));
        waitForMetrics();
        QCOMPARE(totalPoints(), ninetyDays);
        record(stalls);
    }

    void hoverShowsTheValue()
    {
        QLineSeries *series = firstLine(page()->accountCharts().constFirst());
        QVERIFY(series && series->count() > 0);
        const QPointF point = series->at(series->count() - 1);
        Q_EMIT series->hovered(point, true);
        const QString text = find<QLabel>(u"hoverLabel"_s)->text();
        QVERIFY2(text.contains(QLocale().toString(static_cast<qint64>(point.y()))),
                qPrintable(text));
        QVERIFY2(text.contains(page()->profile().accounts.constFirst().handle), qPrintable(text));
        Q_EMIT series->hovered(point, false);
        QVERIFY(find<QLabel>(u"hoverLabel"_s)->text().isEmpty());
    }

    void exportWritesAPng()
    {
        const QString path = outputDir() + u"/creator-chart.png"_s;
        QFile::remove(path);
        QVERIFY(CreatorProfileView::exportChart(page()->combinedChart(), path));
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 0 && image.height() > 0);

        // Through the button and its (non-native, non-blocking) file dialog.
        const QString viaDialog = outputDir() + u"/creator-chart-dialog.png"_s;
        QFile::remove(viaDialog);
        QTest::mouseClick(find<QPushButton>(u"exportButton"_s), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page()->findChild<QFileDialog *>(u"exportDialog"_s)) != nullptr
                && dialog->isVisible());
        dialog->selectFile(viaDialog);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, protected there
        QTRY_VERIFY(QFile::exists(viaDialog));
        QVERIFY(!QImage(viaDialog).isNull());
    }

    void leavingThePageAbortsItsRequests()
    {
        QSignalSpy aborted(m_api.get(), &common::ApiClient::callAborted);
        const QString id = page()->creatorId();
        m_window->openCreator(id);
        QCOMPARE(page()->state(), CreatorProfileView::State::Loading);
        m_window->showPage(m_window->discoveryPage()); // before any answer can arrive
        QCOMPARE(aborted.count(), 1);
        QVERIFY(aborted.constFirst().constFirst().toString().startsWith(u"/api/v1/influencers/"_s));
        QVERIFY(page()->state() != CreatorProfileView::State::Failed);
        // Back on the page, it asks again.
        m_window->showPage(m_window->creatorPage());
        waitForMetrics();
        QCOMPARE(page()->creatorId(), id);

        // Leaving while the histories load aborts those.
        aborted.clear();
        find<QComboBox>(u"rangeBox"_s)
                ->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::Days30));
        QVERIFY(page()->metricsLoading());
        m_window->showPage(m_window->discoveryPage());
        QCOMPARE(aborted.count(), page()->profile().accounts.size());
        m_window->showPage(m_window->creatorPage());
        waitForMetrics();
        compareWithApi();
    }

    /// Each account chart with a history shows the next 30 days as the API forecasts them: the
    /// 80 % and 95 % bands between lo and hi, the mean dashed, model and MASE in the note.
    void forecastBandsAreDrawnFromTheApi()
    {
        // The profile opened afresh over 90 days; the meter runs from the histories' arrival
        // until the forecasts are drawn (their requests leave a turn after each history).
        find<QComboBox>(u"rangeBox"_s)
                ->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::Days90));
        waitForMetrics();
        m_window->openCreator(page()->creatorId());
        QTRY_VERIFY_WITH_TIMEOUT(
                page()->state() == CreatorProfileView::State::Loaded && !page()->metricsLoading(),
                15000);
        tests::StallMeter stalls;
        waitForMetrics();
        qCInfo(tests::measurements,
                "MEASURE longest event-loop stall while the forecasts arrive and are drawn: "
                "%lld ms",
                stalls.longestMs());
        const QList<common::ConnectedAccount> accounts = page()->profile().accounts;
        const QList<ForecastBands *> forecasts = page()->accountForecasts();
        QCOMPARE(forecasts.size(), accounts.size());
        int shown = 0;
        for (int i = 0; i < accounts.size(); ++i) {
            ForecastBands *bands = forecasts.at(i);
            if (bands->state() != ForecastBands::State::Shown) {
                continue;
            }
            ++shown;
            const tests::HttpReply reply = m_http->get(
                    u"/api/v1/connected-accounts/%1/forecast?metric=followers&horizon=30&levels=80,95"_s
                            .arg(accounts.at(i).id),
                    {{"Authorization", "Bearer " + m_api->accessToken().toLatin1()}});
            QCOMPARE(reply.status, 200);
            const QJsonArray points = reply.json().value(u"points"_s).toArray();
            QCOMPARE(points.size(), ForecastBands::kHorizon);
            compareBand(bands->band(0)->upperSeries(), points, "hi80");
            compareBand(bands->band(0)->lowerSeries(), points, "lo80");
            compareBand(bands->band(1)->upperSeries(), points, "hi95");
            compareBand(bands->band(1)->lowerSeries(), points, "lo95");
            compareBand(bands->meanLine(), points, "mean");
            QVERIFY(page()->accountCharts().at(i)->chart()->series().contains(bands->band(1)));
            const QString model = reply.json().value(u"model"_s).toString();
            QVERIFY2(bands->note().contains(model), qPrintable(bands->note()));
            QVERIFY2(bands->note().contains(u"MASE"_s), qPrintable(bands->note()));
            auto *note = page()->accountCharts().at(i)->findChild<QLabel *>(u"forecastNote"_s);
            QVERIFY(note && note->text() == bands->note());
            // The axes make room for the bands: the time axis reaches their last day.
            auto *time = qobject_cast<QDateTimeAxis *>(
                    page()->accountCharts().at(i)->chart()->axes(Qt::Horizontal).constFirst());
            QVERIFY(time);
            QCOMPARE(time->max().toMSecsSinceEpoch(),
                    static_cast<qint64>(bands->meanLine()->at(ForecastBands::kHorizon - 1).x()));
        }
        QVERIFY2(shown > 0, "the seeded creator's accounts with a history have a forecast");
        saveScreenshot(m_window.get(), u"creator-profile-forecast"_s);
        saveScreenshot(page()->accountCharts().constFirst(), u"creator-forecast-bands"_s);
        record(stalls);
    }

    /// A forecast that fails says so on its chart and leaves the history drawn.
    void aFailedForecastKeepsTheHistory()
    {
        QChartView view(new QChart);
        auto *history = new QLineSeries;
        history->append(0, 1);
        history->append(86'400'000, 2);
        view.chart()->addSeries(history);
        ForecastBands bands(m_api.get(), this, &view);
        bands.load(QUuid::createUuid().toString(QUuid::WithoutBraces)); // no such account
        QCOMPARE(bands.state(), ForecastBands::State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(bands.state(), ForecastBands::State::Failed, 15000);
        QCOMPARE(view.chart()->series(), QList<QAbstractSeries *>{history});
        QVERIFY(!bands.band(0) && !bands.meanLine());
        auto *note = view.findChild<QLabel *>(u"forecastNote"_s);
        QVERIFY(note && !note->isHidden());
        QVERIFY2(note->text().startsWith(u"No forecast: "_s), qPrintable(note->text()));
    }

    void unknownCreatorShowsTheProblemWithRetry()
    {
        m_window->openCreator(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), CreatorProfileView::State::Failed, 15000);
        QCOMPARE(page()->error().code, common::ErrorCode::NotFound);
        // The shared StateStack shows the headline and the server's detail in one label.
        const QString error = find<QLabel>(u"profileError"_s)->text();
        QVERIFY2(error.startsWith(u"This was not found. It may have been deleted."_s),
                qPrintable(error));
        QVERIFY(error.contains(u"No such creator"_s));
        auto *retry = find<QPushButton>(u"retryProfileButton"_s);
        QVERIFY(retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), CreatorProfileView::State::Failed, 15000);
        saveScreenshot(m_window.get(), u"creator-profile-error"_s);
    }
};

QTEST_MAIN(TestDesktopProfile)
#include "tst_desktop_profile.moc"

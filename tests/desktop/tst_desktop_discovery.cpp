// SPDX-License-Identifier: Apache-2.0
// The discovery page against a real server seeded with demo creators (offscreen): the first page
// loads after sign-in, a filter narrows the result after the debounce, scrolling to the end loads
// the next page, leaving the page drops the request in flight. The event loop never stalls.
#include "DesktopTestSupport.h"
#include "app/SettingsView.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::DiscoveryModel;
using influence::desktop::MainWindow;
using influence::desktop::Session;
using influence::tests::saveScreenshot;

namespace {

/// Resident memory of this process in kB (Linux), 0 if unknown.
qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return 0;
}

} // namespace

class TestDesktopDiscovery : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    DiscoveryModel *model() { return find<desktop::DiscoveryView>(u"discoveryPage"_s)->model(); }

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
    }

    void cleanupTestCase()
    {
        qCInfo(tests::measurements,
                "MEASURE longest event-loop stall during the discovery flows: %lld ms of "
                "GUI-thread work (longest wall-clock gap %lld ms)",
                m_longestStall, m_longestWallGap);
        stop();
    }

    void firstPageAfterSignIn()
    {
        tests::StallMeter stalls;
        QCOMPARE(m_window->currentPage()->objectName(), u"discoveryPage"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model()->state() != DiscoveryModel::State::Loading
                        && model()->state() != DiscoveryModel::State::Idle,
                15000);
        QVERIFY2(model()->state() == DiscoveryModel::State::Loaded,
                qPrintable(model()->error().detail + u" / "_s + model()->error().title()));
        QCOMPARE(model()->rowCount(), 50);
        QVERIFY2(model()->total() >= 100, qPrintable(QString::number(model()->total())));
        QVERIFY(find<QLabel>(u"resultCount"_s)->text().startsWith(u"Creators found: "_s));
        saveScreenshot(m_window.get(), u"discovery"_s);
        record(stalls);
    }

    void filterAndScrollLoadsTheNextPage()
    {
        tests::StallMeter stalls;
        auto *platform = find<QComboBox>(u"platformBox"_s);
        platform->setCurrentIndex(platform->findData(u"instagram"_s));
        // Debounced: nothing is asked before the pause.
        QCOMPARE(model()->query().platform, QString());
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().platform, u"instagram"_s, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
        QCOMPARE(model()->rowCount(), 50);
        for (int row = 0; row < model()->rowCount(); ++row) {
            QVERIFY(model()->index(row, DiscoveryModel::Platforms)
                            .data()
                            .toString()
                            .contains(u"instagram"_s));
        }
        QVERIFY(model()->canFetchMore({}));
        find<QTableView>(u"discoveryTable"_s)->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 100, 15000);
        record(stalls);
    }

    void leavingThePageCancels()
    {
        // Leave the page the moment the new search is sent, before any answer can arrive.
        QSignalSpy inserted(model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy aborted(m_api.get(), &common::ApiClient::callAborted);
        auto leave = connect(
                model(), &DiscoveryModel::stateChanged, this, [this](DiscoveryModel::State state) {
                    if (state == DiscoveryModel::State::Loading) {
                        m_window->showPage(m_window->findChild<QWidget *>(u"pages"_s)
                                                   ->layout()
                                                   ->indexOf(m_window->settingsPage()));
                    }
                });
        auto *platform = find<QComboBox>(u"platformBox"_s);
        platform->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage()->objectName(), u"settingsPage"_s, 2000);
        disconnect(leave);
        QCOMPARE(model()->state(), DiscoveryModel::State::Idle);
        // The request was aborted, not just ignored.
        QTRY_COMPARE(aborted.count(), 1);
        QCOMPARE(aborted.constFirst().constFirst().toString(), u"/api/v1/influencers"_s);
        // The answer of the dropped request does not fill the model.
        QVERIFY(!inserted.wait(1000));
        QCOMPARE(model()->rowCount(), 0);
        // Coming back searches again.
        m_window->showPage(0);
        QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
        QCOMPARE(model()->rowCount(), 50);
    }

    void thousandRows()
    {
        tests::StallMeter stalls;
        const qint64 residentBefore = residentKb();
        const int rowsBefore = model()->rowCount();
        auto *table = find<QTableView>(u"discoveryTable"_s);
        while (model()->rowCount() < 1000 && model()->canFetchMore({})) {
            const int before = model()->rowCount();
            table->scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > before, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
        }
        QVERIFY(model()->rowCount() >= 1000);
        qCInfo(tests::measurements,
                "MEASURE resident memory (VmRSS) with %d discovery rows: %.1f MiB, %.1f MiB more "
                "than with %d rows (the whole test process: server in-process, debug build "
                "with AddressSanitizer)",
                model()->rowCount(), static_cast<double>(residentKb()) / 1024.0,
                static_cast<double>(residentKb() - residentBefore) / 1024.0, rowsBefore);
        saveScreenshot(m_window.get(), u"discovery-1000"_s);
        record(stalls);
    }
};

QTEST_MAIN(TestDesktopDiscovery)
#include "tst_desktop_discovery.moc"

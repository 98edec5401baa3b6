// SPDX-License-Identifier: Apache-2.0
// The desktop app's first window, driven like a user would (offscreen): connect to a real
// server, see its version and readiness, fail on a bad address or an unreachable server, cancel,
// switch language. Screenshots go to INFLUENCE_TEST_OUTPUT_DIR.
#include "DesktopTestSupport.h"
#include "app/DiagnosticsDialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::DiagnosticsDialog;
using influence::desktop::MainWindow;

namespace {

// Screenshots of this test go to the output directory itself (not its screenshots/).
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("INFLUENCE_TEST_OUTPUT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
}

} // namespace

class TestDesktopConnect : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    DiagnosticsDialog *diagnostics() { return m_window->diagnostics(); }

    QString currentPage()
    {
        return find<QStackedWidget>(u"stateStack"_s)->currentWidget()->objectName();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(startServer(), qPrintable(m_server->error())); }

    void init()
    {
        // The connect page gives the API client its server.
        QVERIFY(startApp({}, ApiAddress::None));
    }

    void cleanup() { stopApp(); }

    void cleanupTestCase()
    {
        reportStalls(u"while connecting"_s);
        stopServer();
    }

    void startsEmpty()
    {
        QCOMPARE(diagnostics()->state(), DiagnosticsDialog::State::Empty);
        QCOMPARE(currentPage(), u"emptyPage"_s);
        QVERIFY(!find<QLabel>(u"emptyLabel"_s)->text().isEmpty());
        saveScreenshot(diagnostics(), u"desktop-empty"_s);
    }

    void connectsAndShowsTheServer()
    {
        tests::StallMeter stalls;
        auto *edit = find<QLineEdit>(u"serverUrlEdit"_s);
        edit->clear();
        QTest::keyClicks(edit, m_server->url().toString());
        QSignalSpy states(diagnostics(), &DiagnosticsDialog::stateChanged);
        QTest::mouseClick(find<QPushButton>(u"connectButton"_s), Qt::LeftButton);
        // The loading state is shown at once, before any answer.
        QCOMPARE(diagnostics()->state(), DiagnosticsDialog::State::Loading);
        QCOMPARE(currentPage(), u"loadingPage"_s);
        QVERIFY(!find<QPushButton>(u"connectButton"_s)->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(
                diagnostics()->state(), DiagnosticsDialog::State::Connected, 10000);
        QCOMPARE(currentPage(), u"connectedPage"_s);
        QCOMPARE(find<QLabel>(u"versionValue"_s)->text(), QStringLiteral(INFLUENCE_VERSION));
        QCOMPARE(find<QLabel>(u"apiValue"_s)->text(), u"v1"_s);
        QCOMPARE(find<QLabel>(u"databaseValue"_s)->text(), u"Ready"_s);
        QVERIFY(find<QLabel>(u"statusLabel"_s)->text().contains(m_server->url().toString()));
        record(stalls);
        saveScreenshot(diagnostics(), u"desktop-connected"_s);
    }

    void rememberedAddress()
    {
        // The previous test connected: a new window starts with that address filled in.
        QCOMPARE(find<QLineEdit>(u"serverUrlEdit"_s)->text(), m_server->url().toString());
    }

    void invalidAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("empty") << QString();
        QTest::newRow("ftp") << u"ftp://example.com"_s;
        QTest::newRow("nonsense") << u"http://"_s;
    }
    void invalidAddress()
    {
        QFETCH(QString, address);
        diagnostics()->setServerUrl(address);
        QTest::mouseClick(find<QPushButton>(u"connectButton"_s), Qt::LeftButton);
        QCOMPARE(diagnostics()->state(), DiagnosticsDialog::State::Error);
        QCOMPARE(find<QLabel>(u"errorHeadline"_s)->text(),
                u"Please enter a valid server address."_s);
    }

    void unreachableServerShowsErrorAndRetry()
    {
        // A port that nothing listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 freePort = probe.serverPort();
        probe.close();
        diagnostics()->setServerUrl(u"http://127.0.0.1:%1"_s.arg(freePort));
        diagnostics()->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(diagnostics()->state(), DiagnosticsDialog::State::Error, 10000);
        QCOMPARE(find<QLabel>(u"errorHeadline"_s)->text(), u"The server could not be reached."_s);
        QVERIFY(find<QLabel>(u"errorDetail"_s)->text().startsWith(u"Details: "_s));
        saveScreenshot(diagnostics(), u"desktop-error"_s);

        // Retry against the real server succeeds.
        diagnostics()->setServerUrl(m_server->url().toString());
        QTest::mouseClick(find<QPushButton>(u"retryButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
                diagnostics()->state(), DiagnosticsDialog::State::Connected, 10000);
    }

    void cancelWhileConnecting()
    {
        // A server that accepts but never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        diagnostics()->setServerUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        diagnostics()->connectToServer();
        QCOMPARE(diagnostics()->state(), DiagnosticsDialog::State::Loading);
        QSignalSpy states(diagnostics(), &DiagnosticsDialog::stateChanged);
        QTest::mouseClick(find<QPushButton>(u"cancelButton"_s), Qt::LeftButton);
        QCOMPARE(diagnostics()->state(), DiagnosticsDialog::State::Empty);
        QCOMPARE(states.count(), 1);
        // The aborted call does not come back to flip the state.
        QVERIFY(!states.wait(300));
        QCOMPARE(diagnostics()->state(), DiagnosticsDialog::State::Empty);
    }

    void switchesLanguage()
    {
        auto *connect = find<QPushButton>(u"connectButton"_s);
        QCOMPARE(connect->text(), u"&Connect"_s);
        QCOMPARE(m_window->windowTitle(), u"Influence"_s);
        diagnostics()->setServerUrl(m_server->url().toString());
        diagnostics()->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(
                diagnostics()->state(), DiagnosticsDialog::State::Connected, 10000);

        QVERIFY(m_languages->apply(u"de"_s));
        // Widgets retranslate when the LanguageChange event posted to them is delivered.
        QTRY_COMPARE(connect->text(), u"&Verbinden"_s);
        QCOMPARE(find<QLabel>(u"databaseValue"_s)->text(), u"Bereit"_s);
        QVERIFY(find<QLabel>(u"statusLabel"_s)->text().startsWith(u"Verbunden mit"_s));
        saveScreenshot(diagnostics(), u"desktop-connected-de"_s);

        QVERIFY(m_languages->apply(u"en"_s));
        QTRY_COMPARE(connect->text(), u"&Connect"_s);
        QVERIFY(!m_languages->apply(u"xx"_s));
    }

    void languageMatching()
    {
        QCOMPARE(desktop::Languages::bestMatch(QLocale(u"de_AT"_s)), u"de"_s);
        QCOMPARE(desktop::Languages::bestMatch(QLocale(u"fr_FR"_s)), u"en"_s);
        QCOMPARE(desktop::Languages::bestMatch(QLocale(u"en_GB"_s)), u"en"_s);
    }
};

QTEST_MAIN(TestDesktopConnect)
#include "tst_desktop_connect.moc"

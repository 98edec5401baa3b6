// SPDX-License-Identifier: Apache-2.0
// Starting and stopping: graceful drain on shutdown, the real executable's commands and signals,
// and the zero-configuration private database.
#include "HttpTestClient.h"
#include "TestDatabase.h"
#include "TestRoutes.h"
#include "TestServer.h"
#include "core/http/HttpContext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace influence;

namespace {

const QString kServer = QStringLiteral(INFLUENCE_SERVER_BINARY);

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key :
            {u"DATABASE_URL"_s, u"PORT"_s, u"CONFIG_FILE"_s, u"DATA_DIR"_s, u"LOG_LEVEL"_s}) {
        env.remove(key);
    }
    return env;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runServer(const QStringList &arguments, const QProcessEnvironment &env, int timeoutMs = 60000,
        const QByteArray &input = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    QTemporaryDir workDir; // no stray .env
    process.setWorkingDirectory(workDir.path());
    process.start(kServer, arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// Starts `influence-server serve` and waits for its "listening on" line; returns the port.
quint16 startServing(QProcess &process, const QProcessEnvironment &env, const QString &workDir)
{
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workDir);
    process.start(kServer, {u"serve"_s});
    static const QRegularExpression listening(u"listening on http://localhost:(\\d+)"_s);
    QString output;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000 && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(200);
        output += QString::fromUtf8(process.readAllStandardOutput());
        const auto match = listening.match(output);
        if (match.hasMatch()) {
            return static_cast<quint16>(match.captured(1).toUInt());
        }
    }
    qWarning("server did not start: %s %s", qPrintable(output),
            qPrintable(QString::fromUtf8(process.readAllStandardError())));
    return 0;
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(kServer).isExecutable());
        QVERIFY2(tests::TestDatabase::instance().isValid(),
                qPrintable(tests::TestDatabase::instance().error()));
    }

    void shutdownLetsInFlightRequestsFinish()
    {
        tests::TestServer::Options options;
        options.routes = tests::addTestRoutes;
        tests::TestServer server(options);
        QVERIFY2(server.isRunning(), qPrintable(server.error()));

        QNetworkAccessManager network;
        QUrl slow = server.url();
        slow.setPath(u"/test/slow/800"_s);
        QNetworkReply *inFlight = network.get(QNetworkRequest(slow));
        QTRY_COMPARE_WITH_TIMEOUT(server.app().httpContext().inFlight.load(), 1, 5000);

        QSignalSpy stopped(&server.app(), &server::ServerApp::stopped);
        server.app().shutdown();
        QVERIFY(server.app().httpContext().draining.load());

        QTRY_VERIFY_WITH_TIMEOUT(inFlight->isFinished(), 10000);
        QCOMPARE(inFlight->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(inFlight->rawHeader("Connection"), QByteArray("close"));
        QVERIFY(inFlight->readAll().contains("\"slept\":800"));
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10000);

        // Nothing listens any more.
        const auto reply = tests::rawExchange(server.port(),
                "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", std::chrono::milliseconds(500));
        QCOMPARE(reply.status(), 0);
        delete inFlight;
    }

    void versionAndHelp()
    {
        const Run version = runServer({u"version"_s}, cleanEnvironment());
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral(INFLUENCE_VERSION)));
        const Run help = runServer({u"--help"_s}, cleanEnvironment());
        QCOMPARE(help.exitCode, 0);
        for (const auto &[key, description] : server::ConfigLoader::knownKeys()) {
            QVERIFY2(help.out.contains(key), qPrintable(key));
        }
        QVERIFY(help.out.contains(u"check-config"_s));
    }

    void badConfigurationStopsTheStart()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"PORT"_s, u"http"_s);
        const Run run = runServer({u"serve"_s}, env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"PORT=\"http\""_s), qPrintable(run.err));
        QVERIFY(run.err.contains(u"environment"_s));

        const Run check = runServer({u"check-config"_s}, env);
        QCOMPARE(check.exitCode, 2);

        const Run unknown = runServer({u"frobnicate"_s}, cleanEnvironment());
        QCOMPARE(unknown.exitCode, 2);
    }

    void checkConfigRedactsSecrets()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"DATABASE_URL"_s,
                u"postgres://app:topsecret@db.example:5432/app?sslmode=require"_s);
        env.insert(u"JWT_SECRET"_s, u"jwt-secret-that-must-never-be-printed-0123"_s);
        env.insert(u"SMTP_URL"_s, u"smtp://mailer:smtppassword42@mail.example:587"_s);
        const Run run = runServer({u"check-config"_s}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"configuration OK"_s));
        QVERIFY(run.out.contains(u"db.example"_s));
        QVERIFY(run.out.contains(u"mail.example"_s));
        QVERIFY(run.out.contains(u"JWT_SECRET=<redacted>"_s));
        QVERIFY(!run.out.contains(u"topsecret"_s));
        QVERIFY(!run.out.contains(u"must-never-be-printed"_s));
        QVERIFY(!run.out.contains(u"smtppassword42"_s));
    }

    void migrateAndSeedCommands()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(
                u"DATABASE_URL"_s, tests::TestDatabase::instance().freshDatabase().toUrlString());
        const Run migrate = runServer({u"migrate"_s}, env);
        QCOMPARE(migrate.exitCode, 0);
        QVERIFY2(migrate.out.contains(u"schema version"_s), qPrintable(migrate.out + migrate.err));
        const Run seed = runServer({u"seed"_s, u"--influencers"_s, u"40"_s}, env);
        QCOMPARE(seed.exitCode, 0);
        QVERIFY2(seed.out.contains(u"seeded 46 users"_s), qPrintable(seed.out + seed.err));
        const Run again = runServer({u"seed"_s, u"--influencers"_s, u"40"_s}, env);
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(u"nothing to do"_s));
        const Run bad = runServer({u"seed"_s, u"--influencers"_s, u"many"_s}, env);
        QCOMPARE(bad.exitCode, 2);
    }

    void userCreateMakesTheFirstAdministrator()
    {
        const QString url = tests::TestDatabase::instance().freshDatabase().toUrlString();
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"DATABASE_URL"_s, url);
        const QStringList create{u"user"_s, u"create"_s, u"--admin"_s, u"--email"_s,
                u"Root@Example.com"_s, u"--display-name"_s, u"Root"_s};
        // The API's password policy applies.
        const Run weak = runServer(create, env, 60000, "password\n");
        QCOMPARE(weak.exitCode, 2);
        QVERIFY2(weak.err.contains(u"password"_s), qPrintable(weak.err));
        const Run created = runServer(create, env, 60000, "a long admin passphrase\n");
        QCOMPARE(created.exitCode, 0);
        QVERIFY2(created.out.startsWith(u"created admin Root@Example.com (id "_s),
                qPrintable(created.out + created.err));
        const Run again = runServer(create, env, 60000, "a long admin passphrase\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"exists"_s), qPrintable(again.err));
        QCOMPARE(runServer({u"user"_s, u"create"_s, u"--role"_s, u"owner"_s, u"--email"_s,
                                   u"x@example.com"_s},
                         env, 60000, "a long admin passphrase\n")
                         .exitCode,
                2);

        // The account signs in over the API as an administrator with a confirmed address.
        tests::TestServer::Options options;
        options.databaseUrl = url;
        tests::TestServer server(options);
        QVERIFY2(server.isRunning(), qPrintable(server.error()));
        tests::HttpTestClient client(server.url());
        const tests::HttpReply login = client.postJson(u"/api/v1/auth/login"_s,
                {{u"email"_s, u"root@example.com"_s},
                        {u"password"_s, u"a long admin passphrase"_s}});
        QCOMPARE(login.status, 200);
        const QJsonObject user = login.json().value(u"user"_s).toObject();
        QCOMPARE(user.value(u"role"_s).toString(), u"admin"_s);
        QCOMPARE(user.value(u"emailVerified"_s).toBool(), true);
        QCOMPARE(user.value(u"displayName"_s).toString(), u"Root"_s);
    }

    void sigtermExitsCleanly_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
    }
    void sigtermExitsCleanly()
    {
        QFETCH(int, signalNumber);
        QProcessEnvironment env = cleanEnvironment();
        env.insert(
                u"DATABASE_URL"_s, tests::TestDatabase::instance().freshDatabase().toUrlString());
        env.insert(u"PORT"_s, u"0"_s);
        QTemporaryDir workDir;
        QProcess process;
        const quint16 port = startServing(process, env, workDir.path());
        QVERIFY(port > 0);
        tests::HttpTestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        QCOMPARE(client.get(u"/readyz"_s).status, 200);
        ::kill(static_cast<pid_t>(process.processId()), signalNumber);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void keepsAcceptingAfterRunningOutOfFileDescriptors()
    {
        // With few file descriptors, a burst of connections makes accept() fail with EMFILE;
        // QTcpServer 6.4 then pauses accepting for good unless resumed.
        QProcessEnvironment env = cleanEnvironment();
        env.insert(
                u"DATABASE_URL"_s, tests::TestDatabase::instance().freshDatabase().toUrlString());
        env.insert(u"PORT"_s, u"0"_s);
        env.insert(u"HTTP_THREADS"_s, u"1"_s);
        QTemporaryDir workDir;
        QProcess process;
        process.setChildProcessModifier([] {
            const rlimit limit{96, 96};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
        const quint16 port = startServing(process, env, workDir.path());
        QVERIFY(port > 0);
        tests::HttpTestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        // Under UBSan the first virtual call on each type pays a type check that needs a spare
        // file descriptor (it probes memory through a pipe) and misreports "invalid vptr" when
        // none is left. Exercise the connection paths once before taking the descriptors away;
        // the check's cache then answers.
        QCOMPARE(client.get(u"/healthz"_s).status, 200);
        QCOMPARE(tests::rawExchange(
                         port, "GET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                         .status(),
                404);
        QCOMPARE(tests::rawExchange(port, {}, std::chrono::milliseconds(100)).status(), 0);
        std::vector<std::unique_ptr<QTcpSocket>> flood;
        for (int i = 0; i < 150; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(u"127.0.0.1"_s, port);
            socket->waitForConnected(1000); // the kernel completes them; the server may not accept
            flood.push_back(std::move(socket));
        }
        // The server has run out: all its descriptors are in use.
        const QDir descriptors(u"/proc/%1/fd"_s.arg(process.processId()));
        QTRY_VERIFY_WITH_TIMEOUT(
                descriptors.entryList(QDir::NoDotAndDotDot | QDir::AllEntries, QDir::NoSort).size()
                        >= 96,
                10000);
        flood.clear(); // descriptors come free again
        QTRY_COMPARE_WITH_TIMEOUT(client.get(u"/healthz"_s).status, 200, 15000);
        QCOMPARE(client.get(u"/readyz"_s).status, 200);
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 0);
    }

    void zeroConfigurationPrivateDatabase()
    {
        // No DATABASE_URL: the server creates, starts, uses and stops its own PostgreSQL.
        QTemporaryDir dataRoot(u"/tmp/influence-zeroconf-XXXXXX"_s);
        QVERIFY(dataRoot.isValid());
        QFile::setPermissions(dataRoot.path(),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                        | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"DATA_DIR"_s, dataRoot.filePath(u"data"_s));
        env.insert(u"PORT"_s, u"0"_s);
        QProcess process;
        const quint16 port = startServing(process, env, dataRoot.path());
        QVERIFY(port > 0);
        tests::HttpTestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        QCOMPARE(client.get(u"/readyz"_s).status, 200);
        QVERIFY(QFileInfo::exists(dataRoot.filePath(u"data/postgres/PG_VERSION"_s)));
        QVERIFY(QFileInfo::exists(dataRoot.filePath(u"data/postgres/postmaster.pid"_s)));
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        // It stopped the instance it started.
        QVERIFY(!QFileInfo::exists(dataRoot.filePath(u"data/postgres/postmaster.pid"_s)));

        // The second start reuses the cluster (no initdb) and still has the schema.
        QProcess second;
        const quint16 secondPort = startServing(second, env, dataRoot.path());
        QVERIFY(secondPort > 0);
        tests::HttpTestClient again(QUrl(u"http://127.0.0.1:%1"_s.arg(secondPort)));
        QCOMPARE(again.get(u"/readyz"_s).status, 200);
        ::kill(static_cast<pid_t>(second.processId()), SIGTERM);
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"

// SPDX-License-Identifier: Apache-2.0
// The server through PgBouncer in session mode (issue 23): Debian's pgbouncer on loopback in
// front of the test database, the real influence-server with its DATABASE_URL pointing at
// PgBouncer. It migrates, registers and signs in, writes, and searches through PgBouncer's pooled
// server connections; PgBouncer's own statistics show the traffic went through it. (Transaction
// mode does not fit: QPSQL prepares named statements once per connection, which PgBouncer 1.18
// does not carry between server connections; README, "Operations: several processes".)
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestDatabase.h"
#include "core/db/DatabaseUrl.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;

namespace {

const QString kServer = QStringLiteral(INFLUENCE_SERVER_BINARY);

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPgBouncer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_bouncer;
    QProcess m_server;
    quint16 m_bouncerPort = 0;
    server::db::DatabaseUrl m_backend;
    std::unique_ptr<HttpTestClient> m_client;

    /// Writes pgbouncer.ini for `mode` and starts PgBouncer; as root it runs as the account the
    /// test's PostgreSQL runs as (PgBouncer refuses root).
    bool startBouncer(const QString &mode, QString *problem)
    {
        const QString dir = m_dir.path();
        QStringList switchUser;
        if (::geteuid() == 0) {
            const passwd *account = ::getpwnam("postgres");
            if (!account
                    || ::chown(QFile::encodeName(dir).constData(), account->pw_uid, account->pw_gid)
                            != 0) {
                *problem = u"no postgres account to run PgBouncer as"_s;
                return false;
            }
            switchUser = {u"-u"_s, u"postgres"_s};
        }
        QFile users(dir + u"/users.txt"_s);
        QFile ini(dir + u"/pgbouncer.ini"_s);
        if (!users.open(QIODevice::WriteOnly) || !ini.open(QIODevice::WriteOnly)) {
            *problem = u"cannot write the PgBouncer configuration"_s;
            return false;
        }
        // The backend's password (CI's PostgreSQL asks for one over TCP; a private cluster trusts).
        users.write(u"\"%1\" \"%2\"\n"_s.arg(m_backend.user, m_backend.password).toUtf8());
        // The test's PostgreSQL trusts its Unix socket; PgBouncer trusts loopback clients.
        ini.write(u"[databases]\n"
                  "influence = host=%1 port=%2 dbname=%3 user=%4\n"
                  "[pgbouncer]\n"
                  "listen_addr = 127.0.0.1\n"
                  "listen_port = %5\n"
                  "unix_socket_dir =\n"
                  "auth_type = trust\n"
                  "server_tls_sslmode = prefer\n"
                  "auth_file = %6/users.txt\n"
                  "admin_users = %4\n"
                  "pool_mode = %7\n"
                  "default_pool_size = 8\n"
                  "max_client_conn = 100\n"
                  "logfile = %6/pgbouncer.log\n"
                  "pidfile = %6/pgbouncer.pid\n"_s.arg(m_backend.hosts.value(0))
                          .arg(m_backend.ports.value(0))
                          .arg(m_backend.database, m_backend.user)
                          .arg(m_bouncerPort)
                          .arg(dir, mode)
                          .toUtf8());
        users.close();
        ini.close();
        const QString pgbouncer = QStandardPaths::findExecutable(
                u"pgbouncer"_s, {u"/usr/sbin"_s, u"/usr/bin"_s, u"/sbin"_s});
        if (pgbouncer.isEmpty()) {
            *problem = u"pgbouncer is not installed (scripts/lib.sh)"_s;
            return false;
        }
        m_bouncer.setProcessChannelMode(QProcess::ForwardedChannels);
        m_bouncer.setChildProcessModifier([] {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
        });
        m_bouncer.start(pgbouncer, QStringList(switchUser) << dir + u"/pgbouncer.ini"_s);
        if (!m_bouncer.waitForStarted(10000)) {
            *problem = u"pgbouncer did not start"_s;
            return false;
        }
        const bool up = QTest::qWaitFor(
                [this] {
                    QTcpSocket probe;
                    probe.connectToHost(QHostAddress::LocalHost, m_bouncerPort);
                    return probe.waitForConnected(200);
                },
                10000);
        if (!up) {
            *problem = u"pgbouncer does not listen"_s;
        }
        return up;
    }

    QString bouncerUrl() const
    {
        return u"postgres://%1@127.0.0.1:%2/influence"_s.arg(m_backend.user).arg(m_bouncerPort);
    }

    /// Rows of a PgBouncer admin console command (SHOW ...), each as column → text, read with
    /// psql (the console speaks only the simple query protocol and answers no driver set-up).
    QList<QMap<QString, QString>> admin(const QString &command)
    {
        const QString psql = QStandardPaths::findExecutable(u"psql"_s);
        QProcess process;
        process.start(psql,
                {u"--csv"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_bouncerPort),
                        u"-U"_s, m_backend.user, u"-d"_s, u"pgbouncer"_s, u"-c"_s, command});
        process.waitForFinished(10000);
        const QStringList lines =
                QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        if (process.exitCode() != 0 || lines.isEmpty()) {
            qWarning("psql %s: %s", qPrintable(command),
                    qPrintable(QString::fromUtf8(process.readAllStandardError())));
            return {};
        }
        const QStringList header = lines.first().split(u',');
        QList<QMap<QString, QString>> rows;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList cells = lines.at(i).split(u',');
            QMap<QString, QString> row;
            for (qsizetype c = 0; c < header.size() && c < cells.size(); ++c) {
                row.insert(header.at(c), cells.at(c));
            }
            rows.append(row);
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(tests::TestDatabase::instance().isValid(),
                qPrintable(tests::TestDatabase::instance().error()));
        m_backend = tests::TestDatabase::instance().freshDatabase();
        m_bouncerPort = freePort();
        QString problem;
        QVERIFY2(startBouncer(u"session"_s, &problem), qPrintable(problem));
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            QVERIFY(m_server.waitForFinished(30000));
            QCOMPARE(m_server.exitCode(), 0);
        }
        if (m_bouncer.state() != QProcess::NotRunning) {
            m_bouncer.terminate();
            if (!m_bouncer.waitForFinished(10000)) {
                m_bouncer.kill();
                m_bouncer.waitForFinished();
            }
        }
    }

    void serverRunsThroughSessionPooling()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : {u"CONFIG_FILE"_s, u"DATA_DIR"_s, u"LOG_LEVEL"_s}) {
            env.remove(key);
        }
        env.insert(u"DATABASE_URL"_s, bouncerUrl());
        env.insert(u"PORT"_s, u"0"_s);
        env.insert(u"LOG_LEVEL"_s, u"warning"_s);
        env.insert(u"AUTH_REGISTRATION"_s, u"immediate"_s);
        env.insert(u"JWT_SECRET"_s, u"a-secret-for-the-pgbouncer-test-0123456789abcdef"_s);
        m_server.setProcessEnvironment(env);
        m_server.setWorkingDirectory(m_dir.path());
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.setChildProcessModifier([] {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
        });
        m_server.start(kServer, {u"serve"_s}); // migrates the empty database first
        static const QRegularExpression listening(u"listening on (http://\\S+:\\d+)"_s);
        QString output;
        QString url;
        QElapsedTimer timer;
        timer.start();
        while (url.isEmpty() && timer.elapsed() < 60000
                && m_server.state() != QProcess::NotRunning) {
            m_server.waitForReadyRead(200);
            output += QString::fromUtf8(m_server.readAllStandardOutput());
            url = listening.match(output).captured(1);
        }
        QVERIFY2(!url.isEmpty(), qPrintable(u"the server did not start: "_s + output));
        m_client = std::make_unique<HttpTestClient>(QUrl(url));

        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(u"/readyz"_s).status, 200, 10000);
        ApiSession api(*m_client);
        const QString creator = api.signUp(u"mara@example.com"_s, u"influencer"_s);
        const QString brand = api.signUp(u"buyer@example.com"_s, u"brand"_s);
        QVERIFY(!creator.isEmpty() && !brand.isEmpty());
        const HttpReply login = m_client->postJson(u"/api/v1/auth/login"_s,
                {{u"email"_s, u"mara@example.com"_s}, {u"password"_s, u"correct horse battery"_s}});
        QCOMPARE(login.status, 200);
        QVERIFY(!login.json().value(u"accessToken"_s).toString().isEmpty());
        const QString creatorId = api.userIdOf(creator);
        QVERIFY(!creatorId.isEmpty());

        const QJsonObject profile{{u"displayName"_s, u"Mara Cooks"_s},
                {u"bio"_s, u"Slow food from the Alps."_s}, {u"niches"_s, QJsonArray{u"food"_s}},
                {u"country"_s, u"AT"_s}, {u"languages"_s, QJsonArray{u"de"_s}}};
        QVERIFY(m_client->send("PUT", u"/api/v1/me/influencer"_s, compact(profile),
                                ApiSession::as(creator))
                        .status
                < 300);
        // Discovery loads its index and catches up through PgBouncer.
        const HttpReply search = m_client->get(
                u"/api/v1/influencers?niche=food&country=AT"_s, ApiSession::as(brand));
        QCOMPARE(search.status, 200);
        const QJsonArray items = search.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"id"_s).toString(), creatorId);
        // Many requests, each on one of the server's pooled connections, answer correctly.
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(m_client->get(u"/api/v1/me"_s, ApiSession::as(creator)).json().value(u"id"_s),
                    creatorId);
        }

        // The traffic went through PgBouncer: it counts the server's queries and holds its
        // server connections in session mode.
        const auto pools = admin(u"SHOW POOLS"_s);
        const auto stats = admin(u"SHOW STATS"_s);
        qint64 queries = 0;
        for (const auto &row : stats) {
            if (row.value(u"database"_s) == u"influence"_s) {
                queries = row.value(u"total_query_count"_s).toLongLong();
            }
        }
        QVERIFY2(queries > 20, qPrintable(u"PgBouncer counted %1 queries"_s.arg(queries)));
        bool sessionPool = false;
        for (const auto &row : pools) {
            sessionPool = sessionPool
                    || (row.value(u"database"_s) == u"influence"_s
                            && row.value(u"pool_mode"_s) == u"session"_s
                            && row.value(u"cl_active"_s).toInt() > 0);
        }
        QVERIFY2(sessionPool, "no active session-mode pool for the server in SHOW POOLS");
    }
};

QTEST_GUILESS_MAIN(TestPgBouncer)
#include "tst_pgbouncer.moc"

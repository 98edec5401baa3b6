// SPDX-License-Identifier: Apache-2.0
// Failover (issue 23): a primary and a synchronous standby made with pg_basebackup -R on
// loopback, the server on a multi-host DATABASE_URL, and a brand's writes running with every
// acknowledged write recorded. The primary crashes (pg_ctl stop -m immediate) and the standby is
// promoted (pg_ctl promote). While there is no primary, writes answer 503 with Retry-After and
// nothing else; the server then reconnects through the host list to the new primary by itself;
// and every write it acknowledged (201) is on the new primary. The URL lists the standby first
// and says nothing of target_session_attrs: with several hosts the server asks libpq for a
// read-write session, so the standby is skipped until its promotion. How long writes failed is
// printed as MEASURE lines (bench/failover/run collects them); nothing about time is asserted.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/DatabaseUrl.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QVersionNumber>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <grp.h>
#include <map>
#include <memory>
#include <optional>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace influence;

namespace {

QString newestBinDir()
{
    const QDir root(u"/usr/lib/postgresql"_s);
    QVersionNumber best;
    QString bestDir;
    for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber version = QVersionNumber::fromString(entry);
        const QString bin = root.filePath(entry) + u"/bin"_s;
        if (version > best && QFileInfo(bin + u"/pg_basebackup"_s).isExecutable()) {
            best = version;
            bestDir = bin;
        }
    }
    return bestDir;
}

/// The account PostgreSQL runs as: ours, or `postgres` when we are root (PostgreSQL refuses to
/// run as root).
struct Account
{
    uid_t uid = 0;
    gid_t gid = 0;
    bool switchUser = false;
};

std::optional<Account> postgresAccount()
{
    if (::geteuid() != 0) {
        return Account{::geteuid(), ::getegid(), false};
    }
    passwd entry{};
    passwd *found = nullptr;
    std::array<char, 4096> buffer{};
    if (::getpwnam_r("postgres", &entry, buffer.data(), buffer.size(), &found) != 0 || !found
            || found->pw_uid == 0) {
        return std::nullopt;
    }
    return Account{found->pw_uid, found->pw_gid, true};
}

/// Two distinct free TCP ports on 127.0.0.1 (held open together while chosen).
std::pair<quint16, quint16> twoFreePorts()
{
    QTcpServer first;
    QTcpServer second;
    if (!first.listen(QHostAddress::LocalHost, 0) || !second.listen(QHostAddress::LocalHost, 0)) {
        return {0, 0};
    }
    return {first.serverPort(), second.serverPort()};
}

/// A PostgreSQL cluster of the test's own: it listens on 127.0.0.1:port only (no Unix socket)
/// and trusts local connections (initdb --auth=trust, which also admits replication from
/// 127.0.0.1). fsync is off: the test crashes PostgreSQL's processes, never the machine, so what
/// a process wrote survives in the kernel's cache.
class LocalCluster
{
public:
    LocalCluster(QString binDir, Account account, QString directory, quint16 port)
        : m_binDir(std::move(binDir))
        , m_account(account)
        , m_dir(std::move(directory))
        , m_port(port)
    { }
    ~LocalCluster()
    {
        if (m_running) {
            (void)stop(u"immediate"_s);
        }
    }
    LocalCluster(const LocalCluster &) = delete;
    LocalCluster &operator=(const LocalCluster &) = delete;

    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

    bool initialize()
    {
        return makeDirectory()
                && run(u"initdb"_s,
                        {u"-D"_s, m_dir, u"-U"_s, u"influence"_s, u"--auth=trust"_s,
                                u"--encoding=UTF8"_s, u"--locale=C"_s, u"--no-instructions"_s},
                        120'000);
    }

    /// A copy of `primary` that starts as its streaming standby (-R: standby.signal and
    /// primary_conninfo in postgresql.auto.conf).
    bool baseBackupFrom(const LocalCluster &primary)
    {
        return makeDirectory()
                && run(u"pg_basebackup"_s,
                        {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(primary.port()), u"-U"_s,
                                u"influence"_s, u"-D"_s, m_dir, u"-R"_s, u"-X"_s, u"stream"_s,
                                u"-c"_s, u"fast"_s},
                        120'000);
    }

    bool start()
    {
        // pg_ctl hands -o to a shell: '' is an empty value (no Unix socket).
        const QString options =
                u"-c listen_addresses=127.0.0.1 -c port=%1 -c unix_socket_directories='' "
                "-c fsync=off -c max_connections=60 -c shared_buffers=16MB"_s.arg(m_port);
        m_running = run(u"pg_ctl"_s,
                {u"start"_s, u"-D"_s, m_dir, u"-w"_s, u"-t"_s, u"60"_s, u"-l"_s,
                        m_dir + u"/server.log"_s, u"-o"_s, options},
                90'000);
        return m_running;
    }

    /// `mode` immediate is a crash: no shutdown checkpoint, clients cut off.
    bool stop(const QString &mode)
    {
        const bool stopped = run(u"pg_ctl"_s,
                {u"stop"_s, u"-D"_s, m_dir, u"-m"_s, mode, u"-w"_s, u"-t"_s, u"60"_s}, 90'000);
        if (stopped) {
            m_running = false;
        }
        return stopped;
    }

    /// Ends recovery: the standby becomes a primary (waits until it accepts writes).
    bool promote()
    {
        return run(u"pg_ctl"_s, {u"promote"_s, u"-D"_s, m_dir, u"-w"_s, u"-t"_s, u"60"_s}, 90'000);
    }

    /// Runs `sql` on `database`; the first column of the first row as text (empty without a
    /// row), or nothing when it failed (error() says why).
    std::optional<QString> scalar(const QString &sql, const QString &database = u"postgres"_s)
    {
        const QString name = u"failover-"_s + QUuid::createUuid().toString(QUuid::Id128);
        std::optional<QString> result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            server::db::DatabaseUrl url =
                    server::db::DatabaseUrl::forServer(u"127.0.0.1"_s, m_port, database);
            url.user = u"influence"_s;
            url.applyTo(db, 5);
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(sql)) {
                    result = query.next() ? query.value(0).toString() : QString();
                } else {
                    m_error = query.lastError().text();
                }
            } else {
                m_error = db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }

private:
    bool makeDirectory()
    {
        const QByteArray path = QFile::encodeName(m_dir);
        if (::mkdir(path.constData(), 0700) != 0
                || (m_account.switchUser
                        && ::chown(path.constData(), m_account.uid, m_account.gid) != 0)) {
            m_error = u"cannot create %1"_s.arg(m_dir);
            return false;
        }
        return true;
    }

    /// Runs a PostgreSQL program, waiting with a spinning event loop: the server and the test's
    /// clients keep running meanwhile (a crash and a promotion happen under load).
    bool run(const QString &tool, const QStringList &arguments, int timeoutMs)
    {
        QProcess process;
        process.setProgram(m_binDir + u'/' + tool);
        process.setArguments(arguments);
        process.setWorkingDirectory(QFileInfo(m_dir).path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &key : environment.keys()) {
            if (key.startsWith(u"PG"_s)) {
                environment.remove(key);
            }
        }
        environment.insert(u"LC_ALL"_s, u"C"_s);
        process.setProcessEnvironment(environment);
        if (m_account.switchUser) {
            const uid_t uid = m_account.uid;
            const gid_t gid = m_account.gid;
            // Runs in the child between fork and exec: only async-signal-safe calls.
            process.setChildProcessModifier([uid, gid] {
                if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
                    ::_exit(126);
                }
            });
        }
        QSignalSpy finished(&process, &QProcess::finished);
        process.start();
        if (!process.waitForStarted(10'000)) {
            m_error = u"cannot run %1: %2"_s.arg(tool, process.errorString());
            return false;
        }
        if (finished.isEmpty() && !finished.wait(timeoutMs)) {
            process.kill();
            process.waitForFinished(5'000);
            m_error = u"%1 did not finish in time"_s.arg(tool);
            return false;
        }
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            QFile log(m_dir + u"/server.log"_s);
            const QByteArray logTail =
                    log.open(QIODevice::ReadOnly) ? log.readAll().right(1500) : QByteArray();
            m_error = u"%1 %2 failed (exit %3): %4\n%5"_s.arg(tool, arguments.value(0))
                              .arg(process.exitCode())
                              .arg(QString::fromLocal8Bit(process.readAll()).trimmed(),
                                      QString::fromLocal8Bit(logTail));
            return false;
        }
        return true;
    }

    QString m_binDir;
    Account m_account;
    QString m_dir;
    quint16 m_port;
    bool m_running = false;
    QString m_error;
};

/// A test killed by its timeout leaves its clusters running on their ports: stop the ones of
/// test processes that are gone.
void stopOrphanedClusters(const QString &binDir)
{
    static const QRegularExpression pattern(u"^influence-failover-(\\d+)-"_s);
    const QDir tmp(u"/tmp"_s);
    for (const QString &entry : tmp.entryList({u"influence-failover-*"_s}, QDir::Dirs)) {
        const auto match = pattern.match(entry);
        const auto pid = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) {
            continue; // its test is still running (or it is not ours)
        }
        for (const QString &cluster : {u"primary"_s, u"standby"_s}) {
            const QString dir = tmp.filePath(entry) + u'/' + cluster;
            if (QFileInfo::exists(dir + u"/postmaster.pid"_s)) {
                // pg_ctl refuses to run as root.
                const QStringList stop{binDir + u"/pg_ctl"_s, u"stop"_s, u"-D"_s, dir, u"-m"_s,
                        u"immediate"_s, u"-w"_s};
                if (::geteuid() == 0) {
                    QProcess::execute(
                            u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s} + stop);
                } else {
                    QProcess::execute(stop.first(), stop.mid(1));
                }
            }
        }
        QDir(tmp.filePath(entry)).removeRecursively();
    }
}

/// Keeps `parallel` shortlist creations in flight (each with its own name) and records every
/// answer: its status, when it arrived, and the id of an acknowledged (201) list.
class Writes : public QObject
{
public:
    struct Answer
    {
        int status = 0; ///< 0: no HTTP answer
        qint64 atMs = 0;
        bool retryAfter = false;
        QString id;
    };

    Writes(QUrl url, const QString &token, int parallel, const QElapsedTimer &clock)
        : m_url(std::move(url))
        , m_authorization("Bearer " + token.toUtf8())
        , m_clock(clock)
    {
        for (int i = 0; i < parallel; ++i) {
            fire();
        }
    }

    ~Writes() override
    {
        m_stopping = true;
        for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
            reply->abort();
        }
    }
    Writes(const Writes &) = delete;
    Writes &operator=(const Writes &) = delete;

    /// Sends no more; the requests in flight still finish and are recorded.
    void stop() { m_stopping = true; }
    int inFlight() const { return m_inFlight; }

    int count(int status, qint64 fromMs = 0) const
    {
        return static_cast<int>(
                std::count_if(answers.cbegin(), answers.cend(), [status, fromMs](const Answer &a) {
                    return a.status == status && a.atMs >= fromMs;
                }));
    }

    /// "status×count, …" for failure messages.
    QString summary() const
    {
        std::map<int, int> counts;
        for (const Answer &answer : answers) {
            ++counts[answer.status];
        }
        QStringList parts;
        for (const auto &[status, count] : counts) {
            parts.append(u"%1×%2"_s.arg(status).arg(count));
        }
        return parts.join(u", "_s) + u' ' + firstError;
    }

    QList<Answer> answers;
    QString firstError; ///< the body of the first answer that was neither 201 nor 503

private:
    void fire()
    {
        QNetworkRequest request(m_url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", m_authorization);
        request.setTransferTimeout(30'000);
        const QJsonObject body{{u"name"_s, u"failover %1"_s.arg(++m_sequence)}};
        QNetworkReply *reply =
                m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        ++m_inFlight;
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            --m_inFlight;
            Answer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.atMs = m_clock.elapsed();
            answer.retryAfter = !reply->rawHeader("Retry-After").isEmpty();
            const QByteArray answered = reply->readAll();
            if (answer.status == 201) {
                answer.id = QJsonDocument::fromJson(answered).object().value(u"id"_s).toString();
            } else if (answer.status != 503 && firstError.isEmpty()) {
                firstError = QString::fromUtf8(answered.left(500));
            }
            answers.append(answer);
            if (!m_stopping) {
                fire();
            }
        });
    }

    QNetworkAccessManager m_network;
    QUrl m_url;
    QByteArray m_authorization;
    const QElapsedTimer &m_clock;
    int m_sequence = 0;
    int m_inFlight = 0;
    bool m_stopping = false;
};

} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedWritesSurvivePromotion()
    {
        const QString binDir = newestBinDir();
        QVERIFY2(!binDir.isEmpty(), "no PostgreSQL with pg_basebackup in /usr/lib/postgresql");
        const auto account = postgresAccount();
        QVERIFY2(account, "running as root, and there is no account postgres to run PostgreSQL");
        stopOrphanedClusters(binDir);
        QTemporaryDir directory(
                u"/tmp/influence-failover-%1-XXXXXX"_s.arg(QCoreApplication::applicationPid()));
        QVERIFY(directory.isValid());
        // The PostgreSQL account must be able to traverse it.
        QCOMPARE(::chmod(QFile::encodeName(directory.path()).constData(), 0711), 0);
        const auto [primaryPort, standbyPort] = twoFreePorts();
        QVERIFY(primaryPort != 0 && standbyPort != 0);

        LocalCluster primary(binDir, *account, directory.filePath(u"primary"_s), primaryPort);
        QVERIFY2(primary.initialize(), qPrintable(primary.error()));
        QVERIFY2(primary.start(), qPrintable(primary.error()));
        QVERIFY2(primary.scalar(u"CREATE DATABASE failover"_s), qPrintable(primary.error()));
        LocalCluster standby(binDir, *account, directory.filePath(u"standby"_s), standbyPort);
        QVERIFY2(standby.baseBackupFrom(primary), qPrintable(standby.error()));
        QVERIFY2(standby.start(), qPrintable(standby.error()));
        // Synchronous replication from now on: a commit returns once the standby has the WAL, so
        // nothing acknowledged can be lost with the primary. Set on the primary only (after the
        // base backup was taken): the promoted standby must not wait for a standby of its own.
        QVERIFY2(primary.scalar(u"ALTER SYSTEM SET synchronous_standby_names = '*'"_s),
                qPrintable(primary.error()));
        QVERIFY2(primary.scalar(u"SELECT pg_reload_conf()"_s), qPrintable(primary.error()));
        QTRY_COMPARE_WITH_TIMEOUT(
                primary.scalar(u"SELECT string_agg(sync_state, ',') FROM pg_stat_replication"_s)
                        .value_or(QString()),
                u"sync"_s, 30'000);
        QCOMPARE(standby.scalar(u"SELECT pg_is_in_recovery()"_s).value_or(QString()), u"true"_s);

        // The standby first: libpq skips it (read-only) while the primary lives.
        tests::TestServer::Options options;
        options.databaseUrl =
                u"postgres://influence@127.0.0.1:%1,127.0.0.1:%2/failover"_s.arg(standbyPort)
                        .arg(primaryPort);
        tests::TestServer server(options);
        QVERIFY2(server.isRunning(), qPrintable(server.error()));
        QCOMPARE(server.app().databaseUrl().options.value(u"target_session_attrs"_s),
                u"read-write"_s);
        tests::HttpTestClient client(server.url());
        tests::ApiSession api(client);
        const QString brand = api.signUp(u"failover-brand@example.com"_s, u"brand"_s);
        QVERIFY(!brand.isEmpty());
        QCOMPARE(api.put(u"/api/v1/me/brand"_s, brand, {{u"companyName"_s, u"Failover Ltd"_s}})
                         .status,
                201);

        QElapsedTimer clock;
        clock.start();
        QUrl url = server.url();
        url.setPath(u"/api/v1/shortlists"_s);
        Writes writes(url, brand, 4, clock);
        QTRY_VERIFY2_WITH_TIMEOUT(writes.count(201) >= 40, qPrintable(writes.summary()), 30'000);
        QCOMPARE(qsizetype(writes.count(201)), writes.answers.size());

        // The primary crashes; the standby is promoted once writes were seen failing.
        const qint64 crashAt = clock.elapsed();
        QVERIFY2(primary.stop(u"immediate"_s), qPrintable(primary.error()));
        QTRY_VERIFY2_WITH_TIMEOUT(
                writes.count(503, crashAt) >= 5, qPrintable(writes.summary()), 30'000);
        const qint64 promoteAt = clock.elapsed();
        QVERIFY2(standby.promote(), qPrintable(standby.error()));
        const qint64 promotedAt = clock.elapsed();
        QCOMPARE(standby.scalar(u"SELECT pg_is_in_recovery()"_s).value_or(QString()), u"false"_s);

        // The server finds the new primary by itself; then a run of nothing but successes.
        QTRY_VERIFY2_WITH_TIMEOUT(
                writes.count(201, promotedAt) >= 40, qPrintable(writes.summary()), 30'000);
        const qint64 steadyFrom = clock.elapsed();
        QTRY_VERIFY2_WITH_TIMEOUT(
                writes.count(201, steadyFrom) >= 60, qPrintable(writes.summary()), 30'000);
        QCOMPARE(writes.count(503, steadyFrom), 0);
        writes.stop();
        QTRY_COMPARE_WITH_TIMEOUT(writes.inFlight(), 0, 30'000);

        // Only successes and 503 with Retry-After, never an error of another kind.
        qint64 firstFailure = -1;
        qint64 lastFailure = -1;
        QSet<QString> acknowledged;
        for (const auto &answer : std::as_const(writes.answers)) {
            QVERIFY2(answer.status == 201 || answer.status == 503,
                    qPrintable(u"status %1 at %2 ms"_s.arg(answer.status).arg(answer.atMs)));
            if (answer.status == 503) {
                QVERIFY(answer.retryAfter);
                if (firstFailure < 0) {
                    firstFailure = answer.atMs;
                }
                lastFailure = answer.atMs;
            } else {
                QVERIFY(!answer.id.isEmpty());
                acknowledged.insert(answer.id);
            }
        }
        // The first success once the promotion began (any earlier one was answered before the
        // crash cut the primary off: at least 5 failures came in between).
        qint64 firstRecovered = -1;
        for (const auto &answer : std::as_const(writes.answers)) {
            if (answer.status == 201 && answer.atMs >= promoteAt) {
                firstRecovered = answer.atMs;
                break;
            }
        }
        QVERIFY(firstFailure >= crashAt && firstRecovered > firstFailure);

        // Every acknowledged write is on the new primary.
        const auto stored = standby.scalar(
                u"SELECT string_agg(id::text, ',') FROM shortlists WHERE name LIKE 'failover %'"_s,
                u"failover"_s);
        QVERIFY2(stored, qPrintable(standby.error()));
        const QStringList storedIds = stored->split(u',', Qt::SkipEmptyParts);
        const QSet<QString> onNewPrimary(storedIds.cbegin(), storedIds.cend());
        const QSet<QString> lost = acknowledged - onNewPrimary;
        QVERIFY2(lost.isEmpty(),
                qPrintable(u"%1 of %2 acknowledged writes lost, e.g. %3"_s.arg(lost.size())
                                   .arg(acknowledged.size())
                                   .arg(lost.isEmpty() ? QString() : *lost.cbegin())));
        // Writes that got a 503 may or may not have committed (the answer was lost with the
        // primary): the client cannot know, which is why it may retry only idempotent ones.
        QVERIFY(onNewPrimary.size() >= acknowledged.size());

        QCOMPARE(client.get(u"/readyz"_s).status, 200);

        qWarning("MEASURE failover acknowledged=%lld failed=%d unknown_committed=%lld",
                static_cast<long long>(acknowledged.size()), writes.count(503),
                static_cast<long long>(onNewPrimary.size() - acknowledged.size()));
        qWarning("MEASURE failover outage_ms=%lld crash_to_promote_ms=%lld promote_ms=%lld "
                 "promote_to_first_write_ms=%lld last_503_after_promote_ms=%lld",
                static_cast<long long>(firstRecovered - firstFailure),
                static_cast<long long>(promoteAt - crashAt),
                static_cast<long long>(promotedAt - promoteAt),
                static_cast<long long>(firstRecovered - promoteAt),
                static_cast<long long>(lastFailure - promoteAt));
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"

// SPDX-License-Identifier: Apache-2.0
// The database layer against a real PostgreSQL: type mapping, statement timeout, error mapping,
// transactions (rollback, serialization retries), migrations (idempotent, concurrent, tamper
// detection) and the bounded worker queue.
#include "TestDatabase.h"
#include "TestServer.h"
#include "core/db/Connection.h"
#include "core/db/DbPool.h"
#include "core/db/Migrator.h"
#include "core/db/Transaction.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <latch>

using namespace Qt::StringLiterals;
using namespace influence;
using namespace influence::server::db;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace {

std::shared_ptr<ConnectionSettings> freshSettings()
{
    auto settings = std::make_shared<ConnectionSettings>();
    settings->url = tests::TestDatabase::instance().freshDatabase();
    return settings;
}

Result<QVariant> scalar(Connection &c, const SqlStatement &statement)
{
    auto query = c.prepared(statement);
    if (!query) {
        return query.error();
    }
    if (auto ok = c.exec(**query); !ok) {
        return ok.error();
    }
    QVariant value = (*query)->next() ? (*query)->value(0) : QVariant();
    (*query)->finish();
    return value;
}

const SqlStatement kNumeric(u"SELECT CAST('12345678901234567890.123456789' AS numeric)"_s);
const SqlStatement kBigPositive(u"SELECT CAST(9007199254740993 AS bigint)"_s);
const SqlStatement kBigNegative(u"SELECT CAST(-9007199254740993 AS bigint)"_s);
const SqlStatement kTimeout(u"SELECT current_setting('statement_timeout')"_s);
const SqlStatement kSleep(u"SELECT pg_sleep(2)"_s);
const SqlStatement kCreateCounter(u"CREATE TABLE IF NOT EXISTS counter (n integer PRIMARY KEY)"_s);
const SqlStatement kCount(u"SELECT count(*) FROM counter"_s);
const SqlStatement kInsertNext(u"INSERT INTO counter (n) VALUES (:n)"_s);
const SqlStatement kInsertUser(u"INSERT INTO users (email, role) VALUES (:email, :role)"_s);
// The same name three times, in different roles, and a name that is a prefix of another.
const SqlStatement kRepeated(
        u"SELECT :word || '-' || :word || '-' || :wordy || '-' || CAST(length(:word) AS text)"_s);
const SqlStatement kCountMigrations(u"SELECT count(*) FROM schema_migrations"_s);

} // namespace

class TestDatabaseLayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(tests::TestDatabase::instance().isValid(),
                qPrintable(tests::TestDatabase::instance().error()));
    }

    void typesAreExact()
    {
        Connection c(freshSettings(), u"t-types"_s);
        const auto numeric = scalar(c, kNumeric);
        QVERIFY(numeric);
        QCOMPARE(numeric->toString(), u"12345678901234567890.123456789"_s);
        const auto positive = scalar(c, kBigPositive);
        QCOMPARE(toInt64(*positive), Q_INT64_C(9007199254740993));
        const auto negative = scalar(c, kBigNegative);
        QCOMPARE(toInt64(*negative), Q_INT64_C(-9007199254740993));
    }

    void repeatedPlaceholdersAreBoundEverywhere()
    {
        // Every occurrence of a named placeholder takes the value bound once, so statements
        // never need numbered twins (":id2") of a value they use twice.
        Connection c(freshSettings(), u"t-repeated"_s);
        for (const QString &word : {u"first"_s, u"second"_s}) {
            const auto value = c.scalar(kRepeated, {{u":word"_s, word}, {u":wordy"_s, u"other"_s}});
            QVERIFY(value);
            QCOMPARE(value->toString(),
                    word + u'-' + word + u"-other-"_s + QString::number(word.size()));
        }
    }

    void statementTimeoutApplies()
    {
        auto settings = freshSettings();
        settings->statementTimeout = std::chrono::milliseconds(500);
        Connection c(settings, u"t-timeout"_s);
        QCOMPARE(scalar(c, kTimeout)->toString(), u"500ms"_s);
        const auto slept = scalar(c, kSleep);
        QVERIFY(!slept);
        QCOMPARE(c.lastFailure()->kind, DbErrorKind::QueryCanceled);
        QCOMPARE(slept.error().code, ErrorCode::ServiceUnavailable);
        QVERIFY(slept.error().retryAfterSeconds > 0);
        // The connection is still usable.
        QVERIFY(scalar(c, kTimeout));
    }

    void constraintViolationsMapToApiErrors()
    {
        Connection c(freshSettings(), u"t-errors"_s);
        QVERIFY(Migrator().migrate(c));
        const auto insert = [&c](const QString &email, const QString &role) -> Result<void> {
            auto query = c.prepared(kInsertUser);
            if (!query) {
                return query.error();
            }
            (*query)->bindValue(u":email"_s, email);
            (*query)->bindValue(u":role"_s, role);
            return c.exec(**query);
        };
        QVERIFY(insert(u"ana@example.com"_s, u"brand"_s));
        const auto duplicate = insert(u"ANA@example.com"_s, u"brand"_s);
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
        QCOMPARE(c.lastFailure()->kind, DbErrorKind::UniqueViolation);
        QCOMPARE(c.lastFailure()->constraint, u"users_email_key"_s);
        const auto badRole = insert(u"bob@example.com"_s, u"superuser"_s);
        QVERIFY(!badRole);
        QCOMPARE(badRole.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(c.lastFailure()->kind, DbErrorKind::CheckViolation);
        // Nothing about SQL reaches the API error.
        QVERIFY(!badRole.error().detail.contains(u"users"_s));
    }

    void transactionRollsBackOnError()
    {
        auto settings = freshSettings();
        Connection c(settings, u"t-rollback"_s);
        QVERIFY(c.execDirect(u"CREATE TABLE counter (n integer PRIMARY KEY)"_s));
        const auto result = inTransaction(c, [](Connection &tx) -> Result<int> {
            auto query = tx.prepared(kInsertNext);
            (*query)->bindValue(u":n"_s, 1);
            if (auto ok = tx.exec(**query); !ok) {
                return ok.error();
            }
            return Error::make(ErrorCode::Conflict, u"business rule says no"_s);
        });
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QCOMPARE(toInt64(*scalar(c, kCount)), 0);
    }

    void serializationFailuresAreRetried()
    {
        // Two serializable transactions read the count and insert count+1: one must fail with
        // 40001 and be run again, so both rows exist and no number is used twice.
        auto settings = freshSettings();
        {
            Connection setup(settings, u"t-serial-setup"_s);
            QVERIFY(setup.execDirect(u"CREATE TABLE counter (n integer PRIMARY KEY)"_s));
        }
        std::latch bothRead(2);
        std::atomic<int> attempts{0};
        std::atomic<int> successes{0};
        const auto worker = [&](const QString &name) {
            Connection c(settings, name);
            const auto result = inTransaction(
                    c,
                    [&](Connection &tx) -> Result<int> {
                        const int attempt = attempts.fetch_add(1);
                        const auto count = scalar(tx, kCount);
                        if (!count) {
                            return count.error();
                        }
                        if (attempt < 2) {
                            // Both first attempts read before either writes.
                            bothRead.arrive_and_wait();
                        }
                        auto query = tx.prepared(kInsertNext);
                        (*query)->bindValue(u":n"_s, static_cast<int>(toInt64(*count)) + 1);
                        if (auto ok = tx.exec(**query); !ok) {
                            return ok.error();
                        }
                        return static_cast<int>(toInt64(*count)) + 1;
                    },
                    TransactionOptions{Isolation::Serializable, 5});
            if (result) {
                successes.fetch_add(1);
            }
        };
        QThread *a = QThread::create(worker, u"t-serial-a"_s);
        QThread *b = QThread::create(worker, u"t-serial-b"_s);
        a->start();
        b->start();
        QVERIFY(a->wait(20000));
        QVERIFY(b->wait(20000));
        delete a;
        delete b;
        QCOMPARE(successes.load(), 2);
        QVERIFY2(attempts.load() >= 3, qPrintable(QString::number(attempts.load())));
        Connection check(settings, u"t-serial-check"_s);
        QCOMPARE(toInt64(*scalar(check, kCount)), 2);
    }

    void migrationsAreIdempotent()
    {
        Connection c(freshSettings(), u"t-migrate"_s);
        const auto first = Migrator().migrate(c);
        QVERIFY(first);
        QVERIFY(!first->applied.isEmpty());
        QCOMPARE(first->current, Migration::embedded().last().version);
        const auto second = Migrator().migrate(c);
        QVERIFY(second);
        QVERIFY(second->applied.isEmpty());
        QCOMPARE(second->current, first->current);
    }

    void concurrentMigratorsApplyOnce()
    {
        auto settings = freshSettings();
        std::atomic<int> ok{0};
        std::vector<QThread *> threads;
        for (int i = 0; i < 4; ++i) {
            threads.push_back(QThread::create([&, i] {
                Connection c(settings, u"t-concurrent-%1"_s.arg(i));
                if (Migrator().migrate(c)) {
                    ok.fetch_add(1);
                }
            }));
            threads.back()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QCOMPARE(ok.load(), 4);
        Connection check(settings, u"t-concurrent-check"_s);
        QCOMPARE(toInt64(*scalar(check, kCountMigrations)), qint64(Migration::embedded().size()));
    }

    void changedMigrationIsRefused()
    {
        auto settings = freshSettings();
        Connection c(settings, u"t-tamper"_s);
        QVERIFY(Migrator().migrate(c));
        QVERIFY(c.execDirect(u"UPDATE schema_migrations SET checksum = 'abc' WHERE version = 1"_s));
        const auto result = Migrator().migrate(c);
        QVERIFY(!result);
        QVERIFY2(result.error().detail.contains(u"changed after it was applied"_s),
                qPrintable(result.error().detail));
        // And the server refuses to start on it.
        tests::TestServer::Options options;
        options.databaseUrl = settings->url.toUrlString();
        tests::TestServer server(options);
        QVERIFY(!server.isRunning());
        QVERIFY(server.error().contains(u"changed after it was applied"_s));
    }

    void failedMigrationLeavesNothing()
    {
        auto settings = freshSettings();
        Connection c(settings, u"t-badmigration"_s);
        QList<Migration> migrations = Migration::embedded();
        Migration broken;
        broken.version = 9999;
        broken.name = u"broken"_s;
        broken.sql = "CREATE TABLE half_done (x int); SELECT no_such_function();";
        broken.checksum = u"x"_s;
        migrations.append(broken);
        const auto result = Migrator(migrations).migrate(c);
        QVERIFY(!result);
        QVERIFY(result.error().detail.contains(u"9999"_s));
        const SqlStatement exists(u"SELECT to_regclass('half_done') IS NULL"_s);
        QCOMPARE(scalar(c, exists)->toBool(), true);
        QCOMPARE(toInt64(*scalar(c, kCountMigrations)), qint64(Migration::embedded().size()));
    }

    void poolQueueIsBounded()
    {
        DbPool pool(freshSettings(), 1, 2);
        QSemaphore release(0);
        QSemaphore started(0);
        QVERIFY(pool.tryRun([&](Connection &) {
            started.release();
            release.acquire();
        }));
        QVERIFY(started.tryAcquire(1, 10000)); // the only worker is busy now
        QVERIFY(pool.tryRun([](Connection &) {}));
        QVERIFY(pool.tryRun([](Connection &) {}));
        QVERIFY(!pool.tryRun([](Connection &) {})); // queue of 2 is full
        release.release();
        pool.waitForDone();
        QVERIFY(pool.tryRun([](Connection &) {}));
        pool.waitForDone();
    }

    void unreachableDatabaseFailsFast()
    {
        auto settings = std::make_shared<ConnectionSettings>();
        settings->url = *DatabaseUrl::parse(u"postgres://nobody@127.0.0.1:1/none"_s);
        Connection c(settings, u"t-unreachable"_s);
        const auto first = c.ensureOpen();
        QVERIFY(!first);
        QCOMPARE(first.error().code, ErrorCode::ServiceUnavailable);
        // Within the back-off window the next attempt does not even try.
        const auto second = c.ensureOpen();
        QVERIFY(!second);
        QVERIFY(c.lastFailure()->message.contains(u"recent connect failed"_s));
    }

    // A multi-host URL reaches libpq whole through QPSQL (hosts as the host name, ports in the
    // connect options): a first host that refuses is skipped, and target_session_attrs holds.
    void multiHostUrlSkipsUnreachableHost()
    {
        auto settings = freshSettings();
        settings->url.hosts.prepend(u"127.0.0.1"_s);
        settings->url.ports.prepend(1);
        settings->url.options.insert(u"target_session_attrs"_s, u"read-write"_s);
        Connection c(settings, u"t-multi-host"_s);
        QVERIFY2(
                c.ensureOpen(), qPrintable(c.lastFailure() ? c.lastFailure()->message : QString()));
        QCOMPARE(scalar(c, kTimeout)->toString(), u"5s"_s);
    }

    // A session on a server that no longer takes writes (a standby, a demoted primary: SQLSTATE
    // 25006) is dropped like a lost connection, so that the next one finds the primary; a
    // transaction runs again on the new session.
    void readOnlySessionIsDropped()
    {
        Connection c(freshSettings(), u"t-read-only"_s);
        QVERIFY(c.execDirect(kCreateCounter.sql()));
        QVERIFY(c.execDirect(u"SET default_transaction_read_only = on"_s));
        const auto refused = c.run(kInsertNext, {{u":n"_s, 1}});
        QVERIFY(!refused);
        QCOMPARE(c.lastFailure()->sqlState, u"25006"_s);
        QCOMPARE(c.lastFailure()->kind, DbErrorKind::ConnectionLost);
        QCOMPARE(refused.error().code, ErrorCode::ServiceUnavailable);
        QVERIFY(refused.error().retryAfterSeconds > 0);
        // The next use opens a new session, which takes writes.
        QVERIFY(c.run(kInsertNext, {{u":n"_s, 1}}));

        QVERIFY(c.execDirect(u"SET default_transaction_read_only = on"_s));
        int attempts = 0;
        const auto written = inTransaction(c, [&attempts](Connection &tx) -> Result<void> {
            ++attempts;
            if (auto inserted = tx.run(kInsertNext, {{u":n"_s, 2}}); !inserted) {
                return inserted.error();
            }
            return {};
        });
        QVERIFY(written);
        QCOMPARE(attempts, 2);
        QCOMPARE(scalar(c, kCount)->toLongLong(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseLayer)
#include "tst_database.moc"

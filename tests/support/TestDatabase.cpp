// SPDX-License-Identifier: Apache-2.0
#include "TestDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;
using influence::server::db::DatabaseUrl;
using influence::server::db::ManagedPostgres;

namespace influence::tests {

namespace {

// Durability is worthless for throwaway test data; speed is not.
const QStringList kFastSettings{u"fsync=off"_s, u"synchronous_commit=off"_s,
        u"full_page_writes=off"_s, u"max_connections=200"_s, u"shared_buffers=32MB"_s};

} // namespace

void TestDatabase::stopOrphanedClusters()
{
    // A test process killed by a timeout leaves its cluster running; stop such leftovers.
    static const QRegularExpression pattern(u"^influence-test-(\\d+)-"_s);
    const QDir tmp(u"/tmp"_s);
    for (const QString &entry : tmp.entryList({u"influence-test-*"_s}, QDir::Dirs)) {
        const auto match = pattern.match(entry);
        const auto pid = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) {
            continue; // its test is still running (or it is not ours)
        }
        const QString clusterDir = tmp.filePath(entry) + u"/postgres"_s;
        if (QFileInfo::exists(clusterDir + u"/postmaster.pid"_s)) {
            ManagedPostgres::Options options;
            options.dataDir = tmp.filePath(entry);
            options.database = u"postgres"_s;
            if (auto leftover = ManagedPostgres::start(options)) {
                (void)(*leftover)->stop();
            }
        }
        QDir(tmp.filePath(entry)).removeRecursively();
    }
}

std::unique_ptr<ManagedPostgres> TestDatabase::startPrivate(QTemporaryDir &directory)
{
    // The directory must be traversable by the account PostgreSQL runs as when we are root.
    ::chmod(QFile::encodeName(directory.path()).constData(), 0711);
    ManagedPostgres::Options options;
    options.dataDir = directory.path();
    options.database = u"postgres"_s;
    options.settings = kFastSettings;
    auto started = ManagedPostgres::start(options);
    if (!started) {
        qWarning("cannot start a private PostgreSQL: %s", qPrintable(started.error().detail));
        return nullptr;
    }
    return std::move(*started);
}

TestDatabase &TestDatabase::instance()
{
    static TestDatabase database;
    return database;
}

TestDatabase::TestDatabase()
{
    const QString external = qEnvironmentVariable("INFLUENCE_TEST_DATABASE_URL");
    if (!external.isEmpty()) {
        auto parsed = DatabaseUrl::parse(external);
        if (!parsed) {
            m_error = parsed.error().detail;
            return;
        }
        m_adminUrl = *parsed;
        m_external = true;
        QString error;
        if (!runAdmin(u"SELECT 1"_s, &error)) {
            m_error = u"INFLUENCE_TEST_DATABASE_URL is not usable: "_s + error;
            return;
        }
        m_valid = true;
        // Leave the server as found.
        qAddPostRoutine([] {
            instance().dropCreatedDatabases();
        });
        return;
    }
    stopOrphanedClusters();
    // The pid in the name lets a later run recognise a cluster whose test process was killed.
    m_directory = std::make_unique<QTemporaryDir>(
            u"/tmp/influence-test-%1-XXXXXX"_s.arg(QCoreApplication::applicationPid()));
    if (!m_directory->isValid()) {
        m_error = u"cannot create a temporary directory"_s;
        return;
    }
    m_postgres = startPrivate(*m_directory);
    if (!m_postgres) {
        m_error = u"cannot start a private PostgreSQL (is the postgresql package installed?)"_s;
        return;
    }
    m_adminUrl = m_postgres->url(u"postgres"_s);
    m_valid = true;
    // Stop the cluster before the temporary directory goes, also when a test calls exit().
    qAddPostRoutine([] {
        instance().m_postgres.reset();
    });
}

DatabaseUrl TestDatabase::freshDatabase()
{
    const QString name = u"test_%1_%2_%3"_s.arg(::getpid())
                                 .arg(++m_counter)
                                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    if (m_postgres) {
        if (auto created = m_postgres->createDatabase(name); !created) {
            qWarning("%s", qPrintable(created.error().detail));
        }
        return m_postgres->url(name);
    }
    // The name is generated above from digits and hex: safe to splice into the statement.
    QString error;
    if (runAdmin(u"CREATE DATABASE \"%1\""_s.arg(name), &error)) {
        m_created.append(name);
    } else {
        qWarning("CREATE DATABASE failed: %s", qPrintable(error));
    }
    DatabaseUrl url = m_adminUrl;
    url.database = name;
    return url;
}

bool TestDatabase::runAdmin(const QString &sql, QString *error) const
{
    const QString connectionName = u"test-admin-"_s + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        m_adminUrl.applyTo(db, 10);
        if (!db.open()) {
            if (error) {
                *error = db.lastError().text();
            }
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok && error) {
                *error = query.lastError().text();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return ok;
}

void TestDatabase::dropCreatedDatabases()
{
    for (const QString &name : std::exchange(m_created, {})) {
        // Names were generated by freshDatabase(); FORCE ends leftover sessions (PostgreSQL 13+).
        runAdmin(u"DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)"_s.arg(name));
    }
}

} // namespace influence::tests

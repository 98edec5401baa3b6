// SPDX-License-Identifier: Apache-2.0
#include "TestDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using influence::server::db::DatabaseUrl;
using influence::server::db::ManagedPostgres;

namespace influence::tests {

namespace {

// Durability is worthless for throwaway test data; speed is not.
const QStringList kFastSettings{u"fsync=off"_s, u"synchronous_commit=off"_s,
        u"full_page_writes=off"_s, u"max_connections=200"_s, u"shared_buffers=32MB"_s};

} // namespace

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
        m_valid = true;
        return;
    }
    m_directory = std::make_unique<QTemporaryDir>(u"/tmp/influence-test-XXXXXX"_s);
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
    const QString connectionName = u"test-admin-"_s + name;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        db.setHostName(m_adminUrl.host);
        db.setPort(m_adminUrl.port);
        db.setUserName(m_adminUrl.user);
        db.setPassword(m_adminUrl.password);
        db.setDatabaseName(m_adminUrl.database);
        db.setConnectOptions(m_adminUrl.connectOptions(10));
        if (db.open()) {
            QSqlQuery create(db);
            // The name is generated above from digits and hex: safe to splice.
            if (!create.exec(u"CREATE DATABASE \"%1\""_s.arg(name))) {
                qWarning("CREATE DATABASE failed: %s", qPrintable(create.lastError().text()));
            }
        } else {
            qWarning("cannot connect to INFLUENCE_TEST_DATABASE_URL: %s",
                    qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    DatabaseUrl url = m_adminUrl;
    url.database = name;
    return url;
}

} // namespace influence::tests

// SPDX-License-Identifier: Apache-2.0
#include "Migrator.h"

#include "SqlScript.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

Q_LOGGING_CATEGORY(lcMigrate, "influence.db.migrate")

namespace influence::server::db {

namespace {

// pg_advisory_lock key for migrations: an arbitrary constant, the same in every version.
constexpr qint64 kMigrationLockKey = 7'244'110'101;

Error migrationError(const QString &detail)
{
    return Error::make(ErrorCode::Internal, detail);
}

} // namespace

QList<Migration> Migration::embedded()
{
    static const QRegularExpression pattern(u"^(\\d{4})_([a-z0-9_]+)\\.sql$"_s);
    QList<Migration> migrations;
    const QDir dir(u":/migrations"_s);
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(file);
        if (!match.hasMatch()) {
            qCWarning(lcMigrate, "ignoring badly named migration %s", qPrintable(file));
            continue;
        }
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = match.captured(2);
        m.sql = f.readAll();
        m.checksum = QString::fromLatin1(
                QCryptographicHash::hash(m.sql, QCryptographicHash::Sha256).toHex());
        migrations.append(m);
    }
    return migrations;
}

Migrator::Migrator(QList<Migration> migrations)
    : m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(), [](const Migration &a, const Migration &b) {
        return a.version < b.version;
    });
}

Result<Migrator::Report> Migrator::migrate(Connection &connection) const
{
    for (qsizetype i = 1; i < m_migrations.size(); ++i) {
        if (m_migrations[i].version == m_migrations[i - 1].version) {
            return migrationError(u"two migrations have version %1"_s.arg(m_migrations[i].version));
        }
    }
    // Migrations may build indexes on big tables: no statement timeout for this session.
    if (auto ok = connection.setStatementTimeout(std::chrono::milliseconds(0)); !ok) {
        return ok.error();
    }
    static const SqlStatement lock(u"SELECT pg_advisory_lock(:key)"_s);
    static const SqlStatement unlock(u"SELECT pg_advisory_unlock(:key)"_s);
    const auto withLockKey = [&connection](const SqlStatement &statement) -> Result<void> {
        auto query = connection.prepared(statement);
        if (!query) {
            return query.error();
        }
        (*query)->bindValue(u":key"_s, kMigrationLockKey);
        auto ok = connection.exec(**query);
        (*query)->finish();
        return ok;
    };
    if (auto ok = withLockKey(lock); !ok) {
        return ok.error();
    }
    const auto restore = qScopeGuard([&] {
        (void)withLockKey(unlock);
        (void)connection.setStatementTimeout(connection.settings().statementTimeout);
    });

    if (auto ok = connection.execDirect(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                        "  version integer PRIMARY KEY,"
                                        "  name text NOT NULL,"
                                        "  checksum text NOT NULL,"
                                        "  applied_at timestamptz NOT NULL DEFAULT now())"_s);
            !ok) {
        return ok.error();
    }

    static const SqlStatement selectApplied(
            u"SELECT version, name, checksum FROM schema_migrations ORDER BY version"_s);
    auto query = connection.prepared(selectApplied);
    if (!query) {
        return query.error();
    }
    if (auto ok = connection.exec(**query); !ok) {
        return ok.error();
    }
    QHash<int, QString> applied;
    Report report;
    while ((*query)->next()) {
        const int version = (*query)->value(0).toInt();
        applied.insert(version, (*query)->value(2).toString());
        report.current = std::max(report.current, version);
    }
    (*query)->finish();

    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        const auto known =
                std::find_if(m_migrations.cbegin(), m_migrations.cend(), [&](const Migration &m) {
                    return m.version == it.key();
                });
        if (known == m_migrations.cend()) {
            report.databaseNewer = true;
            continue;
        }
        if (known->checksum != it.value()) {
            return migrationError(
                    u"migration %1 (%2) was changed after it was applied (checksum %3 in the "
                    "database, %4 in this binary); applied migrations must never change: add a "
                    "new migration instead"_s.arg(known->version)
                            .arg(known->name, it.value().left(12), known->checksum.left(12)));
        }
    }

    static const SqlStatement insertApplied(
            u"INSERT INTO schema_migrations (version, name, checksum) "
            "VALUES (:version, :name, :checksum)"_s);
    for (const Migration &migration : m_migrations) {
        if (applied.contains(migration.version)) {
            continue;
        }
        qCInfo(lcMigrate, "applying migration %04d_%s", migration.version,
                qPrintable(migration.name));
        if (auto ok = connection.begin(); !ok) {
            return ok.error();
        }
        for (const QString &statement : splitSqlStatements(QString::fromUtf8(migration.sql))) {
            if (auto ok = connection.execDirect(statement); !ok) {
                const QString why = connection.lastFailure() ? connection.lastFailure()->message
                                                             : ok.error().detail;
                connection.rollback();
                return migrationError(
                        u"migration %1 (%2) failed: %3\nin: %4"_s.arg(migration.version)
                                .arg(migration.name, why.trimmed(), statement.left(300)));
            }
        }
        auto insert = connection.prepared(insertApplied);
        if (!insert) {
            connection.rollback();
            return insert.error();
        }
        (*insert)->bindValue(u":version"_s, migration.version);
        (*insert)->bindValue(u":name"_s, migration.name);
        (*insert)->bindValue(u":checksum"_s, migration.checksum);
        if (auto ok = connection.exec(**insert); !ok) {
            connection.rollback();
            return ok.error();
        }
        if (auto ok = connection.commit(); !ok) {
            return ok.error();
        }
        report.applied.append(migration.version);
        report.current = std::max(report.current, migration.version);
    }
    return report;
}

} // namespace influence::server::db

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

namespace {

const SqlStatement kLock(u"SELECT pg_advisory_lock(:key)"_s);
const SqlStatement kUnlock(u"SELECT pg_advisory_unlock(:key)"_s);
const SqlStatement kSelectApplied(
        u"SELECT version, checksum FROM schema_migrations ORDER BY version"_s);
const SqlStatement kInsertApplied(u"INSERT INTO schema_migrations (version, name, checksum) "
                                  "VALUES (:version, :name, :checksum)"_s);

/// Applied versions and their checksums.
Result<QHash<int, QString>> appliedMigrations(Connection &connection)
{
    if (auto ok = connection.execDirect(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                        "  version integer PRIMARY KEY,"
                                        "  name text NOT NULL,"
                                        "  checksum text NOT NULL,"
                                        "  applied_at timestamptz NOT NULL DEFAULT now())"_s);
            !ok) {
        return ok.error();
    }
    auto query = connection.run(kSelectApplied);
    if (!query) {
        return query.error();
    }
    QHash<int, QString> applied;
    while ((*query)->next()) {
        applied.insert((*query)->value(0).toInt(), (*query)->value(1).toString());
    }
    return applied;
}

/// Runs one migration's statements and records it, all in one transaction.
Result<void> apply(Connection &connection, const Migration &migration)
{
    qCInfo(lcMigrate, "applying migration %04d_%s", migration.version, qPrintable(migration.name));
    if (auto ok = connection.begin(); !ok) {
        return ok.error();
    }
    for (const QString &statement : splitSqlStatements(QString::fromUtf8(migration.sql))) {
        if (auto ok = connection.execDirect(statement); !ok) {
            const QString why = connection.lastFailure() ? connection.lastFailure()->message
                                                         : ok.error().detail;
            connection.rollback();
            return migrationError(u"migration %1 (%2) failed: %3\nin: %4"_s.arg(migration.version)
                                          .arg(migration.name, why.trimmed(), statement.left(300)));
        }
    }
    if (auto ok = connection.run(kInsertApplied,
                {{u":version"_s, migration.version}, {u":name"_s, migration.name},
                        {u":checksum"_s, migration.checksum}});
            !ok) {
        connection.rollback();
        return ok.error();
    }
    return connection.commit();
}

} // namespace

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
    if (auto ok = connection.run(kLock, {{u":key"_s, kMigrationLockKey}}); !ok) {
        return ok.error();
    }
    const auto restore = qScopeGuard([&connection] {
        (void)connection.run(kUnlock, {{u":key"_s, kMigrationLockKey}});
        (void)connection.setStatementTimeout(connection.settings().statementTimeout);
    });

    const auto applied = appliedMigrations(connection);
    if (!applied) {
        return applied.error();
    }
    Report report;
    for (auto it = applied->cbegin(); it != applied->cend(); ++it) {
        report.current = std::max(report.current, it.key());
        const auto known =
                std::find_if(m_migrations.cbegin(), m_migrations.cend(), [&it](const Migration &m) {
                    return m.version == it.key();
                });
        if (known == m_migrations.cend()) {
            report.databaseNewer = true;
        } else if (known->checksum != it.value()) {
            return migrationError(
                    u"migration %1 (%2) was changed after it was applied (checksum %3 in the "
                    "database, %4 in this binary); applied migrations must never change: add a "
                    "new migration instead"_s.arg(known->version)
                            .arg(known->name, it.value().left(12), known->checksum.left(12)));
        }
    }
    for (const Migration &migration : m_migrations) {
        if (applied->contains(migration.version)) {
            continue;
        }
        if (auto ok = apply(connection, migration); !ok) {
            return ok.error();
        }
        report.applied.append(migration.version);
        report.current = std::max(report.current, migration.version);
    }
    return report;
}

} // namespace influence::server::db

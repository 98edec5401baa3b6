// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/DatabaseUrl.h"
#include "core/db/ManagedPostgres.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace influence::tests {

/// The PostgreSQL the tests of one executable use. By default a throwaway private cluster in a
/// temporary directory (started once per executable, tuned for speed: fsync off), removed at
/// exit. With INFLUENCE_TEST_DATABASE_URL set (a URL whose user may CREATE DATABASE), that server
/// is used instead. Each call to freshDatabase() gives a new, empty database. There are no
/// credentials in the tests: the private cluster trusts its 0700 Unix socket.
class TestDatabase
{
public:
    /// The instance for this process (started on first use). Fails the calling test (QFAIL) if no
    /// PostgreSQL can be started: API tests never skip.
    static TestDatabase &instance();

    /// A new empty database; its URL.
    server::db::DatabaseUrl freshDatabase();

    /// A private cluster of the caller's own (for tests that stop and restart PostgreSQL).
    static std::unique_ptr<server::db::ManagedPostgres> startPrivate(QTemporaryDir &directory);

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }

private:
    TestDatabase();
    bool runAdmin(const QString &sql, QString *error = nullptr) const;
    static void stopOrphanedClusters();
    void dropCreatedDatabases();

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<server::db::ManagedPostgres> m_postgres;
    server::db::DatabaseUrl m_adminUrl;
    bool m_external = false;
    bool m_valid = false;
    QString m_error;
    int m_counter = 0;
    QStringList m_created;
};

} // namespace influence::tests

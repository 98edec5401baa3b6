// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/Config.h"
#include "app/ServerApp.h"
#include "core/db/Connection.h"

#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace influence::tests {

/// A real server in this process: its own fresh database (from TestDatabase, migrated on start),
/// a free port on 127.0.0.1, real HTTP threads and worker pool.
class TestServer
{
public:
    struct Options
    {
        /// Adjust the configuration before start (limits, timeouts, CORS…).
        std::function<void(server::Config &)> configure;
        /// Extra routes for the test (a handler that throws, one that is slow…).
        std::function<void(server::http::Router &)> routes;
        /// Extra job handlers for the test, registered before the job worker starts.
        std::function<void(server::jobs::JobWorker &)> jobs;
        bool demoData = false;
        /// Use this database instead of a fresh one.
        QString databaseUrl;
    };

    TestServer();
    explicit TestServer(const Options &options);
    ~TestServer();

    /// Whether start succeeded; error() says why not.
    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }

    QUrl url() const;
    quint16 port() const;
    server::ServerApp &app() { return *m_app; }
    QString databaseUrl() const { return m_databaseUrl; }
    /// A connection of the test's own to this server's database, for set-up and checks (null if
    /// the URL does not parse).
    std::unique_ptr<server::db::Connection> connect(const QString &name) const;

    /// The configuration a test server uses (fresh database URL filled in).
    static server::Config baseConfig(const QString &databaseUrl);

private:
    std::unique_ptr<server::ServerApp> m_app;
    QString m_databaseUrl;
    bool m_running = false;
    QString m_error;
};

} // namespace influence::tests

// SPDX-License-Identifier: Apache-2.0
#include "TestServer.h"

#include "TestDatabase.h"
#include "core/db/DatabaseUrl.h"
#include "core/log/Log.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace influence::tests {

namespace {

void installTestLogging()
{
    static const bool installed = [] {
        const QString level = qEnvironmentVariable("INFLUENCE_TEST_LOG", u"warning"_s);
        server::log::install({level, u"text"_s});
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace

server::Config TestServer::baseConfig(const QString &databaseUrl)
{
    server::Config config;
    config.http.listenAddress = QHostAddress(QHostAddress::LocalHost);
    config.http.port = 0;
    config.http.threads = 2;
    config.database.url = databaseUrl;
    config.database.poolSize = 4;
    config.http.shutdownGrace = std::chrono::seconds(5);
    config.log.level = u"warning"_s;
    // Tests sign tokens with a fixed-length random key and are not throttled unless they test it.
    config.tokens.secret = QUuid::createUuid().toByteArray() + QUuid::createUuid().toByteArray();
    config.auth.rateLimitPerMinute = 100'000;
    config.http.writesPerMinute = 1'000'000;
    config.http.expensivePerMinute = 1'000'000;
    // Tests register users and use their tokens at once; the tests of the default (confirm)
    // mode set it themselves.
    config.auth.registration = server::auth::Registration::Immediate;
    return config;
}

TestServer::TestServer()
    : TestServer(Options{})
{ }

TestServer::TestServer(const Options &options)
{
    installTestLogging();
    TestDatabase &database = TestDatabase::instance();
    if (!database.isValid()) {
        m_error = database.error();
        return;
    }
    m_databaseUrl = options.databaseUrl.isEmpty() ? database.freshDatabase().toUrlString()
                                                  : options.databaseUrl;
    server::Config config = baseConfig(m_databaseUrl);
    if (options.configure) {
        options.configure(config);
    }
    m_app = std::make_unique<server::ServerApp>(config);
    server::ServerApp::StartOptions start;
    start.demoData = options.demoData;
    start.extraRoutes = options.routes;
    start.extraJobs = options.jobs;
    if (auto started = m_app->start(start); !started) {
        m_error = started.error().detail;
        return;
    }
    m_running = true;
}

TestServer::~TestServer() = default;

QUrl TestServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port()));
}

std::unique_ptr<server::db::Connection> TestServer::connect(const QString &name) const
{
    const auto url = server::db::DatabaseUrl::parse(m_databaseUrl);
    if (!url) {
        return nullptr;
    }
    auto settings = std::make_shared<server::db::ConnectionSettings>();
    settings->url = *url;
    return std::make_unique<server::db::Connection>(settings, name);
}

quint16 TestServer::port() const
{
    return m_app ? m_app->port() : 0;
}

} // namespace influence::tests

// SPDX-License-Identifier: Apache-2.0
#include "DatabaseSettings.h"

#include "Connection.h"
#include "DatabaseUrl.h"
#include "ManagedPostgres.h"

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::db {

Result<std::shared_ptr<ConnectionSettings>> connectionSettingsFor(const DatabaseSettings &settings,
        const QString &dataDir, std::unique_ptr<ManagedPostgres> &managed)
{
    auto connection = std::make_shared<ConnectionSettings>();
    connection->connectTimeout = settings.connectTimeout;
    connection->statementTimeout = settings.statementTimeout;
    if (settings.url.isEmpty()) {
        ManagedPostgres::Options options;
        options.dataDir = dataDir;
        options.binDir = settings.postgresBinDir;
        auto started = ManagedPostgres::start(options);
        if (!started) {
            return started.error();
        }
        managed = std::move(*started);
        connection->url = managed->url();
    } else {
        auto parsed = DatabaseUrl::parse(settings.url);
        if (!parsed) {
            return parsed.error();
        }
        connection->url = *parsed;
        // With several hosts, the server wants the one that takes writes: libpq skips a standby
        // (before its promotion) and a server it cannot reach, in the order listed.
        if (connection->url.hosts.size() > 1
                && !connection->url.options.contains(u"target_session_attrs"_s)) {
            connection->url.options.insert(u"target_session_attrs"_s, u"read-write"_s);
        }
    }
    return connection;
}

} // namespace influence::server::db

// SPDX-License-Identifier: Apache-2.0
#include "DatabaseSettings.h"

#include "Connection.h"
#include "DatabaseUrl.h"
#include "ManagedPostgres.h"

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
    }
    return connection;
}

} // namespace influence::server::db

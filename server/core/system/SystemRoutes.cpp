// SPDX-License-Identifier: Apache-2.0
#include "SystemRoutes.h"

#include "common/SystemApi.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"

using namespace Qt::StringLiterals;

namespace influence::server::system {

namespace {

const db::SqlStatement kPing(u"SELECT 1"_s);

http::Response readiness(bool database, bool draining)
{
    common::Readiness r;
    r.database = database;
    r.draining = draining;
    r.ready = database && !draining;
    return http::Response::json(r.toJson(), r.ready ? 200 : 503);
}

} // namespace

void registerRoutes(http::HttpContext &context, const SystemInfo &info)
{
    http::Router &router = context.router;

    router.get(u"/healthz"_s, [](const http::Request &, const http::Responder &out) {
        out.send(http::Response::json(QJsonObject{{u"status"_s, u"ok"_s}}));
    });

    router.get(u"/readyz"_s, [&context](const http::Request &, const http::Responder &out) {
        if (context.draining.load()) {
            out.send(readiness(false, true));
            return;
        }
        out.runOnDbPool([&context](db::Connection &connection) {
            const auto ping =
                    db::withRetry(connection, [](db::Connection &c) -> common::Result<void> {
                        auto query = c.prepared(kPing);
                        if (!query) {
                            return query.error();
                        }
                        auto ok = c.exec(**query);
                        (*query)->finish();
                        return ok;
                    });
            return readiness(ping.has_value(), context.draining.load());
        });
    });

    common::ServerVersion version;
    version.name = u"influence-server"_s;
    version.version = QStringLiteral(INFLUENCE_VERSION);
    version.apiVersion = u"v1"_s;
    version.qtVersion = QString::fromLatin1(qVersion());
    version.startedAt = info.startedAt;
    const QByteArray versionJson = QJsonDocument(version.toJson()).toJson(QJsonDocument::Compact);
    router.get(
            u"/api/v1/version"_s, [versionJson](const http::Request &, const http::Responder &out) {
                out.send(http::Response::rawJson(versionJson));
            });

    router.get(u"/openapi.json"_s,
            [json = info.openApiJson](const http::Request &, const http::Responder &out) {
                out.send(http::Response::rawJson(json).withHeader("Cache-Control", "no-cache"));
            });

    router.get(u"/docs"_s,
            [html = info.docsHtml, csp = info.docsContentSecurityPolicy](
                    const http::Request &, const http::Responder &out) {
                out.send(http::Response::html(html)
                                 .withHeader("Cache-Control", "no-cache")
                                 .withHeader("Content-Security-Policy", csp));
            });
}

} // namespace influence::server::system

// SPDX-License-Identifier: Apache-2.0
#include "TestRoutes.h"

#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"

#include <QThread>

#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace influence::server;

namespace influence::tests {

namespace {
const db::SqlStatement kSelectOne(u"SELECT 1"_s);
const db::SqlStatement kShowTimeout(u"SELECT current_setting('statement_timeout')"_s);
// Fails with an error whose text carries the value: "unrecognized configuration parameter …".
const db::SqlStatement kSettingNamed(u"SELECT current_setting(:name)"_s);
} // namespace

void addTestRoutes(http::Router &router)
{
    router.post(u"/test/echo"_s, [](const http::Request &request, const http::Responder &out) {
        const auto body = request.jsonObject();
        if (!body) {
            out.problem(body.error());
            return;
        }
        QJsonObject answer = *body;
        answer.insert(u"_bytes"_s, static_cast<int>(request.body.size()));
        out.send(http::Response::json(answer));
    });
    router.get(u"/test/throw"_s, [](const http::Request &, const http::Responder &) {
        throw std::runtime_error("secret internal detail: password=hunter2");
    });
    router.get(u"/test/silent"_s, [](const http::Request &, const http::Responder &) {});
    router.get(u"/test/db"_s, [](const http::Request &, const http::Responder &out) {
        out.runOnDbPool([](db::Connection &connection) {
            const auto result =
                    db::withRetry(connection, [](db::Connection &c) -> common::Result<int> {
                        auto query = c.prepared(kSelectOne);
                        if (!query) {
                            return query.error();
                        }
                        if (auto ok = c.exec(**query); !ok) {
                            return ok.error();
                        }
                        const int value = (*query)->next() ? (*query)->value(0).toInt() : 0;
                        (*query)->finish();
                        return value;
                    });
            return http::Response::from(result, [](int v) {
                return QJsonObject{{u"value"_s, v}};
            });
        });
    });
    router.get(u"/test/db-throw"_s, [](const http::Request &, const http::Responder &out) {
        out.runOnDbPool([](db::Connection &) -> http::Response {
            throw std::logic_error("SELECT secret FROM internals");
        });
    });
    router.get(u"/test/slow/{ms}"_s, [](const http::Request &request, const http::Responder &out) {
        const int ms = qBound(0, request.pathParams.value(u"ms"_s).toInt(), 5000);
        out.runOnDbPool([ms](db::Connection &) {
            QThread::msleep(static_cast<unsigned long>(ms));
            return http::Response::json(QJsonObject{{u"slept"_s, ms}});
        });
    });
    router.get(u"/test/uuid/{id}"_s, [](const http::Request &request, const http::Responder &out) {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            out.problem(id.error());
            return;
        }
        out.send(http::Response::json(QJsonObject{{u"id"_s, id->toString(QUuid::WithoutBraces)}}));
    });
    router.get(u"/test/statement-timeout"_s, [](const http::Request &, const http::Responder &out) {
        out.runOnDbPool([](db::Connection &c) {
            auto query = c.prepared(kShowTimeout);
            if (!query) {
                return http::Response::fromError(query.error());
            }
            if (auto ok = c.exec(**query); !ok) {
                return http::Response::fromError(ok.error());
            }
            const QString value = (*query)->next() ? (*query)->value(0).toString() : QString();
            (*query)->finish();
            return http::Response::json(QJsonObject{{u"statementTimeout"_s, value}});
        });
    });
    router.post(u"/test/db-error"_s, [](const http::Request &request, const http::Responder &out) {
        const QString bio = request.jsonObject().value_or(QJsonObject{}).value(u"bio"_s).toString();
        out.runOnDbPool([bio](db::Connection &c) {
            return http::Response::from(
                    c.scalar(kSettingNamed, {{u":name"_s, bio}}), [](const QVariant &v) {
                        return QJsonObject{{u"value"_s, v.toString()}};
                    });
        });
    });
}

} // namespace influence::tests

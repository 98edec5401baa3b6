// SPDX-License-Identifier: Apache-2.0
#include "JobRoutes.h"

#include "core/db/JsonRows.h"
#include "core/db/Pages.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/RouteTable.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

namespace influence::server::jobs {

namespace {

const SqlStatement kQueues(u"SELECT api_job_queues_json()::text"_s);
const QString kDead(u"SELECT api_job_json(j)::text, j.id FROM jobs j "
                    "WHERE j.state = 'dead' AND j.id < :after ORDER BY j.id DESC LIMIT :limit"_s);
const SqlStatement kState(u"SELECT state FROM jobs WHERE id = :id"_s);
const SqlStatement kRetry(u"SELECT job_retry(:id)"_s);
const SqlStatement kJob(u"SELECT api_job_json(j)::text FROM jobs j WHERE j.id = :id"_s);

Result<void> mustBeAdmin(const Principal &p)
{
    if (!p.isAdmin()) {
        return Error::make(ErrorCode::Forbidden, u"Only administrators see the job queue."_s);
    }
    return {};
}

Result<Work> queues(const Request & /*request*/)
{
    return Work([](Connection &c, const Principal &p) -> Result<QByteArray> {
        if (auto admin = mustBeAdmin(p); !admin) {
            return admin.error();
        }
        return db::json(c, kQueues, {});
    });
}

Result<Work> deadJobs(const Request &request)
{
    const auto page = http::pageOf(request, db::Page::Order::NewestFirst);
    if (!page) {
        return page.error();
    }
    return Work([page = *page](Connection &c, const Principal &p) -> Result<QByteArray> {
        if (auto admin = mustBeAdmin(p); !admin) {
            return admin.error();
        }
        return db::runPage(c, kDead, {}, page);
    });
}

Result<Work> retry(const Request &request)
{
    bool ok = false;
    const qint64 id = request.pathParams.value(u"id"_s).toLongLong(&ok);
    if (!ok || id <= 0) {
        return http::invalidParameter(u"id"_s, u"Must be a job id (a positive integer)."_s);
    }
    return Work([id](Connection &c, const Principal &p) -> Result<QByteArray> {
        if (auto admin = mustBeAdmin(p); !admin) {
            return admin.error();
        }
        const auto state = c.scalar(kState, {{u":id"_s, id}});
        if (!state) {
            return state.error();
        }
        if (state->isNull()) {
            return Error::notFound(u"There is no job %1."_s.arg(id));
        }
        if (state->toString() != u"dead"_s) {
            return Error::make(ErrorCode::Conflict,
                    u"Job %1 is %2; only dead jobs are retried."_s.arg(id).arg(state->toString()));
        }
        const auto retried = c.scalar(kRetry, {{u":id"_s, id}});
        if (!retried) {
            // Another job with the same unique key is queued or running.
            const auto &failure = c.lastFailure();
            if (failure && failure->sqlState == u"23505"_s) {
                return Error::make(ErrorCode::Conflict,
                        u"A job with the same unique key is already queued or running."_s);
            }
            return retried.error();
        }
        return db::json(c, kJob, {{u":id"_s, id}});
    });
}

} // namespace

void registerRoutes(http::HttpContext &context)
{
    constexpr auto signedIn = http::Access::SignedIn;
    http::addRoutes(context,
            {
                    {http::HttpMethod::Get, u"/api/v1/admin/jobs"_s, signedIn, queues},
                    {http::HttpMethod::Get, u"/api/v1/admin/jobs/dead"_s, signedIn, deadJobs},
                    {http::HttpMethod::Post, u"/api/v1/admin/jobs/{id}/retry"_s, signedIn, retry},
            });
}

} // namespace influence::server::jobs

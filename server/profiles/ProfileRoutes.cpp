// SPDX-License-Identifier: Apache-2.0
// HTTP for profiles, connected accounts and their metric history: the route table, and for each
// route the reading and checking of its input on the HTTP thread (400/422 before any database
// work) into the work on the database pool. A user changes only their own profile and accounts.
#include "ProfileRoutes.h"

#include "ConnectedAccounts.h"
#include "Metrics.h"
#include "MetricsCache.h"
#include "Profiles.h"
#include "common/ProfileTypes.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/Response.h"
#include "core/http/RouteTable.h"

#include <memory>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Response;
using influence::server::http::Work;

namespace influence::server::profiles {

namespace {

/// A written profile: 201 when the write made it, 200 when it replaced one.
Response writtenOr(const Result<Written> &written)
{
    if (!written) {
        return Response::fromError(written.error());
    }
    return Response::rawJson(written->json, written->outcome == Outcome::Created ? 201 : 200);
}

// --- The caller's own profiles -----------------------------------------------------------

Result<Work> readMyInfluencer(const Request & /*request*/)
{
    return Work(profiles::ownInfluencer);
}

Result<Work> putMyInfluencer(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto input = common::profiles::validateInfluencer(*body);
    if (!input) {
        return input.error();
    }
    return Work([input = *input](Connection &c, const Principal &p) {
        return writtenOr(profiles::replaceInfluencer(c, p, input));
    });
}

Result<Work> patchMyInfluencer(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    return Work([patch = *body](Connection &c, const Principal &p) {
        return writtenOr(profiles::patchInfluencer(c, p, patch));
    });
}

Result<Work> deleteMyInfluencer(const Request & /*request*/)
{
    return Work(profiles::deleteInfluencer);
}

Result<Work> readMyBrand(const Request & /*request*/)
{
    return Work(profiles::ownBrand);
}

Result<Work> putMyBrand(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto input = common::profiles::validateBrand(*body);
    if (!input) {
        return input.error();
    }
    return Work([input = *input](Connection &c, const Principal &p) {
        return writtenOr(profiles::replaceBrand(c, p, input));
    });
}

Result<Work> patchMyBrand(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    return Work([patch = *body](Connection &c, const Principal &p) {
        return writtenOr(profiles::patchBrand(c, p, patch));
    });
}

Result<Work> deleteMyBrand(const Request & /*request*/)
{
    return Work(profiles::deleteBrand);
}

// --- Other users' public profiles --------------------------------------------------------

Result<Work> readCreatorProfile(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &) {
        return profiles::publicInfluencer(c, id);
    });
}

Result<Work> readBrandProfile(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &) {
        return profiles::publicBrand(c, id);
    });
}

// --- Connected accounts ------------------------------------------------------------------

Result<Work> listMyAccounts(const Request & /*request*/)
{
    return Work(profiles::accounts);
}

Result<Work> addMyAccount(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto input = common::profiles::validateManualAccount(*body);
    if (!input) {
        return input.error();
    }
    return Work([input = *input](Connection &c, const Principal &p) {
        return profiles::addManualAccount(c, p, input);
    });
}

Result<Work> patchMyAccount(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    const auto body = id ? request.jsonObject() : Result<QJsonObject>(id.error());
    if (!body) {
        return body.error();
    }
    const auto input =
            common::profiles::validateManualAccount(*body, common::profiles::AccountFields::Given);
    if (!input) {
        return input.error();
    }
    if (body->contains(u"platform"_s)) {
        return Error::validation({{u"platform"_s, u"read_only"_s,
                u"The platform of an account cannot change; add another account."_s}});
    }
    AccountChange change;
    if (body->contains(u"handle"_s)) {
        change.handle = input->handle;
    }
    if (body->contains(u"profileUrl"_s)) {
        change.profileUrl = input->profileUrl;
    }
    return Work([id = *id, change](Connection &c, const Principal &p) {
        return profiles::changeAccount(c, p, id, change);
    });
}

/// Removing an account removes its metric history (and stored platform tokens).
Result<Work> deleteMyAccount(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) {
        return profiles::deleteAccount(c, p, id);
    });
}

/// `from` and `to` (default: the 90 days up to today) and `interval` (default day).
Result<SeriesRange> seriesRangeOf(const Request &request)
{
    const QDate today = QDate::currentDate();
    const auto date = [&request](const QString &name, QDate fallback) -> Result<QDate> {
        if (!request.hasQuery(name)) {
            return fallback;
        }
        const QDate value = QDate::fromString(request.queryValue(name), Qt::ISODate);
        if (!value.isValid()) {
            return Error::invalidParameter(
                    name, u"invalid_format"_s, u"Must be a date: YYYY-MM-DD."_s);
        }
        return value;
    };
    const auto to = date(u"to"_s, today);
    if (!to) {
        return to.error();
    }
    const auto from = date(u"from"_s, to->addDays(-89));
    if (!from) {
        return from.error();
    }
    if (*from > *to || from->daysTo(*to) > kMaxSeriesDays) {
        return Error::invalidParameter(u"from"_s, u"invalid_value"_s,
                u"Must be on or before `to`, at most %1 days earlier."_s.arg(kMaxSeriesDays));
    }
    const QString interval = request.queryValue(u"interval"_s).isEmpty()
            ? u"day"_s
            : request.queryValue(u"interval"_s);
    if (interval != u"day"_s && interval != u"week"_s && interval != u"month"_s) {
        return Error::invalidParameter(
                u"interval"_s, u"invalid_value"_s, u"Must be day, week or month."_s);
    }
    return SeriesRange{*from, *to, interval};
}

http::Prepare readAccountMetrics(const std::shared_ptr<MetricsCache> &cache)
{
    return [cache](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        const auto range = seriesRangeOf(request);
        if (!range) {
            return range.error();
        }
        return Work([cache, id = *id, range = *range](Connection &c, const Principal &) {
            return profiles::metricSeries(c, *cache, id, range);
        });
    };
}

} // namespace

void registerRoutes(http::HttpContext &context, const Settings &settings)
{
    constexpr auto signedIn = Access::SignedIn;
    const auto cache =
            std::make_shared<MetricsCache>(qsizetype{settings.metricsCacheMiB} * 1024 * 1024);
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/me/influencer"_s, signedIn, readMyInfluencer},
                    {HttpMethod::Put, u"/api/v1/me/influencer"_s, signedIn, putMyInfluencer},
                    {HttpMethod::Patch, u"/api/v1/me/influencer"_s, signedIn, patchMyInfluencer},
                    {HttpMethod::Delete, u"/api/v1/me/influencer"_s, signedIn, deleteMyInfluencer},
                    {HttpMethod::Get, u"/api/v1/me/brand"_s, signedIn, readMyBrand},
                    {HttpMethod::Put, u"/api/v1/me/brand"_s, signedIn, putMyBrand},
                    {HttpMethod::Patch, u"/api/v1/me/brand"_s, signedIn, patchMyBrand},
                    {HttpMethod::Delete, u"/api/v1/me/brand"_s, signedIn, deleteMyBrand},
                    http::onReadReplica({HttpMethod::Get, u"/api/v1/influencers/{id}"_s, signedIn,
                            readCreatorProfile}),
                    http::onReadReplica({HttpMethod::Get, u"/api/v1/brands/{id}"_s, signedIn,
                            readBrandProfile}),
                    {HttpMethod::Get, u"/api/v1/connected-accounts"_s, signedIn, listMyAccounts},
                    {HttpMethod::Post, u"/api/v1/connected-accounts"_s, signedIn, addMyAccount,
                            201},
                    {HttpMethod::Patch, u"/api/v1/connected-accounts/{id}"_s, signedIn,
                            patchMyAccount},
                    {HttpMethod::Delete, u"/api/v1/connected-accounts/{id}"_s, signedIn,
                            deleteMyAccount},
                    http::onReadReplica(
                            {HttpMethod::Get, u"/api/v1/connected-accounts/{id}/metrics"_s,
                                    signedIn, readAccountMetrics(cache)}),
            });
}

} // namespace influence::server::profiles

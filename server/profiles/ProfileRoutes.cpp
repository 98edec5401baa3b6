// SPDX-License-Identifier: Apache-2.0
// HTTP for profiles, connected accounts and metric history. Every route is for
// signed-in users; a user changes only their own profile and accounts, and another user's
// account answers 404 as if it did not exist.
#include "MetricsCache.h"
#include "ProfileModule.h"
#include "ProfileStore.h"
#include "auth/SignedIn.h"
#include "core/db/Transaction.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;

namespace influence::server::profiles {

namespace {

const QStringList kInfluencerFields{
        u"displayName"_s, u"bio"_s, u"niches"_s, u"country"_s, u"languages"_s, u"rates"_s};
const QStringList kBrandFields{u"companyName"_s, u"website"_s, u"industry"_s, u"country"_s};
constexpr int kMaxMetricDays = 3 * 366;

/// A stored profile or account as JSON, or the error.
Response jsonOr(const Result<QByteArray> &json, int status = 200)
{
    return json ? Response::rawJson(*json, status) : Response::fromError(json.error());
}

Response optionalJson(const Result<std::optional<QByteArray>> &json, const QString &missing)
{
    if (!json) {
        return Response::fromError(json.error());
    }
    if (!json->has_value()) {
        return Response::fromError(Error::notFound(missing));
    }
    return Response::rawJson(**json);
}

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

/// PUT (replace; creates when missing) and PATCH (merge into the existing one) of one of the
/// caller's profiles, in one transaction with the row locked.
template<class Input>
struct ProfileKind
{
    QStringList fields;
    std::function<Result<Input>(const QJsonObject &)> validate;
    std::function<Result<std::optional<QByteArray>>(db::Connection &, const QUuid &)> lock;
    std::function<Result<bool>(db::Connection &, const QUuid &, const Input &)> save;
    std::function<Result<std::optional<QByteArray>>(db::Connection &, const QUuid &)> read;
    QString missing;
};

template<class Input>
Response writeProfile(db::Connection &c, const Principal &principal, const ProfileKind<Input> &kind,
        const QJsonObject &body, bool patch)
{
    bool created = false;
    const auto written = db::inTransaction(c, [&](db::Connection &tx) -> Result<QByteArray> {
        QJsonObject complete = body;
        if (patch) {
            const auto current = kind.lock(tx, principal.userId());
            if (!current) {
                return current.error();
            }
            if (!current->has_value()) {
                return Error::notFound(kind.missing);
            }
            complete = common::profiles::merged(parsed(**current), body, kind.fields);
        }
        const auto input = kind.validate(complete);
        if (!input) {
            return input.error();
        }
        const auto saved = kind.save(tx, principal.userId(), *input);
        if (!saved) {
            return saved.error();
        }
        created = *saved;
        const auto json = kind.read(tx, principal.userId());
        if (!json) {
            return json.error();
        }
        return json->value_or(QByteArray());
    });
    return jsonOr(written, created ? 201 : 200);
}

/// The response body of a metric series, byte for byte what this route has always sent.
Result<QByteArray> metricsBody(db::Connection &c, const MetricsKey &key)
{
    const auto points = store::metricsSeries(c, key.account, key.from, key.to, key.interval);
    if (!points) {
        return points.error();
    }
    // The keys in QJsonObject's (sorted) order; the values need no escaping (a UUID, ISO
    // dates, day|week|month).
    return QByteArray(R"({"accountId":")" + key.account.toString(QUuid::WithoutBraces).toLatin1()
            + R"(","from":")" + key.from.toString(Qt::ISODate).toLatin1() + R"(","interval":")"
            + key.interval.toLatin1() + R"(","points":)" + *points + R"(,"to":")"
            + key.to.toString(Qt::ISODate).toLatin1() + R"("})");
}

Response metrics(db::Connection &c, MetricsCache &cache, const QUuid &id, const Request &request)
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
        return Response::fromError(to.error());
    }
    const auto from = date(u"from"_s, to->addDays(-89));
    if (!from) {
        return Response::fromError(from.error());
    }
    if (*from > *to || from->daysTo(*to) > kMaxMetricDays) {
        return Response::fromError(Error::invalidParameter(u"from"_s, u"invalid_value"_s,
                u"Must be on or before `to`, at most %1 days earlier."_s.arg(kMaxMetricDays)));
    }
    const QString interval = request.queryValue(u"interval"_s).isEmpty()
            ? u"day"_s
            : request.queryValue(u"interval"_s);
    if (interval != u"day"_s && interval != u"week"_s && interval != u"month"_s) {
        return Response::fromError(Error::invalidParameter(
                u"interval"_s, u"invalid_value"_s, u"Must be day, week or month."_s));
    }
    // Visibility is checked on every request, cached or not: a disabled creator's account
    // answers 404 at once.
    const auto version = store::accountSeriesVersion(c, id);
    if (!version) {
        return Response::fromError(version.error());
    }
    if (!version->has_value()) {
        return Response::fromError(Error::notFound(u"No such account."_s));
    }
    // Never stale, in any process: the version is read in an earlier statement than the series
    // (outside a transaction, each statement sees every transaction committed before it
    // began), so a series computed after it is at least as new as the version says; a write
    // committed later gives the account a new version (migration 0009), which no entry has. A hit
    // therefore serves the state that this request's own version read saw, or a newer one.
    const MetricsKey key{id, **version, *from, *to, interval};
    if (cache.isEnabled()) {
        if (auto cached = cache.find(key)) {
            return Response::rawJson(std::move(*cached));
        }
    }
    const auto body = metricsBody(c, key);
    if (!body) {
        return Response::fromError(body.error());
    }
    if (cache.isEnabled()) {
        cache.insert(key, *body);
    }
    return Response::rawJson(*body);
}

} // namespace

namespace {

/// GET/PUT/PATCH/DELETE /api/v1/me/influencer and /api/v1/me/brand.
void registerOwnProfiles(http::Router &router, const http::Authenticator *auth)
{

    const auto influencerKind = std::make_shared<ProfileKind<common::InfluencerProfileInput>>(
            ProfileKind<common::InfluencerProfileInput>{kInfluencerFields,
                    common::profiles::validateInfluencer, store::lockInfluencer,
                    store::saveInfluencer,
                    [](db::Connection &c, const QUuid &id) {
                        return store::influencerJson(c, id, true);
                    },
                    u"You have no influencer profile yet; create it with PUT."_s});
    const auto brandKind = std::make_shared<ProfileKind<common::BrandProfileInput>>(
            ProfileKind<common::BrandProfileInput>{kBrandFields, common::profiles::validateBrand,
                    store::lockBrand, store::saveBrand, store::brandJson,
                    u"You have no brand profile yet; create it with PUT."_s});

    // --- The caller's own profiles -------------------------------------------------------
    router.get(u"/api/v1/me/influencer"_s, [auth](const Request &request, const Responder &out) {
        auth::whenSignedIn(*auth, request, out, [](db::Connection &c, const Principal &p) {
            return optionalJson(store::influencerJson(c, p.userId(), true),
                    u"You have no influencer profile yet; create it with PUT."_s);
        });
    });
    router.get(u"/api/v1/me/brand"_s, [auth](const Request &request, const Responder &out) {
        auth::whenSignedIn(*auth, request, out, [](db::Connection &c, const Principal &p) {
            return optionalJson(store::brandJson(c, p.userId()),
                    u"You have no brand profile yet; create it with PUT."_s);
        });
    });
    const auto profileWrite = [auth](const auto &kind, bool patch) {
        return [auth, kind, patch](const Request &request, const Responder &out) {
            const auto claims = auth::tokenOr401(*auth, request, out);
            if (!claims) {
                return;
            }
            const auto body = request.jsonObject();
            if (!body) {
                out.problem(body.error());
                return;
            }
            auth::withPrincipal(*claims, out,
                    [kind, patch, body = *body](db::Connection &c, const Principal &p) {
                        return writeProfile(c, p, *kind, body, patch);
                    });
        };
    };
    router.put(u"/api/v1/me/influencer"_s, profileWrite(influencerKind, false));
    router.patch(u"/api/v1/me/influencer"_s, profileWrite(influencerKind, true));
    router.put(u"/api/v1/me/brand"_s, profileWrite(brandKind, false));
    router.patch(u"/api/v1/me/brand"_s, profileWrite(brandKind, true));
    // Deleting a creator profile removes its rates, connected accounts (and their stored
    // platform tokens) and metric history; the user account stays.
    router.del(u"/api/v1/me/influencer"_s, [auth](const Request &request, const Responder &out) {
        auth::whenSignedIn(*auth, request, out, [](db::Connection &c, const Principal &p) {
            const auto deleted = db::inTransaction(c, [&](db::Connection &tx) {
                return store::deleteInfluencer(tx, p.userId());
            });
            if (!deleted) {
                return Response::fromError(deleted.error());
            }
            return *deleted
                    ? Response::noContent()
                    : Response::fromError(Error::notFound(u"You have no influencer profile."_s));
        });
    });
    router.del(u"/api/v1/me/brand"_s, [auth](const Request &request, const Responder &out) {
        auth::whenSignedIn(*auth, request, out, [](db::Connection &c, const Principal &p) {
            const auto deleted = db::inTransaction(c, [&](db::Connection &tx) {
                return store::deleteBrand(tx, p.userId());
            });
            if (!deleted) {
                return Response::fromError(deleted.error());
            }
            return *deleted ? Response::noContent()
                            : Response::fromError(Error::notFound(u"You have no brand profile."_s));
        });
    });
}

/// Public profiles.
void registerPublicProfiles(http::Router &router, const http::Authenticator *auth)
{
    // --- Public profiles -------------------------------------------------------------------
    router.get(u"/api/v1/influencers/{id}"_s, [auth](const Request &request, const Responder &out) {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            out.problem(id.error());
            return;
        }
        auth::whenSignedIn(*auth, request, out, [id = *id](db::Connection &c, const Principal &) {
            return optionalJson(store::influencerJson(c, id, false), u"No such creator."_s);
        });
    });
    router.get(u"/api/v1/brands/{id}"_s, [auth](const Request &request, const Responder &out) {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            out.problem(id.error());
            return;
        }
        auth::whenSignedIn(*auth, request, out, [id = *id](db::Connection &c, const Principal &) {
            return optionalJson(store::brandJson(c, id), u"No such brand."_s);
        });
    });
}

/// Listing and adding connected accounts.
void registerAccountList(http::Router &router, const http::Authenticator *auth)
{
    // --- Connected accounts ---------------------------------------------------------------
    router.get(
            u"/api/v1/connected-accounts"_s, [auth](const Request &request, const Responder &out) {
                auth::whenSignedIn(*auth, request, out, [](db::Connection &c, const Principal &p) {
                    const auto items = store::accountsJson(c, p.userId());
                    return items ? Response::rawJson("{\"items\":" + *items + '}')
                                 : Response::fromError(items.error());
                });
            });
    router.post(u"/api/v1/connected-accounts"_s, [auth](const Request &request, const Responder &out) {
        const auto claims = auth::tokenOr401(*auth, request, out);
        if (!claims) {
            return;
        }
        const auto body = request.jsonObject();
        if (!body) {
            out.problem(body.error());
            return;
        }
        const auto input = common::profiles::validateManualAccount(*body);
        if (!input) {
            out.problem(input.error());
            return;
        }
        auth::withPrincipal(*claims, out, [input = *input](db::Connection &c, const Principal &p) {
            return jsonOr(
                    db::inTransaction(c,
                            [&](db::Connection &tx) -> Result<QByteArray> {
                                const auto profile = store::lockInfluencer(tx, p.userId());
                                if (!profile) {
                                    return profile.error();
                                }
                                if (!profile->has_value()) {
                                    return Error::make(ErrorCode::Conflict,
                                            u"Create your influencer profile (PUT /api/v1/me/influencer) before adding accounts."_s);
                                }
                                return store::insertManualAccount(tx, p.userId(), input);
                            }),
                    201);
        });
    });
}

/// The account's new handle and/or profile URL, in a transaction with the row locked.
Response changeAccount(db::Connection &c, const Principal &p, const QUuid &id,
        const std::optional<QString> &handle, const std::optional<QString> &url)
{
    return jsonOr(db::inTransaction(c, [&](db::Connection &tx) -> Result<QByteArray> {
        const auto status = store::lockAccount(tx, id, p.userId());
        if (!status) {
            return status.error();
        }
        if (!status->has_value()) {
            return Error::notFound(u"No such account."_s);
        }
        if (handle && **status != u"manual"_s) {
            return Error::make(ErrorCode::Conflict,
                    u"The handle of a connected account comes from the platform."_s);
        }
        return store::updateAccount(tx, id, handle, url);
    }));
}

/// PATCH /api/v1/connected-accounts/{id}.
void patchAccount(const http::Authenticator *auth, const Request &request, const Responder &out)
{
    const auto claims = auth::tokenOr401(*auth, request, out);
    if (!claims) {
        return;
    }
    const auto id = request.uuidParam(u"id"_s);
    const auto body = id ? request.jsonObject() : Result<QJsonObject>(id.error());
    if (!body) {
        out.problem(body.error());
        return;
    }
    const auto input = common::profiles::validateManualAccount(*body, true);
    if (!input) {
        out.problem(input.error());
        return;
    }
    if (body->contains(u"platform"_s)) {
        out.problem(Error::validation({{u"platform"_s, u"read_only"_s,
                u"The platform of an account cannot change; add another account."_s}}));
        return;
    }
    const std::optional<QString> handle =
            body->contains(u"handle"_s) ? std::optional(input->handle) : std::nullopt;
    const std::optional<QString> url =
            body->contains(u"profileUrl"_s) ? std::optional(input->profileUrl) : std::nullopt;
    auth::withPrincipal(
            *claims, out, [id = *id, handle, url](db::Connection &c, const Principal &p) {
                return changeAccount(c, p, id, handle, url);
            });
}

/// Changing and removing an account; its metric history.
void registerAccountChanges(http::Router &router, const http::Authenticator *auth,
        const std::shared_ptr<MetricsCache> &cache)
{
    router.patch(u"/api/v1/connected-accounts/{id}"_s,
            [auth](const Request &request, const Responder &out) {
                patchAccount(auth, request, out);
            });
    // Removing an account removes its metric history (and stored platform tokens).
    router.del(u"/api/v1/connected-accounts/{id}"_s,
            [auth](const Request &request, const Responder &out) {
                const auto id = request.uuidParam(u"id"_s);
                if (!id) {
                    out.problem(id.error());
                    return;
                }
                auth::whenSignedIn(
                        *auth, request, out, [id = *id](db::Connection &c, const Principal &p) {
                            const auto deleted = db::inTransaction(c, [&](db::Connection &tx) {
                                return store::deleteAccount(tx, id, p.userId());
                            });
                            if (!deleted) {
                                return Response::fromError(deleted.error());
                            }
                            return *deleted
                                    ? Response::noContent()
                                    : Response::fromError(Error::notFound(u"No such account."_s));
                        });
            });
    router.get(u"/api/v1/connected-accounts/{id}/metrics"_s,
            [auth, cache](const Request &request, const Responder &out) {
                const auto id = request.uuidParam(u"id"_s);
                if (!id) {
                    out.problem(id.error());
                    return;
                }
                auth::whenSignedIn(*auth, request, out,
                        [cache, id = *id, request](db::Connection &c, const Principal &) {
                            return metrics(c, *cache, id, request);
                        });
            });
}

} // namespace

void registerRoutes(http::HttpContext &context, const http::Authenticator &authenticator,
        const Settings &settings)
{
    registerOwnProfiles(context.router, &authenticator);
    registerPublicProfiles(context.router, &authenticator);
    registerAccountList(context.router, &authenticator);
    registerAccountChanges(context.router, &authenticator,
            std::make_shared<MetricsCache>(settings.metricsCacheBytes));
}

} // namespace influence::server::profiles

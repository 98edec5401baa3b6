// SPDX-License-Identifier: Apache-2.0
#include "SystemApi.h"

#include "ApiClient.h"

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Error invalidResponse(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, u"The server's answer lacks "_s + what + u'.');
}

} // namespace

QJsonObject ServerVersion::toJson() const
{
    return {
            {u"name"_s, name},
            {u"version"_s, version},
            {u"apiVersion"_s, apiVersion},
            {u"qtVersion"_s, qtVersion},
            {u"startedAt"_s, startedAt.toUTC().toString(Qt::ISODateWithMs)},
    };
}

Result<ServerVersion> ServerVersion::fromJson(const QJsonObject &json)
{
    ServerVersion v;
    v.name = json.value(u"name"_s).toString();
    v.version = json.value(u"version"_s).toString();
    v.apiVersion = json.value(u"apiVersion"_s).toString();
    v.qtVersion = json.value(u"qtVersion"_s).toString();
    v.startedAt = QDateTime::fromString(json.value(u"startedAt"_s).toString(), Qt::ISODateWithMs);
    if (v.version.isEmpty() || v.apiVersion.isEmpty()) {
        return invalidResponse(u"a version"_s);
    }
    return v;
}

QJsonObject Readiness::toJson() const
{
    return {
            {u"status"_s, ready ? u"ready"_s : u"not_ready"_s},
            {u"checks"_s,
                    QJsonObject{{u"database"_s, database ? u"ok"_s : u"unavailable"_s},
                            {u"draining"_s, draining}}},
    };
}

Result<Readiness> Readiness::fromJson(const QJsonObject &json)
{
    const QString status = json.value(u"status"_s).toString();
    if (status.isEmpty()) {
        return invalidResponse(u"a status"_s);
    }
    const QJsonObject checks = json.value(u"checks"_s).toObject();
    Readiness r;
    r.ready = status == u"ready"_s;
    r.database = checks.value(u"database"_s).toString() == u"ok"_s;
    r.draining = checks.value(u"draining"_s).toBool();
    return r;
}

QFuture<Result<ServerVersion>> SystemApi::version() const
{
    return readObject<ServerVersion>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/version"_s), ServerVersion::fromJson);
}

QFuture<Result<Readiness>> SystemApi::readiness() const
{
    // /readyz answers 503 with the same body while not ready: that is an answer, not a failure.
    return m_client->send(ApiClient::Method::Get, u"/readyz"_s)
            .then(QtFuture::Launch::Sync, [](const Result<JsonReply> &reply) -> Result<Readiness> {
                if (!reply) {
                    if (reply.error().code == ErrorCode::ServiceUnavailable) {
                        Readiness notReady;
                        return notReady;
                    }
                    return reply.error();
                }
                return Readiness::fromJson(reply->body.object());
            });
}

} // namespace influence::common

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "JsonReply.h"
#include "Result.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QString>

namespace influence::common {

class ApiClient;

/// GET /api/v1/version: what server is answering.
struct ServerVersion
{
    QString name;
    QString version;
    QString apiVersion;
    QString qtVersion;
    QDateTime startedAt;

    QJsonObject toJson() const;
    static Result<ServerVersion> fromJson(const QJsonObject &json);
};

/// GET /readyz: whether the server can serve requests now.
struct Readiness
{
    bool ready = false;
    bool database = false;
    bool draining = false;

    QJsonObject toJson() const;
    static Result<Readiness> fromJson(const QJsonObject &json);
};

/// The calls that say which server answers and whether it can serve. Holds no state but the
/// client; copy it freely.
class SystemApi
{
public:
    explicit SystemApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/version
    QFuture<Result<ServerVersion>> version() const;
    /// GET /readyz; a server that is not ready answers a Readiness, not an Error.
    QFuture<Result<Readiness>> readiness() const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

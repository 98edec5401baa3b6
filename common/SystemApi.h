// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace influence::common {

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

} // namespace influence::common

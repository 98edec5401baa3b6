// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HttpTestClient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace influence::tests {

/// The calls an API test makes as one user or another: JSON requests with a bearer token and,
/// where money moves, an Idempotency-Key; registration and the signed-in user's id.
class ApiSession
{
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit ApiSession(HttpTestClient &client)
        : m_client(client)
    { }

    /// Content-Type JSON, the token (if any) and the key (if any).
    static Headers as(const QString &token, const QByteArray &key = {});
    static QByteArray compact(const QJsonObject &object);

    HttpReply get(const QString &path, const QString &token);
    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {},
            const QByteArray &key = {});
    HttpReply patch(const QString &path, const QString &token, const QJsonObject &body,
            const QByteArray &key = {});
    HttpReply put(const QString &path, const QString &token, const QJsonObject &body);

    /// Registers a user with a fixed strong password; their access token (empty on failure).
    QString signUp(const QString &email, const QString &role);
    QString userIdOf(const QString &token);

private:
    HttpTestClient &m_client;
};

/// A date `days` from today, YYYY-MM-DD.
QString isoDay(int days);

} // namespace influence::tests

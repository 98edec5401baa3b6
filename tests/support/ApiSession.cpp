// SPDX-License-Identifier: Apache-2.0
#include "ApiSession.h"

#include <QDate>

using namespace Qt::StringLiterals;

namespace influence::tests {

ApiSession::Headers ApiSession::as(const QString &token, const QByteArray &key)
{
    Headers headers{{"Content-Type", "application/json"}};
    if (!token.isEmpty()) {
        headers.append({"Authorization", "Bearer " + token.toLatin1()});
    }
    if (!key.isEmpty()) {
        headers.append({"Idempotency-Key", key});
    }
    return headers;
}

QByteArray ApiSession::compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpReply ApiSession::get(const QString &path, const QString &token)
{
    return m_client.get(path, as(token));
}

HttpReply ApiSession::post(
        const QString &path, const QString &token, const QJsonObject &body, const QByteArray &key)
{
    return m_client.send("POST", path, compact(body), as(token, key));
}

HttpReply ApiSession::patch(
        const QString &path, const QString &token, const QJsonObject &body, const QByteArray &key)
{
    return m_client.send("PATCH", path, compact(body), as(token, key));
}

HttpReply ApiSession::put(const QString &path, const QString &token, const QJsonObject &body)
{
    return m_client.send("PUT", path, compact(body), as(token));
}

QString ApiSession::signUp(const QString &email, const QString &role)
{
    return m_client
            .postJson(u"/api/v1/auth/register"_s,
                    {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                            {u"role"_s, role}})
            .json()
            .value(u"accessToken"_s)
            .toString();
}

QString ApiSession::userIdOf(const QString &token)
{
    return get(u"/api/v1/me"_s, token).json().value(u"id"_s).toString();
}

QString isoDay(int days)
{
    return QDate::currentDate().addDays(days).toString(Qt::ISODate);
}

} // namespace influence::tests

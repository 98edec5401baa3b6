// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

#include <chrono>

namespace influence::tests {

/// A response as a test sees it.
struct HttpReply
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString networkError; ///< set when there was no HTTP answer at all

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// Blocking HTTP helpers for tests (they wait with a spinning event loop, which tests may do;
/// the application code never does). Real HTTP over QNetworkAccessManager.
class HttpTestClient
{
public:
    explicit HttpTestClient(QUrl base);

    HttpReply get(
            const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
            const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    HttpReply postJson(const QString &path, const QJsonObject &body,
            const QList<std::pair<QByteArray, QByteArray>> &headers = {});

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
};

/// Raw TCP exchange: sends `request` bytes and collects what comes back until the server closes
/// or `wait` passes without new data. For the tests of malformed HTTP.
struct RawReply
{
    QByteArray data;
    bool closedByServer = false;

    int status() const; ///< status of the first response, 0 if none
    QList<int> statuses() const; ///< statuses of all responses in order
};

RawReply rawExchange(quint16 port, const QByteArray &request,
        std::chrono::milliseconds wait = std::chrono::milliseconds(1500));

} // namespace influence::tests

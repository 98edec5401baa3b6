// SPDX-License-Identifier: Apache-2.0
#include "HttpTestClient.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace influence::tests {

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

HttpTestClient::HttpTestClient(QUrl base)
    : m_base(std::move(base))
{ }

HttpReply HttpTestClient::get(
        const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, headers);
}

HttpReply HttpTestClient::postJson(const QString &path, const QJsonObject &body,
        const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    auto all = headers;
    all.emplaceBack("Content-Type", "application/json");
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), all);
}

HttpReply HttpTestClient::send(const QByteArray &method, const QString &path,
        const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_base;
    const qsizetype mark = path.indexOf(u'?');
    url.setPath(mark < 0 ? path : path.first(mark));
    if (mark >= 0) {
        url.setQuery(path.sliced(mark + 1));
    }
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    request.setTransferTimeout(20'000);
    // QNetworkAccessManager treats HEAD specially (no body follows) only through head().
    QNetworkReply *reply = method == "HEAD" ? m_network.head(request)
                                            : m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(25'000);
    }
    HttpReply result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        result.status = status.toInt();
        result.headers = reply->rawHeaderPairs();
        result.body = reply->readAll();
    } else {
        result.networkError = reply->errorString();
    }
    reply->deleteLater();
    return result;
}

int RawReply::status() const
{
    const QList<int> all = statuses();
    return all.isEmpty() ? 0 : all.first();
}

QList<int> RawReply::statuses() const
{
    // Walk the responses one after another using Content-Length. A response without a body
    // (HEAD, 204) is recognised by the next status line following its head directly.
    QList<int> result;
    qsizetype pos = 0;
    while (pos < data.size() && data.sliced(pos).startsWith("HTTP/1.1 ")) {
        result.append(data.mid(pos + 9, 3).toInt());
        const qsizetype headEnd = data.indexOf("\r\n\r\n", pos);
        if (headEnd < 0) {
            break;
        }
        qint64 length = 0;
        const QByteArray head = data.mid(pos, headEnd - pos);
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:")) {
                length = line.mid(15).trimmed().toLongLong();
            }
        }
        pos = headEnd + 4;
        if (!data.sliced(pos).startsWith("HTTP/1.1 ")) {
            pos += length;
        }
    }
    return result;
}

RawReply rawExchange(quint16 port, const QByteArray &request, std::chrono::milliseconds wait)
{
    RawReply reply;
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(5000)) {
        return reply;
    }
    socket.write(request);
    socket.waitForBytesWritten(5000);
    QElapsedTimer idle;
    idle.start();
    while (idle.elapsed() < wait.count()) {
        if (socket.waitForReadyRead(50)) {
            reply.data += socket.readAll();
            idle.restart();
        } else if (socket.state() != QAbstractSocket::ConnectedState) {
            reply.data += socket.readAll();
            reply.closedByServer = true;
            break;
        }
    }
    return reply;
}

} // namespace influence::tests

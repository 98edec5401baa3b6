// SPDX-License-Identifier: Apache-2.0
#include "ApiClient.h"

#include "Problem.h"
#include "WalPosition.h"

#include <QNetworkReply>
#include <QPromise>

#include <memory>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Result<JsonReply> interpret(QNetworkReply *reply)
{
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        return Error::make(ErrorCode::Cancelled, u"The request was cancelled."_s);
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        return Error::make(ErrorCode::NetworkError, reply->errorString());
    }
    const QByteArray body = reply->readAll();
    const int status = statusAttribute.toInt();
    if (status < 200 || status >= 300) {
        return errorFromProblem(status, body);
    }
    JsonReply result;
    result.status = status;
    if (!body.isEmpty()) {
        QJsonParseError parseError{};
        result.body = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return Error::make(ErrorCode::InvalidResponse,
                    u"The server sent invalid JSON: "_s + parseError.errorString());
        }
    }
    return result;
}

} // namespace

ApiClient::OwnerScope::OwnerScope(ApiClient *client, const QObject *owner)
    : m_client(client)
    , m_previous(client->m_owner)
{
    m_client->m_owner = owner;
}

ApiClient::OwnerScope::~OwnerScope()
{
    m_client->m_owner = m_previous;
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    const QUrl adjusted = url.adjusted(QUrl::StripTrailingSlash);
    if (adjusted != m_baseUrl) {
        m_walPosition.clear();
    }
    m_baseUrl = adjusted;
}

void ApiClient::rememberWalPosition(const QByteArray &position)
{
    const auto received = WalPosition::parse(position);
    if (!received) {
        return;
    }
    const auto current = WalPosition::parse(m_walPosition);
    if (!current || *current < *received) {
        m_walPosition = received->toText();
    }
}

void ApiClient::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = timeout;
}

void ApiClient::setAccessToken(const QString &token)
{
    m_accessToken = token;
}

QFuture<Result<JsonReply>> ApiClient::send(Method method, const QString &path,
        const QUrlQuery &query, const QJsonDocument &body, Credentials credentials)
{
    return send(method, path, query, body, Headers{}, credentials);
}

QFuture<Result<JsonReply>> ApiClient::send(Method method, const QString &path,
        const QUrlQuery &query, const QJsonDocument &body, const Headers &headers,
        Credentials credentials)
{
    auto promise = std::make_shared<QPromise<Result<JsonReply>>>();
    QFuture<Result<JsonReply>> future = promise->future();
    promise->start();

    if (!m_baseUrl.isValid() || m_baseUrl.isRelative()) {
        promise->addResult(Error::make(ErrorCode::NetworkError, u"No server address is set."_s));
        promise->finish();
        return future;
    }

    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(static_cast<int>(m_transferTimeout.count()));
    request.setRawHeader("Accept", "application/json, application/problem+json");
    const bool authenticated = credentials == Credentials::Bearer && !m_accessToken.isEmpty();
    if (authenticated) {
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toLatin1());
    }
    if (!m_walPosition.isEmpty()) {
        request.setRawHeader(kWalPositionHeader, m_walPosition);
    }

    QByteArray payload;
    if (!body.isNull()) {
        payload = body.toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }

    QNetworkReply *reply = nullptr;
    switch (method) {
    case Method::Get: reply = m_network.get(request); break;
    case Method::Post: reply = m_network.post(request, payload); break;
    case Method::Put: reply = m_network.put(request, payload); break;
    case Method::Patch: reply = m_network.sendCustomRequest(request, "PATCH", payload); break;
    case Method::Delete: reply = m_network.deleteResource(request); break;
    }

    if (m_owner) {
        m_owners.insert(reply, m_owner);
    }
    Q_EMIT requestStarted(method, path);
    connect(reply, &QNetworkReply::finished, this, [this, reply, promise, authenticated, path] {
        m_owners.remove(reply);
        if (reply->hasRawHeader(kWalPositionHeader)) {
            rememberWalPosition(reply->rawHeader(kWalPositionHeader));
        }
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            Q_EMIT callAborted(path);
        }
        Result<JsonReply> result = interpret(reply);
        const bool rejected = authenticated && !result
                && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401;
        promise->addResult(std::move(result));
        promise->finish();
        reply->deleteLater();
        if (rejected) {
            Q_EMIT unauthorized();
        }
    });
    return future;
}

void ApiClient::abort(const QObject *owner)
{
    // abort() finishes a reply at once, which removes it from m_owners: collect first.
    QList<QNetworkReply *> owned;
    for (auto it = m_owners.cbegin(); it != m_owners.cend(); ++it) {
        if (it.value() == owner) {
            owned.append(it.key());
        }
    }
    for (QNetworkReply *reply : owned) {
        reply->abort();
    }
}

void ApiClient::abortAll()
{
    const auto replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->abort();
    }
}

} // namespace influence::common

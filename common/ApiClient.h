// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "JsonReply.h"
#include "Result.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <utility>

namespace influence::common {

/// `handler` wrapped to run only while `context` exists. Continue a call's future with
/// `.then(QtFuture::Launch::Sync, guarded<T>(context, …))`: the futures finish in the client's
/// (GUI) thread, and the continuation is dropped when the context is destroyed (Qt 6.4's
/// `.then(context, …)` asserts instead when the context dies first).
template<class T, class Handler>
auto guarded(QObject *context, Handler handler)
{
    return [guard = QPointer<QObject>(context), handler = std::move(handler)](const T &value) {
        if (guard) {
            handler(value);
        }
    };
}

/// `reply`'s JSON object read by `parse` (`Result<T>(const QJsonObject &)`): the typed calls'
/// common end. A failed call passes its Error through; an answer that is not a JSON object is
/// an InvalidResponse Error.
template<class T, class Parse>
QFuture<Result<T>> readObject(QFuture<Result<JsonReply>> reply, Parse parse)
{
    return reply.then(
            QtFuture::Launch::Sync, [parse](const Result<JsonReply> &answer) -> Result<T> {
                if (!answer) {
                    return answer.error();
                }
                if (!answer->body.isObject()) {
                    return Error::make(
                            ErrorCode::InvalidResponse, QStringLiteral("Expected a JSON object."));
                }
                return parse(answer->body.object());
            });
}

/// The asynchronous transport of the platform's REST API: the server's address, the access
/// token, transfer timeouts and aborts. It owns the application's only QNetworkAccessManager.
/// Every call returns at once with a future that finishes with the answer or an Error (problem
/// documents become Errors with their stable code); nothing ever blocks. The typed calls are
/// the `<Feature>Api` classes (AuthApi, SystemApi, ProfileApi, DiscoveryApi, CollabApi), each
/// layered on send().
class ApiClient : public QObject
{
    Q_OBJECT

public:
    enum class Method { Get, Post, Put, Patch, Delete };
    Q_ENUM(Method)

    /// Whether a call carries the access token.
    enum class Credentials {
        Bearer, ///< `Authorization: Bearer` with the access token, when one is set
        None, ///< no token: sign-in, refresh and sign-out, whose 401 is an answer, not expiry
    };

    /// While a scope is alive, the calls started through `client` belong to `owner`, and
    /// `client->abort(owner)` aborts those still in flight (a page its requests when the user
    /// leaves it). Scopes nest; the innermost owner wins.
    class OwnerScope
    {
    public:
        OwnerScope(ApiClient *client, const QObject *owner);
        ~OwnerScope();
        Q_DISABLE_COPY_MOVE(OwnerScope)

    private:
        ApiClient *m_client;
        const QObject *m_previous;
    };

    /// Header fields a single call adds to the request (`Idempotency-Key`, `Accept`); a field
    /// named here replaces the client's own of that name.
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit ApiClient(QObject *parent = nullptr);

    /// The server's origin, such as http://localhost:8080; paths are resolved against it.
    /// Changing it forgets the last write's WAL position.
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    /// Aborts a call that has moved no data for this long (default 30 s).
    void setTransferTimeout(std::chrono::milliseconds timeout);

    /// The access token sent as `Authorization: Bearer` on every call with
    /// Credentials::Bearer; empty sends none.
    void setAccessToken(const QString &token);
    QString accessToken() const { return m_accessToken; }

    /// The newest `Influence-Wal-Position` a write's answer carried (empty before any): a
    /// server with read replicas stamps its writes' answers with it, and every later call sends
    /// it back, so that a read on a replica waits until the replica has the user's own writes.
    QByteArray walPosition() const { return m_walPosition; }

    /// Any call: `path` is absolute ("/api/v1/…"); a JSON `body` is sent for POST/PUT/PATCH.
    /// A 401 to a call that carried the access token also emits unauthorized().
    QFuture<Result<JsonReply>> send(Method method, const QString &path, const QUrlQuery &query = {},
            const QJsonDocument &body = {}, Credentials credentials = Credentials::Bearer);
    /// send() with `headers` added to this one request.
    QFuture<Result<JsonReply>> send(Method method, const QString &path, const QUrlQuery &query,
            const QJsonDocument &body, const Headers &headers,
            Credentials credentials = Credentials::Bearer);

    /// Aborts every call in flight; their futures finish with ErrorCode::Cancelled.
    void abortAll();
    /// Aborts the calls in flight that were started in an OwnerScope of `owner`.
    void abort(const QObject *owner);

Q_SIGNALS:
    /// A call made with an access token was answered 401: the token expired or the session
    /// was revoked. The session refreshes (or asks to sign in again).
    void unauthorized();
    /// A call was sent (diagnostics and tests: what the app asks, and when).
    void requestStarted(influence::common::ApiClient::Method method, const QString &path);
    /// A call was aborted before its answer arrived (abort(), abortAll()).
    void callAborted(const QString &path);

private:
    void rememberWalPosition(const QByteArray &position);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_accessToken;
    QByteArray m_walPosition;
    std::chrono::milliseconds m_transferTimeout{30'000};
    const QObject *m_owner = nullptr;
    QHash<QNetworkReply *, const QObject *> m_owners;
};

} // namespace influence::common

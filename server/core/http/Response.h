// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <memory>
#include <optional>

namespace influence::server::http {

class BodyStream;

/// What a handler answers. Problems are kept as an Error and rendered by the connection that
/// writes them, which adds the request id and instance.
struct Response
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::optional<common::Error> error;
    /// Set by deferred(): the work continues elsewhere (another pool) and answers from there.
    bool isDeferred = false;
    /// A body sent in pieces as its producer writes them (chunked); `body` is then unused.
    std::shared_ptr<BodyStream> stream;

    static Response json(const QJsonObject &object, int status = 200);
    static Response json(const QJsonArray &array, int status = 200);
    static Response rawJson(QByteArray json, int status = 200);
    static Response fromError(common::Error error);
    static Response noContent();
    static Response html(QByteArray html);
    /// Returned by a pool task that handed the request on to another task (through a copy of the
    /// Responder), which will answer it.
    static Response deferred();
    /// 200 with a body that `stream`'s producer writes after this head is sent.
    static Response streamed(QByteArray contentType, std::shared_ptr<BodyStream> stream);

    Response &withHeader(QByteArray name, QByteArray value);

    /// JSON an aggregate answered (with `status`), or its problem.
    static Response from(const common::Result<QByteArray> &json, int status = 200);
    /// 204 No Content, or the problem.
    static Response from(const common::Result<void> &result);

    /// 200 (or `status`) with `toJson(value)`, or the result's problem.
    template<class T, class ToJson>
    static Response from(const common::Result<T> &result, ToJson &&toJson, int status = 200)
    {
        if (!result) {
            return fromError(result.error());
        }
        return json(toJson(*result), status);
    }
};

/// What a serialized response carries: a HEAD request gets the GET response's headers,
/// Content-Length included, and no body; a streamed body's head says Transfer-Encoding:
/// chunked instead of a Content-Length, and the chunks follow; for an HTTP/1.0 client, which
/// knows no chunks, it says neither, and the body ends when the connection closes.
enum class Serialize { WithBody, HeadersOnly, ChunkedHead, HeadUntilClose };

/// Serializes a complete HTTP/1.1 response.
QByteArray serializeResponse(int status, const QList<std::pair<QByteArray, QByteArray>> &headers,
        const QByteArray &body, Serialize what);

/// The reason phrase of a status ("Not Found").
QByteArray reasonPhrase(int status);

} // namespace influence::server::http

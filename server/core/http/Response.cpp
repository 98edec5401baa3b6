// SPDX-License-Identifier: Apache-2.0
#include "Response.h"

#include "BodyStream.h"

namespace influence::server::http {

Response Response::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

Response Response::json(const QJsonArray &array, int status)
{
    return rawJson(QJsonDocument(array).toJson(QJsonDocument::Compact), status);
}

Response Response::rawJson(QByteArray json, int status)
{
    Response r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    r.body = std::move(json);
    return r;
}

Response Response::fromError(common::Error error)
{
    Response r;
    r.status = error.httpStatus();
    r.error = std::move(error);
    return r;
}

Response Response::from(const common::Result<QByteArray> &json, int status)
{
    return json ? rawJson(*json, status) : fromError(json.error());
}

Response Response::from(const common::Result<void> &result)
{
    return result ? noContent() : fromError(result.error());
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    return r;
}

Response Response::html(QByteArray html)
{
    Response r;
    r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    r.body = std::move(html);
    return r;
}

Response Response::deferred()
{
    Response r;
    r.isDeferred = true;
    return r;
}

Response Response::streamed(QByteArray contentType, std::shared_ptr<BodyStream> stream)
{
    Response r;
    r.contentType = std::move(contentType);
    r.stream = std::move(stream);
    return r;
}

Response &Response::withHeader(QByteArray name, QByteArray value)
{
    headers.append({std::move(name), std::move(value)});
    return *this;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 202: return QByteArrayLiteral("Accepted");
    case 204: return QByteArrayLiteral("No Content");
    case 301: return QByteArrayLiteral("Moved Permanently");
    case 302: return QByteArrayLiteral("Found");
    case 303: return QByteArrayLiteral("See Other");
    case 304: return QByteArrayLiteral("Not Modified");
    case 307: return QByteArrayLiteral("Temporary Redirect");
    case 308: return QByteArrayLiteral("Permanent Redirect");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 406: return QByteArrayLiteral("Not Acceptable");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 409: return QByteArrayLiteral("Conflict");
    case 410: return QByteArrayLiteral("Gone");
    case 411: return QByteArrayLiteral("Length Required");
    case 412: return QByteArrayLiteral("Precondition Failed");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 415: return QByteArrayLiteral("Unsupported Media Type");
    case 422: return QByteArrayLiteral("Unprocessable Content");
    case 428: return QByteArrayLiteral("Precondition Required");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 501: return QByteArrayLiteral("Not Implemented");
    case 502: return QByteArrayLiteral("Bad Gateway");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 504: return QByteArrayLiteral("Gateway Timeout");
    default: return {};
    }
}

QByteArray serializeResponse(int status, const QList<std::pair<QByteArray, QByteArray>> &headers,
        const QByteArray &body, Serialize what)
{
    const bool includeBody = what == Serialize::WithBody;
    // RFC 9110 §8.6: no Content-Length (and no body) for 1xx and 204, nor a body for 304.
    const bool bodyless = status < 200 || status == 204 || status == 304;
    QByteArray out;
    out.reserve(256 + (includeBody && !bodyless ? body.size() : 0));
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    for (const auto &[name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (what == Serialize::ChunkedHead) {
        out += "Transfer-Encoding: chunked\r\n";
    } else if (what == Serialize::HeadUntilClose) {
        // RFC 9112 §6.3: without either, the body is what comes until the connection closes.
    } else if (!bodyless) {
        out += "Content-Length: ";
        out += QByteArray::number(body.size());
        out += "\r\n";
    }
    out += "\r\n";
    if (includeBody && !bodyless) {
        out += body;
    }
    return out;
}

} // namespace influence::server::http

// SPDX-License-Identifier: Apache-2.0
#include "HttpHead.h"

using influence::common::ErrorCode;

namespace influence::server::http {

namespace {

// RFC 9110 §5.6.2 token characters.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

// Field values: visible ASCII, obs-text (0x80-0xFF), space and tab; no CR, LF or NUL.
bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
}

HeadInspection reject(ErrorCode code, const char *reason)
{
    HeadInspection result;
    result.outcome = HeadInspection::Outcome::Rejected;
    result.error = code;
    result.reason = reason;
    return result;
}

std::optional<HttpMethod> parseMethod(QByteArrayView token)
{
    if (token == "GET") {
        return HttpMethod::Get;
    }
    if (token == "POST") {
        return HttpMethod::Post;
    }
    if (token == "HEAD") {
        return HttpMethod::Head;
    }
    if (token == "PUT") {
        return HttpMethod::Put;
    }
    if (token == "PATCH") {
        return HttpMethod::Patch;
    }
    if (token == "DELETE") {
        return HttpMethod::Delete;
    }
    if (token == "OPTIONS") {
        return HttpMethod::Options;
    }
    return std::nullopt;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t')) {
        v = v.sliced(1);
    }
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t')) {
        v.chop(1);
    }
    return v;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray(list.toByteArray()).split(',')) {
        if (trimmed(part).compare(token, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

QByteArray methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get: return QByteArrayLiteral("GET");
    case HttpMethod::Head: return QByteArrayLiteral("HEAD");
    case HttpMethod::Post: return QByteArrayLiteral("POST");
    case HttpMethod::Put: return QByteArrayLiteral("PUT");
    case HttpMethod::Patch: return QByteArrayLiteral("PATCH");
    case HttpMethod::Delete: return QByteArrayLiteral("DELETE");
    case HttpMethod::Options: return QByteArrayLiteral("OPTIONS");
    }
    return {};
}

QByteArray HttpHead::header(QByteArrayView lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName) {
            return value;
        }
    }
    return {};
}

HeadInspection inspectHead(QByteArrayView data, const HeadLimits &limits)
{
    // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
    qsizetype start = 0;
    while (start < data.size() && (data[start] == '\r' || data[start] == '\n')) {
        ++start;
        if (start > 8) {
            return reject(ErrorCode::MalformedRequest, "Too many empty lines before the request");
        }
    }

    // Find the end of the head: an empty line (CRLF CRLF, or bare LF line endings, which
    // QHttpServer accepts too).
    qsizetype end = -1;
    qsizetype lineStart = start;
    for (qsizetype i = start; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '\0') {
            return reject(ErrorCode::MalformedRequest, "NUL byte in the request head");
        }
        if (c != '\n') {
            continue;
        }
        const qsizetype lineLength =
                i - lineStart - ((i > lineStart && data[i - 1] == '\r') ? 1 : 0);
        if (lineLength == 0 && lineStart > start) {
            end = i + 1;
            break;
        }
        lineStart = i + 1;
    }
    if (end < 0) {
        if (data.size() - start > limits.maxHeadBytes) {
            return reject(ErrorCode::HeaderFieldsTooLarge, "The request head is too large");
        }
        // A request line must come first: fail early on binary garbage instead of waiting.
        for (qsizetype i = start; i < data.size() && data[i] != ' ' && data[i] != '\n'; ++i) {
            if (!isTokenChar(data[i]) || i - start > 16) {
                return reject(ErrorCode::MalformedRequest, "The request line is malformed");
            }
        }
        HeadInspection incomplete;
        return incomplete;
    }
    if (end - start > limits.maxHeadBytes) {
        return reject(ErrorCode::HeaderFieldsTooLarge, "The request head is too large");
    }

    HeadInspection result;
    result.outcome = HeadInspection::Outcome::Complete;
    HttpHead &head = result.head;
    head.headSize = end;

    // Split into lines without their line endings.
    QList<QByteArrayView> lines;
    lineStart = start;
    for (qsizetype i = start; i < end; ++i) {
        if (data[i] == '\n') {
            qsizetype stop = i;
            if (stop > lineStart && data[stop - 1] == '\r') {
                --stop;
            }
            lines.append(data.sliced(lineStart, stop - lineStart));
            lineStart = i + 1;
        }
    }
    if (!lines.isEmpty() && lines.back().isEmpty()) {
        lines.removeLast();
    }
    if (lines.isEmpty()) {
        return reject(ErrorCode::MalformedRequest, "The request line is missing");
    }

    // Request line: method SP request-target SP HTTP-version (exactly single spaces).
    const QByteArrayView requestLine = lines.front();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1) {
        return reject(ErrorCode::MalformedRequest, "The request line is malformed");
    }
    const QByteArrayView methodToken = requestLine.first(firstSpace);
    const QByteArrayView target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = requestLine.sliced(lastSpace + 1);
    for (const char c : methodToken) {
        if (!isTokenChar(c)) {
            return reject(ErrorCode::MalformedRequest, "The request method is malformed");
        }
    }
    if (version == "HTTP/1.1") {
        head.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        head.minorVersion = 0;
    } else {
        return reject(ErrorCode::MalformedRequest, "Only HTTP/1.0 and HTTP/1.1 are supported");
    }
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            return reject(ErrorCode::MalformedRequest, "The request target has invalid characters");
        }
    }
    if (!(target.startsWith('/') || target.startsWith("http://") || target.startsWith("https://")
                || target == "*")) {
        return reject(ErrorCode::MalformedRequest, "The request target is malformed");
    }
    const auto method = parseMethod(methodToken);
    if (!method) {
        return reject(ErrorCode::NotImplemented, "The request method is not implemented");
    }
    head.method = *method;
    head.target = target.toByteArray();

    // Header fields.
    if (lines.size() - 1 > limits.maxHeaderCount) {
        return reject(ErrorCode::HeaderFieldsTooLarge, "Too many header fields");
    }
    head.headers.reserve(lines.size() - 1);
    int hostCount = 0;
    int contentLengthCount = 0;
    bool hasTransferEncoding = false;
    bool closeRequested = false;
    bool keepAliveRequested = false;
    bool upgradeRequested = false;
    bool websocket = false;
    QByteArray contentLengthValue;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.front() == ' ' || line.front() == '\t') {
            // obs-fold (RFC 9112 §5.2): rejecting is allowed and avoids smuggling ambiguities.
            return reject(ErrorCode::MalformedRequest, "Folded header lines are not accepted");
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return reject(ErrorCode::MalformedRequest, "A header line has no field name");
        }
        const QByteArrayView name = line.first(colon);
        for (const char c : name) {
            // Also rejects whitespace between the name and the colon (RFC 9112 §5.1: MUST).
            if (!isTokenChar(c)) {
                return reject(ErrorCode::MalformedRequest, "A header field name is malformed");
            }
        }
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        for (const char c : value) {
            if (!isFieldValueChar(c)) {
                return reject(ErrorCode::MalformedRequest, "A header field value is malformed");
            }
        }
        QByteArray lowerName = name.toByteArray().toLower();
        if (lowerName == "host") {
            ++hostCount;
        } else if (lowerName == "content-length") {
            ++contentLengthCount;
            contentLengthValue = value.toByteArray();
        } else if (lowerName == "transfer-encoding") {
            hasTransferEncoding = true;
        } else if (lowerName == "connection") {
            closeRequested = closeRequested || containsToken(value, "close");
            keepAliveRequested = keepAliveRequested || containsToken(value, "keep-alive");
            upgradeRequested = upgradeRequested || containsToken(value, "upgrade");
        } else if (lowerName == "upgrade") {
            websocket = websocket || containsToken(value, "websocket");
        } else if (lowerName == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0) {
                return reject(ErrorCode::BadRequest, "Only Expect: 100-continue is supported");
            }
            head.expectContinue = true;
        }
        head.headers.append({std::move(lowerName), value.toByteArray()});
    }
    // HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked to keep it.
    head.keepAlive =
            head.minorVersion == 1 ? !closeRequested : keepAliveRequested && !closeRequested;
    if (upgradeRequested && websocket) {
        // QHttpServer 6.4 would hand such a request to its WebSocket path, which this server
        // does not use; other upgrades (h2c) are simply ignored, as RFC 9110 §7.8 allows.
        return reject(ErrorCode::NotImplemented, "WebSocket upgrades are not supported");
    }
    if (head.minorVersion == 1 && hostCount != 1) {
        // RFC 9112 §3.2: a server MUST respond 400 to a request without, or with several, Host.
        return reject(ErrorCode::MalformedRequest, "Exactly one Host header is required");
    }
    if (hasTransferEncoding) {
        // The API takes JSON bodies of known size; chunked uploads are refused rather than
        // buffered without a declared bound (and TE with CL is a smuggling vector).
        return reject(ErrorCode::LengthRequired,
                "Transfer-Encoding is not accepted on requests; send Content-Length");
    }
    if (contentLengthCount > 1) {
        return reject(ErrorCode::MalformedRequest, "Several Content-Length headers");
    }
    if (contentLengthCount == 1) {
        // 1*DIGIT only (RFC 9110 §8.6); at most 18 digits so the value cannot overflow.
        if (contentLengthValue.isEmpty() || contentLengthValue.size() > 18) {
            return reject(contentLengthValue.size() > 18 ? ErrorCode::PayloadTooLarge
                                                         : ErrorCode::MalformedRequest,
                    "The Content-Length is invalid or too large");
        }
        for (const char c : contentLengthValue) {
            if (c < '0' || c > '9') {
                return reject(ErrorCode::MalformedRequest, "The Content-Length is not a number");
            }
        }
        head.contentLength = contentLengthValue.toLongLong();
        if (head.contentLength > limits.maxBodyBytes) {
            return reject(ErrorCode::PayloadTooLarge, "The request body is larger than allowed");
        }
    }
    if (head.expectContinue && head.contentLength == 0) {
        head.expectContinue = false;
    }
    return result;
}

} // namespace influence::server::http

// SPDX-License-Identifier: Apache-2.0
#include "HttpHead.h"

#include <algorithm>
#include <optional>

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
    const QList<QByteArray> parts = list.toByteArray().split(',');
    return std::any_of(parts.cbegin(), parts.cend(), [token](const QByteArray &part) {
        return trimmed(part).compare(token, Qt::CaseInsensitive) == 0;
    });
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

namespace {

/// A reason to refuse a request, before it is turned into a HeadInspection.
struct Refusal
{
    ErrorCode code = ErrorCode::MalformedRequest;
    const char *reason = "";
};

using Check = std::optional<Refusal>;

bool allOf(QByteArrayView text, bool (*predicate)(char))
{
    return std::all_of(text.begin(), text.end(), predicate);
}

/// Where the head ends (after its empty line), or -1 while it is incomplete.
std::pair<qsizetype, Check> findHeadEnd(QByteArrayView data, qsizetype start)
{
    qsizetype lineStart = start;
    for (qsizetype i = start; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '\0') {
            return {-1, Refusal{ErrorCode::MalformedRequest, "NUL byte in the request head"}};
        }
        if (c != '\n') {
            continue;
        }
        const bool crlf = i > lineStart && data[i - 1] == '\r';
        const qsizetype lineLength = i - lineStart - (crlf ? 1 : 0);
        if (lineLength == 0 && lineStart > start) {
            return {i + 1, std::nullopt};
        }
        lineStart = i + 1;
    }
    return {-1, std::nullopt};
}

/// The lines of a complete head, without line endings and without the final empty line.
QList<QByteArrayView> splitLines(QByteArrayView head)
{
    QList<QByteArrayView> lines;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head[i] != '\n') {
            continue;
        }
        const qsizetype stop = i > lineStart && head[i - 1] == '\r' ? i - 1 : i;
        lines.append(head.sliced(lineStart, stop - lineStart));
        lineStart = i + 1;
    }
    if (!lines.isEmpty() && lines.back().isEmpty()) {
        lines.removeLast();
    }
    return lines;
}

/// method SP request-target SP HTTP-version, with exactly single spaces.
Check parseRequestLine(QByteArrayView line, HttpHead &head)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1) {
        return Refusal{ErrorCode::MalformedRequest, "The request line is malformed"};
    }
    const QByteArrayView methodToken = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!allOf(methodToken, isTokenChar)) {
        return Refusal{ErrorCode::MalformedRequest, "The request method is malformed"};
    }
    if (version == "HTTP/1.1") {
        head.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        head.minorVersion = 0;
    } else {
        return Refusal{ErrorCode::MalformedRequest, "Only HTTP/1.0 and HTTP/1.1 are supported"};
    }
    const auto visible = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7f;
    };
    if (!allOf(target, visible)) {
        return Refusal{ErrorCode::MalformedRequest, "The request target has invalid characters"};
    }
    if (!(target.startsWith('/') || target.startsWith("http://") || target.startsWith("https://")
                || target == "*")) {
        return Refusal{ErrorCode::MalformedRequest, "The request target is malformed"};
    }
    const auto method = parseMethod(methodToken);
    if (!method) {
        return Refusal{ErrorCode::NotImplemented, "The request method is not implemented"};
    }
    head.method = *method;
    head.target = target.toByteArray();
    return std::nullopt;
}

/// What the header fields say about framing and the connection, gathered while reading them.
struct FieldSummary
{
    int hosts = 0;
    int contentLengths = 0;
    QByteArray contentLength;
    bool transferEncoding = false;
    bool close = false;
    bool keepAlive = false;
    bool upgrade = false;
    bool websocket = false;
};

Check parseField(QByteArrayView line, HttpHead &head, FieldSummary &summary)
{
    if (line.front() == ' ' || line.front() == '\t') {
        // obs-fold (RFC 9112 §5.2): rejecting is allowed and avoids smuggling ambiguities.
        return Refusal{ErrorCode::MalformedRequest, "Folded header lines are not accepted"};
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        return Refusal{ErrorCode::MalformedRequest, "A header line has no field name"};
    }
    const QByteArrayView name = line.first(colon);
    // Token characters only: this also rejects whitespace before the colon (RFC 9112 §5.1).
    if (!allOf(name, isTokenChar)) {
        return Refusal{ErrorCode::MalformedRequest, "A header field name is malformed"};
    }
    const QByteArrayView value = trimmed(line.sliced(colon + 1));
    if (!allOf(value, isFieldValueChar)) {
        return Refusal{ErrorCode::MalformedRequest, "A header field value is malformed"};
    }
    QByteArray lowerName = name.toByteArray().toLower();
    if (lowerName == "host") {
        ++summary.hosts;
    } else if (lowerName == "content-length") {
        ++summary.contentLengths;
        summary.contentLength = value.toByteArray();
    } else if (lowerName == "transfer-encoding") {
        summary.transferEncoding = true;
    } else if (lowerName == "connection") {
        summary.close = summary.close || containsToken(value, "close");
        summary.keepAlive = summary.keepAlive || containsToken(value, "keep-alive");
        summary.upgrade = summary.upgrade || containsToken(value, "upgrade");
    } else if (lowerName == "upgrade") {
        summary.websocket = summary.websocket || containsToken(value, "websocket");
    } else if (lowerName == "expect") {
        if (value.compare("100-continue", Qt::CaseInsensitive) != 0) {
            return Refusal{ErrorCode::BadRequest, "Only Expect: 100-continue is supported"};
        }
        head.expectContinue = true;
    }
    head.headers.append({std::move(lowerName), value.toByteArray()});
    return std::nullopt;
}

/// Body framing and connection handling, once all fields are read.
Check applyFraming(const FieldSummary &summary, const HeadLimits &limits, HttpHead &head)
{
    // HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked to keep it.
    head.keepAlive = head.minorVersion == 1 ? !summary.close : summary.keepAlive && !summary.close;
    if (summary.upgrade && summary.websocket) {
        // QHttpServer 6.4 would hand such a request to its WebSocket path, which this server
        // does not use; other upgrades (h2c) are simply ignored, as RFC 9110 §7.8 allows.
        return Refusal{ErrorCode::NotImplemented, "WebSocket upgrades are not supported"};
    }
    if (head.minorVersion == 1 && summary.hosts != 1) {
        // RFC 9112 §3.2: a server MUST respond 400 to a request without, or with several, Host.
        return Refusal{ErrorCode::MalformedRequest, "Exactly one Host header is required"};
    }
    if (summary.transferEncoding) {
        // The API takes JSON bodies of known size; chunked uploads are refused rather than
        // buffered without a declared bound (and TE with CL is a smuggling vector).
        return Refusal{ErrorCode::LengthRequired,
                "Transfer-Encoding is not accepted on requests; send Content-Length"};
    }
    if (summary.contentLengths > 1) {
        return Refusal{ErrorCode::MalformedRequest, "Several Content-Length headers"};
    }
    if (summary.contentLengths == 1) {
        const QByteArray &digits = summary.contentLength;
        // 1*DIGIT only (RFC 9110 §8.6); at most 18 digits so the value cannot overflow.
        if (digits.size() > 18) {
            return Refusal{ErrorCode::PayloadTooLarge, "The Content-Length is too large"};
        }
        if (digits.isEmpty() || !allOf(digits, [](char c) {
                return c >= '0' && c <= '9';
            })) {
            return Refusal{ErrorCode::MalformedRequest, "The Content-Length is not a number"};
        }
        head.contentLength = digits.toLongLong();
        if (head.contentLength > limits.bodyLimitFor(head)) {
            return Refusal{ErrorCode::PayloadTooLarge, "The request body is larger than allowed"};
        }
    }
    if (head.contentLength == 0) {
        head.expectContinue = false;
    }
    return std::nullopt;
}

HeadInspection rejected(const Refusal &refusal)
{
    return reject(refusal.code, refusal.reason);
}

} // namespace

qint64 HeadLimits::bodyLimitFor(const HttpHead &head) const
{
    if (pathBodyLimits.isEmpty()) {
        return maxBodyBytes;
    }
    const QByteArrayView target(head.target);
    const qsizetype mark = target.indexOf('?');
    const QByteArrayView path = mark < 0 ? target : target.first(mark);
    for (const PathBodyLimit &limit : pathBodyLimits) {
        if (path == QByteArrayView(limit.path)) {
            return !limit.admits || limit.admits(head) ? limit.maxBodyBytes : maxBodyBytes;
        }
    }
    return maxBodyBytes;
}

HeadInspection inspectHead(QByteArrayView data, const HeadLimits &limits)
{
    // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
    qsizetype start = 0;
    while (start < data.size() && (data[start] == '\r' || data[start] == '\n')) {
        if (++start > 8) {
            return reject(ErrorCode::MalformedRequest, "Too many empty lines before the request");
        }
    }
    const auto [end, broken] = findHeadEnd(data, start);
    if (broken) {
        return rejected(*broken);
    }
    if (end < 0) {
        if (data.size() - start > limits.maxHeadBytes) {
            return reject(ErrorCode::HeaderFieldsTooLarge, "The request head is too large");
        }
        // A method token must come first: refuse binary garbage early instead of waiting.
        const QByteArrayView soFar = data.sliced(start);
        qsizetype tokenEnd = 0;
        while (tokenEnd < soFar.size() && soFar[tokenEnd] != ' ' && soFar[tokenEnd] != '\n') {
            ++tokenEnd;
        }
        if (tokenEnd > 17 || !allOf(soFar.first(tokenEnd), isTokenChar)) {
            return reject(ErrorCode::MalformedRequest, "The request line is malformed");
        }
        return {};
    }
    if (end - start > limits.maxHeadBytes) {
        return reject(ErrorCode::HeaderFieldsTooLarge, "The request head is too large");
    }

    const QList<QByteArrayView> lines = splitLines(data.sliced(start, end - start));
    if (lines.isEmpty()) {
        return reject(ErrorCode::MalformedRequest, "The request line is missing");
    }
    if (lines.size() - 1 > limits.maxHeaderCount) {
        return reject(ErrorCode::HeaderFieldsTooLarge, "Too many header fields");
    }
    HeadInspection result;
    result.outcome = HeadInspection::Outcome::Complete;
    HttpHead &head = result.head;
    head.headSize = end;
    if (const Check refusal = parseRequestLine(lines.front(), head)) {
        return rejected(*refusal);
    }
    head.headers.reserve(lines.size() - 1);
    FieldSummary summary;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (const Check refusal = parseField(lines[i], head, summary)) {
            return rejected(*refusal);
        }
    }
    if (const Check refusal = applyFraming(summary, limits, head)) {
        return rejected(*refusal);
    }
    return result;
}

} // namespace influence::server::http

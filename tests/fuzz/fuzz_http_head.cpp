// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the request head parser (core/http/HttpHead) and the request-target split
// (core/http/Request): the bytes a client sends before its body. Whatever the input, a complete
// head is no longer than the input, has token-character lower-case header names, values without
// CR, LF or NUL, at most the configured number of fields, a Content-Length within the body limit
// of its path, and parses the same from exactly its own bytes; a refusal is a 4xx or 501 with a
// reason; an incomplete head is never longer than the head limit. The Idempotency-Key header of a
// complete head is accepted only as 1 to 255 printable ASCII characters, else refused as 400.
#include "core/http/HttpHead.h"
#include "core/http/Idempotency.h"
#include "core/http/Request.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace influence::server::http;
using influence::common::errorCodeStatus;

namespace {

const HeadLimits &limits()
{
    static const HeadLimits value = [] {
        HeadLimits l;
        l.maxHeadBytes = 2048;
        l.maxBodyBytes = 4096;
        l.maxHeaderCount = 16;
        l.pathBodyLimits.append(
                {QByteArrayLiteral("/api/v1/imports"), qint64{1} << 30, [](const HttpHead &head) {
                     return head.header("authorization") == "Bearer ok";
                 }});
        return l;
    }();
    return value;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

void checkComplete(QByteArrayView data, const HttpHead &head)
{
    const HeadLimits &l = limits();
    if (head.headSize <= 0 || head.headSize > data.size() || head.target.isEmpty()
            || head.headers.size() > l.maxHeaderCount || head.contentLength < 0
            || head.contentLength > l.bodyLimitFor(head)
            || (head.minorVersion != 0 && head.minorVersion != 1)) {
        std::abort();
    }
    for (const auto &[name, value] : head.headers) {
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar)
                || value.contains('\r') || value.contains('\n') || value.contains('\0')
                || value.startsWith(' ') || value.endsWith(' ')) {
            std::abort();
        }
    }
    // The head parses the same from its own bytes, whatever follows it (the body).
    const HeadInspection again = inspectHead(data.first(head.headSize), l);
    if (again.outcome != HeadInspection::Outcome::Complete || again.head.target != head.target
            || again.head.headers != head.headers || again.head.contentLength != head.contentLength
            || again.head.keepAlive != head.keepAlive) {
        std::abort();
    }
    // Routing reads the target: the path is never empty and starts with '/' (or is "*").
    const auto [path, query] = splitTarget(head.target);
    if (path.isEmpty() || (!path.startsWith(u'/') && path != u"*")) {
        std::abort();
    }
    (void)query.queryItems(QUrl::FullyDecoded);

    Request request;
    request.method = head.method;
    request.path = path;
    request.headers = head.headers;
    const QByteArray sent = head.header("idempotency-key");
    const auto key = idempotency::keyOf(request);
    if (!key) {
        if (sent.isNull() || key.error().httpStatus() != 400) {
            std::abort();
        }
    } else if (key->has_value() != !sent.isNull()
            || (key->has_value()
                    && ((*key)->key.isEmpty() || (*key)->key.size() > 255
                            || (*key)->key.contains(u' ') || (*key)->fingerprint.size() != 64))) {
        std::abort();
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const HeadInspection inspection = inspectHead(input, limits());
    switch (inspection.outcome) {
    case HeadInspection::Outcome::Complete: checkComplete(input, inspection.head); break;
    case HeadInspection::Outcome::Rejected: {
        const int status = errorCodeStatus(inspection.error);
        if (inspection.reason.isEmpty() || status < 400 || (status >= 500 && status != 501)) {
            std::abort();
        }
        break;
    }
    case HeadInspection::Outcome::Incomplete:
        if (input.size() > limits().maxHeadBytes + 8) {
            std::abort();
        }
        break;
    }
    return 0;
}

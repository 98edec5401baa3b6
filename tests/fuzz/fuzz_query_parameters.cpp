// SPDX-License-Identifier: Apache-2.0
// Fuzz target for what routes read from a request-target: the query split (core/http/Request),
// the shared parameter readers (core/http/Parameters: limit, cursor, flags, UUIDs, search text),
// path ids, discovery's and the user list's query validators, and the sign-in's query parameters
// (oidc/OidcValidator: role, return_to, PKCE start). The input's first line is a path parameter,
// the rest a query string. Whatever the input, an accepted value is within its documented bounds,
// a refused one is 400 naming the parameter, a page cursor decodes to the position it encodes,
// and an accepted return_to, parsed again as the browser will, is on an allowed origin.
#include "common/AuthTypes.h"
#include "common/DiscoveryTypes.h"
#include "common/Validation.h"
#include "core/db/Pages.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "oidc/OidcValidator.h"

#include <QByteArray>
#include <QHostAddress>
#include <QUrl>

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace influence::server;
using influence::common::Error;
using influence::common::Result;

namespace {

/// A refusal: 400 and the first field error names the parameter.
void checkRefusal(const Error &error, const QString &parameter)
{
    if (error.httpStatus() != 400 || error.fieldErrors.isEmpty()
            || (!parameter.isEmpty() && error.fieldErrors.front().field != parameter)) {
        std::abort();
    }
}

template<typename T>
bool accepted(const Result<T> &result, const QString &parameter)
{
    if (!result) {
        checkRefusal(result.error(), parameter);
        return false;
    }
    return true;
}

void checkUuid(const Result<QUuid> &id, const QString &text, const QString &parameter)
{
    if (accepted(id, parameter) && influence::common::validation::uuidText(*id) != text.toLower()) {
        std::abort();
    }
}

void checkPages(const http::Request &request)
{
    const auto limit = http::limitOf(request, 10, 50);
    if (accepted(limit, u"limit"_s) && (*limit < 1 || *limit > 50)) {
        std::abort();
    }
    for (const auto order : {db::Page::Order::NewestFirst, db::Page::Order::OldestFirst}) {
        const auto page = http::pageOf(request, order);
        if (!page) {
            checkRefusal(page.error(), {});
            continue;
        }
        if (page->limit < 1 || page->limit > http::kMaxPageLimit
                || page->after.has_value() != request.hasQuery(u"cursor"_s)
                || (page->after
                        && db::decodeCursor(db::encodeCursor(*page->after)) != page->after)) {
            std::abort();
        }
    }
}

void checkReaders(const http::Request &request)
{
    const auto flag = http::flagOf(request, u"archived"_s);
    if (accepted(flag, u"archived"_s)
            && *flag != (request.queryValue(u"archived"_s) == u"true"_s)) {
        std::abort();
    }
    const auto id = http::optionalUuidOf(request, u"brandId"_s);
    if (accepted(id, u"brandId"_s) && id->has_value()
            && influence::common::validation::uuidText(**id)
                    != request.queryValue(u"brandId"_s).toLower()) {
        std::abort();
    }
    const auto text = http::searchTextOf(request, u"q"_s);
    if (accepted(text, u"q"_s) && (text->size() > 100 || *text != text->trimmed())) {
        std::abort();
    }
    checkUuid(request.uuidParam(u"id"_s), request.pathParams.value(u"id"_s), u"id"_s);
    const auto search = influence::common::discovery::validateSearch(request.query);
    if (search && (search->limit < 1 || search->limit > influence::common::discovery::kMaxLimit)) {
        std::abort();
    }
    if (!search) {
        checkRefusal(search.error(), {});
    }
    const auto users = influence::common::auth::validateUserListQuery(request.query);
    if (users && (users->limit < 1 || users->limit > 100)) {
        std::abort();
    }
    if (!users) {
        checkRefusal(users.error(), {});
    }
}

void checkSignInParameters(const http::Request &request)
{
    static const QStringList allowed{u"https://app.example.com"_s, u"https://api.example.com"_s};
    const auto role = oidc::validate::signUpRole(request.queryValue(u"role"_s));
    (void)accepted(role, u"role"_s);
    const auto target = oidc::validate::returnTo(request.queryValue(u"return_to"_s), allowed);
    if (accepted(target, u"return_to"_s) && !target->isEmpty()) {
        // What the browser will be sent to, read again: on an allowed origin or loopback http.
        const QUrl url(*target, QUrl::StrictMode);
        const QString host = url.host();
        const bool loopback = url.scheme() == u"http"_s
                && (host == u"localhost"_s || QHostAddress(host).isLoopback());
        if (!url.isValid() || url.hasFragment() || !url.userInfo().isEmpty()
                || (!loopback && !allowed.contains(oidc::validate::origin(url)))) {
            std::abort();
        }
    }
    const auto start = oidc::validate::nativeStart(request.queryValue(u"code_challenge"_s),
            request.queryValue(u"code_challenge_method"_s), request.queryValue(u"state"_s),
            request.queryValue(u"return_to"_s), allowed);
    if (accepted(start, {}) && !start->challenge.isEmpty()
            && (start->challenge.size() < 43 || start->challenge.size() > 128
                    || start->state.size() > 512)) {
        std::abort();
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype newline = input.indexOf('\n');
    http::Request request;
    request.pathParams.insert(
            u"id"_s, QUrl::fromPercentEncoding(newline < 0 ? QByteArray() : input.first(newline)));
    std::tie(request.path, request.query) =
            http::splitTarget("/api/v1/things?" + input.sliced(newline + 1));
    checkPages(request);
    checkReaders(request);
    checkSignInParameters(request);

    // Any position survives its cursor.
    qint64 position = 0;
    std::memcpy(&position, input.leftJustified(sizeof position, '\0').constData(), sizeof position);
    if (db::decodeCursor(db::encodeCursor(position)) != position) {
        std::abort();
    }
    return 0;
}

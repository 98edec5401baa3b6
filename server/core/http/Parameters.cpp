// SPDX-License-Identifier: Apache-2.0
#include "Parameters.h"

#include "Request.h"
#include "common/Validation.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::http {

namespace {

constexpr int kMaxSearchText = 100;

} // namespace

Error invalidParameter(const QString &parameter, const QString &message)
{
    return Error::invalidParameter(parameter, u"invalid_value"_s, message);
}

Result<int> limitOf(const Request &request, int fallback, int max)
{
    if (!request.hasQuery(u"limit"_s)) {
        return fallback;
    }
    bool ok = false;
    const int limit = request.queryValue(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1 || limit > max) {
        return invalidParameter(u"limit"_s, u"Must be between 1 and %1."_s.arg(max));
    }
    return limit;
}

Result<db::Page> pageOf(const Request &request, db::Page::Order order)
{
    db::Page result;
    result.order = order;
    auto limit = limitOf(request, result.limit, kMaxPageLimit);
    if (!limit) {
        return limit.error();
    }
    result.limit = *limit;
    if (request.hasQuery(u"cursor"_s)) {
        result.after = db::decodeCursor(request.queryValue(u"cursor"_s));
        if (!result.after) {
            return invalidParameter(u"cursor"_s, u"Is not a cursor from this list."_s);
        }
    }
    return result;
}

Result<bool> flagOf(const Request &request, const QString &name)
{
    const QString value = request.queryValue(name);
    if (!request.hasQuery(name) || value == u"false"_s) {
        return false;
    }
    if (value == u"true"_s) {
        return true;
    }
    return invalidParameter(name, u"Must be true or false."_s);
}

Result<std::optional<QUuid>> optionalUuidOf(const Request &request, const QString &name)
{
    if (!request.hasQuery(name)) {
        return std::optional<QUuid>();
    }
    const auto id = common::validation::parseUuid(request.queryValue(name), name);
    if (!id) {
        return id.error();
    }
    return std::optional(*id);
}

Result<QString> searchTextOf(const Request &request, const QString &name)
{
    QString text = request.queryValue(name).trimmed();
    if (text.size() > kMaxSearchText) {
        return invalidParameter(name, u"At most %1 characters."_s.arg(kMaxSearchText));
    }
    return text;
}

} // namespace influence::server::http

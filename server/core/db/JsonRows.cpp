// SPDX-License-Identifier: Apache-2.0
#include "JsonRows.h"

using influence::common::Error;
using influence::common::Result;

namespace influence::server::db {

Result<std::optional<QByteArray>> optionalJson(
        Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    const auto value = c.scalar(statement, binds);
    if (!value) {
        return value.error();
    }
    if (value->isNull()) {
        return std::optional<QByteArray>();
    }
    return std::optional(value->toString().toUtf8());
}

Result<QByteArray> json(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    auto value = optionalJson(c, statement, binds);
    if (!value) {
        return value.error();
    }
    if (!value->has_value()) {
        return Error::internal();
    }
    return std::move(**value);
}

Result<int> affected(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    auto query = c.run(statement, binds);
    if (!query) {
        return query.error();
    }
    const int count = (*query)->numRowsAffected();
    (*query)->finish();
    return count;
}

Result<void> runSteps(std::initializer_list<std::function<Result<void>()>> steps)
{
    for (const auto &step : steps) {
        if (auto done = step(); !done) {
            return done;
        }
    }
    return {};
}

} // namespace influence::server::db

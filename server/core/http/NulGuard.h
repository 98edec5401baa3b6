// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"

#include <optional>

namespace influence::server::http {

struct Request;

/// U+0000 in a request's input, refused before any handler runs: QtSql's PostgreSQL driver
/// writes bound values into the statement text, which ends at a NUL, so a NUL that reached the
/// database used to end as a 500. Returns the problem to answer, or nothing when the input is
/// free of NULs:
///   - a path parameter or a query parameter (name or value) with %00: 400 invalid_parameter
///     naming the parameter;
///   - a JSON body with \u0000 in a string or a key: 422 validation_failed naming the field as a
///     JSON pointer without its leading "/" like every validation problem ("bio",
///     "rates/0/label"); U+0000 in a body that is a bare string: 400 malformed_json; a body that
///     does not parse is left to the route, which answers malformed_json.
/// Like the guard's size limits, this comes before the token check: it looks at no account.
std::optional<common::Error> refuseNul(const Request &request);

} // namespace influence::server::http

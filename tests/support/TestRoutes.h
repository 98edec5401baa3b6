// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/Router.h"

namespace influence::tests {

/// Routes that exist only in tests, under /test/…, to drive the HTTP layer's edge cases:
///   POST /test/echo           echoes the JSON body object (or its problem: 415, 400)
///   GET  /test/throw          the handler throws
///   GET  /test/silent         the handler never answers
///   GET  /test/db             runs SELECT 1 on the database pool
///   GET  /test/db-throw       the database task throws
///   GET  /test/slow/{ms}      waits on a database worker, then answers
///   GET  /test/uuid/{id}      validates a UUID path parameter
///   GET  /test/statement-timeout  answers the pool connection's statement_timeout
///   POST /test/db-error       a database error whose text carries the body's "bio"
void addTestRoutes(server::http::Router &router);

} // namespace influence::tests

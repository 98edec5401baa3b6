// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace influence::server::http {

/// The HTTP layer's log category, "influence.http": the listener, connections, handlers and the
/// tasks they run. Answered requests go to the access log instead (AccessLog.h).
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace influence::server::http

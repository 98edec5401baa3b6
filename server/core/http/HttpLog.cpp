// SPDX-License-Identifier: Apache-2.0
#include "HttpLog.h"

namespace influence::server::http {

Q_LOGGING_CATEGORY(lcHttp, "influence.http")

} // namespace influence::server::http

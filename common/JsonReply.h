// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonDocument>

namespace influence::common {

/// An HTTP answer with a JSON (or empty) body; any 2xx status. What ApiClient::send() answers
/// and the feature APIs pass on where a call's answer has no type of its own.
struct JsonReply
{
    int status = 0;
    QJsonDocument body;
};

} // namespace influence::common

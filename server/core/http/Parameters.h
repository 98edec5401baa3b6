// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/db/Pages.h"

#include <QString>
#include <QUuid>

#include <optional>

/// Reading a request's query parameters the same way on every route: each answers
/// 400 invalid_parameter naming the parameter when the value is malformed.
namespace influence::server::http {

struct Request;

/// The largest page a list answers (`limit`).
constexpr int kMaxPageLimit = 100;

/// `limit` between 1 and `max`; `fallback` when absent.
common::Result<int> limitOf(const Request &request, int fallback, int max);
/// `limit` (1–100, default 25) and `cursor` (from the list's own nextCursor).
common::Result<db::Page> pageOf(const Request &request, db::Page::Order order);
/// A `true`/`false` parameter; absent is false.
common::Result<bool> flagOf(const Request &request, const QString &name);
/// A UUID parameter; absent is nothing.
common::Result<std::optional<QUuid>> optionalUuidOf(const Request &request, const QString &name);
/// A short text to search for (at most 100 characters): trimmed; absent or blank is empty.
common::Result<QString> searchTextOf(const Request &request, const QString &name);

/// 400 invalid_parameter (invalid_value) for `parameter`.
common::Error invalidParameter(const QString &parameter, const QString &message);

} // namespace influence::server::http

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Request.h"
#include "Response.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <optional>
#include <variant>

namespace influence::server::db {
class Connection;
}

/// Idempotent requests by the `Idempotency-Key` header (the IETF httpapi draft, as Stripe
/// implements it), for the routes that move money or create terms: the first answer to a key is
/// stored per user and replayed for the same request (with `Idempotent-Replayed: true`); the
/// same key with a different request is 422 idempotency_key_reused; while the first request still
/// runs, 409 idempotency_key_in_use. Answers are kept 24 hours (the housekeeping deletes them
/// later); a 5xx answer is not kept, so the client's retry runs again. A claim whose request
/// never finished (the process died) is taken over after a minute: the state machines behind
/// these routes refuse a step that was done already, so running it again is safe.
namespace influence::server::http::idempotency {

struct Key
{
    QString key;
    /// The method, path and body's SHA-256: what "the same request" means.
    QByteArray fingerprint;
};

/// The request's key: nothing without the header, 400 invalid_idempotency_key when it is not
/// 1 to 255 printable ASCII characters.
common::Result<std::optional<Key>> keyOf(const Request &request);

struct Proceed
{
};

/// Claims the key for the user, in its own short transaction: Proceed, or the answer to send
/// instead (a replay or a problem).
std::variant<Proceed, Response> begin(db::Connection &c, const QUuid &user, const Key &key);

/// Stores the answer to a claimed key (or releases the claim after a 5xx answer).
void finish(db::Connection &c, const QUuid &user, const Key &key, const Response &response,
        const QString &path);

/// How long answers are kept, in hours.
constexpr int kKeptHours = 24;

} // namespace influence::server::http::idempotency

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Connection.h"

#include <QRandomGenerator>
#include <QThread>

#include <type_traits>

namespace influence::server::db {

enum class Isolation { ReadCommitted, RepeatableRead, Serializable };

struct TransactionOptions
{
    Isolation isolation = Isolation::ReadCommitted;
    /// Attempts in all: a serialization failure (40001), a deadlock (40P01) or a connection lost
    /// before COMMIT was sent runs the whole body again.
    int maxAttempts = 3;
};

namespace detail {
inline void retryPause(int attempt)
{
    // Jittered, growing pause so that the transactions that collided do not collide again.
    const int ceiling = 5 << attempt;
    QThread::msleep(static_cast<unsigned long>(QRandomGenerator::global()->bounded(1, ceiling)));
}
common::Result<void> setIsolation(Connection &connection, Isolation isolation);
} // namespace detail

/// Runs `body(connection)` in one transaction and commits if it returns a value; any error rolls
/// everything back, so nothing is half-written. The body must be safe to run again (it only talks
/// to the database) because retryable failures repeat it. A connection lost during COMMIT is not
/// retried: the outcome is unknown and the caller gets 503.
template<class Body>
auto inTransaction(Connection &connection, Body &&body, TransactionOptions options = {})
        -> std::invoke_result_t<Body &, Connection &>
{
    using ResultType = std::invoke_result_t<Body &, Connection &>;
    for (int attempt = 1;; ++attempt) {
        const bool mayRetry = attempt < options.maxAttempts;
        connection.clearFailure();
        if (auto begun = connection.begin(); !begun) {
            const auto &failure = connection.lastFailure();
            if (mayRetry && failure && failure->kind == DbErrorKind::ConnectionLost) {
                continue;
            }
            return ResultType(begun.error());
        }
        if (options.isolation != Isolation::ReadCommitted) {
            if (auto set = detail::setIsolation(connection, options.isolation); !set) {
                connection.rollback();
                return ResultType(set.error());
            }
        }
        ResultType result = body(connection);
        if (!result) {
            const auto failure = connection.lastFailure();
            connection.rollback();
            if (mayRetry && failure
                    && (failure->isRetryable() || failure->kind == DbErrorKind::ConnectionLost)) {
                detail::retryPause(attempt);
                continue;
            }
            return result;
        }
        if (auto committed = connection.commit(); !committed) {
            const auto failure = connection.lastFailure();
            connection.rollback();
            if (mayRetry && failure && failure->isRetryable()) {
                detail::retryPause(attempt);
                continue;
            }
            return ResultType(committed.error());
        }
        return result;
    }
}

/// Runs read-only work outside an explicit transaction, once more on a fresh connection if the
/// connection turned out to be lost (reads are idempotent).
template<class Body>
auto withRetry(Connection &connection, Body &&body) -> std::invoke_result_t<Body &, Connection &>
{
    connection.clearFailure();
    auto result = body(connection);
    if (!result && connection.lastFailure()
            && connection.lastFailure()->kind == DbErrorKind::ConnectionLost) {
        connection.clearFailure();
        result = body(connection);
    }
    return result;
}

} // namespace influence::server::db

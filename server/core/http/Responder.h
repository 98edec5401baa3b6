// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Request.h"
#include "Response.h"

#include <functional>
#include <memory>

namespace influence::server::db {
class Connection;
}

namespace influence::server::http {

class Exchange;

/// The handle a route handler answers through. Cheap to copy, safe to use from any thread: the
/// response is written by the connection's own thread, and only if the client is still there.
/// The first send() wins; a handler that never answers gets a 500 (so no request hangs).
class Responder
{
public:
    explicit Responder(std::shared_ptr<Exchange> exchange);

    const Request &request() const;

    void send(Response response) const;
    void problem(common::Error error) const { send(Response::fromError(std::move(error))); }

    /// Runs `task` on a database worker with that worker's connection and sends what it returns.
    /// The task gets values only (never the socket or the HTTP request object); an exception
    /// escaping it becomes a 500. When the database queue is full the answer is 503 at once; when
    /// the client has gone before the task starts, the task is skipped.
    void runOnDbPool(std::function<Response(db::Connection &)> task) const;
    /// Runs read-only `task` on a read replica when one is usable (ReplicaPool), else on the
    /// primary as runOnDbPool() does. A request carrying Influence-Wal-Position (what a write
    /// answered) runs on a replica only once that replica has replayed the position, waiting
    /// up to DATABASE_REPLICA_WAIT_MS, else on the primary: a client reads its own writes. A
    /// task the replica fails (connection lost, a recovery conflict, a write refused as
    /// read-only) or answers 401 (a session newer than the replica) runs again on the primary.
    /// 400 invalid_parameter when the header is not a WAL position.
    void runOnReadPool(std::function<Response(db::Connection &)> task) const;
    /// Runs CPU-bound `task` (password hashing) on the CPU pool and sends what it returns;
    /// otherwise like runOnDbPool(). A task may return Response::deferred() after handing a copy
    /// of this Responder to the next step.
    void runOnCpuPool(std::function<Response()> task) const;

private:
    std::shared_ptr<Exchange> m_exchange;
};

} // namespace influence::server::http

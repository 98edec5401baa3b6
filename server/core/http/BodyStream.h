// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace influence::server::http {

/// A response body of unknown length, written in pieces by the task that produces it (on a
/// database worker) while the connection's thread sends the pieces with the chunked transfer
/// coding (RFC 9112 §7.1). Bounded: write() waits while more than kWindow bytes are queued here
/// or still unsent in the socket, so a slow client holds the producer back instead of filling
/// the server's memory; a client that reads nothing for kStallTimeout ends the body.
class BodyStream
{
public:
    static constexpr qint64 kWindow = qint64{256} * 1024;
    static constexpr std::chrono::seconds kStallTimeout{30};

    /// What the connection's thread finds when it takes the queued bytes.
    enum class State {
        Open, ///< more to come
        Finished, ///< the body is complete: send the last chunk
        Aborted, ///< the body cannot be completed: close the connection without the last chunk
    };
    struct Taken
    {
        QByteArray bytes;
        State state = State::Open;
    };

    // --- The producer's side (any thread but the connection's) ---
    /// Queues `bytes`, waiting while the window is full. False when the client has gone or has
    /// read nothing for kStallTimeout (then the body is aborted): stop producing.
    bool write(const QByteArray &bytes);
    /// The body is complete.
    void finish();
    /// The body cannot be completed (a database error after the head was sent): the client
    /// sees a body that ends without its last chunk, which HTTP clients report as an error.
    void abort();

    // --- The connection's side (its HttpWorker's thread) ---
    /// `wake` is called (from any thread, at most once until the next take()) when there is
    /// something to take.
    void attach(std::function<void()> wake);
    Taken take();
    /// How many bytes the socket has not sent yet (after a write or bytesWritten).
    void setUnsent(qint64 bytes);
    /// The client has gone, or the response needs no body (HEAD): write() answers false, and
    /// the wake-up given to attach() is never called again.
    void cancel();
    bool isCancelled() const;

private:
    /// Calls m_wake unless a wake-up is pending already; with the lock held.
    std::function<void()> wakeLocked();

    mutable std::mutex m_mutex;
    std::condition_variable m_room;
    QByteArray m_queued;
    qint64 m_unsent = 0;
    State m_state = State::Open;
    bool m_cancelled = false;
    bool m_wakePending = false;
    std::function<void()> m_wake;
};

} // namespace influence::server::http

// SPDX-License-Identifier: Apache-2.0
#include "BodyStream.h"

namespace influence::server::http {

std::function<void()> BodyStream::wakeLocked()
{
    if (!m_wake || m_wakePending) {
        return {};
    }
    m_wakePending = true;
    return m_wake;
}

bool BodyStream::write(const QByteArray &bytes)
{
    std::function<void()> wake;
    {
        std::unique_lock lock(m_mutex);
        const auto deadline = std::chrono::steady_clock::now() + kStallTimeout;
        const bool room = m_room.wait_until(lock, deadline, [this] {
            return m_cancelled || m_queued.size() + m_unsent <= kWindow;
        });
        if (!room) {
            // The client reads nothing: give up on it rather than hold a database worker.
            m_cancelled = true;
            m_state = State::Aborted;
            wake = wakeLocked();
        } else if (!m_cancelled && m_state == State::Open) {
            m_queued += bytes;
            wake = wakeLocked();
        }
    }
    if (wake) {
        wake();
    }
    std::scoped_lock lock(m_mutex);
    return !m_cancelled && m_state == State::Open;
}

void BodyStream::finish()
{
    std::function<void()> wake;
    {
        std::scoped_lock lock(m_mutex);
        if (m_state == State::Open) {
            m_state = State::Finished;
        }
        wake = wakeLocked();
    }
    if (wake) {
        wake();
    }
}

void BodyStream::abort()
{
    std::function<void()> wake;
    {
        std::scoped_lock lock(m_mutex);
        m_state = State::Aborted;
        wake = wakeLocked();
    }
    if (wake) {
        wake();
    }
}

void BodyStream::attach(std::function<void()> wake)
{
    std::scoped_lock lock(m_mutex);
    m_wake = std::move(wake);
}

BodyStream::Taken BodyStream::take()
{
    std::scoped_lock lock(m_mutex);
    m_wakePending = false;
    Taken taken{std::exchange(m_queued, {}), m_state};
    m_room.notify_all();
    return taken;
}

void BodyStream::setUnsent(qint64 bytes)
{
    std::scoped_lock lock(m_mutex);
    m_unsent = bytes;
    m_room.notify_all();
}

void BodyStream::cancel()
{
    std::scoped_lock lock(m_mutex);
    m_cancelled = true;
    // Nobody takes from a cancelled stream: no more wake-ups (its connection may be gone).
    m_wake = nullptr;
    m_room.notify_all();
}

bool BodyStream::isCancelled() const
{
    std::scoped_lock lock(m_mutex);
    return m_cancelled;
}

} // namespace influence::server::http

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <chrono>

namespace influence::server::net {

/// Limits of one outgoing request to a remote server (a provider, a platform).
struct FetchSettings
{
    /// Extra CA certificates (PEM) to trust; empty: the system's.
    QString caFile;
    /// The whole transfer, not only silence.
    std::chrono::milliseconds timeout{10'000};
    qint64 maxResponseBytes = qint64{512} * 1024;
};

} // namespace influence::server::net

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CreatorRow.h"
#include "common/Result.h"

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace influence::server::db {
class Connection;
}

namespace influence::server::discovery {

class DiscoveryIndex;

/// Another per-process copy of what the loader reads of every creator (recommendations' feature
/// store). It receives the same rows at the same catch-ups as the index, just before it, so that
/// whoever catches up first sees both current.
class CreatorSink
{
public:
    virtual ~CreatorSink() = default;
    /// Every visible creator: a load.
    virtual void replaceAll(const std::vector<CreatorRow> &rows) = 0;
    /// Creators that changed; a row that is not visible removes its creator.
    virtual void apply(const std::vector<CreatorRow> &rows) = 0;
};

/// Fills a DiscoveryIndex from PostgreSQL and keeps it current. catchUp() applies the creators
/// noted in discovery_changes since the last call (migration 0008 explains why this misses no
/// commit), so a search that catches up first sees every write committed before it began, in
/// this process or any other on the same database. Thread-safe: catch-ups run one at a time.
class DiscoveryIndexLoader
{
public:
    explicit DiscoveryIndexLoader(std::shared_ptr<DiscoveryIndex> index,
            std::vector<std::shared_ptr<CreatorSink>> sinks = {});
    DiscoveryIndexLoader(const DiscoveryIndexLoader &) = delete;
    DiscoveryIndexLoader &operator=(const DiscoveryIndexLoader &) = delete;

    DiscoveryIndex &index() const { return *m_index; }

    /// Loads the index (first call) or applies what changed since the last catch-up. A catch-up
    /// that another thread began after this call started serves this call too.
    common::Result<void> catchUp(db::Connection &c);

private:
    common::Result<void> load(db::Connection &c);
    common::Result<void> applyChanges(db::Connection &c);

    const std::shared_ptr<DiscoveryIndex> m_index;
    const std::vector<std::shared_ptr<CreatorSink>> m_sinks;
    /// Serialises catch-ups; m_begun counts those begun, m_servedFrom is the number of the last
    /// one that succeeded (a caller that arrived before it began is served by it).
    std::mutex m_catchUp;
    std::atomic<quint64> m_begun{0};
    std::atomic<quint64> m_servedFrom{0};
    bool m_loaded = false;
    /// xmin of the snapshot of the last catch-up: changes noted from it on are read again.
    quint64 m_horizon = 0;
};

} // namespace influence::server::discovery

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QCache>
#include <QString>

#include <mutex>
#include <optional>

namespace influence::server::analytics {

/// Finished dashboard answers (a campaign's analytics, a user's overview) in this process's
/// memory, least recently used first out, bounded by their bytes. A key names the request and
/// the fingerprint of the versions of what it reads (analytics_versions, migration 0026: the
/// writing transaction bumps them, in any process), so an entry never needs invalidating: a
/// write gives the next request a new key and the old entries age out. Thread-safe (one mutex
/// around a hash look-up or insert). Two requests that miss on one key both compute it; the
/// second insert replaces the first with the same bytes.
class DashboardCache
{
public:
    /// At most `maxBytes` of answers (keys included); 0 disables the cache.
    explicit DashboardCache(qsizetype maxBytes);

    bool isEnabled() const { return m_maxBytes > 0; }
    std::optional<QByteArray> find(const QString &key);
    /// An answer larger than the whole cache is not kept.
    void insert(const QString &key, const QByteArray &body);

private:
    const qsizetype m_maxBytes;
    std::mutex m_mutex;
    QCache<QString, QByteArray> m_entries;
};

} // namespace influence::server::analytics

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QCache>
#include <QDate>
#include <QString>
#include <QUuid>

#include <mutex>
#include <optional>

namespace influence::server::profiles {

/// One response of GET /api/v1/connected-accounts/{id}/metrics: the account, the version of its
/// series (account_metrics_changes, migration 0009) and the request's resolved parameters.
struct MetricsKey
{
    QUuid account;
    quint64 version = 0;
    QDate from;
    QDate to;
    QString interval;

    friend bool operator==(const MetricsKey &, const MetricsKey &) = default;
};

size_t qHash(const MetricsKey &key, size_t seed = 0) noexcept;

/// Finished metric responses in this process's memory, least recently used first out, bounded
/// by their bytes. The key carries the series' version, so an entry never needs invalidating: a
/// write gives the account a new version and the old entries age out. Thread-safe (one mutex:
/// a look-up or an insert is a hash operation and a reference count). Two requests that miss on
/// the same key both compute it; the second insert replaces the first with the same bytes.
class MetricsCache
{
public:
    /// At most `maxBytes` of responses (keys included); 0 disables the cache.
    explicit MetricsCache(qsizetype maxBytes);

    bool isEnabled() const { return m_maxBytes > 0; }
    std::optional<QByteArray> find(const MetricsKey &key);
    /// A response larger than the whole cache is not kept.
    void insert(const MetricsKey &key, const QByteArray &body);

private:
    const qsizetype m_maxBytes;
    std::mutex m_mutex;
    QCache<MetricsKey, QByteArray> m_entries;
};

} // namespace influence::server::profiles

// SPDX-License-Identifier: Apache-2.0
#include "MetricsCache.h"

#include <QHashFunctions>

namespace influence::server::profiles {

namespace {

/// What an entry costs beyond its body: the key, QCache's node and the QByteArray's header.
constexpr qsizetype kEntryOverhead = 128;

} // namespace

size_t qHash(const MetricsKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.account, key.version, key.from, key.to, key.interval);
}

MetricsCache::MetricsCache(qsizetype maxBytes)
    : m_maxBytes(qMax(qsizetype(0), maxBytes))
    , m_entries(m_maxBytes)
{ }

std::optional<QByteArray> MetricsCache::find(const MetricsKey &key)
{
    const std::lock_guard lock(m_mutex);
    // object() also moves the entry to the front of the eviction order.
    if (const QByteArray *body = m_entries.object(key)) {
        return *body; // a reference-counted copy: cheap, and safe after the lock is released
    }
    return std::nullopt;
}

void MetricsCache::insert(const MetricsKey &key, const QByteArray &body)
{
    const qsizetype cost = body.size() + key.interval.size() * 2 + kEntryOverhead;
    if (cost > m_maxBytes) {
        return;
    }
    const std::lock_guard lock(m_mutex);
    m_entries.insert(key, new QByteArray(body), cost); // QCache owns the copy
}

} // namespace influence::server::profiles

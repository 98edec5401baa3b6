// SPDX-License-Identifier: Apache-2.0
#include "DashboardCache.h"

namespace influence::server::analytics {

namespace {

/// What an entry costs beyond its body and key: QCache's node and the QByteArray's header.
constexpr qsizetype kEntryOverhead = 128;

} // namespace

DashboardCache::DashboardCache(qsizetype maxBytes)
    : m_maxBytes(qMax(qsizetype(0), maxBytes))
    , m_entries(m_maxBytes)
{ }

std::optional<QByteArray> DashboardCache::find(const QString &key)
{
    const std::lock_guard lock(m_mutex);
    // object() also moves the entry to the front of the eviction order.
    if (const QByteArray *body = m_entries.object(key)) {
        return *body; // a reference-counted copy: cheap, and safe after the lock is released
    }
    return std::nullopt;
}

void DashboardCache::insert(const QString &key, const QByteArray &body)
{
    const qsizetype cost = body.size() + key.size() * 2 + kEntryOverhead;
    if (cost > m_maxBytes) {
        return;
    }
    const std::lock_guard lock(m_mutex);
    m_entries.insert(key, new QByteArray(body), cost); // QCache owns the copy
}

} // namespace influence::server::analytics

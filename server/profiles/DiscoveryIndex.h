// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <vector>

class QSqlQuery;

namespace influence::server::db {
class Connection;
}

namespace influence::server::profiles {

struct DiscoveryQuery;

/// A creator that free text matched, with PostgreSQL's ts_rank.
struct TextMatch
{
    QUuid id;
    float rank = 0;
};

/// A search text's matches as the index keeps them.
struct TextMatches
{
    /// The index's generation when they were read.
    quint64 generation = 0;
    std::vector<TextMatch> matches;
    /// Whether `slots` holds the matches' places in the index at `generation`, with their ranks
    /// (found once, instead of by id at every search).
    bool resolved = false;
    std::vector<std::pair<quint32, float>> slots;
};

/// What a search selected: the number of matches and the first limit + 1 after the cursor.
struct IndexPage
{
    struct Item
    {
        QUuid id;
        /// The sort key exactly as PostgreSQL orders it (a real widened to double, or a bigint).
        double key = 0;
        /// The creator's item of the answer, written as QJsonDocument writes it (compact).
        QByteArray json;
    };
    qint64 matches = 0;
    QList<Item> items;
};

/// What discovery filters and sorts on, for every visible creator, in this process's memory;
/// PostgreSQL stays the source of truth. catchUp() applies the creators noted in
/// discovery_changes since the last call (migration 0008 explains why this misses no commit),
/// so a search that catches up first sees every write committed before it began, in this
/// process or any other on the same database. Thread-safe: catch-ups run one at a time, and
/// searches read under a shared lock that a catch-up takes exclusively only to apply its rows.
class DiscoveryIndex
{
public:
    DiscoveryIndex();
    ~DiscoveryIndex();
    DiscoveryIndex(const DiscoveryIndex &) = delete;
    DiscoveryIndex &operator=(const DiscoveryIndex &) = delete;

    /// Loads the index (first call) or applies what changed since the last catch-up. A catch-up
    /// that another thread began after this call started serves this call too.
    common::Result<void> catchUp(db::Connection &c);

    /// The matches of `query` (its filters, cursor and sort; free text through `text`, the
    /// creators it matched, when the query has some).
    IndexPage select(const DiscoveryQuery &query, const TextMatches *text) const;

    /// Free-text matches come from PostgreSQL (it stems); the index keeps the latest of each
    /// search text (per `key`) until it next applies a change, after which PostgreSQL is asked
    /// again. Nothing when there is none for the index's current state.
    std::shared_ptr<const TextMatches> cachedText(const QString &key) const;
    /// Keeps `matches`, read after a catch-up that left the index at `generation`, unless the
    /// index has applied changes since; answers them for select() either way.
    std::shared_ptr<const TextMatches> keepText(
            const QString &key, quint64 generation, std::vector<TextMatch> matches);
    /// Grows whenever the index applies a change.
    quint64 generation() const { return m_generation.load(); }

    /// Creators held and the bytes they take (approximately: the arrays and their elements).
    std::pair<qsizetype, qsizetype> footprint() const;

    struct Creator;
    struct Hot;
    struct Listed;
    /// The kinds of names turned into small ids (niches and languages apart, for bit masks;
    /// platforms for a 32-bit set).
    enum class Vocabulary { Names, Platforms, Niches, Languages };

private:
    common::Result<void> load(db::Connection &c);
    common::Result<void> applyChanges(db::Connection &c);
    /// `listed`: keep the platforms' lists up to date (otherwise the caller rebuilds them).
    void apply(const QSqlQuery &row, bool listed);
    /// Adds (or removes) the creator in `slot`'s accounts to (from) the platforms' lists.
    void list(qsizetype slot);
    void unlist(qsizetype slot);
    void rebuildLists();
    using Names = QHash<QString, quint16>;
    static quint16 intern(Names &names, QStringView name);
    Names &vocabulary(Vocabulary which);
    qsizetype footprintLocked() const;
    std::shared_lock<std::shared_mutex> readLock() const;

    /// Serialises catch-ups; m_begun counts those begun, m_servedFrom is the number of the last
    /// one that succeeded (a caller that arrived before it began is served by it).
    std::mutex m_catchUp;
    std::atomic<quint64> m_begun{0};
    std::atomic<quint64> m_servedFrom{0};
    bool m_loaded = false;
    std::atomic<quint64> m_generation{0};
    /// xmin of the snapshot of the last catch-up: changes noted from it on are read again.
    quint64 m_horizon = 0;

    /// Guards the data below. Writers pass the turnstile first, so that a steady stream of
    /// searches cannot starve a catch-up (glibc's rwlock prefers readers).
    mutable std::mutex m_turnstile;
    mutable std::shared_mutex m_lock;
    std::vector<Creator> m_creators;
    std::vector<Hot> m_hot; ///< parallel to m_creators
    /// Per platform id (below 32), every account on it that is not disconnected, ordered by
    /// (followers, slot): a search with a follower range on a platform reads only its range.
    std::vector<std::vector<Listed>> m_lists;

    QHash<QUuid, qsizetype> m_slots;
    /// Niches, languages, countries, platforms, deliverable types and currencies as small ids.
    Names m_names;
    Names m_platforms;
    Names m_niches;
    Names m_languages;

    struct CachedText
    {
        quint64 generation;
        std::shared_ptr<const TextMatches> matches;
    };
    mutable std::mutex m_textLock;
    QHash<QString, CachedText> m_text;
};

} // namespace influence::server::profiles

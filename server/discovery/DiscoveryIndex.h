// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CreatorRow.h"
#include "common/DiscoveryTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <vector>

namespace influence::server::discovery {

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
/// PostgreSQL stays the source of truth (DiscoveryIndexLoader reads the creators and applies
/// their changes). Pure: no database, no I/O. Thread-safe: searches read under a shared lock that
/// replaceAll() and apply() take exclusively only to change the data.
class DiscoveryIndex
{
public:
    DiscoveryIndex();
    ~DiscoveryIndex();
    DiscoveryIndex(const DiscoveryIndex &) = delete;
    DiscoveryIndex &operator=(const DiscoveryIndex &) = delete;

    /// Holds the visible creators of `rows` (each creator once) instead of what it held: a
    /// load. The small ids of names already seen are kept.
    void replaceAll(std::vector<CreatorRow> rows);
    /// Applies creators that changed: a visible row adds its creator or replaces what the index
    /// held of them, another removes them (nothing when they were not held). Many rows at once
    /// (a bulk load) rebuild the platforms' lists instead of editing them.
    void apply(std::vector<CreatorRow> rows);

    /// The matches of `search` (its filters, cursor and sort; free text through `text`, the
    /// creators it matched, when the search has some).
    IndexPage select(const common::DiscoverySearch &search, const TextMatches *text) const;

    /// Free-text matches come from PostgreSQL (it stems); the index keeps the latest of each
    /// search text (per `key`) until it next applies a change, after which PostgreSQL is asked
    /// again. Nothing when there is none for the index's current state.
    std::shared_ptr<const TextMatches> cachedText(const QString &key) const;
    /// Keeps `matches`, read when the index was at `generation`, unless the index has applied
    /// changes since; answers them for select() either way.
    std::shared_ptr<const TextMatches> keepText(
            const QString &key, quint64 generation, std::vector<TextMatch> matches);
    /// Grows whenever the index applies a change.
    quint64 generation() const { return m_generation.load(); }

    /// Creators held and the bytes they take (approximately: the arrays and their elements).
    std::pair<qsizetype, qsizetype> footprint() const;

    struct Creator;
    struct Hot;
    struct Listed;

private:
    /// Whether a change edits the platforms' lists as it goes, or leaves them to one
    /// rebuildLists() after many changes.
    enum class Lists { Edit, RebuildAfter };
    void put(CreatorRow &&row, Lists lists);
    void remove(const QUuid &id, Lists lists);
    /// The row's creator, with its names turned into the index's small ids.
    Creator creatorOf(CreatorRow &&row);
    /// Adds (or removes) the creator in `slot`'s accounts to (from) the platforms' lists.
    void list(qsizetype slot);
    void unlist(qsizetype slot);
    void rebuildLists();
    using Names = QHash<QString, quint16>;
    static quint16 intern(Names &names, const QString &name);
    qsizetype footprintLocked() const;
    std::shared_lock<std::shared_mutex> readLock() const;

    std::atomic<quint64> m_generation{0};

    /// Guards the data below. Writers pass the turnstile first, so that a steady stream of
    /// searches cannot starve a change (glibc's rwlock prefers readers).
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

} // namespace influence::server::discovery

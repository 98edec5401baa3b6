// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryIndex.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>

using influence::common::DiscoverySearch;
using influence::common::DiscoverySort;

namespace influence::server::discovery {

namespace {

constexpr quint16 kNone = 0; ///< no value (a creator without a country)
constexpr quint16 kUnknown = std::numeric_limits<quint16>::max(); ///< a name no creator has
constexpr int kMaxListed = 10; ///< niches and languages per creator (0001's CHECKs)

struct Account
{
    qint64 followers;
    quint16 platform;
};

struct Rate
{
    qint64 amountMinor;
    quint16 type;
    quint16 currency;
};

} // namespace

struct DiscoveryIndex::Creator
{
    QUuid id;
    qint64 totalFollowers = 0;
    float engagementRate = std::numeric_limits<float>::quiet_NaN(); ///< NaN: NULL
    float growth30d = std::numeric_limits<float>::quiet_NaN();
    qint16 authenticityScore = -1; ///< -1: NULL
    quint32 platforms = 0; ///< bit per platform id (influencer_details.platforms)
    quint16 country = kNone;
    quint8 nicheCount = 0;
    quint8 languageCount = 0;
    std::array<quint16, kMaxListed> niches{};
    std::array<quint16, kMaxListed> languages{};
    /// Accounts that are not disconnected, and rates; most creators have one to three.
    std::vector<Account> accounts;
    std::vector<Rate> rates;
    /// The creator's item in a search's answer (IndexPage::Item::json).
    QByteArray item;
};

/// An account in its platform's list (m_lists).
struct DiscoveryIndex::Listed
{
    static constexpr quint32 kShared = quint32(1) << 31; ///< in `slot`: not the creator's only
                                                         ///< account on the platform
    static constexpr quint32 kSlot = kShared - 1;
    qint64 followers = 0;
    quint32 slot = 0;
    float engagementRate = 0; ///< the creator's (Hot::engagementRate), to skip without reading it

    quint32 creator() const { return slot & kSlot; }
    /// The lists' order.
    static bool before(const Listed &a, const Listed &b)
    {
        return a.followers != b.followers ? a.followers < b.followers : a.creator() < b.creator();
    }
};

/// What the scan reads for every creator, packed (56 bytes), in an array parallel to the
/// creators: a search streams through it and touches a creator's full record only for the
/// rare filters it cannot decide (price, more accounts than fit here) and for the matches.
struct DiscoveryIndex::Hot
{
    static constexpr int kAccounts = 3;
    static constexpr quint64 kBeyond = quint64(1) << 63; ///< an id without a bit of its own
    qint64 totalFollowers = 0;
    quint64 niches = 0; ///< bit per niche id below 63
    quint64 languages = 0;
    float engagementRate = std::numeric_limits<float>::quiet_NaN();
    quint32 platforms = 0;
    std::array<quint32, kAccounts> accountFollowers{};
    std::array<quint8, kAccounts> accountPlatforms{};
    /// Accounts held here; kAccounts + 1: they did not fit (see the record).
    quint8 accountCount = 0;
    quint16 country = kNone;
};

namespace {

using Creator = DiscoveryIndex::Creator;
using Hot = DiscoveryIndex::Hot;
using Listed = DiscoveryIndex::Listed;

constexpr std::size_t kListedPlatforms = 32; ///< platform ids below it have a list (as bits)
/// A change of more creators than this rebuilds the lists instead of editing them.
constexpr int kListEdits = 1000;

quint64 maskOf(const quint16 *ids, int count)
{
    quint64 mask = 0;
    for (int i = 0; i < count; ++i) {
        mask |= ids[i] < 63 ? quint64(1) << ids[i] : Hot::kBeyond;
    }
    return mask;
}

Hot summarise(const Creator &c)
{
    Hot h;
    h.totalFollowers = c.totalFollowers;
    h.niches = maskOf(c.niches.data(), c.nicheCount);
    h.languages = maskOf(c.languages.data(), c.languageCount);
    h.engagementRate = c.engagementRate;
    h.platforms = c.platforms;
    h.country = c.country;
    const bool fits = c.accounts.size() <= Hot::kAccounts
            && std::all_of(c.accounts.begin(), c.accounts.end(), [](const Account &a) {
                   return a.followers <= std::numeric_limits<quint32>::max() && a.platform < 256;
               });
    if (!fits) {
        h.accountCount = Hot::kAccounts + 1;
        return h;
    }
    for (const Account &a : c.accounts) {
        h.accountFollowers[h.accountCount] = static_cast<quint32>(a.followers);
        h.accountPlatforms[h.accountCount] = static_cast<quint8>(a.platform);
        ++h.accountCount;
    }
    return h;
}

/// PostgreSQL's uuid order: the 16 bytes compared as unsigned (QUuid's operator< is not it).
int compareIds(const QUuid &a, const QUuid &b)
{
    if (a.data1 != b.data1) {
        return a.data1 < b.data1 ? -1 : 1;
    }
    if (a.data2 != b.data2) {
        return a.data2 < b.data2 ? -1 : 1;
    }
    if (a.data3 != b.data3) {
        return a.data3 < b.data3 ? -1 : 1;
    }
    return std::memcmp(a.data4, b.data4, sizeof a.data4);
}

/// A candidate of a search: the sort key as PostgreSQL compares it, and the tie-break.
struct Candidate
{
    double key;
    qsizetype slot;
};

/// A set-valued filter (niches, languages): the query's ids as a mask, and those without a
/// bit of their own, to look for in the creator's record.
struct SetFilter
{
    bool active = false;
    quint64 mask = 0;
    std::vector<quint16> beyond;

    /// `ids` and `count` (the creator's record) are read only for ids beyond the mask.
    bool matches(quint64 creatorMask, const std::array<quint16, kMaxListed> &ids,
            const quint8 &count) const
    {
        if (!active || (creatorMask & mask) != 0) {
            return true;
        }
        if ((creatorMask & Hot::kBeyond) == 0 || beyond.empty()) {
            return false;
        }
        return std::any_of(ids.begin(), ids.begin() + count, [this](quint16 id) {
            return std::find(beyond.begin(), beyond.end(), id) != beyond.end();
        });
    }

    static SetFilter of(const QStringList &names, const QHash<QString, quint16> &vocabulary)
    {
        SetFilter filter;
        filter.active = !names.isEmpty();
        for (const QString &name : names) {
            const quint16 id = vocabulary.value(name, kUnknown);
            if (id < 63) {
                filter.mask |= quint64(1) << id;
            } else if (id != kUnknown) {
                filter.beyond.push_back(id);
            }
        }
        return filter;
    }
};

/// The creators a query asks for, with its names turned into the index's ids.
struct Filter
{
    SetFilter niches;
    SetFilter languages;
    std::vector<quint16> countries;
    quint16 platform = kNone;
    qint64 minFollowers = 0;
    qint64 maxFollowers = std::numeric_limits<qint64>::max();
    bool followerRange = false;
    std::optional<float> minEngagementRate;
    std::optional<int> minAuthenticity; ///< read from the record (NULL, -1, fails)
    quint16 deliverableType = kNone;
    quint16 currency = kNone;
    std::optional<qint64> maxPrice;

    bool accountInRange(qint64 followers, quint16 accountPlatform) const
    {
        return accountPlatform == platform && followers >= minFollowers
                && followers <= maxFollowers;
    }

    bool followersMatch(const Hot &h, const Creator &c) const
    {
        if (!followerRange) {
            return true;
        }
        if (platform == kNone) {
            return h.totalFollowers >= minFollowers && h.totalFollowers <= maxFollowers;
        }
        if (h.accountCount <= Hot::kAccounts) {
            for (int i = 0; i < h.accountCount; ++i) {
                if (accountInRange(h.accountFollowers[i], h.accountPlatforms[i])) {
                    return true;
                }
            }
            return false;
        }
        return std::any_of(c.accounts.begin(), c.accounts.end(), [this](const Account &a) {
            return accountInRange(a.followers, a.platform);
        });
    }

    /// `c` is read only when `h` cannot decide.
    bool matches(const Hot &h, const Creator &c) const
    {
        if (!countries.empty()
                && std::find(countries.begin(), countries.end(), h.country) == countries.end()) {
            return false;
        }
        if (platform != kNone && (platform >= 32 || (h.platforms & (1U << platform)) == 0)) {
            return false;
        }
        // As PostgreSQL compares `real >= $1`: in real (the parameter takes the column's type);
        // NULL (NaN) compares false.
        if (minEngagementRate && !(h.engagementRate >= *minEngagementRate)) {
            return false;
        }
        if (minAuthenticity && c.authenticityScore < *minAuthenticity) {
            return false;
        }
        if (!niches.matches(h.niches, c.niches, c.nicheCount)
                || !languages.matches(h.languages, c.languages, c.languageCount)
                || !followersMatch(h, c)) {
            return false;
        }
        return !maxPrice || std::any_of(c.rates.begin(), c.rates.end(), [this](const Rate &r) {
            return r.type == deliverableType && r.currency == currency
                    && r.amountMinor <= *maxPrice;
        });
    }
};

/// As the SQL sorted: coalesce(engagement_rate, -1).
double engagementKey(float rate)
{
    return std::isnan(rate) ? -1.0 : static_cast<double>(rate);
}

/// `c` is read only for growth and authenticity.
double sortKey(const Hot &h, const Creator &c, DiscoverySort sort, float rank)
{
    switch (sort) {
    case DiscoverySort::Relevance: return rank;
    case DiscoverySort::Followers: return static_cast<double>(h.totalFollowers);
    case DiscoverySort::Engagement: return engagementKey(h.engagementRate);
    case DiscoverySort::Growth:
        return std::isnan(c.growth30d) ? -1e9 : static_cast<double>(c.growth30d);
    case DiscoverySort::Authenticity: return c.authenticityScore; // NULL (-1) last
    }
    return 0;
}

} // namespace

// Every platform's list exists from the start: changes applied before any replaceAll() edit them.
DiscoveryIndex::DiscoveryIndex()
    : m_lists(kListedPlatforms)
{ }

DiscoveryIndex::~DiscoveryIndex() = default;

quint16 DiscoveryIndex::intern(Names &names, const QString &name)
{
    if (name.isEmpty()) {
        return kNone;
    }
    const auto found = names.constFind(name);
    if (found != names.constEnd()) {
        return *found;
    }
    // (The vocabularies are small: the API validates them against fixed lists.)
    if (names.size() + 1 >= kUnknown) {
        return kUnknown;
    }
    const auto id = static_cast<quint16>(names.size() + 1);
    names.insert(name, id);
    return id;
}

DiscoveryIndex::Creator DiscoveryIndex::creatorOf(CreatorRow &&row)
{
    Creator c;
    c.id = row.id;
    c.totalFollowers = row.totalFollowers;
    c.engagementRate = row.engagementRate.value_or(std::numeric_limits<float>::quiet_NaN());
    c.growth30d = row.growth30d.value_or(std::numeric_limits<float>::quiet_NaN());
    c.authenticityScore = static_cast<qint16>(row.authenticityScore.value_or(-1));
    c.country = intern(m_names, row.country);
    const auto listed = [](Names &vocabulary, const QStringList &names,
                                std::array<quint16, kMaxListed> &ids, quint8 &count) {
        for (const QString &name : names) {
            if (count < kMaxListed) {
                ids[count++] = intern(vocabulary, name);
            }
        }
    };
    listed(m_niches, row.niches, c.niches, c.nicheCount);
    listed(m_languages, row.languages, c.languages, c.languageCount);
    for (const QString &name : std::as_const(row.platforms)) {
        const quint16 platform = intern(m_platforms, name);
        if (platform < 32) {
            c.platforms |= 1U << platform;
        }
    }
    for (const CreatorRow::Account &account : std::as_const(row.accounts)) {
        c.accounts.push_back({account.followers, intern(m_platforms, account.platform)});
    }
    for (const CreatorRow::Rate &rate : std::as_const(row.rates)) {
        c.rates.push_back({rate.amountMinor, intern(m_names, rate.deliverableType),
                intern(m_names, rate.currency)});
    }
    c.item = std::move(row.item);
    return c;
}

namespace {

Filter makeFilter(const DiscoverySearch &search, const QHash<QString, quint16> &names,
        const QHash<QString, quint16> &platforms, const QHash<QString, quint16> &niches,
        const QHash<QString, quint16> &languages)
{
    Filter filter;
    const auto id = [&names](const QString &name) {
        return names.value(name, kUnknown);
    };
    const auto ids = [&id](const QStringList &list) {
        std::vector<quint16> result;
        for (const QString &name : list) {
            result.push_back(id(name));
        }
        return result;
    };
    filter.niches = SetFilter::of(search.niches, niches);
    filter.countries = ids(search.countries);
    filter.languages = SetFilter::of(search.languages, languages);
    if (!search.platform.isEmpty()) {
        filter.platform = platforms.value(search.platform, kUnknown);
    }
    if (search.minFollowers || search.maxFollowers) {
        filter.followerRange = true;
        filter.minFollowers = search.minFollowers.value_or(0);
        filter.maxFollowers = search.maxFollowers.value_or(std::numeric_limits<qint64>::max());
    }
    if (search.minEngagementRate) {
        filter.minEngagementRate = static_cast<float>(*search.minEngagementRate);
    }
    filter.minAuthenticity = search.minAuthenticity;
    if (search.maxPrice) {
        filter.maxPrice = search.maxPrice;
        filter.deliverableType = id(search.deliverableType);
        filter.currency = id(search.currency);
    }
    return filter;
}

} // namespace

std::shared_lock<std::shared_mutex> DiscoveryIndex::readLock() const
{
    const std::lock_guard turnstile(m_turnstile);
    return std::shared_lock(m_lock);
}

void DiscoveryIndex::replaceAll(std::vector<CreatorRow> rows)
{
    std::vector<Creator> creators;
    std::vector<Hot> hot;
    QHash<QUuid, qsizetype> slots;
    creators.reserve(rows.size());
    hot.reserve(rows.size());
    const std::unique_lock turnstile(m_turnstile);
    const std::unique_lock lock(m_lock);
    for (CreatorRow &row : rows) {
        if (!row.visible) {
            continue;
        }
        slots.insert(row.id, static_cast<qsizetype>(creators.size()));
        creators.push_back(creatorOf(std::move(row)));
        hot.push_back(summarise(creators.back()));
    }
    m_creators = std::move(creators);
    m_hot = std::move(hot);
    m_slots = std::move(slots);
    rebuildLists();
    m_generation.fetch_add(1);
}

void DiscoveryIndex::apply(std::vector<CreatorRow> rows)
{
    if (rows.empty()) {
        return;
    }
    // Editing a list moves its tail: after many changes (a bulk load) the lists are rebuilt
    // instead.
    const Lists lists = rows.size() > kListEdits ? Lists::RebuildAfter : Lists::Edit;
    const std::unique_lock turnstile(m_turnstile);
    const std::unique_lock lock(m_lock);
    for (CreatorRow &row : rows) {
        if (row.visible) {
            put(std::move(row), lists);
        } else {
            remove(row.id, lists);
        }
    }
    if (lists == Lists::RebuildAfter) {
        rebuildLists();
    }
    m_generation.fetch_add(1);
}

void DiscoveryIndex::put(CreatorRow &&row, Lists lists)
{
    const bool edit = lists == Lists::Edit;
    const auto found = m_slots.constFind(row.id);
    Creator creator = creatorOf(std::move(row));
    Hot hot = summarise(creator);
    qsizetype slot = 0;
    if (found != m_slots.constEnd()) {
        slot = *found;
        if (edit) {
            unlist(slot);
        }
        m_creators[static_cast<std::size_t>(slot)] = std::move(creator);
        m_hot[static_cast<std::size_t>(slot)] = hot;
    } else {
        slot = static_cast<qsizetype>(m_creators.size());
        m_slots.insert(creator.id, slot);
        m_creators.push_back(std::move(creator));
        m_hot.push_back(hot);
    }
    if (edit) {
        list(slot);
    }
}

void DiscoveryIndex::remove(const QUuid &id, Lists lists)
{
    const bool edit = lists == Lists::Edit;
    const auto found = m_slots.constFind(id);
    if (found == m_slots.constEnd()) {
        return;
    }
    // Deleted or disabled: the last creator takes its slot.
    const auto slot = static_cast<std::size_t>(*found);
    const auto last = m_creators.size() - 1;
    m_slots.erase(found);
    if (edit) {
        unlist(static_cast<qsizetype>(slot));
    }
    if (slot != last) {
        if (edit) {
            unlist(static_cast<qsizetype>(last));
        }
        m_creators[slot] = std::move(m_creators.back());
        m_hot[slot] = m_hot.back();
        m_slots.insert(m_creators[slot].id, static_cast<qsizetype>(slot));
        if (edit) {
            list(static_cast<qsizetype>(slot));
        }
    }
    m_creators.pop_back();
    m_hot.pop_back();
}

namespace {

/// The entries of the creator in `slot` in the platforms' lists, with their list.
template<class Visit>
void forEachListed(const Creator &c, const Hot &h, qsizetype slot, Visit &&visit)
{
    for (const Account &a : c.accounts) {
        // A platform search matches only creators whose profile lists the platform (the
        // accounts' platforms: refresh_influencer_aggregates), and never one beyond 32
        // (Filter::matches).
        if (a.platform >= kListedPlatforms || (c.platforms & (1U << a.platform)) == 0) {
            continue;
        }
        const bool shared = std::count_if(c.accounts.begin(), c.accounts.end(),
                                    [&a](const Account &other) {
                                        return other.platform == a.platform;
                                    })
                > 1;
        visit(a.platform,
                Listed{a.followers, static_cast<quint32>(slot) | (shared ? Listed::kShared : 0),
                        h.engagementRate});
    }
}

} // namespace

void DiscoveryIndex::list(qsizetype slot)
{
    const auto at = static_cast<std::size_t>(slot);
    forEachListed(m_creators[at], m_hot[at], slot, [this](quint16 platform, const Listed &entry) {
        std::vector<Listed> &list = m_lists[platform];
        list.insert(std::upper_bound(list.begin(), list.end(), entry, Listed::before), entry);
    });
}

void DiscoveryIndex::unlist(qsizetype slot)
{
    const auto at = static_cast<std::size_t>(slot);
    forEachListed(m_creators[at], m_hot[at], slot, [this](quint16 platform, const Listed &entry) {
        std::vector<Listed> &list = m_lists[platform];
        // A creator with two accounts of equal followers on a platform has two equal entries:
        // each call removes one.
        const auto found = std::lower_bound(list.begin(), list.end(), entry, Listed::before);
        if (found != list.end() && !Listed::before(entry, *found)) {
            list.erase(found);
        }
    });
}

void DiscoveryIndex::rebuildLists()
{
    m_lists.assign(kListedPlatforms, {});
    for (std::size_t slot = 0; slot < m_creators.size(); ++slot) {
        forEachListed(m_creators[slot], m_hot[slot], static_cast<qsizetype>(slot),
                [this](quint16 platform, const Listed &entry) {
                    m_lists[platform].push_back(entry);
                });
    }
    for (std::vector<Listed> &list : m_lists) {
        std::sort(list.begin(), list.end(), Listed::before);
    }
}

std::shared_ptr<const TextMatches> DiscoveryIndex::cachedText(const QString &key) const
{
    const std::lock_guard lock(m_textLock);
    const auto found = m_text.constFind(key);
    if (found == m_text.constEnd() || found->generation != m_generation.load()) {
        return {};
    }
    return found->matches;
}

std::shared_ptr<const TextMatches> DiscoveryIndex::keepText(
        const QString &key, quint64 generation, std::vector<TextMatch> matches)
{
    auto kept = std::make_shared<TextMatches>();
    kept->generation = generation;
    kept->matches = std::move(matches);
    {
        // Under the read lock the generation stands still (changes move it under the write
        // lock): the slots found are those of `generation`, or none are.
        const std::shared_lock lock = readLock();
        if (generation == m_generation.load()) {
            kept->slots.reserve(kept->matches.size());
            for (const TextMatch &match : kept->matches) {
                const auto found = m_slots.constFind(match.id);
                if (found != m_slots.constEnd()) {
                    kept->slots.emplace_back(static_cast<quint32>(*found), match.rank);
                }
            }
            kept->resolved = true;
        }
    }
    constexpr qsizetype kMaxTexts = 256;
    const std::lock_guard lock(m_textLock);
    // A catch-up that applied changes after `matches` were read may have applied ones they do
    // not reflect (m_generation grows before the applying catch-up ends, and only then may a
    // search rely on its changes).
    if (generation == m_generation.load()) {
        if (m_text.size() >= kMaxTexts) {
            m_text.clear();
        }
        m_text.insert(key, {generation, kept});
    }
    return kept;
}

qsizetype DiscoveryIndex::footprintLocked() const
{
    auto bytes =
            static_cast<qsizetype>(m_creators.capacity()) * static_cast<qsizetype>(sizeof(Creator))
            + static_cast<qsizetype>(m_hot.capacity()) * static_cast<qsizetype>(sizeof(Hot));
    for (const Creator &c : m_creators) {
        bytes += static_cast<qsizetype>(c.accounts.capacity())
                        * static_cast<qsizetype>(sizeof(Account))
                + static_cast<qsizetype>(c.rates.capacity()) * static_cast<qsizetype>(sizeof(Rate))
                + c.item.capacity();
    }
    for (const std::vector<Listed> &list : m_lists) {
        bytes += static_cast<qsizetype>(list.capacity()) * static_cast<qsizetype>(sizeof(Listed));
    }
    // The hash of slots: a key, a value and about one byte of span bookkeeping per entry,
    // at a load factor of at most one half.
    bytes += m_slots.capacity() * static_cast<qsizetype>(sizeof(QUuid) + sizeof(qsizetype) + 1);
    return bytes;
}

std::pair<qsizetype, qsizetype> DiscoveryIndex::footprint() const
{
    const std::shared_lock lock(m_lock);
    return {static_cast<qsizetype>(m_creators.size()), footprintLocked()};
}

namespace {

/// The first limit + 1 candidates after the cursor in the order of `ORDER BY key DESC,
/// user_id DESC`, kept in a heap whose top is the worst kept.
class TopMatches
{
public:
    TopMatches(const std::vector<Creator> &creators, const DiscoverySearch &search)
        : m_creators(creators)
        , m_wanted(static_cast<std::size_t>(search.limit) + 1)
    {
        if (search.after) {
            const double key = search.after->key;
            // CAST(:afterKey AS bigint or real), as the SQL compared it.
            m_afterKey = search.sort == DiscoverySort::Followers
                    ? static_cast<double>(static_cast<qint64>(key))
                    : static_cast<double>(static_cast<float>(key));
            m_afterId = search.after->id;
        }
        m_kept.reserve(m_wanted + 1);
    }

    void offer(const Candidate &candidate)
    {
        if (!afterCursor(candidate)
                || (m_kept.size() == m_wanted && !better(candidate, m_kept.front()))) {
            return;
        }
        const auto order = [this](const Candidate &a, const Candidate &b) {
            return better(a, b);
        };
        m_kept.push_back(candidate);
        std::push_heap(m_kept.begin(), m_kept.end(), order);
        if (m_kept.size() > m_wanted) {
            std::pop_heap(m_kept.begin(), m_kept.end(), order);
            m_kept.pop_back();
        }
    }

    /// Best first.
    QList<IndexPage::Item> items()
    {
        std::sort_heap(
                m_kept.begin(), m_kept.end(), [this](const Candidate &a, const Candidate &b) {
                    return better(a, b);
                });
        QList<IndexPage::Item> result;
        for (const Candidate &candidate : m_kept) {
            const Creator &creator = m_creators[static_cast<std::size_t>(candidate.slot)];
            result.append({creator.id, candidate.key, creator.item});
        }
        return result;
    }

private:
    const QUuid &idAt(qsizetype slot) const
    {
        return m_creators[static_cast<std::size_t>(slot)].id;
    }
    /// Whether `a` comes before `b`: descending by key, then by id.
    bool better(const Candidate &a, const Candidate &b) const
    {
        if (a.key != b.key) {
            return a.key > b.key;
        }
        return compareIds(idAt(a.slot), idAt(b.slot)) > 0;
    }
    /// (key, id) < (afterKey, afterId)
    bool afterCursor(const Candidate &c) const
    {
        if (!m_afterKey) {
            return true;
        }
        if (c.key != *m_afterKey) {
            return c.key < *m_afterKey;
        }
        return compareIds(idAt(c.slot), m_afterId) < 0;
    }

    const std::vector<Creator> &m_creators;
    std::size_t m_wanted;
    std::optional<double> m_afterKey;
    QUuid m_afterId;
    std::vector<Candidate> m_kept;
};

/// The entries of `list` (a platform's) in the filter's follower range and with its minimum
/// engagement rate, a creator with several of them once. Every match of a search with a follower
/// range on that platform is among them: only the range is read.
template<class Visit>
void inRange(const std::vector<Listed> &list, const Filter &filter, Visit &&visit)
{
    const auto begin = std::lower_bound(list.begin(), list.end(), filter.minFollowers,
            [](const Listed &entry, qint64 followers) {
                return entry.followers < followers;
            });
    const auto end = std::upper_bound(
            begin, list.end(), filter.maxFollowers, [](qint64 followers, const Listed &entry) {
                return followers < entry.followers;
            });
    std::vector<quint32> shared;
    for (auto entry = begin; entry != end; ++entry) {
        if (filter.minEngagementRate && !(entry->engagementRate >= *filter.minEngagementRate)) {
            continue;
        }
        if ((entry->slot & Listed::kShared) != 0) {
            if (std::find(shared.begin(), shared.end(), entry->creator()) != shared.end()) {
                continue;
            }
            shared.push_back(entry->creator());
        }
        visit(*entry);
    }
}

} // namespace

IndexPage DiscoveryIndex::select(const DiscoverySearch &search, const TextMatches *text) const
{
    const std::shared_lock lock = readLock();
    const Filter filter = makeFilter(search, m_names, m_platforms, m_niches, m_languages);
    TopMatches top(m_creators, search);
    IndexPage page;
    const auto consider = [&](qsizetype slot, float rank) {
        const Creator &creator = m_creators[static_cast<std::size_t>(slot)];
        const Hot &hot = m_hot[static_cast<std::size_t>(slot)];
        if (filter.matches(hot, creator)) {
            ++page.matches;
            top.offer({sortKey(hot, creator, search.sort, rank), slot});
        }
    };
    if (text && text->resolved && text->generation == m_generation.load()) {
        for (const auto &[slot, rank] : text->slots) {
            consider(slot, rank);
        }
    } else if (text) {
        for (const TextMatch &match : text->matches) {
            const auto found = m_slots.constFind(match.id);
            if (found != m_slots.constEnd()) {
                consider(*found, match.rank);
            }
        }
    } else if (filter.followerRange && filter.platform != kNone
            && filter.platform < m_lists.size()) {
        // Without other filters an entry decides alone: its creator lists the platform, has this
        // account in the range, and the engagement rate it carries (Filter::matches's checks).
        const bool decides = filter.countries.empty() && !filter.niches.active
                && !filter.languages.active && !filter.maxPrice && !filter.minAuthenticity;
        inRange(m_lists[filter.platform], filter, [&](const Listed &entry) {
            const quint32 slot = entry.creator();
            if (!decides) {
                consider(slot, 0);
                return;
            }
            ++page.matches;
            top.offer({search.sort == DiscoverySort::Engagement
                            ? engagementKey(entry.engagementRate)
                            : sortKey(m_hot[slot], m_creators[slot], search.sort, 0),
                    slot});
        });
    } else {
        for (qsizetype slot = 0; slot < static_cast<qsizetype>(m_creators.size()); ++slot) {
            consider(slot, 0);
        }
    }
    page.items = top.items();
    return page;
}

} // namespace influence::server::discovery

// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryIndex.h"

#include "Discovery.h"
#include "core/db/Connection.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;
using influence::common::Result;

Q_LOGGING_CATEGORY(lcDiscovery, "influence.discovery")

namespace influence::server::profiles {

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
/// A catch-up applying more creators than this rebuilds the lists instead of editing them.
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

// The columns both statements return: the snapshot's xmin, the creator, whether they are
// visible (a profile exists and the user is active), then what discovery reads.
const QString kColumns = u"h.horizon, c.id, d.user_id IS NOT NULL AND u.status = 'active', "
                         "d.total_followers, d.engagement_rate, d.growth_30d, d.country, "
                         "array_to_string(d.niches, ','), array_to_string(d.languages, ','), "
                         "array_to_string(d.platforms, ','), "_s;
// Statement snapshot: xmin and the rows come from the same one (pg_current_snapshot is it).
const QString kHorizon = u"(SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon) h"_s;
// A creator's item in a search's answer (after the accounts and rates).
const QString kItem =
        u", jsonb_build_object('id', d.user_id, 'displayName', d.display_name, "
        "'bio', left(d.bio, 200), 'niches', to_jsonb(d.niches), 'country', d.country, "
        "'languages', to_jsonb(d.languages), 'totalFollowers', d.total_followers, "
        "'engagementRate', d.engagement_rate, 'growth30d', d.growth_30d, "
        "'platforms', to_jsonb(d.platforms))::text "_s;

const db::SqlStatement kLoad(u"SELECT "_s + kColumns + u"a.accounts, r.rates"_s + kItem + u"FROM "_s
        + kHorizon
        + u" LEFT JOIN (influencer_details d JOIN users u ON u.id = d.user_id "
          "CROSS JOIN LATERAL (SELECT d.user_id::text AS id) c "
          "LEFT JOIN (SELECT influencer_id, string_agg(platform || ':' || followers, ',') AS "
          "accounts "
          "  FROM connected_accounts WHERE status <> 'disconnected' GROUP BY influencer_id) a "
          "  ON a.influencer_id = d.user_id "
          "LEFT JOIN (SELECT influencer_id, string_agg(deliverable_type || ':' || currency || ':' "
          "  || amount_minor, ',') AS rates FROM influencer_rates GROUP BY influencer_id) r "
          "  ON r.influencer_id = d.user_id) ON true"_s);

const db::SqlStatement kChanges(u"SELECT "_s + kColumns
        + u"(SELECT string_agg(a.platform || ':' || a.followers, ',') FROM connected_accounts a "
          "  WHERE a.influencer_id = d.user_id AND a.status <> 'disconnected'), "
          "(SELECT string_agg(r.deliverable_type || ':' || r.currency || ':' || r.amount_minor, "
          "',') "
          "  FROM influencer_rates r WHERE r.influencer_id = d.user_id)"_s
        + kItem + u"FROM "_s + kHorizon
        + u" LEFT JOIN (SELECT user_id, user_id::text AS id FROM discovery_changes "
          "  WHERE change_xid >= CAST(:since AS xid8)) c ON true "
          "LEFT JOIN influencer_details d ON d.user_id = c.user_id "
          "LEFT JOIN users u ON u.id = c.user_id"_s);

// Whether anything was noted since: the newest change (an index's last entry), with the xmin of
// the same snapshot. A parameter-free statement, planned once: kChanges, whose parameter makes
// PostgreSQL plan it anew at each run (about 0.4 ms), runs only when this finds a change.
const db::SqlStatement kNewest(u"SELECT pg_snapshot_xmin(pg_current_snapshot())::text, "
                               "(SELECT max(change_xid) FROM discovery_changes)::text"_s);

enum Column {
    Horizon,
    Id,
    Visible,
    TotalFollowers,
    Engagement,
    Growth,
    Country,
    Niches,
    Languages,
    Platforms,
    Accounts,
    Rates,
    Item
};

float realOrNaN(const QVariant &value)
{
    return value.isNull() ? std::numeric_limits<float>::quiet_NaN()
                          : static_cast<float>(value.toDouble());
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

/// `c` is read only for growth.
double sortKey(const Hot &h, const Creator &c, DiscoveryQuery::Sort sort, float rank)
{
    switch (sort) {
    case DiscoveryQuery::Sort::Relevance: return rank;
    case DiscoveryQuery::Sort::Followers: return static_cast<double>(h.totalFollowers);
    case DiscoveryQuery::Sort::Engagement: return engagementKey(h.engagementRate);
    case DiscoveryQuery::Sort::Growth:
        return std::isnan(c.growth30d) ? -1e9 : static_cast<double>(c.growth30d);
    }
    return 0;
}

} // namespace

DiscoveryIndex::DiscoveryIndex() = default;
DiscoveryIndex::~DiscoveryIndex() = default;

quint16 DiscoveryIndex::intern(Names &names, QStringView name)
{
    if (name.isEmpty()) {
        return kNone;
    }
    const QString key = name.toString();
    const auto found = names.constFind(key);
    if (found != names.constEnd()) {
        return *found;
    }
    // (The vocabularies are small: the API validates them against fixed lists.)
    if (names.size() + 1 >= kUnknown) {
        return kUnknown;
    }
    const auto id = static_cast<quint16>(names.size() + 1);
    names.insert(key, id);
    return id;
}

namespace {

/// One row of kLoad/kChanges into a creator (names interned by `intern`).
template<class Intern>
Creator readCreator(const QSqlQuery &row, const QUuid &id, Intern &&intern)
{
    using V = DiscoveryIndex::Vocabulary;
    Creator c;
    c.id = id;
    c.totalFollowers = db::toInt64(row.value(TotalFollowers));
    c.engagementRate = realOrNaN(row.value(Engagement));
    c.growth30d = realOrNaN(row.value(Growth));
    c.country = intern(row.value(Country).toString(), V::Names);
    const auto listed = [&](Column column, V vocabulary, std::array<quint16, kMaxListed> &ids,
                                quint8 &count) {
        const QString text = row.value(column).toString();
        for (const QStringView name : QStringView(text).split(u',', Qt::SkipEmptyParts)) {
            if (count < kMaxListed) {
                ids[count++] = intern(name, vocabulary);
            }
        }
    };
    listed(Niches, V::Niches, c.niches, c.nicheCount);
    listed(Languages, V::Languages, c.languages, c.languageCount);
    const QString platforms = row.value(Platforms).toString();
    for (const QStringView name : QStringView(platforms).split(u',', Qt::SkipEmptyParts)) {
        const quint16 platform = intern(name, V::Platforms);
        if (platform < 32) {
            c.platforms |= 1U << platform;
        }
    }
    const QString accounts = row.value(Accounts).toString();
    for (const QStringView account : QStringView(accounts).split(u',', Qt::SkipEmptyParts)) {
        const auto colon = account.indexOf(u':');
        c.accounts.push_back(
                {account.mid(colon + 1).toLongLong(), intern(account.left(colon), V::Platforms)});
    }
    const QString rates = row.value(Rates).toString();
    for (const QStringView rate : QStringView(rates).split(u',', Qt::SkipEmptyParts)) {
        const auto parts = rate.split(u':');
        if (parts.size() == 3) {
            c.rates.push_back({parts[2].toLongLong(), intern(parts[0], V::Names),
                    intern(parts[1], V::Names)});
        }
    }
    // As QJsonDocument writes it, which is how the answer carries it.
    c.item = QJsonDocument(QJsonDocument::fromJson(row.value(Item).toString().toUtf8()).object())
                     .toJson(QJsonDocument::Compact);
    return c;
}

Filter makeFilter(const DiscoveryQuery &query, const QHash<QString, quint16> &names,
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
    filter.niches = SetFilter::of(query.niches, niches);
    filter.countries = ids(query.countries);
    filter.languages = SetFilter::of(query.languages, languages);
    if (!query.platform.isEmpty()) {
        filter.platform = platforms.value(query.platform, kUnknown);
    }
    if (query.minFollowers || query.maxFollowers) {
        filter.followerRange = true;
        filter.minFollowers = query.minFollowers.value_or(0);
        filter.maxFollowers = query.maxFollowers.value_or(std::numeric_limits<qint64>::max());
    }
    if (query.minEngagementRate) {
        filter.minEngagementRate = static_cast<float>(*query.minEngagementRate);
    }
    if (query.maxPrice) {
        filter.maxPrice = query.maxPrice;
        filter.deliverableType = id(query.deliverableType);
        filter.currency = id(query.currency);
    }
    return filter;
}

} // namespace

std::shared_lock<std::shared_mutex> DiscoveryIndex::readLock() const
{
    const std::lock_guard turnstile(m_turnstile);
    return std::shared_lock(m_lock);
}

Result<void> DiscoveryIndex::load(db::Connection &c)
{
    QElapsedTimer timer;
    timer.start();
    // Reading every creator may take longer than a request may (a slow or busy database): the
    // load has no statement timeout.
    if (auto unlimited = c.setStatementTimeout(std::chrono::milliseconds(0)); !unlimited) {
        return unlimited.error();
    }
    auto rows = c.run(kLoad);
    if (!rows) {
        std::ignore = c.setStatementTimeout(c.settings().statementTimeout);
        return rows.error();
    }
    std::vector<Creator> creators;
    std::vector<Hot> hot;
    QHash<QUuid, qsizetype> slots;
    quint64 horizon = 0;
    const std::unique_lock turnstile(m_turnstile);
    const std::unique_lock lock(m_lock);
    while ((*rows)->next()) {
        horizon = (*rows)->value(Horizon).toULongLong();
        const QUuid id = QUuid::fromString((*rows)->value(Id).toString());
        if (id.isNull() || !(*rows)->value(Visible).toBool()) {
            continue;
        }
        slots.insert(id, static_cast<qsizetype>(creators.size()));
        creators.push_back(readCreator(**rows, id, [this](QStringView n, Vocabulary v) {
            return intern(vocabulary(v), n);
        }));
        hot.push_back(summarise(creators.back()));
    }
    // Only once every row is read: another statement would discard the rest (QPSQL).
    if (auto restored = c.setStatementTimeout(c.settings().statementTimeout); !restored) {
        return restored.error();
    }
    m_creators = std::move(creators);
    m_hot = std::move(hot);
    m_slots = std::move(slots);
    rebuildLists();
    m_horizon = horizon;
    m_loaded = true;
    m_generation.fetch_add(1);
    qCInfo(lcDiscovery, "discovery index: %lld creators loaded in %lld ms (about %lld KiB)",
            static_cast<long long>(m_creators.size()), static_cast<long long>(timer.elapsed()),
            static_cast<long long>(footprintLocked() / 1024));
    return {};
}

Result<void> DiscoveryIndex::applyChanges(db::Connection &c)
{
    auto newest = c.run(kNewest);
    if (!newest) {
        return newest.error();
    }
    if (!(*newest)->next()) {
        return common::Error::internal(); // (a SELECT without FROM always answers a row)
    }
    // Nothing noted from the horizon on in that snapshot: what kChanges would find then (one row
    // without a creator), for the same reason (migration 0008).
    if ((*newest)->isNull(1) || (*newest)->value(1).toULongLong() < m_horizon) {
        m_horizon = (*newest)->value(0).toULongLong();
        return {};
    }
    auto rows = c.run(kChanges, {{u":since"_s, QString::number(m_horizon)}});
    if (!rows) {
        return rows.error();
    }
    QSqlQuery &row = **rows;
    // One row with a NULL creator when nothing changed: no lock taken.
    if (!row.next()) {
        return {};
    }
    const quint64 horizon = row.value(Horizon).toULongLong();
    if (!row.value(Id).isNull()) {
        // Editing a list moves its tail: after many changes (a bulk load) the lists are rebuilt
        // instead. (The rows come one at a time: their number is known at the end.)
        int applied = 0;
        const std::unique_lock turnstile(m_turnstile);
        const std::unique_lock lock(m_lock);
        do {
            apply(row, ++applied <= kListEdits);
        } while (row.next());
        if (applied > kListEdits) {
            rebuildLists();
        }
        m_generation.fetch_add(1);
    }
    m_horizon = horizon;
    return {};
}

void DiscoveryIndex::apply(const QSqlQuery &row, bool listed)
{
    const QUuid id = QUuid::fromString(row.value(Id).toString());
    const auto found = m_slots.constFind(id);
    if (row.value(Visible).toBool()) {
        Creator creator = readCreator(row, id, [this](QStringView n, Vocabulary v) {
            return intern(vocabulary(v), n);
        });
        Hot hot = summarise(creator);
        qsizetype slot = 0;
        if (found != m_slots.constEnd()) {
            slot = *found;
            if (listed) {
                unlist(slot);
            }
            m_creators[static_cast<std::size_t>(slot)] = std::move(creator);
            m_hot[static_cast<std::size_t>(slot)] = hot;
        } else {
            slot = static_cast<qsizetype>(m_creators.size());
            m_slots.insert(id, slot);
            m_creators.push_back(std::move(creator));
            m_hot.push_back(hot);
        }
        if (listed) {
            list(slot);
        }
        return;
    }
    if (found == m_slots.constEnd()) {
        return;
    }
    // Deleted or disabled: the last creator takes its slot.
    const auto slot = static_cast<std::size_t>(*found);
    const auto last = m_creators.size() - 1;
    m_slots.erase(found);
    if (listed) {
        unlist(static_cast<qsizetype>(slot));
    }
    if (slot != last) {
        if (listed) {
            unlist(static_cast<qsizetype>(last));
        }
        m_creators[slot] = std::move(m_creators.back());
        m_hot[slot] = m_hot.back();
        m_slots.insert(m_creators[slot].id, static_cast<qsizetype>(slot));
        if (listed) {
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

QHash<QString, quint16> &DiscoveryIndex::vocabulary(Vocabulary which)
{
    switch (which) {
    case Vocabulary::Platforms: return m_platforms;
    case Vocabulary::Niches: return m_niches;
    case Vocabulary::Languages: return m_languages;
    case Vocabulary::Names: break;
    }
    return m_names;
}

Result<void> DiscoveryIndex::catchUp(db::Connection &c)
{
    const quint64 arrived = m_begun.load();
    const std::lock_guard serial(m_catchUp);
    // A catch-up that began after this call arrived has read everything committed before it.
    if (m_servedFrom.load() > arrived) {
        return {};
    }
    const quint64 number = m_begun.fetch_add(1) + 1;
    auto done = m_loaded ? applyChanges(c) : load(c);
    if (done) {
        m_servedFrom.store(number);
    }
    return done;
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
        // Under the read lock the generation stands still (catch-ups change it under the
        // write lock): the slots found are those of `generation`, or none are.
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
    TopMatches(const std::vector<Creator> &creators, const DiscoveryQuery &query)
        : m_creators(creators)
        , m_wanted(static_cast<std::size_t>(query.limit) + 1)
    {
        if (query.after) {
            const double key = query.after->first.toDouble();
            // CAST(:afterKey AS bigint or real), as the SQL compared it.
            m_afterKey = query.sort == DiscoveryQuery::Sort::Followers
                    ? static_cast<double>(static_cast<qint64>(key))
                    : static_cast<double>(static_cast<float>(key));
            m_afterId = QUuid::fromString(query.after->second);
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

IndexPage DiscoveryIndex::select(const DiscoveryQuery &query, const TextMatches *text) const
{
    const std::shared_lock lock = readLock();
    const Filter filter = makeFilter(query, m_names, m_platforms, m_niches, m_languages);
    TopMatches top(m_creators, query);
    IndexPage page;
    const auto consider = [&](qsizetype slot, float rank) {
        const Creator &creator = m_creators[static_cast<std::size_t>(slot)];
        const Hot &hot = m_hot[static_cast<std::size_t>(slot)];
        if (filter.matches(hot, creator)) {
            ++page.matches;
            top.offer({sortKey(hot, creator, query.sort, rank), slot});
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
                && !filter.languages.active && !filter.maxPrice;
        inRange(m_lists[filter.platform], filter, [&](const Listed &entry) {
            const quint32 slot = entry.creator();
            if (!decides) {
                consider(slot, 0);
                return;
            }
            ++page.matches;
            top.offer({query.sort == DiscoveryQuery::Sort::Engagement
                            ? engagementKey(entry.engagementRate)
                            : sortKey(m_hot[slot], m_creators[slot], query.sort, 0),
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

} // namespace influence::server::profiles

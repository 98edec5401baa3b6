// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "discovery/DiscoveryIndexLoader.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <limits>
#include <mutex>
#include <shared_mutex>
#include <utility>
#include <vector>

namespace influence::server::recommendations {

/// A term of a content vector and its TF-IDF weight.
struct TermWeight
{
    quint32 term = 0;
    float weight = 0;
};

/// A sparse, L2-normalised content vector, ordered by term.
using ContentVector = std::vector<TermWeight>;

/// Names (countries, languages, niches, platforms, currencies, deliverable types) as small ids,
/// and back.
class Vocabulary
{
public:
    static constexpr quint32 kNone = std::numeric_limits<quint32>::max();
    quint32 intern(const QString &name);
    /// kNone when no creator ever had it.
    quint32 find(const QString &name) const { return m_ids.value(name, kNone); }
    const QString &name(quint32 id) const { return m_names[static_cast<qsizetype>(id)]; }
    qsizetype size() const { return m_names.size(); }
    qsizetype bytes() const;

private:
    QHash<QString, quint32> m_ids;
    QStringList m_names;
};

/// What the ranking's upper bound reads of a creator: kept also in a compact array by slot
/// (StoreData::summaries), so that the pass over every creator reads 56 bytes each, not the
/// whole Features.
struct Summary
{
    bool alive = false; ///< a slot of a removed creator, free for the next
    bool verified = false;
    quint8 nicheCount = 0;
    bool countryAudience = false; ///< audience data on countries
    bool languageAudience = false; ///< audience data on languages
    qint16 authenticityScore = -1; ///< -1: unknown
    quint32 country = Vocabulary::kNone;
    float engagementRate = std::numeric_limits<float>::quiet_NaN(); ///< NaN: unknown
    qint64 totalFollowers = 0;
    double log10Followers = 0; ///< log10(max(totalFollowers, 1)), for the size factor
    /// Bit masks (bit = id mod 64, maskBit; a set bit may be shared by several ids).
    quint64 nicheMask = 0;
    quint64 languageMask = 0;
    quint64 currencyMask = 0;
};

/// What the recommender knows of one visible creator.
struct Features : Summary
{
    struct Audience
    {
        bool language = false; ///< the dimension: country or language
        quint32 code = 0;
        float share = 0;
    };
    struct Rate
    {
        quint32 type = 0;
        quint32 currency = 0;
        qint64 amountMinor = 0;
    };

    QUuid id;
    quint32 platforms = 0; ///< bit per platform id below 32
    float logFollowers = 0; ///< log10(totalFollowers + 1)
    std::vector<quint32> niches;
    std::vector<quint32> languages;
    std::vector<Audience> audience;
    std::vector<Rate> rates;
    ContentVector content;
    /// The creator's DiscoveryItem (shared with discovery's index: QByteArray is shared).
    QByteArray item;
};

/// The bit of a name id in the creators' masks.
constexpr quint64 maskBit(quint32 id)
{
    return quint64{1} << (id % 64);
}

/// A creator's weight for a term, in the term's list.
struct Posting
{
    quint32 slot = 0;
    float weight = 0;
};

/// What the store holds, read under its lock (FeatureStore::read).
struct StoreData
{
    std::vector<Features> creators; ///< by slot; a removed creator's slot is reused
    std::vector<Summary> summaries; ///< by slot: each creator's Summary again, compact
    std::vector<quint32> freeSlots;
    QHash<QUuid, quint32> slots;
    qsizetype alive = 0;
    Vocabulary names;
    Vocabulary platforms;
    Vocabulary terms;
    /// Per term: the creators whose vector holds it (their document frequency is its length).
    std::vector<std::vector<Posting>> postings;
    /// The median engagement rate of the creators who have one (NaN: none has).
    float medianEngagement = std::numeric_limits<float>::quiet_NaN();
    /// Changes with every change of the data, unique in the process (across stores): what was
    /// derived from one generation (a campaign's bounds) holds while it is the same.
    quint64 generation = 0;

    /// The term's inverse document frequency now: ln((1 + N) / (1 + df)) + 1.
    float idf(quint32 term) const;
    const Features *find(const QUuid &id) const;
};

/// The recommender's per-process feature store of every visible creator: discovery's loader
/// feeds it (a CreatorSink) at the same catch-ups as its own index, so a profile change shows
/// at the next request, whichever server process wrote it.
///
/// Content vectors: TF-IDF (Salton & Buckley, "Term-weighting approaches in automatic text
/// retrieval", 1988: tf = 1 + ln(count), idf = ln((1 + N) / (1 + df)) + 1, cosine
/// normalisation) over the creator's niches (counted three times), bio and recent post
/// captions, tokenised into lower-case words of 3 to 30 letters or digits without common
/// stop words. A vocabulary with document frequencies, not feature hashing (Weinberger et al.,
/// "Feature hashing for large scale multitask learning", 2009), so that a match can name its
/// terms. Each vector keeps its kMaxTerms heaviest terms and is L2-normalised; an inverted index
/// (term → creators with their weights) makes exact cosine cost the length of the query terms'
/// lists, not a pass over every vector. A changed creator's vector is weighed with the
/// document frequencies of the moment; the others keep theirs until the next load.
class FeatureStore final : public discovery::CreatorSink
{
public:
    static constexpr int kMaxTerms = 24;
    /// A catch-up with more changed creators than this rebuilds the terms' lists.
    static constexpr std::size_t kBulkChanges = 1000;

    void replaceAll(const std::vector<discovery::CreatorRow> &rows) override;
    void apply(const std::vector<discovery::CreatorRow> &rows) override;

    /// Runs `read(const StoreData &)` under the shared lock.
    template<class Read>
    auto read(Read &&read) const
    {
        const std::shared_lock lock(m_lock);
        return read(m_data);
    }

    /// Creators held and the bytes the store takes (approximately).
    std::pair<qsizetype, qsizetype> footprint() const;

    /// The words of `text` as the vectors count them.
    static QStringList tokens(const QString &text);
    /// A vector of `counts` (term → count) with the store's current weights; terms it does not
    /// know are left out.
    static ContentVector weigh(const StoreData &data, const QHash<quint32, int> &counts, int keep);

private:
    void put(const discovery::CreatorRow &row);
    /// Whether a removal takes the creator out of the terms' lists, or leaves that to one
    /// rebuildPostings() after many.
    enum class Postings { Edit, Leave };
    void remove(const QUuid &id, Postings postings);
    void unpost(quint32 slot);
    void rebuildPostings();
    void updateMedian();
    /// A new generation (StoreData::generation) after a change.
    void changed();

    mutable std::shared_mutex m_lock;
    StoreData m_data;
};

} // namespace influence::server::recommendations

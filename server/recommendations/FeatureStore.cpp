// SPDX-License-Identifier: Apache-2.0
#include "FeatureStore.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;
using influence::server::discovery::CreatorRow;

Q_LOGGING_CATEGORY(lcRecommendations, "influence.recommendations")

namespace influence::server::recommendations {

namespace {

constexpr int kNicheCount = 3; ///< a niche counts as often as a word said three times
constexpr qsizetype kMinWord = 3;
constexpr qsizetype kMaxWord = 30;

const QSet<QString> &stopWords()
{
    static const QSet<QString> words{u"the"_s, u"and"_s, u"for"_s, u"with"_s, u"you"_s, u"your"_s,
            u"are"_s, u"this"_s, u"that"_s, u"from"_s, u"our"_s, u"all"_s, u"but"_s, u"not"_s,
            u"have"_s, u"has"_s, u"was"_s, u"were"_s, u"will"_s, u"can"_s, u"who"_s, u"what"_s,
            u"when"_s, u"where"_s, u"how"_s, u"about"_s, u"into"_s, u"out"_s, u"more"_s, u"most"_s,
            u"new"_s, u"now"_s, u"just"_s, u"like"_s, u"get"_s, u"one"_s, u"its"_s, u"it's"_s,
            u"also"_s, u"than"_s, u"then"_s, u"them"_s, u"they"_s, u"their"_s, u"there"_s,
            u"here"_s, u"some"_s, u"any"_s, u"every"_s, u"over"_s, u"only"_s, u"very"_s, u"via"_s,
            u"per"_s, u"let"_s, u"lets"_s, u"day"_s, u"days"_s, u"der"_s, u"die"_s, u"das"_s,
            u"und"_s, u"mit"_s, u"für"_s, u"von"_s, u"ein"_s, u"eine"_s, u"ist"_s, u"auf"_s,
            u"den"_s, u"dem"_s, u"des"_s, u"sich"_s, u"nicht"_s, u"auch"_s, u"les"_s, u"des"_s,
            u"une"_s, u"pour"_s, u"avec"_s, u"los"_s, u"las"_s, u"con"_s, u"por"_s, u"para"_s,
            u"una"_s, u"del"_s, u"https"_s, u"http"_s, u"www"_s, u"com"_s,
            // Generic words of briefs and captions that say nothing about a topic (English).
            u"post"_s, u"posts"_s, u"creator"_s, u"creators"_s, u"influencer"_s, u"influencers"_s,
            u"small"_s, u"big"_s, u"budget"_s, u"campaign"_s, u"campaigns"_s, u"brand"_s,
            u"brands"_s, u"content"_s, u"video"_s, u"videos"_s, u"reel"_s, u"reels"_s, u"story"_s,
            u"stories"_s, u"follow"_s, u"followers"_s, u"link"_s, u"bio"_s, u"today"_s, u"week"_s,
            u"month"_s, u"update"_s, u"quick"_s, u"little"_s, u"thanks"_s, u"comments"_s,
            u"messages"_s,
            // (German.)
            u"ich"_s, u"wir"_s, u"sie"_s, u"wie"_s, u"bei"_s, u"aus"_s, u"nach"_s, u"noch"_s,
            u"oder"_s, u"aber"_s, u"zum"_s, u"zur"_s, u"uns"_s, u"dein"_s, u"deine"_s, u"mein"_s,
            u"meine"_s, u"heute"_s, u"woche"_s, u"neu"_s, u"neue"_s, u"klein"_s, u"kleine"_s,
            u"beitrag"_s, u"beiträge"_s, u"marke"_s, u"kampagne"_s, u"kanal"_s};
    return words;
}

/// The terms of a creator with their counts, in term order.
std::vector<std::pair<quint32, int>> countTerms(Vocabulary &terms, const CreatorRow &row)
{
    QHash<quint32, int> counts;
    for (const QString &niche : row.niches) {
        for (const QString &word : FeatureStore::tokens(niche)) {
            counts[terms.intern(word)] += kNicheCount;
        }
    }
    for (const QString *text : {&row.bio, &row.captions}) {
        for (const QString &word : FeatureStore::tokens(*text)) {
            counts[terms.intern(word)] += 1;
        }
    }
    std::vector<std::pair<quint32, int>> sorted(counts.keyValueBegin(), counts.keyValueEnd());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

float idfOf(qsizetype documents, qsizetype frequency)
{
    return static_cast<float>(std::log((1.0 + static_cast<double>(documents))
                                      / (1.0 + static_cast<double>(frequency)))
            + 1.0);
}

/// The kept, normalised vector of `counts` weighed with `idf(term)`.
template<class Idf>
ContentVector weighWith(const std::vector<std::pair<quint32, int>> &counts, int keep, Idf &&idf)
{
    ContentVector vector;
    vector.reserve(counts.size());
    for (const auto &[term, count] : counts) {
        vector.push_back({term, static_cast<float>(1.0 + std::log(count)) * idf(term)});
    }
    if (static_cast<int>(vector.size()) > keep) {
        std::nth_element(vector.begin(), vector.begin() + keep, vector.end(),
                [](const TermWeight &a, const TermWeight &b) {
                    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
                });
        vector.resize(static_cast<std::size_t>(keep));
    }
    double norm = 0;
    for (const TermWeight &t : vector) {
        norm += static_cast<double>(t.weight) * t.weight;
    }
    norm = std::sqrt(norm);
    for (TermWeight &t : vector) {
        t.weight = norm > 0 ? static_cast<float>(t.weight / norm) : 0.0F;
    }
    std::sort(vector.begin(), vector.end(), [](const TermWeight &a, const TermWeight &b) {
        return a.term < b.term;
    });
    vector.shrink_to_fit();
    return vector;
}

} // namespace

quint32 Vocabulary::intern(const QString &name)
{
    const auto found = m_ids.constFind(name);
    if (found != m_ids.constEnd()) {
        return *found;
    }
    const auto id = static_cast<quint32>(m_names.size());
    m_ids.insert(name, id);
    m_names.append(name);
    return id;
}

qsizetype Vocabulary::bytes() const
{
    qsizetype bytes = m_ids.capacity() * static_cast<qsizetype>(sizeof(QString) + 8)
            + m_names.capacity() * static_cast<qsizetype>(sizeof(QString));
    for (const QString &name : m_names) {
        bytes += 2 * (name.capacity() + 12); // the text and its header, once: the names share it
    }
    return bytes;
}

float StoreData::idf(quint32 term) const
{
    const qsizetype frequency =
            term < postings.size() ? static_cast<qsizetype>(postings[term].size()) : 0;
    return idfOf(alive, frequency);
}

const Features *StoreData::find(const QUuid &id) const
{
    const auto found = slots.constFind(id);
    return found == slots.constEnd() ? nullptr : &creators[*found];
}

QStringList FeatureStore::tokens(const QString &text)
{
    QStringList words;
    const QChar *data = text.constData();
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        while (i < size && !data[i].isLetterOrNumber()) {
            ++i;
        }
        const qsizetype start = i;
        bool digits = true;
        while (i < size && data[i].isLetterOrNumber()) {
            digits = digits && data[i].isDigit();
            ++i;
        }
        const qsizetype length = i - start;
        if (length < kMinWord || length > kMaxWord || digits) {
            continue;
        }
        QString word = QStringView(data + start, length).toString().toLower();
        if (!stopWords().contains(word)) {
            words.append(std::move(word));
        }
    }
    return words;
}

ContentVector FeatureStore::weigh(
        const StoreData &data, const QHash<quint32, int> &counts, int keep)
{
    std::vector<std::pair<quint32, int>> sorted(counts.keyValueBegin(), counts.keyValueEnd());
    std::sort(sorted.begin(), sorted.end());
    return weighWith(sorted, keep, [&data](quint32 term) {
        return data.idf(term);
    });
}

void FeatureStore::replaceAll(const std::vector<CreatorRow> &rows)
{
    QElapsedTimer timer;
    timer.start();
    std::unique_lock lock(m_lock);
    m_data = StoreData{};
    // Two passes: the document frequencies of every term first, then each creator's weights.
    std::vector<std::vector<std::pair<quint32, int>>> counts;
    counts.reserve(rows.size());
    std::vector<qsizetype> frequency;
    for (const CreatorRow &row : rows) {
        if (!row.visible) {
            continue;
        }
        counts.push_back(countTerms(m_data.terms, row));
        for (const auto &[term, count] : counts.back()) {
            frequency.resize(std::max<std::size_t>(frequency.size(), term + 1), 0);
            ++frequency[term];
        }
    }
    const auto documents = static_cast<qsizetype>(counts.size());
    m_data.creators.reserve(counts.size());
    m_data.summaries.reserve(counts.size());
    std::size_t next = 0;
    for (const CreatorRow &row : rows) {
        if (!row.visible) {
            continue;
        }
        put(row);
        m_data.creators.back().content = weighWith(counts[next++], kMaxTerms, [&](quint32 term) {
            return idfOf(documents, frequency[term]);
        });
    }
    rebuildPostings();
    updateMedian();
    changed();
    const auto terms = static_cast<long long>(m_data.terms.size());
    lock.unlock();
    const auto [held, bytes] = footprint();
    qCInfo(lcRecommendations,
            "recommendation features: %lld creators, %lld terms, weighed in %lld ms (about %lld "
            "KiB)",
            static_cast<long long>(held), terms, static_cast<long long>(timer.elapsed()),
            static_cast<long long>(bytes / 1024));
}

void FeatureStore::apply(const std::vector<CreatorRow> &rows)
{
    if (rows.empty()) {
        return;
    }
    const std::unique_lock lock(m_lock);
    // The median is a pass over every creator: only when an engagement rate came, went or changed.
    const bool engagementChanged =
            std::any_of(rows.begin(), rows.end(), [this](const CreatorRow &row) {
                const Features *before = m_data.find(row.id);
                const float was =
                        before ? before->engagementRate : std::numeric_limits<float>::quiet_NaN();
                const float is = row.visible
                        ? row.engagementRate.value_or(std::numeric_limits<float>::quiet_NaN())
                        : std::numeric_limits<float>::quiet_NaN();
                return std::isnan(was) != std::isnan(is) || (!std::isnan(was) && was != is);
            });
    // Taking a creator out of the terms' lists searches them: after many changes (a bulk load,
    // a sync of every account) the lists are rebuilt once instead.
    const bool bulk = rows.size() > kBulkChanges;
    for (const CreatorRow &row : rows) {
        remove(row.id, bulk ? Postings::Leave : Postings::Edit);
    }
    if (bulk) {
        rebuildPostings();
    }
    for (const CreatorRow &row : rows) {
        // (A creator listed twice: the later row wins.)
        remove(row.id, Postings::Edit);
        if (!row.visible) {
            continue;
        }
        put(row);
        const quint32 slot = m_data.slots.value(row.id);
        const auto counts = countTerms(m_data.terms, row);
        m_data.postings.resize(static_cast<std::size_t>(m_data.terms.size()));
        Features &creator = m_data.creators[slot];
        creator.content = weighWith(counts, kMaxTerms, [this](quint32 term) {
            return m_data.idf(term);
        });
        for (const TermWeight &t : creator.content) {
            m_data.postings[t.term].push_back({slot, t.weight});
        }
    }
    if (engagementChanged) {
        updateMedian();
    }
    changed();
}

void FeatureStore::put(const CreatorRow &row)
{
    Features f;
    f.id = row.id;
    f.alive = true;
    f.verified = row.verified;
    f.authenticityScore = static_cast<qint16>(row.authenticityScore.value_or(-1));
    f.country = row.country.isEmpty() ? Vocabulary::kNone : m_data.names.intern(row.country);
    for (const QString &name : row.platforms) {
        const quint32 platform = m_data.platforms.intern(name);
        if (platform < 32) {
            f.platforms |= 1U << platform;
        }
    }
    f.totalFollowers = row.totalFollowers;
    f.logFollowers = static_cast<float>(
            std::log10(static_cast<double>(std::max<qint64>(row.totalFollowers, 0)) + 1.0));
    f.log10Followers = std::log10(std::max<double>(static_cast<double>(row.totalFollowers), 1.0));
    f.engagementRate = row.engagementRate.value_or(std::numeric_limits<float>::quiet_NaN());
    for (const QString &niche : row.niches) {
        f.niches.push_back(m_data.names.intern(niche));
        f.nicheMask |= maskBit(f.niches.back());
    }
    f.nicheCount = static_cast<quint8>(std::min<std::size_t>(f.niches.size(), 255));
    for (const QString &language : row.languages) {
        f.languages.push_back(m_data.names.intern(language));
        f.languageMask |= maskBit(f.languages.back());
    }
    for (const CreatorRow::AudienceShare &share : row.audience) {
        f.audience.push_back(
                {share.dimension == u"language"_s, m_data.names.intern(share.code), share.share});
        (f.audience.back().language ? f.languageAudience : f.countryAudience) = true;
    }
    for (const CreatorRow::Rate &rate : row.rates) {
        f.rates.push_back({m_data.names.intern(rate.deliverableType),
                m_data.names.intern(rate.currency), rate.amountMinor});
        f.currencyMask |= maskBit(f.rates.back().currency);
    }
    f.item = row.item;
    // The compact copy of the summary (slicing on purpose).
    const Summary &summary = f;
    quint32 slot = 0;
    if (!m_data.freeSlots.empty()) {
        slot = m_data.freeSlots.back();
        m_data.freeSlots.pop_back();
        m_data.summaries[slot] = summary;
        m_data.creators[slot] = std::move(f);
    } else {
        slot = static_cast<quint32>(m_data.creators.size());
        m_data.summaries.push_back(summary);
        m_data.creators.push_back(std::move(f));
    }
    m_data.slots.insert(row.id, slot);
    ++m_data.alive;
}

void FeatureStore::remove(const QUuid &id, Postings postings)
{
    const auto found = m_data.slots.constFind(id);
    if (found == m_data.slots.constEnd()) {
        return;
    }
    const quint32 slot = *found;
    m_data.slots.erase(found);
    if (postings == Postings::Edit) {
        unpost(slot);
    }
    m_data.creators[slot] = Features{};
    m_data.summaries[slot] = Summary{};
    m_data.freeSlots.push_back(slot);
    --m_data.alive;
}

void FeatureStore::rebuildPostings()
{
    m_data.postings.assign(static_cast<std::size_t>(m_data.terms.size()), {});
    for (quint32 slot = 0; slot < m_data.creators.size(); ++slot) {
        for (const TermWeight &t : m_data.creators[slot].content) {
            m_data.postings[t.term].push_back({slot, t.weight});
        }
    }
}

void FeatureStore::unpost(quint32 slot)
{
    for (const TermWeight &t : m_data.creators[slot].content) {
        std::vector<Posting> &list = m_data.postings[t.term];
        const auto at = std::find_if(list.begin(), list.end(), [slot](const Posting &p) {
            return p.slot == slot;
        });
        if (at != list.end()) {
            *at = list.back();
            list.pop_back();
        }
    }
}

void FeatureStore::changed()
{
    static std::atomic<quint64> generations{0};
    m_data.generation = generations.fetch_add(1) + 1;
}

void FeatureStore::updateMedian()
{
    std::vector<float> rates;
    rates.reserve(m_data.creators.size());
    for (const Features &f : m_data.creators) {
        if (f.alive && !std::isnan(f.engagementRate)) {
            rates.push_back(f.engagementRate);
        }
    }
    if (rates.empty()) {
        m_data.medianEngagement = std::numeric_limits<float>::quiet_NaN();
        return;
    }
    const auto middle = rates.begin() + static_cast<std::ptrdiff_t>(rates.size() / 2);
    std::nth_element(rates.begin(), middle, rates.end());
    m_data.medianEngagement = *middle;
}

std::pair<qsizetype, qsizetype> FeatureStore::footprint() const
{
    const std::shared_lock lock(m_lock);
    const auto size = [](const auto &vector) {
        return static_cast<qsizetype>(vector.capacity())
                * static_cast<qsizetype>(sizeof(vector[0]));
    };
    qsizetype bytes = size(m_data.creators) + size(m_data.summaries) + size(m_data.freeSlots)
            + size(m_data.postings)
            + m_data.slots.capacity() * static_cast<qsizetype>(sizeof(QUuid) + 4 + 1)
            + m_data.names.bytes() + m_data.platforms.bytes() + m_data.terms.bytes();
    for (const Features &f : m_data.creators) {
        // (The item is discovery's: shared, not counted.)
        bytes += size(f.niches) + size(f.languages) + size(f.audience) + size(f.rates)
                + size(f.content);
    }
    for (const std::vector<Posting> &list : m_data.postings) {
        bytes += size(list);
    }
    return {m_data.alive, bytes};
}

} // namespace influence::server::recommendations

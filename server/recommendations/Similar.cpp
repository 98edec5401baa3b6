// SPDX-License-Identifier: Apache-2.0
// Similar creators ("lookalikes"): exact cosine over the content vectors, through the inverted
// index, joined with numeric features. The similarity of a creator to the seed (one creator, or
// the centroid of several: "more like these") is
//
//   0.60 × cosine of the content vectors (TF-IDF over niches, bio and recent captions)
// + 0.15 × followers: 1 − |log10 F − mean log10 F of the seeds| / 2 (0 beyond two orders)
// + 0.05 × engagement: 1 − |r − R| / max(r, R) (0 when either is unknown)
// + 0.10 × place: half for a country of the seeds, half the Jaccard index of the languages
// + 0.10 × platforms: the Jaccard index of the platforms
//
// The content carries most of the weight (what a creator is about); the rest separates creators
// of one topic by reach, audience and where they post.
#include "FeatureStore.h"
#include "Recommendations.h"
#include "Scoring.h"
#include "core/db/Connection.h"
#include "discovery/DiscoveryIndexLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::recommendations {

namespace {

constexpr double kContent = 0.60;
constexpr double kFollowers = 0.15;
constexpr double kEngagement = 0.05;
constexpr double kPlace = 0.10;
constexpr double kPlatforms = 0.10;
constexpr double kRest = kFollowers + kEngagement + kPlace + kPlatforms;
constexpr int kSharedTerms = 3;
/// Creators scored in full to find the pruning threshold (at least; twice the limit).
constexpr std::size_t kProbe = 64;
constexpr double kBoundSlack = 1e-9;

/// What the seed creators have in common, as the similarity compares it.
struct Seed
{
    ContentVector content;
    double logFollowers = 0;
    double engagement = std::numeric_limits<double>::quiet_NaN();
    std::vector<quint32> countries;
    std::vector<quint32> languages;
    std::vector<quint32> niches;
    quint32 platforms = 0;
    /// The countries and languages as sets, for the scan.
    IdSet countrySet;
    IdSet languageSet;
};

template<class T>
void addUnique(std::vector<T> &to, const T &value)
{
    if (std::find(to.begin(), to.end(), value) == to.end()) {
        to.push_back(value);
    }
}

Seed seedOf(const std::vector<const Features *> &creators, qsizetype names)
{
    Seed seed;
    std::map<quint32, double> sum;
    double engagement = 0;
    int rated = 0;
    for (const Features *f : creators) {
        for (const TermWeight &t : f->content) {
            sum[t.term] += t.weight;
        }
        seed.logFollowers += f->logFollowers;
        if (!std::isnan(f->engagementRate)) {
            engagement += f->engagementRate;
            ++rated;
        }
        if (f->country != Vocabulary::kNone) {
            addUnique(seed.countries, f->country);
        }
        for (const quint32 l : f->languages) {
            addUnique(seed.languages, l);
        }
        for (const quint32 n : f->niches) {
            addUnique(seed.niches, n);
        }
        seed.platforms |= f->platforms;
    }
    seed.logFollowers /= static_cast<double>(creators.size());
    seed.countrySet = IdSet(seed.countries, names);
    seed.languageSet = IdSet(seed.languages, names);
    if (rated > 0) {
        seed.engagement = engagement / rated;
    }
    double norm = 0;
    for (const auto &[term, weight] : sum) {
        norm += weight * weight;
    }
    norm = std::sqrt(norm);
    for (const auto &[term, weight] : sum) {
        seed.content.push_back({term, static_cast<float>(norm > 0 ? weight / norm : 0)});
    }
    return seed;
}

/// The Jaccard index of the seed's languages and `languages`.
double languageOverlap(const Seed &seed, const std::vector<quint32> &languages)
{
    std::size_t both = 0;
    for (const quint32 l : languages) {
        both += seed.languageSet.has(l) ? 1 : 0;
    }
    const std::size_t either = seed.languages.size() + languages.size() - both;
    return either == 0 ? 0.0 : static_cast<double>(both) / static_cast<double>(either);
}

double similarityOf(const Seed &seed, const Features &f, double content)
{
    const double followers = std::max(0.0, 1.0 - std::abs(f.logFollowers - seed.logFollowers) / 2);
    double engagement = 0;
    if (!std::isnan(f.engagementRate) && !std::isnan(seed.engagement)) {
        const double high = std::max<double>(f.engagementRate, seed.engagement);
        engagement = high <= 0 ? 1.0 : 1.0 - std::abs(f.engagementRate - seed.engagement) / high;
    }
    const double place = 0.5 * (seed.countrySet.has(f.country) ? 1.0 : 0.0)
            + 0.5 * languageOverlap(seed, f.languages);
    const auto both = static_cast<double>(std::popcount(seed.platforms & f.platforms));
    const auto either = static_cast<double>(std::popcount(seed.platforms | f.platforms));
    const double platforms = either > 0 ? both / either : 0.0;
    return kContent * content + kFollowers * followers + kEngagement * engagement + kPlace * place
            + kPlatforms * platforms;
}

QString sizeBand(double logFollowers)
{
    const double followers = std::pow(10.0, logFollowers) - 1.0;
    if (followers < 10'000) {
        return u"<10k"_s;
    }
    if (followers < 50'000) {
        return u"10k–50k"_s;
    }
    if (followers < 500'000) {
        return u"50k–500k"_s;
    }
    if (followers < 1'000'000) {
        return u"500k–1M"_s;
    }
    return u">1M"_s;
}

/// The heaviest words the seed and `f` share that are not a niche's own name.
std::vector<quint32> sharedTerms(
        const Seed &seed, const Features &f, const StoreData &data, const QStringList &niches)
{
    std::vector<std::pair<double, quint32>> terms;
    auto a = seed.content.begin();
    auto b = f.content.begin();
    while (a != seed.content.end() && b != f.content.end()) {
        if (a->term < b->term) {
            ++a;
        } else if (b->term < a->term) {
            ++b;
        } else {
            if (!niches.contains(data.terms.name(a->term))) {
                terms.emplace_back(static_cast<double>(a->weight) * b->weight, a->term);
            }
            ++a;
            ++b;
        }
    }
    std::sort(terms.begin(), terms.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    std::vector<quint32> heaviest;
    for (std::size_t i = 0; i < terms.size() && i < kSharedTerms; ++i) {
        heaviest.push_back(terms[i].second);
    }
    return heaviest;
}

QJsonArray sharedTraits(const Seed &seed, const Features &f, const StoreData &data)
{
    QJsonArray traits;
    const auto trait = [&traits](const char *code, const QString &value) {
        traits.append(QJsonObject{{u"code"_s, QString::fromLatin1(code)}, {u"value"_s, value}});
    };
    QStringList niches;
    for (const quint32 n : f.niches) {
        if (std::find(seed.niches.begin(), seed.niches.end(), n) != seed.niches.end()) {
            niches.append(data.names.name(n));
            trait("niche", data.names.name(n));
        }
    }
    for (const quint32 term : sharedTerms(seed, f, data, niches)) {
        trait("term", data.terms.name(term));
    }
    if (f.country != Vocabulary::kNone && seed.countrySet.has(f.country)) {
        trait("country", data.names.name(f.country));
    }
    for (const quint32 l : f.languages) {
        if (seed.languageSet.has(l)) {
            trait("language", data.names.name(l));
        }
    }
    for (quint32 p = 0; p < 32 && p < data.platforms.size(); ++p) {
        if ((seed.platforms & f.platforms & (1U << p)) != 0) {
            trait("platform", data.platforms.name(p));
        }
    }
    const QString band = sizeBand(seed.logFollowers);
    if (sizeBand(f.logFollowers) == band) {
        trait("size", band);
    }
    return traits;
}

/// Per thread, reused by every request: the per-slot arrays of a search (allocating and
/// clearing them per request cost a tenth of it).
struct Scratch
{
    std::vector<float> content; ///< per slot: the cosine with the seed's content
    std::vector<char> isSeed; ///< per slot
    std::vector<std::pair<float, quint32>> sharing; ///< eligible creators with content > 0
    std::vector<std::pair<float, quint32>> probe;
    std::vector<double> best;
    std::vector<std::pair<double, quint32>> ranked;

    static Scratch &local()
    {
        thread_local Scratch scratch;
        return scratch;
    }
};

/// The seed's creators (`ids`), each once, flagged in Scratch::isSeed; nothing when one is not
/// a visible creator.
std::optional<std::vector<const Features *>> seedsOf(
        Scratch &s, const StoreData &data, const QList<QUuid> &ids)
{
    std::vector<const Features *> seeds;
    s.isSeed.assign(data.creators.size(), 0);
    for (const QUuid &id : ids) {
        const auto at = data.slots.constFind(id);
        if (at == data.slots.constEnd()) {
            return std::nullopt;
        }
        if (s.isSeed[*at] == 0) {
            seeds.push_back(&data.creators[*at]);
            s.isSeed[*at] = 1;
        }
    }
    return seeds;
}

/// Scratch::ranked: the eligible creators whose bound reaches `tau`, scored in full.
void scoreReaching(Scratch &s, const StoreData &data, const Seed &seed, double tau)
{
    s.ranked.clear();
    if (tau > kRest) {
        // A creator sharing no term (content 0) cannot reach tau: only the sharing ones.
        for (const auto &[content, slot] : s.sharing) {
            if (kContent * content + kRest >= tau) {
                s.ranked.emplace_back(similarityOf(seed, data.creators[slot], content), slot);
            }
        }
        return;
    }
    for (quint32 slot = 0; slot < s.content.size() && slot < data.creators.size(); ++slot) {
        if (kContent * s.content[slot] + kRest >= tau && data.summaries[slot].alive
                && s.isSeed[slot] == 0) {
            s.ranked.emplace_back(similarityOf(seed, data.creators[slot], s.content[slot]), slot);
        }
    }
}

/// The `limit` creators most similar to the seed, best first (ties by id), in Scratch::ranked.
void mostSimilar(Scratch &s, const StoreData &data, const Seed &seed, int limit)
{
    // Exact cosine through the inverted index: only the seed's terms' lists are read.
    const std::size_t slots = data.creators.size();
    s.content.assign(slots, 0.0F);
    for (const TermWeight &q : seed.content) {
        for (const Posting &posting : data.postings[q.term]) {
            s.content[posting.slot] += q.weight * posting.weight;
        }
    }
    // Pruning (exact): everything but the content adds at most kRest, so the creators with the
    // most shared content, scored in full, give a similarity tau the last result reaches at
    // least; only a creator with kContent × content + kRest >= tau can beat it.
    const auto eligible = [&](quint32 slot) {
        return data.summaries[slot].alive && s.isSeed[slot] == 0;
    };
    const auto want = static_cast<std::size_t>(limit);
    const std::size_t probe = std::max<std::size_t>(2 * want, kProbe);
    s.sharing.clear();
    s.probe.clear();
    for (quint32 slot = 0; slot < slots; ++slot) {
        const float content = s.content[slot];
        if (content <= 0 || !eligible(slot)) {
            continue;
        }
        s.sharing.emplace_back(content, slot);
        // The `probe` creators with the most content (a min-heap).
        if (s.probe.size() < probe) {
            s.probe.emplace_back(content, slot);
            std::push_heap(s.probe.begin(), s.probe.end(), std::greater<>());
        } else if (content > s.probe.front().first) {
            std::pop_heap(s.probe.begin(), s.probe.end(), std::greater<>());
            s.probe.back() = {content, slot};
            std::push_heap(s.probe.begin(), s.probe.end(), std::greater<>());
        }
    }
    double tau = -1;
    if (want > 0 && s.sharing.size() >= probe) {
        s.best.clear();
        for (const auto &[content, slot] : s.probe) {
            s.best.push_back(similarityOf(seed, data.creators[slot], content));
        }
        std::nth_element(s.best.begin(), s.best.begin() + static_cast<std::ptrdiff_t>(want - 1),
                s.best.end(), std::greater<>());
        tau = s.best[want - 1] - kBoundSlack;
    }
    scoreReaching(s, data, seed, tau);
    const std::size_t wanted = std::min(s.ranked.size(), want);
    std::partial_sort(s.ranked.begin(), s.ranked.begin() + static_cast<std::ptrdiff_t>(wanted),
            s.ranked.end(), [&data](const auto &a, const auto &b) {
                return a.first != b.first ? a.first > b.first
                                          : data.creators[a.second].id < data.creators[b.second].id;
            });
    s.ranked.resize(wanted);
}

} // namespace

Result<QByteArray> similar(db::Connection &c, discovery::DiscoveryIndexLoader &loader,
        const FeatureStore &store, const SimilarQuery &query)
{
    if (auto current = loader.catchUp(c); !current) {
        return current.error();
    }
    QList<QUuid> ids{query.id};
    ids.append(query.also);
    return store.read([&](const StoreData &data) -> Result<QByteArray> {
        Scratch &scratch = Scratch::local();
        const auto seeds = seedsOf(scratch, data, ids);
        if (!seeds) {
            return Error::notFound(u"No such influencer."_s);
        }
        const Seed seed = seedOf(*seeds, data.names.size());
        mostSimilar(scratch, data, seed, query.limit);
        QByteArray out = R"({"items":[)";
        bool first = true;
        for (const auto &[similarity, slot] : scratch.ranked) {
            const Features &f = data.creators[slot];
            const QJsonObject rest{{u"similarity"_s, std::round(similarity * 10000.0) / 10000.0},
                    {u"sharedTraits"_s, sharedTraits(seed, f, data)}};
            if (!first) {
                out += ',';
            }
            first = false;
            out += R"({"influencer":)" + f.item + ','
                    + QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
        }
        out += "]}";
        return out;
    });
}

} // namespace influence::server::recommendations

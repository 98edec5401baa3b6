// SPDX-License-Identifier: Apache-2.0
#include "Scoring.h"

#include "common/Money.h"

#include <QJsonObject>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::server::recommendations {

const std::array<const char *, kFactors> kFactorCodes{"topic", "audience", "size", "engagement",
        "authenticity", "price", "performance", "declines"};

namespace {

constexpr double kNeutral = 0.5; ///< a factor the data cannot judge
constexpr double kProfileMatch = 0.75; ///< a profile's country or language in the targets
constexpr double kFullAudience = 0.8; ///< an audience share that counts as a full match
constexpr double kUnknownEngagement = 0.25;
constexpr double kBelowMinimum = 0.5; ///< engagement below the campaign's minimum: halved
constexpr double kAffordable = 5; ///< a fee a fifth of the remaining budget or less fits fully
constexpr double kFullDeclines = 3; ///< declines that make the whole penalty
constexpr int kTerms = 5; ///< terms named per match

bool contains(const std::vector<quint32> &ids, quint32 id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<quint32> idsOf(const QStringList &names, const Vocabulary &vocabulary)
{
    std::vector<quint32> ids;
    for (const QString &name : names) {
        ids.push_back(vocabulary.find(name));
    }
    return ids;
}

double clamp01(double value)
{
    return std::clamp(value, 0.0, 1.0);
}

/// The audience's share in `targets` for one dimension (NaN: no audience data on it).
double audienceShare(const Features &creator, bool language, const IdSet &targets)
{
    bool any = false;
    double share = 0;
    for (const Features::Audience &a : creator.audience) {
        if (a.language != language) {
            continue;
        }
        any = true;
        if (targets.has(a.code)) {
            share += a.share;
        }
    }
    return any ? std::min(share, 1.0) : std::numeric_limits<double>::quiet_NaN();
}

struct AudienceFit
{
    double value = kNeutral;
    bool fromAudience = false;
    double countryShare = std::numeric_limits<double>::quiet_NaN();
};

AudienceFit audienceFit(const Target &t, const Features &creator)
{
    AudienceFit fit;
    double sum = 0;
    int parts = 0;
    if (!t.countries.empty()) {
        fit.countryShare = audienceShare(creator, false, t.countrySet);
        if (!std::isnan(fit.countryShare)) {
            fit.fromAudience = true;
            sum += clamp01(fit.countryShare / kFullAudience);
        } else {
            sum += t.countrySet.has(creator.country) ? kProfileMatch : 0.0;
        }
        ++parts;
    }
    if (!t.languages.empty()) {
        const double share = audienceShare(creator, true, t.languageSet);
        if (!std::isnan(share)) {
            fit.fromAudience = true;
            sum += clamp01(share / kFullAudience);
        } else {
            sum += std::any_of(creator.languages.begin(), creator.languages.end(),
                           [&t](quint32 l) {
                               return t.languageSet.has(l);
                           })
                    ? kProfileMatch
                    : 0.0;
        }
        ++parts;
    }
    if (parts > 0) {
        fit.value = sum / parts;
    }
    return fit;
}

/// 1 inside [min, max]; outside, 1 less the distance in orders of magnitude (the logarithms
/// are the store's and the target's, computed once).
double sizeFit(const Target &t, const Summary &creator)
{
    const Campaign &c = t.campaign;
    if (!c.minFollowers && !c.maxFollowers) {
        return kNeutral;
    }
    const double f = std::max<double>(static_cast<double>(creator.totalFollowers), 1.0);
    if (c.minFollowers && f < static_cast<double>(*c.minFollowers)) {
        return clamp01(1.0 - (t.log10Min - creator.log10Followers));
    }
    if (c.maxFollowers && f > static_cast<double>(*c.maxFollowers)) {
        return clamp01(1.0 - (creator.log10Followers - t.log10Max));
    }
    return 1.0;
}

double engagementFit(const Target &t, const StoreData &data, const Summary &creator)
{
    const double rate = creator.engagementRate;
    if (std::isnan(rate)) {
        return kUnknownEngagement;
    }
    const double median = data.medianEngagement;
    double value = std::isnan(median) || median <= 0 ? (rate > 0 ? 1.0 : kNeutral)
                                                     : rate / (rate + median);
    if (t.campaign.minEngagementRate && rate < *t.campaign.minEngagementRate) {
        value *= kBelowMinimum;
    }
    return value;
}

/// The creator's lowest rate for one of the campaign's deliverable types (any type when the
/// campaign names none) in its currency.
const Features::Rate *rateFor(const Target &t, const Features &creator)
{
    const Features::Rate *best = nullptr;
    for (const Features::Rate &r : creator.rates) {
        if (r.currency != t.currency || (!t.typeSet.empty && !t.typeSet.has(r.type))) {
            continue;
        }
        if (!best || r.amountMinor < best->amountMinor) {
            best = &r;
        }
    }
    return best;
}

/// Nothing when the creator has no rate in the campaign's currency for its deliverable types:
/// then price does not count for them (Assessment).
std::optional<double> priceFit(const Target &t, const Features &creator)
{
    const Features::Rate *rate = rateFor(t, creator);
    if (!rate) {
        return std::nullopt;
    }
    if (t.campaign.budgetMinor <= 0) {
        return kNeutral;
    }
    const auto fee = static_cast<double>(rate->amountMinor);
    const auto remaining = static_cast<double>(t.campaign.remainingMinor);
    if (fee <= 0) {
        return 1.0;
    }
    if (remaining <= 0 || fee >= remaining) {
        return 0.0;
    }
    return clamp01(1.0 - std::log(kAffordable * fee / remaining) / std::log(kAffordable));
}

double performanceFit(const Target &t, const History *h)
{
    if (!h || h->completedDeals == 0 || std::isnan(h->cpeMinor) || std::isnan(t.medianCpeMinor)) {
        return kNeutral;
    }
    if (h->cpeMinor <= 0) {
        return 1.0;
    }
    return t.medianCpeMinor / (t.medianCpeMinor + h->cpeMinor);
}

double round4(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

QJsonValue optionalNumber(double value)
{
    return std::isnan(value) ? QJsonValue() : QJsonValue(value);
}

QJsonArray namesOf(const std::vector<quint32> &ids, const Vocabulary &vocabulary)
{
    QJsonArray names;
    for (const quint32 id : ids) {
        if (id != Vocabulary::kNone) {
            names.append(vocabulary.name(id));
        }
    }
    return names;
}

QString joined(const QJsonArray &names)
{
    QStringList list;
    for (const auto &name : names) {
        list.append(name.toString());
    }
    if (list.size() <= 1) {
        return list.join(QString());
    }
    const QString last = list.takeLast();
    return list.join(u", "_s) + u" and "_s + last;
}

/// The heaviest terms the campaign's query and the creator share.
QJsonArray sharedTerms(const ContentVector &query, const ContentVector &content,
        const Vocabulary &terms, const QStringList &exclude)
{
    std::vector<std::pair<float, quint32>> shared;
    auto a = query.begin();
    auto b = content.begin();
    while (a != query.end() && b != content.end()) {
        if (a->term < b->term) {
            ++a;
        } else if (b->term < a->term) {
            ++b;
        } else {
            if (!exclude.contains(terms.name(a->term))) {
                shared.emplace_back(a->weight * b->weight, a->term);
            }
            ++a;
            ++b;
        }
    }
    std::sort(shared.begin(), shared.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    QJsonArray names;
    for (std::size_t i = 0; i < shared.size() && i < kTerms; ++i) {
        names.append(terms.name(shared[i].second));
    }
    return names;
}

QString money(qint64 minor, const QString &currency)
{
    return common::formatMoneyPlain({minor, currency});
}

QString percent(double share)
{
    return QLocale::c().toString(share * 100.0, 'f', share * 100.0 < 10 ? 1 : 0) + u" %"_s;
}

QString count(qint64 n)
{
    QLocale english(QLocale::English);
    return english.toString(n);
}

struct Explained
{
    QString sentence;
    QJsonObject facts;
};

Explained explainTopic(const Target &t, const StoreData &data, const Features &creator)
{
    std::vector<quint32> matched;
    for (const quint32 niche : creator.niches) {
        if (contains(t.niches, niche)) {
            matched.push_back(niche);
        }
    }
    const QJsonArray niches = namesOf(matched, data.names);
    const QJsonArray terms = sharedTerms(t.query, creator.content, data.terms, t.campaign.niches);
    QString sentence = niches.isEmpty()
            ? (t.niches.empty() ? u"The campaign names no niches"_s
                                : u"No niche matches the campaign"_s)
            : u"Niche%1 %2 match%3 the campaign"_s.arg(niches.size() > 1 ? u"s"_s : QString(),
                    joined(niches), niches.size() > 1 ? QString() : u"es"_s);
    if (!terms.isEmpty()) {
        sentence += u"; bio and posts mention "_s + joined(terms);
    }
    return {sentence, {{u"matchedNiches"_s, niches}, {u"terms"_s, terms}}};
}

Explained explainAudience(const Target &t, const StoreData &data, const Features &creator)
{
    const AudienceFit fit = audienceFit(t, creator);
    const QJsonArray targets = QJsonArray::fromStringList(t.campaign.countries);
    QJsonArray languages;
    for (const quint32 target : t.languages) {
        const bool inAudience = std::any_of(creator.audience.begin(), creator.audience.end(),
                [target](const Features::Audience &a) {
                    return a.language && a.code == target && a.share > 0;
                });
        if (target != Vocabulary::kNone && (inAudience || contains(creator.languages, target))) {
            languages.append(data.names.name(target));
        }
    }
    // The target country with the largest share of the audience, else the profile's.
    QString country =
            creator.country == Vocabulary::kNone ? QString() : data.names.name(creator.country);
    double best = -1;
    for (const Features::Audience &a : creator.audience) {
        if (!a.language && (t.countries.empty() || contains(t.countries, a.code))
                && a.share > best) {
            best = a.share;
            country = data.names.name(a.code);
        }
    }
    QJsonObject facts{{u"country"_s, country.isEmpty() ? QJsonValue() : QJsonValue(country)},
            {u"share"_s,
                    optionalNumber(std::isnan(fit.countryShare) ? fit.countryShare
                                                                : round4(fit.countryShare))},
            {u"targetCountries"_s, targets}, {u"languages"_s, languages},
            {u"source"_s, fit.fromAudience ? u"audience"_s : u"profile"_s}};
    QString sentence;
    if (t.countries.empty() && t.languages.empty()) {
        sentence = u"The campaign targets no countries or languages"_s;
    } else if (!std::isnan(fit.countryShare)) {
        sentence = u"Audience %1 in the countries the campaign targets (%2)"_s.arg(
                percent(fit.countryShare), t.campaign.countries.join(u", "_s));
    } else if (!t.countries.empty()) {
        sentence = u"Based in %1 (profile); the campaign targets %2"_s.arg(
                country.isEmpty() ? u"an unknown country"_s : country,
                t.campaign.countries.join(u", "_s));
    } else {
        sentence = languages.isEmpty() ? u"Speaks none of the campaign's languages"_s
                                       : u"Reaches the campaign's languages "_s + joined(languages);
    }
    return {sentence, facts};
}

Explained explainSize(const Campaign &c, const Features &creator)
{
    const auto optionalCount = [](const std::optional<qint64> &n) {
        return n ? QJsonValue(*n) : QJsonValue();
    };
    QString range;
    if (!c.minFollowers && !c.maxFollowers) {
        range = u"the campaign names no follower range"_s;
    } else if (c.minFollowers && creator.totalFollowers < *c.minFollowers) {
        range = u"below the wanted minimum of %1"_s.arg(count(*c.minFollowers));
    } else if (c.maxFollowers && creator.totalFollowers > *c.maxFollowers) {
        range = u"above the wanted maximum of %1"_s.arg(count(*c.maxFollowers));
    } else if (c.minFollowers && c.maxFollowers) {
        range = u"within the wanted %1–%2"_s.arg(count(*c.minFollowers), count(*c.maxFollowers));
    } else {
        range = u"within the wanted range"_s;
    }
    return {u"%1 followers, %2"_s.arg(count(creator.totalFollowers), range),
            {{u"followers"_s, creator.totalFollowers},
                    {u"minFollowers"_s, optionalCount(c.minFollowers)},
                    {u"maxFollowers"_s, optionalCount(c.maxFollowers)}}};
}

Explained explainEngagement(const StoreData &data, const Features &creator)
{
    const double rate = creator.engagementRate;
    const double median = data.medianEngagement;
    return {std::isnan(rate) ? u"No engagement rate known"_s
                             : u"Engagement %1 against a platform median of %2"_s.arg(
                                     percent(rate), std::isnan(median) ? u"?"_s : percent(median)),
            {{u"rate"_s, optionalNumber(std::isnan(rate) ? rate : round4(rate))},
                    {u"median"_s, optionalNumber(std::isnan(median) ? median : round4(median))}}};
}

Explained explainAuthenticity(const Features &creator)
{
    const int score = creator.authenticityScore;
    return {score < 0 ? u"No authenticity score yet"_s
                      : u"Authenticity score %1 of 100"_s.arg(score),
            {{u"score"_s, score < 0 ? QJsonValue() : QJsonValue(score)}}};
}

Explained explainPrice(
        const Target &t, const StoreData &data, const Features &creator, bool counted)
{
    const Campaign &c = t.campaign;
    const Features::Rate *fee = rateFor(t, creator);
    QJsonObject facts{{u"feeMinor"_s, fee ? QJsonValue(fee->amountMinor) : QJsonValue()},
            {u"currency"_s, c.currency}, {u"remainingMinor"_s, c.remainingMinor},
            {u"deliverableType"_s, fee ? QJsonValue(data.names.name(fee->type)) : QJsonValue()}};
    if (!fee || !counted) {
        return {u"No rate in %1 for the campaign's deliverables: price does not count (the other "
                "factors weigh a ninth more)"_s.arg(c.currency),
                facts};
    }
    return {u"Charges %1 per %2; %3 of the budget remains"_s.arg(
                    money(fee->amountMinor, c.currency), data.names.name(fee->type),
                    money(c.remainingMinor, c.currency)),
            facts};
}

Explained explainPerformance(const Target &t, const History *history)
{
    const QString &currency = t.campaign.currency;
    const int deals = history ? history->completedDeals : 0;
    const double cpe = history ? history->cpeMinor : std::numeric_limits<double>::quiet_NaN();
    const auto cents = [](double v) {
        return std::isnan(v) ? QJsonValue() : QJsonValue(std::round(v * 100.0) / 100.0);
    };
    const QJsonObject facts{{u"completedDeals"_s, deals}, {u"cpeMinor"_s, cents(cpe)},
            {u"medianCpeMinor"_s, cents(t.medianCpeMinor)}, {u"currency"_s, currency}};
    if (deals == 0 || std::isnan(cpe)) {
        return {u"No completed deals in %1 yet"_s.arg(currency), facts};
    }
    return {u"%1 completed deal%2 at %3 minor units of %4 per engagement; the platform median is "
            "%5"_s.arg(QString::number(deals), deals == 1 ? QString() : u"s"_s,
                    QLocale::c().toString(cpe, 'f', 2), currency,
                    std::isnan(t.medianCpeMinor) ? u"?"_s
                                                 : QLocale::c().toString(t.medianCpeMinor, 'f', 2)),
            facts};
}

Explained explainDeclines(const History *history)
{
    const int declines = history ? history->declines : 0;
    return {declines == 0
                    ? u"No declined offers in the last %1 days"_s.arg(kDeclineDays)
                    : u"Declined %1 offer%2 in the last %3 days"_s.arg(QString::number(declines),
                            declines == 1 ? QString() : u"s"_s, QString::number(kDeclineDays)),
            {{u"declines"_s, declines}, {u"days"_s, kDeclineDays}}};
}

} // namespace

IdSet::IdSet(const std::vector<quint32> &ids, qsizetype universe)
    : flags(static_cast<std::size_t>(universe), 0)
    , empty(ids.empty())
{
    for (const quint32 id : ids) {
        if (id < flags.size()) {
            flags[id] = 1;
        }
    }
}

Target Target::of(Campaign campaign, const StoreData &data)
{
    Target t;
    t.niches = idsOf(campaign.niches, data.names);
    t.countries = idsOf(campaign.countries, data.names);
    t.languages = idsOf(campaign.languages, data.names);
    t.types = idsOf(campaign.deliverableTypes, data.names);
    t.nicheSet = IdSet(t.niches, data.names.size());
    t.countrySet = IdSet(t.countries, data.names.size());
    t.languageSet = IdSet(t.languages, data.names.size());
    t.typeSet = IdSet(t.types, data.names.size());
    t.currency = data.names.find(campaign.currency);
    for (const quint32 n : t.niches) {
        t.nicheMask |= n == Vocabulary::kNone ? 0 : maskBit(n);
    }
    for (const quint32 l : t.languages) {
        t.languageMask |= l == Vocabulary::kNone ? 0 : maskBit(l);
    }
    if (campaign.minFollowers && *campaign.minFollowers > 0) {
        t.log10Min = std::log10(static_cast<double>(*campaign.minFollowers));
    }
    if (campaign.maxFollowers) {
        t.log10Max = std::log10(std::max<double>(static_cast<double>(*campaign.maxFollowers), 1.0));
    }
    QHash<quint32, int> counts;
    const auto add = [&](const QString &text, int times) {
        for (const QString &word : FeatureStore::tokens(text)) {
            const quint32 term = data.terms.find(word);
            if (term != Vocabulary::kNone) {
                counts[term] += times;
            }
        }
    };
    for (const QString &niche : campaign.niches) {
        add(niche, 3);
    }
    add(campaign.name, 1);
    add(campaign.brief, 1);
    t.query = FeatureStore::weigh(data, counts, static_cast<int>(counts.size()));
    t.campaign = std::move(campaign);
    return t;
}

double cosine(const ContentVector &a, const ContentVector &b)
{
    double sum = 0;
    auto x = a.begin();
    auto y = b.begin();
    while (x != a.end() && y != b.end()) {
        if (x->term < y->term) {
            ++x;
        } else if (y->term < x->term) {
            ++y;
        } else {
            sum += static_cast<double>(x->weight) * y->weight;
            ++x;
            ++y;
        }
    }
    return sum;
}

Assessment assess(const Target &t, const StoreData &data, const Features &creator,
        double similarity, const History *history)
{
    Assessment a;
    // Topic: the share of the campaign's niches the creator has, and the text's cosine (a
    // cosine of 0.5 already counts as a full match: the texts differ in kind).
    const double text = clamp01(2.0 * similarity);
    if (!t.niches.empty()) {
        const auto matched =
                std::count_if(creator.niches.begin(), creator.niches.end(), [&t](quint32 n) {
                    return t.nicheSet.has(n);
                });
        const double niches =
                std::min(1.0, static_cast<double>(matched) / static_cast<double>(t.niches.size()));
        a.values[Topic] = t.query.empty() ? niches : 0.5 * niches + 0.5 * text;
    } else {
        a.values[Topic] = t.query.empty() ? kNeutral : text;
    }
    a.values[Audience] = audienceFit(t, creator).value;
    a.values[Size] = sizeFit(t, creator);
    a.values[Engagement] = engagementFit(t, data, creator);
    a.values[Authenticity] =
            creator.authenticityScore < 0 ? kNeutral : creator.authenticityScore / 100.0;
    const std::optional<double> price = priceFit(t, creator);
    a.values[Price] = price.value_or(kNeutral);
    if (!price) {
        // No rate to judge: price weighs nothing, the others as much more as it would have.
        for (int f = 0; f < kFactors; ++f) {
            a.weights[f] = f == Price ? 0.0
                    : f == Declines   ? kWeights[f]
                                      : kWeights[f] / (1.0 - kWeights[Price]);
        }
    }
    a.values[Performance] = performanceFit(t, history);
    a.values[Declines] = history ? clamp01(history->declines / kFullDeclines) : 0.0;
    double score = 0;
    for (int f = 0; f < kFactors; ++f) {
        score += (f == Declines ? -1.0 : 1.0) * a.weights[f] * a.values[f];
    }
    a.score = clamp01(score);
    return a;
}

namespace {

/// At least the topic value: the niche share bounded by the niche bits.
double topicBound(const Target &t, const Summary &creator, double similarity)
{
    const double text = clamp01(2.0 * similarity);
    if (t.niches.empty()) {
        return t.query.empty() ? kNeutral : text;
    }
    const double niches = (creator.nicheMask & t.nicheMask) == 0
            ? 0.0
            : std::min(1.0,
                    static_cast<double>(creator.nicheCount) / static_cast<double>(t.niches.size()));
    return t.query.empty() ? niches : 0.5 * niches + 0.5 * text;
}

/// At least the audience value: 1 for a dimension with audience data, else the profile's match
/// (languages by their bits).
double audienceBound(const Target &t, const Summary &creator)
{
    double sum = 0;
    int parts = 0;
    if (!t.countries.empty()) {
        const double profile = t.countrySet.has(creator.country) ? kProfileMatch : 0.0;
        sum += creator.countryAudience ? 1.0 : profile;
        ++parts;
    }
    if (!t.languages.empty()) {
        const double profile = (creator.languageMask & t.languageMask) != 0 ? kProfileMatch : 0.0;
        sum += creator.languageAudience ? 1.0 : profile;
        ++parts;
    }
    return parts > 0 ? sum / parts : kNeutral;
}

} // namespace

double upperBound(const Target &t, const StoreData &data, const Summary &creator, double similarity,
        const History *history)
{
    // As assess, with the factors that read a vector bounded from the inline fields.
    const double others = kWeights[Topic] * topicBound(t, creator, similarity)
            + kWeights[Audience] * audienceBound(t, creator) + kWeights[Size] * sizeFit(t, creator)
            + kWeights[Engagement] * engagementFit(t, data, creator)
            + kWeights[Authenticity]
                    * (creator.authenticityScore < 0 ? kNeutral : creator.authenticityScore / 100.0)
            + kWeights[Performance] * performanceFit(t, history);
    const double declines =
            kWeights[Declines] * (history ? clamp01(history->declines / kFullDeclines) : 0.0);
    const bool mayHaveRate =
            t.currency != Vocabulary::kNone && (creator.currencyMask & maskBit(t.currency)) != 0;
    const double uncounted = others / (1.0 - kWeights[Price]);
    const double counted =
            others + kWeights[Price] * (t.campaign.budgetMinor <= 0 ? kNeutral : 1.0);
    return clamp01((mayHaveRate ? std::max(counted, uncounted) : uncounted) - declines);
}

double textSlope(const Target &t)
{
    if (t.query.empty()) {
        return 0.0;
    }
    return kWeights[Topic] * (t.niches.empty() ? 1.0 : 0.5) / (1.0 - kWeights[Price]);
}

QJsonArray explain(const Target &t, const StoreData &data, const Features &creator,
        const History *history, const Assessment &assessment)
{
    std::array<Explained, kFactors> parts;
    parts[Topic] = explainTopic(t, data, creator);
    parts[Audience] = explainAudience(t, data, creator);
    parts[Size] = explainSize(t.campaign, creator);
    parts[Engagement] = explainEngagement(data, creator);
    parts[Authenticity] = explainAuthenticity(creator);
    parts[Price] = explainPrice(t, data, creator, assessment.weights[Price] > 0);
    parts[Performance] = explainPerformance(t, history);
    parts[Declines] = explainDeclines(history);
    QJsonArray factors;
    for (int f = 0; f < kFactors; ++f) {
        const double value = assessment.values[f];
        const double weight = assessment.weights[f];
        const double contribution = (f == Declines ? -1.0 : 1.0) * weight * value;
        factors.append(QJsonObject{{u"code"_s, QString::fromLatin1(kFactorCodes[f])},
                {u"weight"_s, round4(weight)}, {u"value"_s, round4(value)},
                {u"contribution"_s, round4(contribution) + 0.0}, // no -0
                {u"sentence"_s, parts[f].sentence}, {u"facts"_s, parts[f].facts}});
    }
    return factors;
}

} // namespace influence::server::recommendations

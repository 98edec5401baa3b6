// SPDX-License-Identifier: Apache-2.0
// The recommender's pure parts: the tokenizer, the TF-IDF vectors and their inverted index as
// creators come, change and go, and the factors' values at their edges.
#include "discovery/CreatorRow.h"
#include "recommendations/FeatureStore.h"
#include "recommendations/Scoring.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::server::discovery::CreatorRow;
using namespace influence::server::recommendations;

namespace {

CreatorRow creator(int n, const QString &bio, const QStringList &niches = {})
{
    CreatorRow row;
    row.id = QUuid(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0')));
    row.bio = bio;
    row.niches = niches;
    row.verified = true;
    row.totalFollowers = 10000;
    row.country = u"DE"_s;
    row.rates.append({u"reel"_s, u"EUR"_s, 50000});
    return row;
}

double norm(const ContentVector &v)
{
    double sum = 0;
    for (const TermWeight &t : v) {
        sum += static_cast<double>(t.weight) * t.weight;
    }
    return std::sqrt(sum);
}

/// Every posting is the weight in its creator's vector, and every vector term has its posting.
bool consistent(const StoreData &data)
{
    qsizetype postings = 0;
    for (quint32 term = 0; term < data.postings.size(); ++term) {
        for (const Posting &p : data.postings[term]) {
            const Features &f = data.creators[p.slot];
            const auto found =
                    std::find_if(f.content.begin(), f.content.end(), [term](const TermWeight &t) {
                        return t.term == term;
                    });
            if (!f.alive || found == f.content.end() || found->weight != p.weight) {
                return false;
            }
            ++postings;
        }
    }
    if (data.summaries.size() != data.creators.size()) {
        return false;
    }
    for (std::size_t slot = 0; slot < data.creators.size(); ++slot) {
        const Summary &copy = data.summaries[slot];
        const Features &f = data.creators[slot];
        if (copy.alive != f.alive || copy.nicheMask != f.nicheMask
                || copy.totalFollowers != f.totalFollowers) {
            return false;
        }
    }
    qsizetype terms = 0;
    for (const Features &f : data.creators) {
        terms += f.alive ? static_cast<qsizetype>(f.content.size()) : 0;
    }
    return terms == postings;
}

} // namespace

class TestRecommendationScoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens()
    {
        QCOMPARE(FeatureStore::tokens(u"The VEGAN protein-bars, 2026 & #trail_running ok"_s),
                (QStringList{u"vegan"_s, u"protein"_s, u"bars"_s, u"trail"_s, u"running"_s}));
        QCOMPARE(FeatureStore::tokens(u"Über Brötchen und Käse"_s),
                (QStringList{u"über"_s, u"brötchen"_s, u"käse"_s}));
        QVERIFY(FeatureStore::tokens(QString(31, u'a')).isEmpty());
        // Generic words of briefs and captions are no topic (English and German).
        QVERIFY(FeatureStore::tokens(u"Small budget post for creators, kleine Marke"_s).isEmpty());
    }

    void vectorsAndIndex()
    {
        FeatureStore store;
        store.replaceAll({creator(1, u"vegan protein bars vegan"_s, {u"fitness"_s}),
                creator(2, u"alpine trail running"_s, {u"outdoors"_s}),
                creator(3, u"vegan baking"_s, {u"food"_s})});
        store.read([](const StoreData &data) {
            QCOMPARE(data.alive, 3);
            for (const Features &f : data.creators) {
                QVERIFY(std::abs(norm(f.content) - 1.0) < 1e-5);
                QVERIFY(std::is_sorted(f.content.begin(), f.content.end(),
                        [](const TermWeight &a, const TermWeight &b) {
                            return a.term < b.term;
                        }));
            }
            QVERIFY(consistent(data));
            // A word only one creator uses weighs more than one two use.
            const Features *first = data.find(creator(1, {}).id);
            const auto weight = [&](const QString &word) {
                const quint32 term = data.terms.find(word);
                for (const TermWeight &t : first->content) {
                    if (t.term == term) {
                        return t.weight;
                    }
                }
                return -1.0F;
            };
            QVERIFY(weight(u"protein"_s) > 0);
            QVERIFY(weight(u"vegan"_s) > 0);
            QVERIFY(weight(u"fitness"_s) > weight(u"protein"_s)); // a niche counts three times
            const double same = cosine(first->content, first->content);
            QVERIFY(std::abs(same - 1.0) < 1e-5);
            QVERIFY(cosine(first->content, data.find(creator(2, {}).id)->content) == 0);
            QVERIFY(cosine(first->content, data.find(creator(3, {}).id)->content) > 0);
        });
        // A change replaces the creator's postings; a removal frees the slot for the next.
        CreatorRow gone = creator(2, {});
        gone.visible = false;
        store.apply({creator(1, u"mountain bread"_s), gone});
        store.read([](const StoreData &data) {
            QCOMPARE(data.alive, 2);
            QVERIFY(data.find(creator(2, {}).id) == nullptr);
            QVERIFY(data.postings[data.terms.find(u"protein"_s)].empty());
            QVERIFY(consistent(data));
        });
        store.apply({creator(4, u"alpine bread"_s)});
        store.read([](const StoreData &data) {
            QCOMPARE(data.alive, 3);
            QCOMPARE(data.creators.size(), std::size_t(3)); // the freed slot was reused
            QVERIFY(consistent(data));
        });
    }

    void bulkChanges()
    {
        // More changes than FeatureStore::kBulkChanges: the terms' lists are rebuilt once, and
        // end as the same changes applied a few at a time leave them.
        std::vector<CreatorRow> first;
        for (int i = 0; i < 1500; ++i) {
            first.push_back(creator(i, u"word%1 common bread"_s.arg(i % 40)));
        }
        FeatureStore bulk;
        FeatureStore few;
        bulk.replaceAll(first);
        few.replaceAll(first);
        std::vector<CreatorRow> changes;
        for (int i = 0; i < 1200; ++i) {
            CreatorRow row = creator(i * 2 % 1600, u"kayak word%1 fjord"_s.arg(i % 7));
            row.visible = i % 5 != 0;
            changes.push_back(row);
        }
        bulk.apply(changes);
        for (std::size_t i = 0; i < changes.size(); i += 100) {
            few.apply(std::vector<CreatorRow>(changes.begin() + static_cast<std::ptrdiff_t>(i),
                    changes.begin() + static_cast<std::ptrdiff_t>(i + 100)));
        }
        bulk.read([&few](const StoreData &b) {
            few.read([&b](const StoreData &f) {
                QCOMPARE(b.alive, f.alive);
                QCOMPARE(b.slots.size(), b.alive);
                QVERIFY(consistent(b));
                QVERIFY(consistent(f));
                for (const QString &word : {u"kayak"_s, u"common"_s, u"word3"_s}) {
                    QCOMPARE(b.postings[b.terms.find(word)].size(),
                            f.postings[f.terms.find(word)].size());
                }
            });
        });
    }

    void factorsAtTheirEdges()
    {
        FeatureStore store;
        CreatorRow cheap = creator(1, u"vegan protein"_s, {u"fitness"_s});
        CreatorRow dear = creator(2, u"vegan protein"_s, {u"fitness"_s});
        dear.rates = {{u"reel"_s, u"EUR"_s, 2'000'000}};
        dear.totalFollowers = 5'000'000;
        dear.authenticityScore = 40;
        cheap.authenticityScore = 90;
        store.replaceAll({cheap, dear});
        Campaign c;
        c.currency = u"EUR"_s;
        c.niches = {u"fitness"_s};
        c.brief = u"vegan protein"_s;
        c.deliverableTypes = {u"reel"_s};
        c.minFollowers = 1000;
        c.maxFollowers = 100000;
        c.budgetMinor = c.remainingMinor = 1'000'000;
        store.read([&c](const StoreData &data) {
            const Target t = Target::of(c, data);
            const Features &a = *data.find(creator(1, {}).id);
            const Features &b = *data.find(creator(2, {}).id);
            const History declined{0, std::nan(""), 3};
            const Assessment x = assess(t, data, a, cosine(t.query, a.content), nullptr);
            const Assessment y = assess(t, data, b, cosine(t.query, b.content), &declined);
            QCOMPARE(x.values[Topic], 1.0);
            QCOMPARE(x.values[Size], 1.0);
            QCOMPARE(y.values[Size], 0.0); // 50 × the maximum: beyond one order of magnitude
            QCOMPARE(x.values[Price], 1.0);
            QCOMPARE(y.values[Price], 0.0); // more than what remains
            QCOMPARE(x.values[Authenticity], 0.9);
            QCOMPARE(x.values[Performance], 0.5);
            QCOMPARE(x.values[Declines], 0.0);
            QCOMPARE(y.values[Declines], 1.0);
            QCOMPARE(x.values[Audience], 0.5); // nothing targeted
            QVERIFY(x.score > y.score);
            double sum = 0;
            for (int f = 0; f < kFactors; ++f) {
                sum += (f == Declines ? -1 : 1) * kWeights[f] * x.values[f];
            }
            QCOMPARE(x.score, std::clamp(sum, 0.0, 1.0));
            const QJsonArray factors = explain(t, data, b, &declined, y);
            QCOMPARE(factors.size(), kFactors);
            QCOMPARE(factors[Declines][u"contribution"_s].toDouble(), -0.1);
            QCOMPARE(factors[Price][u"facts"_s][u"feeMinor"_s].toInteger(), 2'000'000);
        });
    }

    void priceWithoutRateDoesNotCount()
    {
        FeatureStore store;
        CreatorRow euro = creator(1, u"vegan protein"_s, {u"fitness"_s});
        CreatorRow dollar = creator(2, u"vegan protein"_s, {u"fitness"_s});
        dollar.rates = {{u"reel"_s, u"USD"_s, 50000}};
        store.replaceAll({euro, dollar});
        Campaign c;
        c.currency = u"EUR"_s;
        c.niches = {u"fitness"_s};
        c.deliverableTypes = {u"reel"_s};
        c.budgetMinor = c.remainingMinor = 1'000'000;
        store.read([&c](const StoreData &data) {
            const Target t = Target::of(c, data);
            const Features &a = *data.find(creator(1, {}).id);
            const Features &b = *data.find(creator(2, {}).id);
            const Assessment x = assess(t, data, a, cosine(t.query, a.content), nullptr);
            const Assessment y = assess(t, data, b, cosine(t.query, b.content), nullptr);
            QCOMPARE(x.weights[Price], 0.1);
            QCOMPARE(y.weights[Price], 0.0);
            // The other weights grow by a ninth: the positive ones still sum to 1.
            double positive = 0;
            double others = 0;
            for (int f = 0; f < kFactors; ++f) {
                positive += f == Declines ? 0 : y.weights[f];
                others += f == Declines || f == Price ? 0 : kWeights[f] * y.values[f];
            }
            QVERIFY(std::abs(positive - 1.0) < 1e-12);
            QCOMPARE(y.weights[Declines], 0.1);
            // Neither group is favoured: without the rate, the score is the others' mean.
            QVERIFY(std::abs(y.score - others / 0.9) < 1e-12);
            const QJsonArray factors = explain(t, data, b, nullptr, y);
            const QJsonObject price = factors[Price].toObject();
            QCOMPARE(price[u"weight"_s].toDouble(), 0.0);
            QCOMPARE(price[u"contribution"_s].toDouble(), 0.0);
            QVERIFY(price[u"sentence"_s].toString().startsWith(u"No rate in EUR"_s));
            double sum = 0;
            for (const auto &factor : factors) {
                sum += factor[u"contribution"_s].toDouble();
            }
            QVERIFY(std::abs(sum - y.score) < 1e-3);
        });
    }

    /// The ranking's pruning is exact only if the bound is never below the score: checked over
    /// creators and campaigns that vary every input the factors read.
    void upperBoundNeverBelowScore()
    {
        const QStringList niches{u"fitness"_s, u"food"_s, u"travel"_s, u"tech"_s};
        const QStringList places{u"DE"_s, u"AT"_s, u"FR"_s};
        const QStringList languages{u"de"_s, u"en"_s, u"fr"_s};
        std::vector<CreatorRow> rows;
        for (int n = 0; n < 240; ++n) {
            CreatorRow row = creator(
                    n, n % 3 == 0 ? u"vegan protein trail"_s : u"laptop code"_s, {niches[n % 4]});
            if (n % 5 == 0) {
                row.niches.append(niches[(n / 5) % 4]);
            }
            row.country = places[n % 3];
            row.languages = {languages[n % 3]};
            row.totalFollowers = static_cast<qint64>(std::pow(10.0, 2 + (n % 7)));
            if (n % 4 != 0) {
                row.engagementRate = 0.005F * static_cast<float>(n % 9);
            }
            if (n % 3 != 0) {
                row.authenticityScore = 30 + n % 70;
            }
            if (n % 6 == 1) {
                row.audience = {{u"country"_s, places[(n + 1) % 3], 0.7F},
                        {u"language"_s, languages[n % 3], 0.9F}};
            }
            row.rates = {{n % 4 == 2 ? u"story"_s : u"reel"_s, n % 7 == 3 ? u"USD"_s : u"EUR"_s,
                    qint64{5000} * (1 + n % 50)}};
            rows.push_back(row);
        }
        FeatureStore store;
        store.replaceAll(rows);
        const std::vector<History> histories{{0, std::nan(""), 0}, {2, 10.0, 1}, {1, 40.0, 5}};
        int checked = 0;
        double tight = 0;
        for (int k = 0; k < 32; ++k) {
            Campaign c;
            c.currency = k % 5 == 4 ? u"CHF"_s : u"EUR"_s;
            c.brief = k % 2 == 0 ? u"vegan protein"_s : QString();
            if (k % 3 != 2) {
                c.niches = {niches[k % 4]};
            }
            if (k % 4 == 1) {
                c.countries = {places[k % 3]};
            }
            if (k % 4 >= 2) {
                c.languages = {languages[k % 3]};
            }
            if (k % 2 == 1) {
                c.minFollowers = 1000;
                c.maxFollowers = 100000;
            }
            c.deliverableTypes = {u"reel"_s};
            c.budgetMinor = k % 6 == 5 ? 0 : 500'000;
            c.remainingMinor = c.budgetMinor / 2;
            store.read([&](const StoreData &data) {
                Target t = Target::of(c, data);
                t.medianCpeMinor = 20;
                QCOMPARE(data.summaries.size(), data.creators.size());
                for (std::size_t slot = 0; slot < data.creators.size(); ++slot) {
                    // The bound reads the compact copy, as the ranking does.
                    const Features &f = data.creators[slot];
                    const Summary &summary = data.summaries[slot];
                    const double similarity = cosine(t.query, f.content);
                    for (const History &h : histories) {
                        const double score = assess(t, data, f, similarity, &h).score;
                        QVERIFY(upperBound(t, data, summary, similarity, &h) >= score - 1e-12);
                        ++checked;
                    }
                    const double alone = assess(t, data, f, similarity, nullptr).score;
                    QVERIFY(upperBound(t, data, summary, similarity, nullptr) >= alone - 1e-12);
                    // The ranking's cached form: the bound without the text, plus its slope.
                    const double composed = upperBound(t, data, summary, 0.0, nullptr)
                            + textSlope(t) * std::min(1.0, 2.0 * similarity);
                    QVERIFY(composed >= alone - 1e-12);
                    tight = std::max(tight, alone - upperBound(t, data, summary, 0.0, nullptr));
                }
            });
        }
        QCOMPARE(checked, 32 * 240 * 3);
        // The text does raise some scores above the bound without it (the slope is needed).
        QVERIFY(tight > 0.01);
    }
};

QTEST_GUILESS_MAIN(TestRecommendationScoring)
#include "tst_recommendation_scoring.moc"

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
};

QTEST_GUILESS_MAIN(TestRecommendationScoring)
#include "tst_recommendation_scoring.moc"

// SPDX-License-Identifier: Apache-2.0
// The recommendation readers (common/RecommendationsApi, common/RecommendationTypes): the stable
// factor and trait codes, a ranked page with its eight factors and their facts, lookalikes with
// their shared traits, and answers that are not ours (no items, a creator without an id, a
// factor without a code) refused as invalid responses.
#include "common/RecommendationTypes.h"
#include "common/RecommendationsApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::common;

namespace {

QJsonObject influencer(const QString &id, const QString &name)
{
    return {{u"id"_s, id}, {u"displayName"_s, name}, {u"country"_s, u"DE"_s},
            {u"niches"_s, QJsonArray{u"fitness"_s}}, {u"languages"_s, QJsonArray{u"de"_s}},
            {u"platforms"_s, QJsonArray{u"instagram"_s}}, {u"totalFollowers"_s, 120000},
            {u"engagementRate"_s, 0.042}, {u"growth30d"_s, QJsonValue()},
            {u"rates"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"amountMinor"_s, 80000},
                            {u"currency"_s, u"EUR"_s}}}}};
}

QJsonObject factor(const QString &code, double weight, double value, const QJsonObject &facts)
{
    const double sign = code == u"declines"_s ? -1.0 : 1.0;
    return {{u"code"_s, code}, {u"weight"_s, weight}, {u"value"_s, value},
            {u"contribution"_s, sign * weight * value}, {u"sentence"_s, u"English."_s},
            {u"facts"_s, facts}};
}

QJsonObject rankedItem()
{
    const QJsonArray factors{
            factor(u"topic"_s, 0.25, 0.8,
                    {{u"matchedNiches"_s, QJsonArray{u"fitness"_s, u"nutrition"_s}},
                            {u"terms"_s, QJsonArray{u"protein"_s}}}),
            factor(u"audience"_s, 0.2, 0.64,
                    {{u"country"_s, u"DE"_s}, {u"share"_s, 0.64},
                            {u"targetCountries"_s, QJsonArray{u"DE"_s, u"AT"_s}},
                            {u"languages"_s, QJsonArray{u"de"_s}}, {u"source"_s, u"audience"_s}}),
            factor(u"size"_s, 0.1, 1.0,
                    {{u"followers"_s, 120000}, {u"minFollowers"_s, 50000},
                            {u"maxFollowers"_s, 500000}}),
            factor(u"engagement"_s, 0.1, 0.9, {{u"rate"_s, 0.042}, {u"median"_s, 0.025}}),
            factor(u"authenticity"_s, 0.1, 0.5, {{u"score"_s, QJsonValue()}}),
            factor(u"price"_s, 0.1, 0.7,
                    {{u"feeMinor"_s, 80000}, {u"currency"_s, u"EUR"_s},
                            {u"remainingMinor"_s, 1400000}, {u"deliverableType"_s, u"reel"_s}}),
            factor(u"performance"_s, 0.05, 0.6,
                    {{u"completedDeals"_s, 3}, {u"cpeMinor"_s, 12.5}, {u"medianCpeMinor"_s, 20},
                            {u"currency"_s, u"EUR"_s}}),
            factor(u"declines"_s, 0.1, 1.0, {{u"declines"_s, 2}, {u"days"_s, 90}}),
    };
    return {{u"influencer"_s, influencer(u"c1"_s, u"Mia Moves"_s)}, {u"rank"_s, 1},
            {u"score"_s, 0.7345}, {u"factors"_s, factors}};
}

} // namespace

class TestRecommendations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("factor");
        for (const char *code : {"topic", "audience", "size", "engagement", "authenticity", "price",
                     "performance", "declines"}) {
            QTest::newRow(code) << QString::fromLatin1(code) << true;
        }
        for (const char *code : {"niche", "term", "country", "language", "platform"}) {
            QTest::newRow(code) << QString::fromLatin1(code) << false;
        }
    }
    void codes()
    {
        QFETCH(QString, code);
        QFETCH(bool, factor);
        if (factor) {
            const auto value = recommendationFactorFromString(code);
            QVERIFY(value);
            QCOMPARE(wireName(*value), code);
        } else {
            const auto value = similarTraitFromString(code);
            QVERIFY(value);
            QCOMPARE(wireName(*value), code);
        }
        QVERIFY(!recommendationFactorFromString(code.toUpper()));
    }

    void factorsInTheirOrder()
    {
        const QList<RecommendationFactor> all = recommendationFactors();
        QCOMPARE(all.size(), 8);
        QCOMPARE(all.constFirst(), RecommendationFactor::Topic);
        QCOMPARE(all.constLast(), RecommendationFactor::Declines);
        QCOMPARE(wireName(SimilarTrait::Size), u"size"_s);
    }

    void readsARankedPage()
    {
        const QJsonObject json{{u"items"_s, QJsonArray{rankedItem()}}, {u"nextCursor"_s, u"abc"_s},
                {u"generatedAt"_s, u"2026-12-05T16:00:00Z"_s}};
        const auto page = RecommendationPage::fromJson(json);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->nextCursor, u"abc"_s);
        QCOMPARE(page->generatedAt, QDateTime(QDate(2026, 12, 5), QTime(16, 0), Qt::UTC));
        const Recommendation &item = page->items.constFirst();
        QCOMPARE(item.influencer.id, u"c1"_s);
        QCOMPARE(item.influencer.displayName, u"Mia Moves"_s);
        QCOMPARE(item.rank, 1);
        QCOMPARE(item.score, 0.7345);
        QCOMPARE(item.factors.size(), 8);
        for (qsizetype i = 0; i < item.factors.size(); ++i) {
            QCOMPARE(item.factors.at(i).factor, recommendationFactors().at(i));
        }
        const auto *topic = item.find(RecommendationFactor::Topic);
        QVERIFY(topic);
        QCOMPARE(topic->facts.matchedNiches, (QStringList{u"fitness"_s, u"nutrition"_s}));
        QCOMPARE(topic->facts.terms, QStringList{u"protein"_s});
        QCOMPARE(topic->contribution, 0.2);
        QCOMPARE(topic->sentence, u"English."_s);
        const auto *audience = item.find(RecommendationFactor::Audience);
        QCOMPARE(audience->facts.share, 0.64);
        QCOMPARE(audience->facts.targetCountries, (QStringList{u"DE"_s, u"AT"_s}));
        QCOMPARE(audience->facts.source, u"audience"_s);
        const auto *size = item.find(RecommendationFactor::Size);
        QCOMPARE(size->facts.followers, 120000);
        QCOMPARE(size->facts.maxFollowers, 500000);
        // An unknown authenticity is null, not 0.
        QVERIFY(!item.find(RecommendationFactor::Authenticity)->facts.authenticityScore);
        const auto *price = item.find(RecommendationFactor::Price);
        QCOMPARE(price->facts.feeMinor, 80000);
        QCOMPARE(price->facts.currency, u"EUR"_s);
        QCOMPARE(price->facts.remainingMinor, 1400000);
        QCOMPARE(price->facts.deliverableType, u"reel"_s);
        const auto *performance = item.find(RecommendationFactor::Performance);
        QCOMPARE(performance->facts.completedDeals, 3);
        QCOMPARE(performance->facts.cpeMinor, 12.5);
        const auto *declines = item.find(RecommendationFactor::Declines);
        QVERIFY(declines->contribution < 0);
        QCOMPARE(declines->facts.declines, 2);
        QCOMPARE(declines->facts.days, 90);
        // Facts a factor does not have stay empty.
        QVERIFY(!declines->facts.feeMinor);
        QVERIFY(declines->facts.matchedNiches.isEmpty());
    }

    void lastPageAndUnknownFactor()
    {
        QJsonObject item = rankedItem();
        QJsonArray factors = item.value(u"factors"_s).toArray();
        factors.append(factor(u"weather"_s, 0.0, 0.0, {}));
        item.insert(u"factors"_s, factors);
        const auto page = RecommendationPage::fromJson(
                {{u"items"_s, QJsonArray{item}}, {u"nextCursor"_s, QJsonValue()}});
        QVERIFY(page);
        QVERIFY(page->nextCursor.isEmpty());
        const RecommendationFactorScore &last = page->items.constFirst().factors.constLast();
        QVERIFY(!last.factor); // kept, by its code, for a newer server
        QCOMPARE(last.code, u"weather"_s);
    }

    void refusesWhatIsNotAnAnswer_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::newRow("no items") << QJsonObject{{u"nextCursor"_s, QJsonValue()}};
        QJsonObject noId = rankedItem();
        noId.insert(u"influencer"_s, QJsonObject{{u"displayName"_s, u"Nameless"_s}});
        QTest::newRow("creator without id") << QJsonObject{{u"items"_s, QJsonArray{noId}}};
        QJsonObject noCode = rankedItem();
        noCode.insert(u"factors"_s, QJsonArray{QJsonObject{{u"weight"_s, 0.1}}});
        QTest::newRow("factor without code") << QJsonObject{{u"items"_s, QJsonArray{noCode}}};
    }
    void refusesWhatIsNotAnAnswer()
    {
        QFETCH(QJsonObject, json);
        const auto page = RecommendationPage::fromJson(json);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::InvalidResponse);
    }

    void readsLookalikes()
    {
        const QJsonArray traits{QJsonObject{{u"code"_s, u"niche"_s}, {u"value"_s, u"fitness"_s}},
                QJsonObject{{u"code"_s, u"country"_s}, {u"value"_s, u"DE"_s}},
                QJsonObject{{u"code"_s, u"size"_s}, {u"value"_s, u"50k–500k"_s}},
                QJsonObject{{u"code"_s, u"mood"_s}, {u"value"_s, u"sunny"_s}}};
        const QJsonObject json{{u"items"_s,
                QJsonArray{QJsonObject{{u"influencer"_s, influencer(u"c2"_s, u"Lena"_s)},
                        {u"similarity"_s, 0.8731}, {u"sharedTraits"_s, traits}}}}};
        const auto similar = SimilarCreators::fromJson(json);
        QVERIFY(similar);
        QCOMPARE(similar->items.size(), 1);
        const SimilarCreator &creator = similar->items.constFirst();
        QCOMPARE(creator.influencer.id, u"c2"_s);
        QCOMPARE(creator.similarity, 0.8731);
        QCOMPARE(creator.sharedTraits.size(), 4);
        QCOMPARE(creator.sharedTraits.at(0).trait, SimilarTrait::Niche);
        QCOMPARE(creator.sharedTraits.at(1).value, u"DE"_s);
        QCOMPARE(creator.sharedTraits.at(2).value, u"50k–500k"_s);
        QVERIFY(!creator.sharedTraits.at(3).trait);
        QCOMPARE(creator.sharedTraits.at(3).code, u"mood"_s);
        QVERIFY(!SimilarCreators::fromJson({}));
    }
};

QTEST_GUILESS_MAIN(TestRecommendations)
#include "tst_recommendations.moc"

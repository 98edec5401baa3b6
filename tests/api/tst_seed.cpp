// SPDX-License-Identifier: Apache-2.0
// The demo-data generator: deterministic, valid against the schema and the shared validation
// rules, and careful with databases that already hold data.
#include "TestDatabase.h"
#include "common/Domain.h"
#include "common/Money.h"
#include "common/Validation.h"
#include "db/Connection.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using namespace influence::server;

namespace {

std::shared_ptr<db::ConnectionSettings> migratedDatabase()
{
    auto settings = std::make_shared<db::ConnectionSettings>();
    settings->url = tests::TestDatabase::instance().freshDatabase();
    db::Connection c(settings, u"seed-migrate"_s);
    const auto migrated = db::Migrator().migrate(c);
    if (!migrated) {
        qWarning("%s", qPrintable(migrated.error().detail));
    }
    return settings;
}

/// A digest of everything the generator writes, ordered by primary key.
const db::SqlStatement kDigest(
        u"SELECT md5(concat_ws('|',"
        " (SELECT string_agg(concat_ws(',', id, email, email_verified_at, role, status, "
        "display_name, created_at), ';' ORDER BY id) FROM users),"
        " (SELECT string_agg(concat_ws(',', user_id, display_name, bio, niches, country, "
        "languages), ';' ORDER BY user_id) FROM influencer_details),"
        " (SELECT string_agg(concat_ws(',', influencer_id, deliverable_type, amount_minor, "
        "currency), ';' ORDER BY influencer_id, deliverable_type) FROM influencer_rates),"
        " (SELECT string_agg(concat_ws(',', user_id, company_name, website, industry, country), "
        "';' ORDER BY user_id) FROM brand_details),"
        " (SELECT string_agg(concat_ws(',', id, influencer_id, platform, handle, external_id, "
        "profile_url, followers, status, last_synced_at, engagement_rate, growth_30d), ';' ORDER "
        "BY id) FROM connected_accounts),"
        " (SELECT md5(string_agg(concat_ws(',', account_id, day, followers, following, posts, views, reach, engagement_rate), ';' ORDER BY account_id, day)) FROM account_metrics)))"_s);

QString digest(db::Connection &c)
{
    auto query = c.prepared(kDigest);
    if (!query || !c.exec(**query) || !(*query)->next()) {
        return {};
    }
    const QString value = (*query)->value(0).toString();
    (*query)->finish();
    return value;
}

QStringList column(db::Connection &c, const QString &sql)
{
    QStringList values;
    const db::SqlStatement statement(sql);
    auto query = c.prepared(statement);
    if (!query || !c.exec(**query)) {
        return values;
    }
    while ((*query)->next()) {
        values.append((*query)->value(0).toString());
    }
    (*query)->finish();
    return values;
}

} // namespace

class TestSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(tests::TestDatabase::instance().isValid(),
                qPrintable(tests::TestDatabase::instance().error()));
    }

    void deterministic()
    {
        seed::SeedOptions options;
        options.influencers = 300;
        db::Connection a(migratedDatabase(), u"seed-a"_s);
        db::Connection b(migratedDatabase(), u"seed-b"_s);
        const auto reportA = seed::seedDatabase(a, options);
        const auto reportB = seed::seedDatabase(b, options);
        QVERIFY(reportA && reportB);
        QCOMPARE(reportA->influencers, 300);
        QCOMPARE(reportA->brands, 15);
        QCOMPARE(reportA->users, 1 + 300 + 15);
        QVERIFY(reportA->accounts >= 300);
        QCOMPARE(reportA->accounts, reportB->accounts);
        const QString digestA = digest(a);
        QVERIFY(!digestA.isEmpty());
        QCOMPARE(digest(b), digestA);

        options.seed = 7;
        db::Connection c(migratedDatabase(), u"seed-c"_s);
        QVERIFY(seed::seedDatabase(c, options));
        QVERIFY(digest(c) != digestA);
    }

    void metricHistoriesLookReal()
    {
        seed::SeedOptions options;
        options.influencers = 200;
        options.days = 400;
        db::Connection c(migratedDatabase(), u"seed-history"_s);
        const auto report = seed::seedDatabase(c, options);
        QVERIFY(report);
        const auto number = [&c](const QString &sql) {
            const db::SqlStatement statement(sql);
            const auto value = c.scalar(statement);
            return value ? value->toDouble() : -1.0;
        };
        const double verified =
                number(u"SELECT count(*) FROM connected_accounts WHERE status = 'connected'"_s);
        QVERIFY(verified > 50);
        // One snapshot a day for every verified account, none for accounts added by hand.
        QCOMPARE(report->snapshots, static_cast<qint64>(verified) * 400);
        QCOMPARE(
                number(u"SELECT count(*) FROM account_metrics m JOIN connected_accounts a ON a.id = m.account_id WHERE a.status = 'manual'"_s),
                0.0);
        // The newest snapshot is the account's follower count; most accounts grew over the year.
        QCOMPARE(
                number(u"SELECT count(*) FROM connected_accounts a JOIN account_metrics m ON m.account_id = a.id AND m.day = date '2026-10-31' WHERE m.followers <> a.followers"_s),
                0.0);
        const double grew = number(
                u"SELECT avg((last.followers > first.followers)::int) FROM account_metrics last "
                "JOIN account_metrics first ON first.account_id = last.account_id AND first.day = "
                "date '2026-10-31' - 365 "
                "WHERE last.day = date '2026-10-31'"_s);
        QVERIFY2(grew > 0.9, qPrintable(QString::number(grew)));
        // Some accounts went viral (a day with many times the usual views) and a few bought
        // followers (a one-day jump of more than 20 %).
        const double viral = number(
                u"SELECT count(DISTINCT account_id) FROM (SELECT account_id, views, avg(views) OVER (PARTITION BY account_id) AS mean FROM account_metrics) v WHERE views > 6 * mean"_s);
        QVERIFY2(viral > verified * 0.1 && viral < verified * 0.5,
                qPrintable(QString::number(viral)));
        const double jumps = number(
                u"SELECT count(DISTINCT account_id) FROM (SELECT account_id, followers::float / lag(followers) OVER (PARTITION BY account_id ORDER BY day) AS ratio FROM account_metrics) j WHERE ratio > 1.2"_s);
        QVERIFY2(jumps >= 1 && jumps < verified * 0.15, qPrintable(QString::number(jumps)));
        // Discovery's aggregates are filled: engagement and growth on creators.
        QVERIFY(number(u"SELECT count(*) FROM influencer_details WHERE engagement_rate IS NOT NULL AND growth_30d IS NOT NULL"_s)
                > 50);
        // Weekends get more views than weekdays.
        QVERIFY(number(u"SELECT avg(views) FILTER (WHERE extract(isodow FROM day) >= 6) / avg(views) FILTER (WHERE extract(isodow FROM day) < 6) FROM account_metrics"_s)
                > 1.1);
    }

    void dataFollowsTheRules()
    {
        seed::SeedOptions options;
        options.influencers = 500;
        options.seed = 3;
        db::Connection c(migratedDatabase(), u"seed-rules"_s);
        QVERIFY(seed::seedDatabase(c, options));
        for (const QString &email : column(c, u"SELECT email FROM users"_s)) {
            QVERIFY2(common::validation::isEmailAddress(email), qPrintable(email));
            QVERIFY(email.endsWith(u"example.com"_s));
        }
        for (const QString &country : column(c,
                     u"SELECT country FROM influencer_details UNION SELECT country FROM brand_details"_s)) {
            QVERIFY2(common::validation::isCountryCode(country), qPrintable(country));
        }
        for (const QString &language :
                column(c, u"SELECT DISTINCT unnest(languages) FROM influencer_details"_s)) {
            QVERIFY2(common::validation::isLanguageCode(language), qPrintable(language));
        }
        for (const QString &niche :
                column(c, u"SELECT DISTINCT unnest(niches) FROM influencer_details"_s)) {
            QVERIFY2(common::isNiche(niche), qPrintable(niche));
        }
        for (const QString &currency :
                column(c, u"SELECT DISTINCT currency FROM influencer_rates"_s)) {
            QVERIFY2(common::isCurrencyCode(currency), qPrintable(currency));
        }
        // Every creator has at least one account and two rates; follower counts are heavy-tailed.
        QCOMPARE(column(c,
                         u"SELECT user_id FROM influencer_details d WHERE NOT EXISTS "
                         "(SELECT 1 FROM connected_accounts a WHERE a.influencer_id = d.user_id)"_s)
                         .size(),
                0);
        QCOMPARE(column(c,
                         u"SELECT influencer_id FROM influencer_rates GROUP BY influencer_id "
                         "HAVING count(*) < 2"_s)
                         .size(),
                0);
        const QStringList spread = column(c,
                u"SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY followers)::text || ' ' || "
                "max(followers)::text FROM connected_accounts"_s);
        QCOMPARE(spread.size(), 1);
        const auto parts = spread.first().split(u' ');
        QVERIFY(parts.at(1).toLongLong() > 20 * parts.at(0).toLongLong());
        // The roles are all there.
        QCOMPARE(column(c, u"SELECT DISTINCT role FROM users ORDER BY role"_s),
                (QStringList{u"admin"_s, u"brand"_s, u"influencer"_s}));
    }

    void existingDataIsRespected()
    {
        seed::SeedOptions options;
        options.influencers = 50;
        db::Connection c(migratedDatabase(), u"seed-existing"_s);
        QVERIFY(seed::seedDatabase(c, options));
        const QString before = digest(c);

        // The same data set again: nothing to do.
        const auto same = seed::seedDatabase(c, options);
        QVERIFY(same);
        QVERIFY(same->skipped);
        QVERIFY(same->reason.contains(u"already holds"_s));

        // Another data set on a non-empty database: refused, or skipped with --if-empty.
        seed::SeedOptions other = options;
        other.influencers = 60;
        const auto refused = seed::seedDatabase(c, other);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, common::ErrorCode::Conflict);
        other.ifEmpty = true;
        const auto skipped = seed::seedDatabase(c, other);
        QVERIFY(skipped);
        QVERIFY(skipped->skipped);
        QCOMPARE(digest(c), before);

        // --reset replaces it.
        other.ifEmpty = false;
        other.reset = true;
        const auto replaced = seed::seedDatabase(c, other);
        QVERIFY(replaced);
        QCOMPARE(replaced->influencers, 60);
        QCOMPARE(column(c, u"SELECT count(*) FROM influencer_details"_s).first(), u"60"_s);
    }

    void progressIsReported()
    {
        seed::SeedOptions options;
        options.influencers = 2500;
        qint64 lastDone = -1;
        int calls = 0;
        options.progress = [&](const QString &stage, qint64 done, qint64 total) {
            if (stage == u"creators"_s) {
                QVERIFY(done > lastDone);
                QCOMPARE(total, 2500);
                lastDone = done;
            }
            ++calls;
        };
        db::Connection c(migratedDatabase(), u"seed-progress"_s);
        QVERIFY(seed::seedDatabase(c, options));
        QCOMPARE(lastDone, 2500);
        QVERIFY(calls >= 3);
    }
};

QTEST_GUILESS_MAIN(TestSeed)
#include "tst_seed.moc"

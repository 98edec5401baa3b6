// SPDX-License-Identifier: Apache-2.0
#include "Seeder.h"

#include "CollabSeed.h"
#include "EvaluationWorld.h"
#include "MetricsSeed.h"
#include "Prng.h"
#include "SeedAudience.h"
#include "SeedData.h"
#include "SeedLabels.h"
#include "SeedPosts.h"
#include "SeedReset.h"
#include "authenticity/AuthenticityStore.h"
#include "common/Domain.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::seed {

namespace {

constexpr int kBatchSize = 2000;

const db::SqlStatement kInsertUsers(
        u"INSERT INTO users (id, email, email_verified_at, role, status, display_name, created_at, "
        "updated_at) "
        "SELECT id, email, email_verified_at, role, 'active', display_name, created_at, created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, email text, "
        "email_verified_at timestamptz, role text, display_name text, created_at timestamptz)"_s);
const db::SqlStatement kInsertInfluencers(
        u"INSERT INTO influencer_details (user_id, display_name, bio, niches, country, languages, "
        "created_at, updated_at) "
        "SELECT user_id, display_name, bio, niches, country, languages, created_at, created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(user_id uuid, display_name text, "
        "bio text, niches text[], country text, languages text[], created_at timestamptz)"_s);
const db::SqlStatement kInsertBrands(
        u"INSERT INTO brand_details (user_id, company_name, website, industry, country, "
        "created_at, updated_at) "
        "SELECT user_id, company_name, website, industry, country, created_at, created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(user_id uuid, company_name text, "
        "website text, industry text, country text, created_at timestamptz)"_s);
const db::SqlStatement kInsertRates(
        u"INSERT INTO influencer_rates (influencer_id, deliverable_type, amount_minor, currency) "
        "SELECT influencer_id, deliverable_type, amount_minor, currency "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(influencer_id uuid, "
        "deliverable_type text, amount_minor bigint, currency text)"_s);
const db::SqlStatement kInsertAccounts(
        u"INSERT INTO connected_accounts (id, influencer_id, platform, handle, external_id, "
        "profile_url, followers, status, last_synced_at, created_at, updated_at) "
        "SELECT id, influencer_id, platform, handle, external_id, profile_url, followers, status, "
        "last_synced_at, created_at, created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, influencer_id uuid, "
        "platform text, handle text, external_id text, profile_url text, followers bigint, "
        "status text, last_synced_at timestamptz, created_at timestamptz)"_s);
// (OFFSET 0 keeps each account's draws and each row's noise computed once: flattened, every use
// of them hashed again, which made this insert two to three times slower.)
// Metric histories, generated in the database from each account's id (so deterministic): a
// yearly growth rate, a viral day for some accounts (a jump in followers and a burst of views),
// bought followers for a few (a sudden step), more views at weekends, and daily noise. Both
// jumps are 1, 2, 5, 10 or 25 % (SEED_STEP_SIZE); SeedLabels.h lists them for the tests.
// The newest day (k = 0) is the account's follower count exactly, so that writing a history
// leaves connected_accounts.followers as it was: long histories added to a data set later are
// computed from the same count as in a fresh run (and equal its rows).
const db::SqlStatement kVerifiedAccounts(
        u"SELECT id FROM connected_accounts WHERE status = 'connected' ORDER BY id"_s);
const db::SqlStatement kInsertMetrics(
        u"INSERT INTO account_metrics (account_id, day, followers, following, posts, views, reach, "
        "  engagement_rate, captured_at) "
        "SELECT id, day, "
        "  greatest(0, round(followers * exp(-(0.05 + 0.6 * ug) * k / 365.0) "
        "     * CASE WHEN uv < 0.3 AND k > viral THEN 1 / (1 + " SEED_STEP_SIZE ") ELSE 1 END "
        "     * CASE WHEN ub < 0.03 AND k > bought THEN 1 / (1 + " SEED_STEP_SIZE ") ELSE 1 END "
        "     * (1 + CASE WHEN k > 0 THEN 0.002 * (un - 0.5) ELSE 0 END)))::bigint, "
        "  round(150 + 900 * uf)::bigint, "
        "  greatest(0, round(60 + 600 * up - k * (0.1 + 0.4 * up)))::bigint, "
        "  round(followers * (0.03 + 0.25 * uw) * (0.6 + 0.8 * un) "
        "     * CASE WHEN extract(isodow FROM day) >= 6 THEN 1.25 ELSE 1 END "
        "     * CASE WHEN uv < 0.3 AND k = viral THEN 12 ELSE 1 END)::bigint, "
        "  round(followers * (0.02 + 0.15 * uw) * (0.6 + 0.8 * un))::bigint, "
        "  ((0.005 + 0.08 * ue * ue) * (0.8 + 0.4 * un))::real, "
        "  day + time '06:00' "
        "FROM (SELECT a.*, k, CAST(:end AS date) - k AS day, "
        "        ('x' || substr(md5(a.id::text || k), 1, 8))::bit(32)::bigint / 4294967296.0 AS un "
        "      FROM (SELECT c.id, c.followers, u.ug, u.uv, u.us, u.ub, u.ue, u.uf, u.up, u.uw, "
        "                   floor(u.uv / 0.3 * :daysViral)::int AS viral, "
        "                   floor(u.ub / 0.03 * :daysBought)::int AS bought "
        "            FROM connected_accounts c, LATERAL (SELECT "
        "              (('x' || substr(md5(c.id::text || 'g'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS ug, "
        "              (('x' || substr(md5(c.id::text || 'v'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS uv, "
        "              (('x' || substr(md5(c.id::text || 's'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS us, "
        "              (('x' || substr(md5(c.id::text || 'b'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS ub, "
        "              (('x' || substr(md5(c.id::text || 'e'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS ue, "
        "              (('x' || substr(md5(c.id::text || 'f'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS uf, "
        "              (('x' || substr(md5(c.id::text || 'p'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS up, "
        "              (('x' || substr(md5(c.id::text || 'w'), 1, 8))::bit(32)::bigint / "
        "4294967296.0) AS uw OFFSET 0) u "
        "            WHERE c.id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS "
        "uuid))) a, "
        "           generate_series(0, :days - 1) AS k OFFSET 0) m"_s);
const db::SqlStatement kDeleteMetrics(
        u"DELETE FROM account_metrics WHERE account_id IN "
        "(SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS uuid))"_s);
const db::SqlStatement kCountUsers(u"SELECT count(*) FROM users"_s);
const db::SqlStatement kReadSeedSetting(
        u"SELECT value::text FROM system_settings WHERE key = 'seed'"_s);
const db::SqlStatement kWriteSeedSetting(
        u"INSERT INTO system_settings (key, value) VALUES ('seed', CAST(:value AS jsonb)) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()"_s);

// Fixed anchor instead of now(): generated timestamps must not depend on when seeding ran.
QDateTime anchor()
{
    return {QDate(2026, 11, 1), QTime(0, 0), Qt::UTC};
}

QString slug(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber()) {
            out += c;
        }
    }
    return out;
}

QString capitalized(const QString &word)
{
    return word.left(1).toUpper() + word.mid(1);
}

QString profileUrl(const QString &platform, const QString &handle)
{
    if (platform == u"instagram"_s) {
        return u"https://www.instagram.com/"_s + handle;
    }
    if (platform == u"tiktok"_s) {
        return u"https://www.tiktok.com/@"_s + handle;
    }
    if (platform == u"youtube"_s) {
        return u"https://www.youtube.com/@"_s + handle;
    }
    if (platform == u"twitch"_s) {
        return u"https://www.twitch.tv/"_s + handle;
    }
    return u"https://x.com/"_s + handle;
}

/// A rough rate of one US dollar in the creator's currency, so that amounts look local.
double perUsd(QLatin1StringView currency)
{
    struct Factor
    {
        QLatin1StringView code;
        double perUsd = 1.0;
    };
    static constexpr std::array factors{
            Factor{"EUR"_L1, 0.92},
            Factor{"GBP"_L1, 0.79},
            Factor{"SEK"_L1, 10.5},
            Factor{"PLN"_L1, 4.0},
            Factor{"BRL"_L1, 5.0},
            Factor{"MXN"_L1, 17.0},
            Factor{"ARS"_L1, 850.0},
            Factor{"CAD"_L1, 1.36},
            Factor{"AUD"_L1, 1.5},
            Factor{"INR"_L1, 83.0},
            Factor{"IDR"_L1, 15600},
            Factor{"PHP"_L1, 56.0},
            Factor{"JPY"_L1, 150.0},
            Factor{"KRW"_L1, 1330},
            Factor{"TRY"_L1, 32.0},
            Factor{"NGN"_L1, 1400.0},
            Factor{"ZAR"_L1, 18.5},
    };
    const auto *found = std::find_if(factors.begin(), factors.end(), [currency](const Factor &f) {
        return f.code == currency;
    });
    return found == factors.end() ? 1.0 : found->perUsd;
}

/// Rows waiting to be written, flushed in batches with one statement per table.
class BatchWriter
{
public:
    explicit BatchWriter(db::Connection &connection)
        : m_connection(connection)
    { }

    QJsonArray users;
    QJsonArray influencers;
    QJsonArray brands;
    QJsonArray rates;
    QJsonArray accounts;

    bool full() const { return users.size() >= kBatchSize; }

    Result<void> flush()
    {
        // Parents before children (foreign keys).
        const std::array<std::pair<const db::SqlStatement *, QJsonArray *>, 5> order{{
                {&kInsertUsers, &users},
                {&kInsertInfluencers, &influencers},
                {&kInsertBrands, &brands},
                {&kInsertRates, &rates},
                {&kInsertAccounts, &accounts},
        }};
        for (const auto &[statement, rows] : order) {
            if (rows->isEmpty()) {
                continue;
            }
            const QString json =
                    QString::fromUtf8(QJsonDocument(*rows).toJson(QJsonDocument::Compact));
            *rows = QJsonArray();
            auto query = m_connection.run(*statement, {{u":rows"_s, json}});
            if (!query) {
                return query.error();
            }
        }
        return {};
    }

private:
    db::Connection &m_connection;
};

/// Draws the demo data set from one deterministic random stream.
class Generator
{
public:
    Generator(quint64 seed, BatchWriter &out, SeedReport &report)
        : m_rng(seed)
        , m_out(out)
        , m_report(report)
    { }

    void admin()
    {
        const QString created = anchor().addDays(-730).toString(Qt::ISODate);
        addUser(m_rng.uuid(), u"admin@example.com"_s, created, u"admin"_s, u"Agency Admin"_s,
                created);
    }

    void creator(int index)
    {
        const QString first = m_rng.pick(firstNames());
        const QString last = m_rng.pick(lastNames());
        const CountryProfile &country = pickCountry();
        const QString userId = m_rng.uuid();
        const QString created = timestampBefore(730);
        const QString name = first + u' ' + last;
        const QString email = u"%1.%2.%3@example.com"_s.arg(slug(first), slug(last)).arg(index + 1);
        addUser(userId, email, m_rng.chance(0.9) ? created : QString(), u"influencer"_s, name,
                created);

        const QJsonArray niches = pickNiches();
        QJsonArray languages{QString(country.language)};
        if (!country.second.isEmpty() && m_rng.chance(0.4)) {
            languages.append(QString(country.second));
        }
        const QString bio = u"%1 creator from %2. %3"_s.arg(capitalized(niches.first().toString()),
                QString(country.city), QString(m_rng.pick(bioTaglines())));
        m_out.influencers.append(QJsonObject{
                {u"user_id"_s, userId},
                {u"display_name"_s, m_rng.chance(0.3) ? first : name},
                {u"bio"_s, bio},
                {u"niches"_s, niches},
                {u"country"_s, QString(country.code)},
                {u"languages"_s, languages},
                {u"created_at"_s, created},
        });
        ++m_report.influencers;

        // Audience size: heavy-tailed (most creators are micro, a few are huge).
        const double audience =
                qBound(500.0, 3000.0 * std::exp(1.7 * m_rng.normal()), 80'000'000.0);
        accounts(userId, first, last, audience, created);
        rates(userId, country, audience);
    }

    void brand(int index)
    {
        const QString company =
                QString(m_rng.pick(companyWords())) + u' ' + QString(m_rng.pick(companySuffixes()));
        const CountryProfile &country = pickCountry();
        const QString userId = m_rng.uuid();
        const QString created = timestampBefore(730);
        const QString first = m_rng.pick(firstNames());
        const QString last = m_rng.pick(lastNames());
        const QString email =
                u"%1.%2@%3-%4.example.com"_s.arg(slug(first), slug(last), slug(company))
                        .arg(index + 1);
        addUser(userId, email, created, u"brand"_s, first + u' ' + last, created);
        m_out.brands.append(QJsonObject{
                {u"user_id"_s, userId},
                {u"company_name"_s, company},
                {u"website"_s, u"https://%1-%2.example.com"_s.arg(slug(company)).arg(index + 1)},
                {u"industry"_s, QString(m_rng.pick(industries()))},
                {u"country"_s, QString(country.code)},
                {u"created_at"_s, created},
        });
        ++m_report.brands;
    }

private:
    void addUser(const QString &id, const QString &email, const QString &verifiedAt,
            const QString &role, const QString &displayName, const QString &created)
    {
        m_out.users.append(QJsonObject{
                {u"id"_s, id},
                {u"email"_s, email},
                {u"email_verified_at"_s,
                        verifiedAt.isEmpty() ? QJsonValue() : QJsonValue(verifiedAt)},
                {u"role"_s, role},
                {u"display_name"_s, displayName},
                {u"created_at"_s, created},
        });
        ++m_report.users;
    }

    const CountryProfile &pickCountry()
    {
        int total = 0;
        for (const CountryProfile &c : countries()) {
            total += c.weight;
        }
        int roll = m_rng.below(total);
        for (const CountryProfile &c : countries()) {
            if (roll < c.weight) {
                return c;
            }
            roll -= c.weight;
        }
        return countries().front();
    }

    QJsonArray pickNiches()
    {
        static const QStringList all = common::nicheNames();
        QJsonArray niches;
        const int count = 1 + m_rng.below(3);
        while (niches.size() < count) {
            const QString &niche = all.at(m_rng.below(static_cast<int>(all.size())));
            if (!niches.contains(niche)) {
                niches.append(niche);
            }
        }
        return niches;
    }

    QString timestampBefore(int maxDays)
    {
        const auto seconds = static_cast<qint64>(m_rng.real() * maxDays * 86400.0);
        return anchor().addSecs(-seconds).toString(Qt::ISODate);
    }

    void accounts(const QString &userId, const QString &first, const QString &last, double audience,
            const QString &created)
    {
        struct Share
        {
            const char *platform = "";
            double probability = 0;
            double scale = 0;
        };
        static constexpr std::array shares{
                Share{"instagram", 0.75, 1.0},
                Share{"tiktok", 0.5, 1.4},
                Share{"youtube", 0.35, 0.4},
                Share{"x", 0.15, 0.3},
                Share{"twitch", 0.06, 0.1},
        };
        int added = 0;
        for (const Share &share : shares) {
            if (m_rng.chance(share.probability)) {
                account(userId, QString::fromLatin1(share.platform), first, last,
                        audience * share.scale, created);
                ++added;
            }
        }
        if (added == 0) {
            account(userId, QString::fromLatin1(shares.front().platform), first, last, audience,
                    created);
        }
    }

    void account(const QString &userId, const QString &platform, const QString &first,
            const QString &last, double audience, const QString &created)
    {
        QString handle = slug(first) + u'.' + slug(last);
        if (m_rng.chance(0.6)) {
            handle += QString::number(m_rng.below(1000));
        }
        while (m_handles.contains(platform + u':' + handle)) {
            handle += QString::number(m_rng.below(10));
        }
        m_handles.insert(platform + u':' + handle);
        const bool verified = m_rng.chance(0.7);
        const auto followers =
                qMax<qint64>(50, static_cast<qint64>(audience * std::exp(0.4 * m_rng.normal())));
        const QJsonValue externalId =
                verified ? QJsonValue(QString::number(m_rng.next() >> 12)) : QJsonValue();
        const QJsonValue lastSync = verified ? QJsonValue(timestampBefore(2)) : QJsonValue();
        m_out.accounts.append(QJsonObject{
                {u"id"_s, m_rng.uuid()},
                {u"influencer_id"_s, userId},
                {u"platform"_s, platform},
                {u"handle"_s, handle},
                {u"external_id"_s, externalId},
                {u"profile_url"_s, profileUrl(platform, handle)},
                {u"followers"_s, followers},
                {u"status"_s, verified ? u"connected"_s : u"manual"_s},
                {u"last_synced_at"_s, lastSync},
                {u"created_at"_s, created},
        });
        ++m_report.accounts;
    }

    void rates(const QString &userId, const CountryProfile &country, double audience)
    {
        // Roughly a price per thousand followers for each deliverable type, with noise.
        struct Shape
        {
            const char *type = "";
            double usdPerThousand = 0;
        };
        static constexpr std::array shapes{
                Shape{"post", 10.0},
                Shape{"story", 4.0},
                Shape{"reel", 14.0},
                Shape{"video", 25.0},
                Shape{"short", 8.0},
                Shape{"livestream", 18.0},
        };
        const double factor = perUsd(country.currency);
        const bool wholeUnits = country.currency == "JPY"_L1 || country.currency == "KRW"_L1;
        const int count = 2 + m_rng.below(3);
        for (int r = 0; r < count; ++r) {
            const Shape &shape = shapes.at(static_cast<size_t>(r));
            const double usd = qMax(25.0,
                    audience / 1000.0 * shape.usdPerThousand * std::exp(0.3 * m_rng.normal()));
            // Price-like: whole major units.
            const qint64 major = qMax<qint64>(1, std::llround(usd * factor));
            m_out.rates.append(QJsonObject{
                    {u"influencer_id"_s, userId},
                    {u"deliverable_type"_s, QString::fromLatin1(shape.type)},
                    {u"amount_minor"_s, wholeUnits ? major : major * 100},
                    {u"currency"_s, QString(country.currency)},
            });
            ++m_report.rates;
        }
    }

    Prng m_rng;
    BatchWriter &m_out;
    SeedReport &m_report;
    QSet<QString> m_handles;
};

/// What seeding does with the database it finds.
struct Plan
{
    enum class Action { Seed, Skip, ExtendHistories };
    Action action = Action::Seed;
    SeedReport skipped;
};

/// The parameters without the long histories, which can be added to a data set later.
QJsonObject withoutLongHistory(QJsonObject parameters)
{
    parameters.remove(u"longHistory"_s);
    return parameters;
}

/// Seeding goes ahead into an empty database; nothing happens for the same data set; long
/// histories are added to the same data set without them; anything else must not be touched.
Result<Plan> checkExisting(
        db::Connection &c, const QJsonObject &parameters, const SeedOptions &options)
{
    const auto previousText = c.scalar(kReadSeedSetting);
    if (!previousText) {
        return previousText.error();
    }
    const QJsonObject previous =
            QJsonDocument::fromJson(previousText->toString().toUtf8()).object();
    const auto users = c.scalar(kCountUsers);
    if (!users) {
        return users.error();
    }
    const qint64 userCount = db::toInt64(*users);
    if (userCount == 0 || options.reset) {
        return Plan{};
    }
    Plan plan{Plan::Action::Skip, {}};
    plan.skipped.skipped = true;
    if (previous == parameters) {
        plan.skipped.reason = u"the database already holds this data set"_s;
        return plan;
    }
    if (!previous.contains(u"longHistory"_s) && parameters.contains(u"longHistory"_s)
            && previous == withoutLongHistory(parameters)) {
        return Plan{Plan::Action::ExtendHistories, {}};
    }
    if (options.ifEmpty) {
        plan.skipped.reason = u"the database already has users"_s;
        return plan;
    }
    return Error::make(ErrorCode::Conflict,
            u"the database already has %1 users; seeding adds demo data only to an empty "
            "database (--reset deletes all users first)"_s.arg(userCount));
}

/// Generates `count` rows with `make`, flushing full batches and reporting progress.
template<class Make>
Result<void> writePhase(
        BatchWriter &out, const SeedOptions &options, const QString &stage, int count, Make make)
{
    const auto report = [&](qint64 done) {
        if (options.progress) {
            options.progress(stage, done, count);
        }
    };
    report(0); // starts the stage's clock for progress displays
    for (int i = 0; i < count; ++i) {
        make(i);
        if (out.full()) {
            if (auto ok = out.flush(); !ok) {
                return ok;
            }
            report(i + 1);
        }
    }
    if (auto ok = out.flush(); !ok) {
        return ok;
    }
    report(count);
    return {};
}

/// Daily metric snapshots of `days` days up to the anchor for the accounts `ids`, their recent
/// posts, and their current figures from both.
Result<qint64> writeHistory(db::Connection &c, const SeedOptions &options, const QStringList &ids,
        int days, const QString &stage)
{
    const QString end = anchor().date().addDays(-1).toString(Qt::ISODate);
    constexpr qsizetype kChunk = 500;
    qint64 rows = 0;
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        if (options.progress) {
            options.progress(stage, start, ids.size());
        }
        const QString chunk =
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids.mid(start, kChunk)))
                                          .toJson(QJsonDocument::Compact));
        auto inserted = c.run(kInsertMetrics,
                {{u":end"_s, end}, {u":daysViral"_s, days}, {u":daysBought"_s, days},
                        {u":ids"_s, chunk}, {u":days"_s, days}});
        if (!inserted) {
            return inserted.error();
        }
        rows += (*inserted)->numRowsAffected();
        // Recent posts, and engagement and growth from them and the history, as the sync does.
        if (auto ok = writeRecentPosts(c, chunk, end); !ok) {
            return ok.error();
        }
        // Follower events and authenticity scores from the histories, as the sync does.
        if (auto ok = authenticity::refreshAuthenticity(c, chunk); !ok) {
            return ok.error();
        }
    }
    if (options.progress) {
        options.progress(stage, ids.size(), ids.size());
    }
    return rows;
}

Result<QStringList> verifiedAccounts(db::Connection &c)
{
    auto query = c.run(kVerifiedAccounts);
    if (!query) {
        return query.error();
    }
    QStringList ids;
    while ((*query)->next()) {
        ids.append((*query)->value(0).toString());
    }
    return ids;
}

/// Daily metric snapshots for every verified account: `options.days` days up to the anchor, or
/// `options.longHistoryDays` for the first `options.longHistoryAccounts` of them. With
/// Histories::OnlyLong, just those long histories, replacing what the accounts had (the same rows
/// as a fresh run writes for them, so a data set extended later equals one seeded at once).
enum class Histories { All, OnlyLong };

Result<qint64> writeHistories(db::Connection &c, const SeedOptions &options, Histories which)
{
    const auto ids = verifiedAccounts(c);
    if (!ids) {
        return ids.error();
    }
    const QStringList longIds = ids->mid(0, qMax(0, options.longHistoryAccounts));
    qint64 rows = 0;
    if (which == Histories::All && options.days > 0) {
        const auto written = writeHistory(
                c, options, ids->mid(longIds.size()), options.days, u"metric history"_s);
        if (!written) {
            return written.error();
        }
        rows += *written;
    }
    if (longIds.isEmpty() || options.longHistoryDays <= 0) {
        return rows;
    }
    if (which == Histories::OnlyLong) {
        const QString json = QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(longIds)).toJson(QJsonDocument::Compact));
        if (auto ok = c.run(kDeleteMetrics, {{u":ids"_s, json}}); !ok) {
            return ok.error();
        }
    }
    const auto written =
            writeHistory(c, options, longIds, options.longHistoryDays, u"long metric history"_s);
    if (!written) {
        return written.error();
    }
    return rows + *written;
}

/// Writes the whole data set (inside the caller's transaction).
Result<SeedReport> generateAll(db::Connection &c, const SeedOptions &options, int brandCount)
{
    if (options.reset) {
        if (auto ok = deleteAllUsers(c); !ok) {
            return ok.error();
        }
    }
    SeedReport report;
    BatchWriter out(c);
    Generator generate(options.seed, out, report);
    generate.admin();
    if (auto ok = writePhase(out, options, u"creators"_s, options.influencers,
                [&generate](int i) {
                    generate.creator(i);
                });
            !ok) {
        return ok.error();
    }
    if (auto ok = writePhase(out, options, u"brands"_s, brandCount,
                [&generate](int i) {
                    generate.brand(i);
                });
            !ok) {
        return ok.error();
    }
    // Campaigns and deals at every point of the workflow, for the first brands.
    if (auto collab = seedCollaboration(c, options.seed, anchor()); !collab) {
        return collab.error();
    }
    if (auto ok = seedPostsAndAudience(c, report, anchor().date()); !ok) {
        return ok.error();
    }
    const auto snapshots = writeHistories(c, options, Histories::All);
    if (!snapshots) {
        return snapshots.error();
    }
    report.snapshots = *snapshots;
    // Posts with their daily figures (none unless --posts is given).
    const MetricsSeedOptions metrics{.posts = options.posts,
            .days = options.days,
            .seed = options.seed,
            .progress = options.progress};
    const auto posts = seedPostMetrics(c, metrics, anchor());
    if (!posts) {
        return posts.error();
    }
    report.posts += posts->posts;
    report.postMetrics += posts->postMetrics;
    report.deliverablePosts += posts->deliverables;
    if (!options.evaluationWorld.isEmpty()) {
        const auto world = seedEvaluationWorld(c, options.seed, anchor(), options.evaluationWorld);
        if (!world) {
            return world.error();
        }
        report.evaluationTests = world->testCampaigns;
    }
    return report;
}

/// The seed marker: what identifies the data set in system_settings.
QJsonObject seedMarker(const SeedOptions &options, int brandCount)
{
    QJsonObject parameters{
            {u"generator"_s, 1},
            {u"influencers"_s, options.influencers},
            {u"brands"_s, brandCount},
            {u"seed"_s, QString::number(options.seed)},
            {u"days"_s, options.days},
    };
    // Only when asked for, so that the markers of data sets without them stay as they were.
    if (options.posts > 0) {
        parameters.insert(u"posts"_s, options.posts);
    }
    if (!options.evaluationWorld.isEmpty()) {
        parameters.insert(u"evaluationWorld"_s, 1);
    }
    if (options.longHistoryAccounts > 0) {
        parameters.insert(u"longHistory"_s,
                QJsonObject{{u"accounts"_s, options.longHistoryAccounts},
                        {u"days"_s, options.longHistoryDays}});
    }
    return parameters;
}

} // namespace

Result<SeedReport> seedDatabase(db::Connection &connection, const SeedOptions &options)
{
    if (options.influencers < 0 || options.influencers > 10'000'000) {
        return Error::make(ErrorCode::BadRequest, u"--influencers must be from 0 to 10000000"_s);
    }
    if (options.posts < 0 || options.posts > 10'000'000) {
        return Error::make(ErrorCode::BadRequest, u"--posts must be from 0 to 10000000"_s);
    }
    if (options.days < 0 || options.days > 3660 || options.longHistoryDays < 0
            || options.longHistoryDays > 3660 || options.longHistoryAccounts < 0) {
        return Error::make(ErrorCode::BadRequest,
                u"--days must be from 0 to 3660, --long-history a number of accounts"_s);
    }
    const int brandCount = options.brands >= 0 ? options.brands : qMax(5, options.influencers / 20);
    const QJsonObject parameters = seedMarker(options, brandCount);
    // Bulk loading can take longer than the request statement timeout.
    if (auto ok = connection.setStatementTimeout(std::chrono::milliseconds(0)); !ok) {
        return ok.error();
    }
    const auto restoreTimeout = qScopeGuard([&connection] {
        (void)connection.setStatementTimeout(connection.settings().statementTimeout);
    });

    return db::inTransaction(connection, [&](db::Connection &c) -> Result<SeedReport> {
        const auto plan = checkExisting(c, parameters, options);
        if (!plan) {
            return plan.error();
        }
        if (plan->action == Plan::Action::Skip) {
            return plan->skipped;
        }
        Result<SeedReport> report = SeedReport{};
        if (plan->action == Plan::Action::ExtendHistories) {
            const auto snapshots = writeHistories(c, options, Histories::OnlyLong);
            if (!snapshots) {
                return snapshots.error();
            }
            report->snapshots = *snapshots;
        } else {
            report = generateAll(c, options, brandCount);
            if (!report) {
                return report;
            }
        }
        const QString json =
                QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact));
        if (auto ok = c.run(kWriteSeedSetting, {{u":value"_s, json}}); !ok) {
            return ok.error();
        }
        return report;
    });
}

} // namespace influence::server::seed

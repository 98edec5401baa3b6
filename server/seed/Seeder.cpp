// SPDX-License-Identifier: Apache-2.0
#include "Seeder.h"

#include "SeedData.h"
#include "common/Domain.h"
#include "db/Connection.h"
#include "db/Transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>

#include <array>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::seed {

namespace {

constexpr int kBatchSize = 2000;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and fully specified, so the data set is the
/// same everywhere (std:: distributions differ between standard libraries).
class Prng
{
public:
    explicit Prng(quint64 seed)
        : m_state(seed)
    { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [0, n).
    int below(int n) { return static_cast<int>(real() * n); }
    bool chance(double p) { return real() < p; }
    /// Standard normal (Box–Muller).
    double normal()
    {
        const double u1 = 1.0 - real();
        const double u2 = real();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    template<class T>
    const T &pick(std::span<const T> items)
    {
        return items[static_cast<size_t>(below(static_cast<int>(items.size())))];
    }
    QString uuid()
    {
        quint64 hi = next();
        quint64 lo = next();
        hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 4122 variant
        const QString h = QString::number(hi, 16).rightJustified(16, u'0');
        const QString l = QString::number(lo, 16).rightJustified(16, u'0');
        return h.first(8) + u'-' + h.sliced(8, 4) + u'-' + h.sliced(12, 4) + u'-' + l.first(4)
                + u'-' + l.sliced(4);
    }

private:
    quint64 m_state;
};

const CountryProfile &pickCountry(Prng &rng)
{
    int total = 0;
    for (const CountryProfile &c : countries()) {
        total += c.weight;
    }
    int roll = rng.below(total);
    for (const CountryProfile &c : countries()) {
        if (roll < c.weight) {
            return c;
        }
        roll -= c.weight;
    }
    return countries().front();
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

// Fixed anchor instead of now(): generated timestamps must not depend on when seeding ran.
const QDateTime &anchor()
{
    static const QDateTime t = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    return t;
}

QString timestampBefore(Prng &rng, int maxDays)
{
    const qint64 seconds = static_cast<qint64>(rng.real() * maxDays * 86400.0);
    return anchor().addSecs(-seconds).toString(Qt::ISODate);
}

struct Batches
{
    QJsonArray users;
    QJsonArray influencers;
    QJsonArray brands;
    QJsonArray rates;
    QJsonArray accounts;
};

const db::SqlStatement kInsertUsers(
        u"INSERT INTO users (id, email, email_verified_at, role, status, display_name, "
        u"created_at, "
        "updated_at) "
        "SELECT id, email, email_verified_at, role, 'active', display_name, created_at, "
        "created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, email text, "
        "email_verified_at timestamptz, role text, display_name text, created_at timestamptz)"_s);
const db::SqlStatement kInsertInfluencers(
        u"INSERT INTO influencer_details (user_id, display_name, bio, niches, country, "
        u"languages, "
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
        u"INSERT INTO influencer_rates (influencer_id, deliverable_type, amount_minor, "
        u"currency) "
        "SELECT influencer_id, deliverable_type, amount_minor, currency "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(influencer_id uuid, "
        "deliverable_type text, amount_minor bigint, currency text)"_s);
const db::SqlStatement kInsertAccounts(
        u"INSERT INTO connected_accounts (id, influencer_id, platform, handle, external_id, "
        "profile_url, followers, status, last_synced_at, created_at, updated_at) "
        "SELECT id, influencer_id, platform, handle, external_id, profile_url, followers, "
        "status, "
        "last_synced_at, created_at, created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, influencer_id uuid, "
        "platform text, handle text, external_id text, profile_url text, followers bigint, "
        "status text, last_synced_at timestamptz, created_at timestamptz)"_s);
const db::SqlStatement kCountUsers(u"SELECT count(*) FROM users"_s);
const db::SqlStatement kReadSeedSetting(
        u"SELECT value::text FROM system_settings WHERE key = 'seed'"_s);
const db::SqlStatement kWriteSeedSetting(
        u"INSERT INTO system_settings (key, value) VALUES ('seed', CAST(:value AS jsonb)) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()"_s);

Result<void> insertRows(db::Connection &c, const db::SqlStatement &statement, QJsonArray &rows)
{
    if (rows.isEmpty()) {
        return {};
    }
    auto query = c.prepared(statement);
    if (!query) {
        return query.error();
    }
    (*query)->bindValue(
            u":rows"_s, QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    auto ok = c.exec(**query);
    rows = QJsonArray();
    return ok;
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

/// Rates scale with audience: roughly a CPM per deliverable type, with noise, in the creator's
/// currency (converted by a rough factor so amounts look local).
double currencyFactor(QLatin1StringView currency)
{
    struct Factor
    {
        QLatin1StringView code;
        double perUsd;
    };
    static constexpr std::array factors{
            Factor{"USD"_L1, 1.0},
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
            Factor{"IDR"_L1, 15600.0},
            Factor{"PHP"_L1, 56.0},
            Factor{"JPY"_L1, 150.0},
            Factor{"KRW"_L1, 1330.0},
            Factor{"TRY"_L1, 32.0},
            Factor{"NGN"_L1, 1400.0},
            Factor{"ZAR"_L1, 18.5},
    };
    for (const Factor &f : factors) {
        if (f.code == currency) {
            return f.perUsd;
        }
    }
    return 1.0;
}

int minorDigits(QLatin1StringView currency)
{
    return currency == "JPY"_L1 || currency == "KRW"_L1 ? 0 : 2;
}

} // namespace

Result<SeedReport> seedDatabase(db::Connection &connection, const SeedOptions &options)
{
    if (options.influencers < 0 || options.influencers > 10'000'000) {
        return Error::make(ErrorCode::BadRequest, u"--influencers must be from 0 to 10000000"_s);
    }
    const int brandCount = options.brands >= 0 ? options.brands : qMax(5, options.influencers / 20);
    const QJsonObject parameters{
            {u"generator"_s, 1},
            {u"influencers"_s, options.influencers},
            {u"brands"_s, brandCount},
            {u"seed"_s, QString::number(options.seed)},
    };
    // Bulk loading can take longer than the request statement timeout.
    if (auto ok = connection.setStatementTimeout(std::chrono::milliseconds(0)); !ok) {
        return ok.error();
    }
    const auto restoreTimeout = qScopeGuard([&connection] {
        (void)connection.setStatementTimeout(connection.settings().statementTimeout);
    });

    return db::inTransaction(connection, [&](db::Connection &c) -> Result<SeedReport> {
        SeedReport report;
        auto existing = c.prepared(kReadSeedSetting);
        if (!existing) {
            return existing.error();
        }
        if (auto ok = c.exec(**existing); !ok) {
            return ok.error();
        }
        const QJsonObject previous = (*existing)->next()
                ? QJsonDocument::fromJson((*existing)->value(0).toString().toUtf8()).object()
                : QJsonObject();
        (*existing)->finish();

        auto count = c.prepared(kCountUsers);
        if (!count) {
            return count.error();
        }
        if (auto ok = c.exec(**count); !ok) {
            return ok.error();
        }
        const qint64 users = (*count)->next() ? db::toInt64((*count)->value(0)) : 0;
        (*count)->finish();

        if (users > 0 && !options.reset) {
            report.skipped = true;
            if (previous == parameters) {
                report.reason = u"the database already holds this data set"_s;
                return report;
            }
            if (options.ifEmpty) {
                report.reason = u"the database already has users"_s;
                return report;
            }
            return Error::make(ErrorCode::Conflict,
                    u"the database already has %1 users; seeding adds demo data only to "
                    "an empty database (--reset deletes all users first)"_s.arg(users));
        }
        if (options.reset) {
            if (auto ok = c.execDirect(u"TRUNCATE users CASCADE"_s); !ok) {
                return ok.error();
            }
        }

        Prng rng(options.seed);
        Batches batch;
        const auto flush = [&c, &batch]() -> Result<void> {
            // Parents before children (foreign keys).
            const std::array<std::pair<const db::SqlStatement *, QJsonArray *>, 5> order{{
                    {&kInsertUsers, &batch.users},
                    {&kInsertInfluencers, &batch.influencers},
                    {&kInsertBrands, &batch.brands},
                    {&kInsertRates, &batch.rates},
                    {&kInsertAccounts, &batch.accounts},
            }};
            for (const auto &[statement, rows] : order) {
                if (auto ok = insertRows(c, *statement, *rows); !ok) {
                    return ok;
                }
            }
            return {};
        };

        // The agency's administrator.
        batch.users.append(QJsonObject{
                {u"id"_s, rng.uuid()},
                {u"email"_s, u"admin@example.com"_s},
                {u"email_verified_at"_s, anchor().addDays(-730).toString(Qt::ISODate)},
                {u"role"_s, u"admin"_s},
                {u"display_name"_s, u"Agency Admin"_s},
                {u"created_at"_s, anchor().addDays(-730).toString(Qt::ISODate)},
        });
        ++report.users;

        const QStringList niches = common::nicheNames();
        QSet<QString> usedHandles;
        for (int i = 0; i < options.influencers; ++i) {
            const QString first = rng.pick(firstNames());
            const QString last = rng.pick(lastNames());
            const CountryProfile &country = pickCountry(rng);
            const QString userId = rng.uuid();
            const QString created = timestampBefore(rng, 730);
            const QString name = first + u' ' + last;
            batch.users.append(QJsonObject{
                    {u"id"_s, userId},
                    {u"email"_s, u"%1.%2.%3@example.com"_s.arg(slug(first), slug(last)).arg(i + 1)},
                    {u"email_verified_at"_s, rng.chance(0.9) ? QJsonValue(created) : QJsonValue()},
                    {u"role"_s, u"influencer"_s},
                    {u"display_name"_s, name},
                    {u"created_at"_s, created},
            });
            ++report.users;

            QJsonArray creatorNiches;
            const int nicheCount = 1 + rng.below(3);
            while (creatorNiches.size() < nicheCount) {
                const QString niche = niches.at(rng.below(static_cast<int>(niches.size())));
                if (!creatorNiches.contains(niche)) {
                    creatorNiches.append(niche);
                }
            }
            QJsonArray languages{QString(country.language)};
            if (!country.second.isEmpty() && rng.chance(0.4)) {
                languages.append(QString(country.second));
            }
            const QString mainNiche = creatorNiches.first().toString();
            batch.influencers.append(QJsonObject{
                    {u"user_id"_s, userId},
                    {u"display_name"_s, rng.chance(0.3) ? first : name},
                    {u"bio"_s,
                            u"%1 creator from %2. %3"_s.arg(
                                    mainNiche.left(1).toUpper() + mainNiche.mid(1),
                                    QString(country.city), QString(rng.pick(bioTaglines())))},
                    {u"niches"_s, creatorNiches},
                    {u"country"_s, QString(country.code)},
                    {u"languages"_s, languages},
                    {u"created_at"_s, created},
            });
            ++report.influencers;

            // Audience size: heavy-tailed (most creators are micro, a few are huge).
            const double audience =
                    qBound(500.0, 3000.0 * std::exp(1.7 * rng.normal()), 80'000'000.0);
            struct PlatformShare
            {
                const char *platform;
                double probability;
                double scale;
            };
            static constexpr std::array platforms{
                    PlatformShare{"instagram", 0.75, 1.0},
                    PlatformShare{"tiktok", 0.5, 1.4},
                    PlatformShare{"youtube", 0.35, 0.4},
                    PlatformShare{"x", 0.15, 0.3},
                    PlatformShare{"twitch", 0.06, 0.1},
            };
            int accounts = 0;
            const auto addAccount = [&](const PlatformShare &share) {
                const QString platform = QString::fromLatin1(share.platform);
                QString handle = slug(first) + u'.' + slug(last);
                if (rng.chance(0.6)) {
                    handle += QString::number(rng.below(1000));
                }
                while (usedHandles.contains(platform + u':' + handle)) {
                    handle += QString::number(rng.below(10));
                }
                usedHandles.insert(platform + u':' + handle);
                const bool verified = rng.chance(0.7);
                const qint64 followers = qMax<qint64>(50,
                        static_cast<qint64>(audience * share.scale * std::exp(0.4 * rng.normal())));
                batch.accounts.append(QJsonObject{
                        {u"id"_s, rng.uuid()},
                        {u"influencer_id"_s, userId},
                        {u"platform"_s, platform},
                        {u"handle"_s, handle},
                        {u"external_id"_s,
                                verified ? QJsonValue(QString::number(rng.next() >> 12))
                                         : QJsonValue()},
                        {u"profile_url"_s, profileUrl(platform, handle)},
                        {u"followers"_s, followers},
                        {u"status"_s, verified ? u"connected"_s : u"manual"_s},
                        {u"last_synced_at"_s,
                                verified ? QJsonValue(timestampBefore(rng, 2)) : QJsonValue()},
                        {u"created_at"_s, created},
                });
                ++accounts;
                ++report.accounts;
            };
            for (const PlatformShare &share : platforms) {
                if (rng.chance(share.probability)) {
                    addAccount(share);
                }
            }
            if (accounts == 0) {
                addAccount(platforms.front());
            }

            struct RateShape
            {
                const char *type;
                double usdPerThousand;
            };
            static constexpr std::array rateShapes{
                    RateShape{"post", 10.0},
                    RateShape{"story", 4.0},
                    RateShape{"reel", 14.0},
                    RateShape{"video", 25.0},
                    RateShape{"short", 8.0},
                    RateShape{"livestream", 18.0},
            };
            const double factor = currencyFactor(country.currency);
            const int digits = minorDigits(country.currency);
            const int rateCount = 2 + rng.below(3);
            for (int r = 0; r < rateCount; ++r) {
                const RateShape &shape = rateShapes[static_cast<size_t>(r)];
                const double usd = qMax(25.0,
                        audience / 1000.0 * shape.usdPerThousand * std::exp(0.3 * rng.normal()));
                // Round to a "price-like" figure: whole major units.
                const qint64 major = qMax<qint64>(1, std::llround(usd * factor));
                const qint64 minor = digits == 0 ? major : major * 100;
                batch.rates.append(QJsonObject{
                        {u"influencer_id"_s, userId},
                        {u"deliverable_type"_s, QString::fromLatin1(shape.type)},
                        {u"amount_minor"_s, minor},
                        {u"currency"_s, QString(country.currency)},
                });
                ++report.rates;
            }

            if (batch.users.size() >= kBatchSize) {
                if (auto ok = flush(); !ok) {
                    return ok.error();
                }
                if (options.progress) {
                    options.progress(u"creators"_s, i + 1, options.influencers);
                }
            }
        }
        if (auto ok = flush(); !ok) {
            return ok.error();
        }
        if (options.progress) {
            options.progress(u"creators"_s, options.influencers, options.influencers);
        }

        for (int i = 0; i < brandCount; ++i) {
            const QString company =
                    QString(rng.pick(companyWords())) + u' ' + QString(rng.pick(companySuffixes()));
            const CountryProfile &country = pickCountry(rng);
            const QString userId = rng.uuid();
            const QString created = timestampBefore(rng, 730);
            const QString first = rng.pick(firstNames());
            const QString last = rng.pick(lastNames());
            batch.users.append(QJsonObject{
                    {u"id"_s, userId},
                    {u"email"_s,
                            u"%1.%2@%3-%4.example.com"_s.arg(slug(first), slug(last), slug(company))
                                    .arg(i + 1)},
                    {u"email_verified_at"_s, created},
                    {u"role"_s, u"brand"_s},
                    {u"display_name"_s, QString(first + u' ' + last)},
                    {u"created_at"_s, created},
            });
            ++report.users;
            batch.brands.append(QJsonObject{
                    {u"user_id"_s, userId},
                    {u"company_name"_s, company},
                    {u"website"_s, u"https://%1-%2.example.com"_s.arg(slug(company)).arg(i + 1)},
                    {u"industry"_s, QString(rng.pick(industries()))},
                    {u"country"_s, QString(country.code)},
                    {u"created_at"_s, created},
            });
            ++report.brands;
            if (batch.users.size() >= kBatchSize) {
                if (auto ok = flush(); !ok) {
                    return ok.error();
                }
                if (options.progress) {
                    options.progress(u"brands"_s, i + 1, brandCount);
                }
            }
        }
        if (auto ok = flush(); !ok) {
            return ok.error();
        }
        if (options.progress) {
            options.progress(u"brands"_s, brandCount, brandCount);
        }

        auto write = c.prepared(kWriteSeedSetting);
        if (!write) {
            return write.error();
        }
        (*write)->bindValue(u":value"_s,
                QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)));
        if (auto ok = c.exec(**write); !ok) {
            return ok.error();
        }
        return report;
    });
}

} // namespace influence::server::seed

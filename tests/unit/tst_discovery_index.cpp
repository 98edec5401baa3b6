// SPDX-License-Identifier: Apache-2.0
// Discovery's in-memory index on its own, without a database: built from rows, every filter and
// the follower ranges per platform, every sort paged through cursors, totals, changes applied one
// by one and in bulk (the platforms' ordered lists rebuilt), free-text matches; and the checking
// of a search's parameters (common/DiscoveryTypes) and of the desktop's queries (DiscoveryApi).
#include "common/DiscoveryApi.h"
#include "common/DiscoveryTypes.h"
#include "discovery/DiscoveryIndex.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using influence::common::DiscoveryCursor;
using influence::common::DiscoveryQuery;
using influence::common::DiscoverySearch;
using influence::common::DiscoverySort;
using influence::server::discovery::CreatorRow;
using influence::server::discovery::DiscoveryIndex;
using influence::server::discovery::IndexPage;
using influence::server::discovery::TextMatch;
using influence::server::discovery::TextMatches;

namespace discovery = influence::common::discovery;

namespace {

const QUuid kNamespace(u"7d0b6c1e-3f4a-4d8e-9b2c-5a6f7e8d9c0b"_s);

QUuid idOf(const QString &name)
{
    return QUuid::createUuidV5(kNamespace, name);
}

QByteArray itemOf(const QUuid &id)
{
    return R"({"id":")" + id.toString(QUuid::WithoutBraces).toLatin1() + R"("})";
}

/// A creator row: `accounts` as "platform:followers", `rates` as "type:currency:amount".
CreatorRow row(const QString &name, qint64 totalFollowers, const QStringList &niches,
        const QString &country, const QStringList &languages, const QStringList &accounts,
        std::optional<float> engagementRate, std::optional<float> growth,
        const QStringList &rates = {})
{
    CreatorRow r;
    r.id = idOf(name);
    r.totalFollowers = totalFollowers;
    r.niches = niches;
    r.country = country;
    r.languages = languages;
    for (const QString &account : accounts) {
        const QStringList parts = account.split(u':');
        r.accounts.append({parts[0], parts[1].toLongLong()});
        if (!r.platforms.contains(parts[0])) {
            r.platforms.append(parts[0]);
        }
    }
    for (const QString &rate : rates) {
        const QStringList parts = rate.split(u':');
        r.rates.append({parts[0], parts[1], parts[2].toLongLong()});
    }
    r.engagementRate = engagementRate;
    r.growth30d = growth;
    r.item = itemOf(r.id);
    return r;
}

CreatorRow removal(const QUuid &id)
{
    CreatorRow r;
    r.id = id;
    r.visible = false;
    return r;
}

/// The small set the filter cases are written against.
std::vector<CreatorRow> fixture()
{
    return {
            row(u"ana"_s, 58000, {u"food"_s, u"travel"_s}, u"AT"_s, {u"de"_s, u"en"_s},
                    {u"instagram:50000"_s, u"tiktok:8000"_s}, 0.05F, 0.10F, {u"reel:EUR:45000"_s}),
            row(u"ben"_s, 120000, {u"tech"_s}, u"DE"_s, {u"de"_s}, {u"youtube:120000"_s}, 0.02F,
                    std::nullopt, {u"video:EUR:200000"_s}),
            // Two accounts on one platform, far apart.
            row(u"cleo"_s, 308000, {u"fashion"_s, u"beauty"_s}, u"FR"_s, {u"fr"_s, u"en"_s},
                    {u"instagram:8000"_s, u"instagram:300000"_s}, 0.031F, 0.02F,
                    {u"post:EUR:30000"_s, u"reel:USD:50000"_s}),
            row(u"dev"_s, 100000, {u"gaming"_s}, u"US"_s, {u"en"_s},
                    {u"twitch:50000"_s, u"youtube:50000"_s}, std::nullopt, -0.01F),
            row(u"eli"_s, 50000, {u"food"_s}, u"AT"_s, {u"de"_s}, {u"instagram:50000"_s}, 0.05F,
                    0.10F, {u"reel:EUR:60000"_s}),
            // Two accounts on one platform with equal followers.
            row(u"fay"_s, 18000, {u"travel"_s}, QString(), {u"en"_s},
                    {u"tiktok:9000"_s, u"tiktok:9000"_s}, 0.08F, std::nullopt,
                    {u"story:EUR:10000"_s}),
            row(u"gus"_s, 0, {}, u"DE"_s, {}, {}, std::nullopt, std::nullopt),
            // More accounts than the packed summary holds.
            row(u"hal"_s, 150000, {u"fitness"_s}, u"US"_s, {u"en"_s, u"es"_s},
                    {u"instagram:20000"_s, u"youtube:30000"_s, u"tiktok:40000"_s, u"x:60000"_s},
                    0.04F, 0.05F, {u"reel:EUR:45000"_s}),
    };
}

DiscoverySearch searchOf(const QString &parameters)
{
    const auto search = discovery::validateSearch(QUrlQuery(parameters));
    if (!search) {
        qFatal("invalid test search %s: %s", qPrintable(parameters),
                qPrintable(search.error().detail));
    }
    return *search;
}

/// PostgreSQL's uuid order: the 16 bytes, unsigned.
bool idBefore(const QUuid &a, const QUuid &b)
{
    const QByteArray x = a.toRfc4122();
    const QByteArray y = b.toRfc4122();
    return std::memcmp(x.constData(), y.constData(), 16) < 0;
}

/// What the index is expected to hold: the rows by id, and the search semantics written out
/// plainly.
class Model
{
public:
    void apply(const std::vector<CreatorRow> &rows)
    {
        for (const CreatorRow &r : rows) {
            if (r.visible) {
                m_rows.insert(r.id, r);
            } else {
                m_rows.remove(r.id);
            }
        }
    }
    qsizetype size() const { return m_rows.size(); }

    static bool matches(const CreatorRow &r, const DiscoverySearch &s)
    {
        const auto anyOf = [](const QStringList &wanted, const QStringList &held) {
            return wanted.isEmpty() || std::any_of(wanted.begin(), wanted.end(), [&](auto &w) {
                return held.mid(0, 10).contains(w);
            });
        };
        if (!anyOf(s.niches, r.niches) || !anyOf(s.languages, r.languages)
                || (!s.countries.isEmpty() && !s.countries.contains(r.country))) {
            return false;
        }
        if (!s.platform.isEmpty() && !r.platforms.contains(s.platform)) {
            return false;
        }
        if (s.minFollowers || s.maxFollowers) {
            const qint64 min = s.minFollowers.value_or(0);
            const qint64 max = s.maxFollowers.value_or(std::numeric_limits<qint64>::max());
            const auto inRange = [&](qint64 followers) {
                return followers >= min && followers <= max;
            };
            if (s.platform.isEmpty() ? !inRange(r.totalFollowers)
                                     : std::none_of(r.accounts.begin(), r.accounts.end(),
                                             [&](const CreatorRow::Account &a) {
                                                 return a.platform == s.platform
                                                         && inRange(a.followers);
                                             })) {
                return false;
            }
        }
        if (s.minAuthenticity && !(r.authenticityScore >= *s.minAuthenticity)) {
            return false;
        }
        if (s.minEngagementRate
                && !(r.engagementRate
                        && *r.engagementRate >= static_cast<float>(*s.minEngagementRate))) {
            return false;
        }
        return !s.maxPrice
                || std::any_of(r.rates.begin(), r.rates.end(), [&](const CreatorRow::Rate &rate) {
                       return rate.deliverableType == s.deliverableType
                               && rate.currency == s.currency && rate.amountMinor <= *s.maxPrice;
                   });
    }

    static double key(const CreatorRow &r, DiscoverySort sort, float rank)
    {
        switch (sort) {
        case DiscoverySort::Relevance: return rank;
        case DiscoverySort::Followers: return static_cast<double>(r.totalFollowers);
        case DiscoverySort::Engagement: return r.engagementRate.value_or(-1.0F);
        case DiscoverySort::Growth: return r.growth30d ? static_cast<double>(*r.growth30d) : -1e9;
        case DiscoverySort::Authenticity: return r.authenticityScore.value_or(-1);
        }
        return 0;
    }

    /// Every match in the order of `ORDER BY key DESC, id DESC`; `text`: the free-text matches.
    QList<QUuid> expected(const DiscoverySearch &s, const QHash<QUuid, float> *text = nullptr) const
    {
        QList<std::pair<double, QUuid>> found;
        for (const CreatorRow &r : m_rows) {
            if ((text && !text->contains(r.id)) || !matches(r, s)) {
                continue;
            }
            found.append({key(r, s.sort, text ? text->value(r.id) : 0), r.id});
        }
        std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : idBefore(b.second, a.second);
        });
        QList<QUuid> ids;
        for (const auto &entry : found) {
            ids.append(entry.second);
        }
        return ids;
    }

    const QHash<QUuid, CreatorRow> &rows() const { return m_rows; }

private:
    QHash<QUuid, CreatorRow> m_rows;
};

/// Every page of `search` (its limit), through the cursors; `totals` gets each page's matches.
QList<QUuid> allPages(const DiscoveryIndex &index, DiscoverySearch search,
        const TextMatches *text = nullptr, QList<qint64> *totals = nullptr)
{
    QList<QUuid> ids;
    for (int pages = 0; pages < 1000; ++pages) {
        const IndexPage page = index.select(search, text);
        if (totals) {
            totals->append(page.matches);
        }
        const auto shown = std::min<qsizetype>(page.items.size(), search.limit);
        for (qsizetype i = 0; i < shown; ++i) {
            ids.append(page.items[i].id);
        }
        if (page.items.size() <= search.limit) {
            return ids;
        }
        const IndexPage::Item &last = page.items[search.limit - 1];
        search.after = DiscoveryCursor{last.key, last.id};
    }
    qFatal("paging does not end");
}

QStringList namesOf(const QList<QUuid> &ids)
{
    static const QStringList names{u"ana"_s, u"ben"_s, u"cleo"_s, u"dev"_s, u"eli"_s, u"fay"_s,
            u"gus"_s, u"hal"_s, u"ivy"_s};
    QStringList result;
    for (const QUuid &id : ids) {
        const auto name = std::find_if(names.begin(), names.end(), [&id](const QString &n) {
            return idOf(n) == id;
        });
        result.append(name == names.end() ? id.toString() : *name);
    }
    return result;
}

/// `count` creators drawn from `seed`, with many equal keys (ties broken by id), missing rates,
/// several accounts on one platform and more accounts than the packed summary holds.
std::vector<CreatorRow> generated(int first, int count, quint32 seed)
{
    static const QStringList platforms{u"instagram"_s, u"youtube"_s, u"tiktok"_s, u"twitch"_s};
    static const QStringList niches{u"food"_s, u"travel"_s, u"tech"_s, u"music"_s};
    static const QStringList countries{u"AT"_s, u"DE"_s, u"US"_s, QString()};
    QRandomGenerator random(seed);
    std::vector<CreatorRow> rows;
    for (int n = first; n < first + count; ++n) {
        QStringList accounts;
        qint64 total = 0;
        const int accountCount = static_cast<int>(random.bounded(6));
        for (int a = 0; a < accountCount; ++a) {
            const qint64 followers = qint64{1000} * random.bounded(21);
            total += followers;
            accounts.append(u"%1:%2"_s.arg(platforms[random.bounded(int(platforms.size()))])
                                    .arg(followers));
        }
        const auto pick = [&random](std::initializer_list<float> values) -> std::optional<float> {
            const auto i = random.bounded(static_cast<int>(values.size()) + 1);
            if (i == static_cast<int>(values.size())) {
                return std::nullopt;
            }
            return *(values.begin() + i);
        };
        rows.push_back(
                row(u"creator-%1"_s.arg(n), total, {niches[random.bounded(int(niches.size()))]},
                        countries[random.bounded(int(countries.size()))], {u"en"_s}, accounts,
                        pick({0.01F, 0.03F, 0.05F}), pick({-0.1F, 0.0F, 0.2F}),
                        {u"reel:EUR:%1"_s.arg(1000 * random.bounded(10))}));
        const int score = random.bounded(4);
        if (score < 3) {
            rows.back().authenticityScore =
                    std::array{40, 80, 100}[static_cast<std::size_t>(score)];
        }
    }
    return rows;
}

/// Searches that take each path of select(): the scan, a platform's list alone and with other
/// filters, and with a minimum engagement on the list.
const QStringList kRangeSearches{
        u""_s,
        u"country=AT"_s,
        u"minFollowers=10000&maxFollowers=30000"_s,
        u"platform=instagram&minFollowers=5000&maxFollowers=12000"_s,
        u"platform=youtube&minFollowers=0"_s,
        u"platform=tiktok&maxFollowers=3000"_s,
        u"platform=twitch&minFollowers=20000"_s,
        u"platform=instagram&minFollowers=1000&minEngagementRate=0.03"_s,
        u"platform=youtube&minFollowers=4000&country=DE"_s,
        u"platform=tiktok&minFollowers=2000&maxFollowers=15000&niche=food"_s,
        u"deliverableType=reel&maxPrice=4000&currency=EUR"_s,
        u"minAuthenticity=80"_s,
        u"platform=instagram&minFollowers=1000&minAuthenticity=50"_s,
};

} // namespace

class TestDiscoveryIndex : public QObject
{
    Q_OBJECT

private:
    /// Every search of kRangeSearches, in every sort, answers what the model expects.
    static void checkAgainst(const DiscoveryIndex &index, const Model &model)
    {
        for (const QString &parameters : kRangeSearches) {
            for (const QString &sort :
                    {u"followers"_s, u"engagement"_s, u"growth"_s, u"authenticity"_s}) {
                DiscoverySearch search = searchOf(parameters + u"&sort="_s + sort);
                search.limit = 100;
                const QList<QUuid> expected = model.expected(search);
                QList<qint64> totals;
                const QList<QUuid> found = allPages(index, search, nullptr, &totals);
                QVERIFY2(found == expected, qPrintable(parameters + u" by "_s + sort));
                QCOMPARE(totals.first(), qint64{expected.size()});
            }
        }
    }

private Q_SLOTS:
    void builtFromRows()
    {
        DiscoveryIndex index;
        QCOMPARE(index.footprint().first, qsizetype{0});
        QCOMPARE(index.select(searchOf(QString()), nullptr).matches, qint64{0});
        const quint64 before = index.generation();

        std::vector<CreatorRow> rows = fixture();
        rows.push_back(removal(idOf(u"hidden"_s))); // no profile, or a disabled user
        index.replaceAll(rows);
        QCOMPARE_GT(index.generation(), before);
        QCOMPARE(index.footprint().first, qsizetype{8});
        QCOMPARE_GT(index.footprint().second, qsizetype{0});

        const IndexPage page = index.select(searchOf(QString()), nullptr);
        QCOMPARE(page.matches, qint64{8});
        QCOMPARE(namesOf({page.items[0].id, page.items[1].id, page.items[2].id}),
                (QStringList{u"cleo"_s, u"hal"_s, u"ben"_s}));
        QCOMPARE(page.items[0].key, 308000.0);
        // The item is kept as given, for the answer.
        QCOMPARE(page.items[0].json, itemOf(idOf(u"cleo"_s)));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("parameters");
        QTest::addColumn<QStringList>("expected");

        const auto names = [](std::initializer_list<const char16_t *> list) {
            QStringList result;
            for (const char16_t *name : list) {
                result.append(QString::fromUtf16(name));
            }
            result.sort();
            return result;
        };
        QTest::newRow("none") << QString()
                              << names({u"ana", u"ben", u"cleo", u"dev", u"eli", u"fay", u"gus",
                                         u"hal"});
        QTest::newRow("niche") << u"niche=food"_s << names({u"ana", u"eli"});
        QTest::newRow("niches") << u"niche=food,tech"_s << names({u"ana", u"ben", u"eli"});
        QTest::newRow("niche nobody has") << u"niche=outdoors"_s << QStringList();
        QTest::newRow("language") << u"language=en"_s
                                  << names({u"ana", u"cleo", u"dev", u"fay", u"hal"});
        QTest::newRow("second language") << u"language=es"_s << names({u"hal"});
        QTest::newRow("country") << u"country=AT"_s << names({u"ana", u"eli"});
        QTest::newRow("countries") << u"country=DE,US"_s << names({u"ben", u"dev", u"gus", u"hal"});
        QTest::newRow("platform") << u"platform=instagram"_s
                                  << names({u"ana", u"cleo", u"eli", u"hal"});
        QTest::newRow("platform nobody uses") << u"platform=snapchat"_s << QStringList();
        QTest::newRow("total followers from")
                << u"minFollowers=100000"_s << names({u"ben", u"cleo", u"dev", u"hal"});
        QTest::newRow("total followers to")
                << u"maxFollowers=50000"_s << names({u"eli", u"fay", u"gus"});
        QTest::newRow("total followers between")
                << u"minFollowers=50000&maxFollowers=100000"_s << names({u"ana", u"dev", u"eli"});
        QTest::newRow("instagram between")
                << u"platform=instagram&minFollowers=40000&maxFollowers=60000"_s
                << names({u"ana", u"eli"});
        QTest::newRow("instagram, second account")
                << u"platform=instagram&minFollowers=100000"_s << names({u"cleo"});
        QTest::newRow("instagram, first account")
                << u"platform=instagram&maxFollowers=10000"_s << names({u"cleo"});
        QTest::newRow("two equal accounts count once")
                << u"platform=tiktok&minFollowers=9000&maxFollowers=9000"_s << names({u"fay"});
        QTest::newRow("fourth account") << u"platform=x&minFollowers=1"_s << names({u"hal"});
        QTest::newRow("third of four accounts")
                << u"platform=tiktok&minFollowers=30000"_s << names({u"hal"});
        QTest::newRow("youtube from")
                << u"platform=youtube&minFollowers=40000"_s << names({u"ben", u"dev"});
        QTest::newRow("youtube from, in a country")
                << u"platform=youtube&minFollowers=40000&country=US"_s << names({u"dev"});
        QTest::newRow("tiktok range and engagement")
                << u"platform=tiktok&maxFollowers=10000&minEngagementRate=0.06"_s
                << names({u"fay"});
        QTest::newRow("engagement, equal counts")
                << u"minEngagementRate=0.05"_s << names({u"ana", u"eli", u"fay"});
        QTest::newRow("engagement")
                << u"minEngagementRate=0.031"_s << names({u"ana", u"cleo", u"eli", u"fay", u"hal"});
        QTest::newRow("price") << u"deliverableType=reel&maxPrice=45000&currency=EUR"_s
                               << names({u"ana", u"hal"});
        QTest::newRow("price in another currency")
                << u"deliverableType=reel&maxPrice=60000&currency=USD"_s << names({u"cleo"});
        QTest::newRow("price nobody asks")
                << u"deliverableType=blog&maxPrice=100000&currency=EUR"_s << QStringList();
        QTest::newRow("everything at once")
                << u"niche=food&country=AT&language=de&platform=instagram&minFollowers=50000"
                   "&minEngagementRate=0.04&deliverableType=reel&maxPrice=50000&currency=EUR"_s
                << names({u"ana"});
    }

    void filters()
    {
        QFETCH(QString, parameters);
        QFETCH(QStringList, expected);
        DiscoveryIndex index;
        index.replaceAll(fixture());
        const DiscoverySearch search = searchOf(parameters);
        const IndexPage page = index.select(search, nullptr);
        QStringList found = namesOf(allPages(index, search));
        found.sort();
        QCOMPARE(found, expected);
        QCOMPARE(page.matches, qint64{expected.size()});
        // The model agrees, so that the generated cases below check the same semantics.
        Model model;
        model.apply(fixture());
        QStringList modelled = namesOf(model.expected(search));
        modelled.sort();
        QCOMPARE(modelled, expected);
    }

    void paging_data()
    {
        QTest::addColumn<QString>("parameters");
        QTest::addColumn<int>("limit");
        for (const QString &sort : {u"followers"_s, u"engagement"_s, u"growth"_s}) {
            for (const int limit : {1, 3, 7, 100}) {
                QTest::addRow("%s, pages of %d", qPrintable(sort), limit)
                        << u"sort="_s + sort << limit;
            }
            QTest::addRow("%s, platform range", qPrintable(sort))
                    << u"platform=youtube&minFollowers=3000&sort="_s + sort << 4;
            QTest::addRow("%s, country", qPrintable(sort)) << u"country=US&sort="_s + sort << 5;
        }
    }

    void paging()
    {
        QFETCH(QString, parameters);
        QFETCH(int, limit);
        DiscoveryIndex index;
        const std::vector<CreatorRow> rows = generated(0, 250, 16);
        index.replaceAll(rows);
        Model model;
        model.apply(rows);

        DiscoverySearch search = searchOf(parameters);
        search.limit = limit;
        const QList<QUuid> expected = model.expected(search);
        QVERIFY(expected.size() > limit); // more than one page
        QList<qint64> totals;
        const QList<QUuid> found = allPages(index, search, nullptr, &totals);
        // No duplicates and no gaps: exactly the expected order, page after page.
        QCOMPARE(found.size(), expected.size());
        QCOMPARE(found, expected);
        QCOMPARE(QSet<QUuid>(found.begin(), found.end()).size(), found.size());
        // Every page counts every match, not those after its cursor.
        QVERIFY(std::all_of(totals.begin(), totals.end(), [&expected](qint64 total) {
            return total == expected.size();
        }));
    }

    void textMatches()
    {
        DiscoveryIndex index;
        index.replaceAll(fixture());
        Model model;
        model.apply(fixture());
        // ana and eli tie on rank: the id decides.
        const QHash<QUuid, float> ranks{{idOf(u"ana"_s), 0.5F}, {idOf(u"eli"_s), 0.5F},
                {idOf(u"hal"_s), 0.9F}, {idOf(u"nobody"_s), 1.0F}};
        std::vector<TextMatch> matches;
        for (auto it = ranks.begin(); it != ranks.end(); ++it) {
            matches.push_back({it.key(), it.value()});
        }

        QVERIFY(!index.cachedText(u"ranked:food"_s));
        const auto kept = index.keepText(u"ranked:food"_s, index.generation(), matches);
        QVERIFY(kept->resolved);
        QCOMPARE(kept->slots.size(), std::size_t{3}); // the unknown creator has no slot
        QVERIFY(index.cachedText(u"ranked:food"_s) == kept);

        DiscoverySearch search = searchOf(u"q=food&limit=1"_s);
        QCOMPARE(search.sort, DiscoverySort::Relevance);
        const QList<QUuid> expected = model.expected(search, &ranks);
        QCOMPARE(namesOf(expected).first(), u"hal"_s);
        QCOMPARE(allPages(index, search, kept.get()), expected);
        search.niches = {u"food"_s};
        QCOMPARE(index.select(search, kept.get()).matches, qint64{2});

        // A change makes the kept matches stale: no longer answered from the cache, and still
        // found by id for a search that began before it.
        const quint64 generation = index.generation();
        index.apply({removal(idOf(u"eli"_s))});
        model.apply({removal(idOf(u"eli"_s))});
        QCOMPARE_GT(index.generation(), generation);
        QVERIFY(!index.cachedText(u"ranked:food"_s));
        search.niches.clear();
        QCOMPARE(allPages(index, search, kept.get()), model.expected(search, &ranks));
        // Matches read before the change are answered but not kept.
        const auto late = index.keepText(u"ranked:food"_s, generation, matches);
        QVERIFY(!late->resolved);
        QVERIFY(!index.cachedText(u"ranked:food"_s));
    }

    void changesApplied()
    {
        DiscoveryIndex index;
        index.replaceAll(fixture());
        Model model;
        model.apply(fixture());

        const quint64 generation = index.generation();
        index.apply({});
        QCOMPARE(index.generation(), generation); // nothing applied

        std::vector<CreatorRow> changes{
                // An edit: fewer followers, another niche, the second instagram account gone.
                row(u"cleo"_s, 9000, {u"travel"_s}, u"FR"_s, {u"fr"_s}, {u"instagram:8000"_s},
                        0.031F, 0.02F),
                // A new creator.
                row(u"ivy"_s, 70000, {u"food"_s}, u"AT"_s, {u"de"_s}, {u"instagram:70000"_s}, 0.06F,
                        0.3F),
                // Removed: the last creator takes the slot, and its accounts' list entries move.
                removal(idOf(u"ana"_s)),
                // Not held: nothing happens.
                removal(idOf(u"nobody"_s)),
        };
        index.apply(changes);
        model.apply(changes);
        QCOMPARE_GT(index.generation(), generation);
        QCOMPARE(index.footprint().first, qsizetype{8});

        const auto found = [&index](const QString &parameters) {
            QStringList names = namesOf(allPages(index, searchOf(parameters)));
            names.sort();
            return names;
        };
        QCOMPARE(found(u"niche=food"_s), (QStringList{u"eli"_s, u"ivy"_s}));
        QCOMPARE(found(u"niche=travel"_s), (QStringList{u"cleo"_s, u"fay"_s}));
        QCOMPARE(found(u"platform=instagram&minFollowers=100000"_s), QStringList());
        QCOMPARE(found(u"platform=instagram&minFollowers=40000"_s),
                (QStringList{u"eli"_s, u"ivy"_s}));
        QCOMPARE(found(u"platform=tiktok&maxFollowers=10000"_s), (QStringList{u"fay"_s}));
        QCOMPARE(namesOf(allPages(index, searchOf(u"limit=2"_s))).mid(0, 2),
                (QStringList{u"hal"_s, u"ben"_s}));
        checkAgainst(index, model);

        // Every creator removed, one after another.
        for (const QUuid &id : model.rows().keys()) {
            index.apply({removal(id)});
            model.apply({removal(id)});
            checkAgainst(index, model);
        }
        QCOMPARE(index.footprint().first, qsizetype{0});
    }

    void changesBeforeAnyLoad()
    {
        DiscoveryIndex index;
        index.apply(fixture());
        Model model;
        model.apply(fixture());
        QCOMPARE(index.footprint().first, qsizetype{8});
        checkAgainst(index, model);
    }

    void manyChangesRebuildTheLists()
    {
        DiscoveryIndex index;
        Model model;
        const std::vector<CreatorRow> first = generated(0, 200, 1);
        index.replaceAll(first);
        model.apply(first);
        checkAgainst(index, model);

        // More changes than a catch-up edits the lists for: new creators, edits of the first
        // ones (other accounts and followers) and removals.
        std::vector<CreatorRow> bulk = generated(200, 1300, 2);
        const std::vector<CreatorRow> edits = generated(0, 150, 3);
        bulk.insert(bulk.end(), edits.begin(), edits.end());
        for (int n = 150; n < 200; n += 2) {
            bulk.push_back(removal(idOf(u"creator-%1"_s.arg(n))));
        }
        QVERIFY(bulk.size() > 1000);
        index.apply(bulk);
        model.apply(bulk);
        QCOMPARE(index.footprint().first, model.size());
        checkAgainst(index, model);

        // And a few edits afterwards, on the rebuilt lists.
        std::vector<CreatorRow> few = generated(1400, 20, 4);
        few.push_back(removal(idOf(u"creator-3"_s)));
        few.push_back(removal(idOf(u"creator-1499"_s)));
        index.apply(few);
        model.apply(few);
        QCOMPARE(index.footprint().first, model.size());
        checkAgainst(index, model);
    }

    void searchParameters_data()
    {
        QTest::addColumn<QString>("parameters");
        QTest::addColumn<QString>("invalid"); ///< the parameter named; empty: valid

        QTest::newRow("nothing") << QString() << QString();
        QTest::newRow("lists") << u"niche=food,%20travel&country=AT,DE&language=de"_s << QString();
        QTest::newRow("unknown niche") << u"niche=food,cars"_s << u"niche"_s;
        QTest::newRow("21 countries") << u"country=AT,AT,AT,AT,AT,AT,AT,AT,AT,AT,AT,AT,AT,AT,AT,"
                                         "AT,AT,AT,AT,AT,AT"_s
                                      << u"country"_s;
        QTest::newRow("lower-case country") << u"country=at"_s << u"country"_s;
        QTest::newRow("unknown platform") << u"platform=myspace"_s << u"platform"_s;
        QTest::newRow("negative followers") << u"minFollowers=-1"_s << u"minFollowers"_s;
        QTest::newRow("range upside down")
                << u"minFollowers=10&maxFollowers=9"_s << u"maxFollowers"_s;
        QTest::newRow("engagement above 1") << u"minEngagementRate=1.5"_s << u"minEngagementRate"_s;
        QTest::newRow("authenticity above 100") << u"minAuthenticity=101"_s << u"minAuthenticity"_s;
        QTest::newRow("authenticity not a number")
                << u"minAuthenticity=high"_s << u"minAuthenticity"_s;
        QTest::newRow("price without type")
                << u"maxPrice=100&currency=EUR"_s << u"deliverableType"_s;
        QTest::newRow("price without amount")
                << u"deliverableType=reel&currency=EUR"_s << u"maxPrice"_s;
        QTest::newRow("price without currency")
                << u"deliverableType=reel&maxPrice=100"_s << u"currency"_s;
        QTest::newRow("relevance without text") << u"sort=relevance"_s << u"sort"_s;
        QTest::newRow("unknown sort") << u"sort=newest"_s << u"sort"_s;
        QTest::newRow("limit 0") << u"limit=0"_s << u"limit"_s;
        QTest::newRow("limit 101") << u"limit=101"_s << u"limit"_s;
        QTest::newRow("long text") << u"q="_s + QString(201, u'a') << u"q"_s;
        QTest::newRow("garbage cursor") << u"cursor=abc"_s << u"cursor"_s;
    }

    void searchParameters()
    {
        QFETCH(QString, parameters);
        QFETCH(QString, invalid);
        const auto search = discovery::validateSearch(QUrlQuery(parameters));
        if (invalid.isEmpty()) {
            QVERIFY2(search.has_value(), qPrintable(parameters));
            return;
        }
        QVERIFY(!search);
        QCOMPARE(search.error().httpStatus(), 400);
        QCOMPARE(search.error().code, influence::common::ErrorCode::InvalidParameter);
        QCOMPARE(search.error().fieldErrors.size(), 1);
        QCOMPARE(search.error().fieldErrors.first().field, invalid);
    }

    void searchDefaultsAndCursors()
    {
        const DiscoverySearch plain = searchOf(QString());
        QCOMPARE(plain.sort, DiscoverySort::Followers);
        QCOMPARE(plain.limit, 25);
        const DiscoverySearch text = searchOf(u"q=%20alps%20"_s);
        QCOMPARE(text.text, u"alps"_s);
        QCOMPARE(text.sort, DiscoverySort::Relevance);
        const DiscoverySearch lists = searchOf(u"niche=food,%20travel,"_s);
        QCOMPARE(lists.niches, (QStringList{u"food"_s, u"travel"_s}));

        // A cursor comes back as it was written, and only for the same sort.
        const QUuid id = idOf(u"ana"_s);
        const double key = static_cast<double>(0.031F);
        const QString cursor = discovery::encodeCursor(DiscoverySort::Engagement, key, id);
        QUrlQuery query;
        query.addQueryItem(u"sort"_s, u"engagement"_s);
        query.addQueryItem(u"cursor"_s, cursor);
        const auto read = discovery::validateSearch(query);
        QVERIFY(read);
        QVERIFY(read->after);
        QCOMPARE(read->after->key, key);
        QCOMPARE(read->after->id, id);
        query.removeAllQueryItems(u"sort"_s);
        QVERIFY(!discovery::validateSearch(query));
        // Base64url without padding only.
        query.addQueryItem(u"sort"_s, u"engagement"_s);
        query.removeAllQueryItems(u"cursor"_s);
        query.addQueryItem(u"cursor"_s, cursor + u"="_s);
        QVERIFY(!discovery::validateSearch(query));
    }

    void desktopQueryIsReadBack()
    {
        // The desktop's price filter reaches the server whole: type, minor units and currency.
        DiscoveryQuery query;
        query.niche = u"travel"_s;
        query.deliverableType = u"reel"_s;
        query.maxPrice = 45000;
        query.currency = u"EUR"_s;
        const QUrlQuery sent = query.toQuery(QString());
        QCOMPARE(sent.queryItemValue(u"deliverableType"_s), u"reel"_s);
        QCOMPARE(sent.queryItemValue(u"maxPrice"_s), u"45000"_s);
        QCOMPARE(sent.queryItemValue(u"currency"_s), u"EUR"_s);
        const auto read = discovery::validateSearch(sent);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().detail));
        QCOMPARE(read->deliverableType, u"reel"_s);
        QCOMPARE(read->maxPrice, std::optional<qint64>(45000));
        QCOMPARE(read->currency, u"EUR"_s);
        QCOMPARE(read->niches, QStringList{u"travel"_s});

        // A price filter missing a part is not sent at all (the server would refuse it).
        const QStringList parts{u"deliverableType"_s, u"maxPrice"_s, u"currency"_s};
        for (const QString &missing : parts) {
            DiscoveryQuery partial = query;
            if (missing == u"deliverableType"_s) {
                partial.deliverableType.clear();
            } else if (missing == u"maxPrice"_s) {
                partial.maxPrice.reset();
            } else {
                partial.currency.clear();
            }
            const QUrlQuery partialSent = partial.toQuery(QString());
            for (const QString &name : parts) {
                QVERIFY2(!partialSent.hasQueryItem(name), qPrintable(missing + u": "_s + name));
            }
            const auto partialRead = discovery::validateSearch(partialSent);
            QVERIFY(partialRead);
            QVERIFY(!partialRead->maxPrice);
        }
    }
    void desktopItemReadsItsRates()
    {
        // An item as the index keeps it (DiscoveryIndexLoader's kItem): rates as in the profile.
        const QJsonObject json{{u"id"_s, idOf(u"ana"_s).toString(QUuid::WithoutBraces)},
                {u"displayName"_s, u"Ana"_s},
                {u"rates"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"post"_s}, {u"amountMinor"_s, 12000},
                                           {u"currency"_s, u"EUR"_s}},
                                QJsonObject{{u"type"_s, u"hologram"_s}, {u"amountMinor"_s, 1},
                                        {u"currency"_s, u"EUR"_s}},
                                QJsonObject{{u"type"_s, u"reel"_s}, {u"amountMinor"_s, 5000},
                                        {u"currency"_s, u"JPY"_s}}}}};
        const auto item = influence::common::DiscoveryItem::fromJson(json);
        QVERIFY(item);
        QCOMPARE(item->rates.size(), 2); // a type this client does not know is left out
        QCOMPARE(item->rate(u"post"_s), std::optional(influence::common::Money{12000, u"EUR"_s}));
        QCOMPARE(item->rate(u"reel"_s), std::optional(influence::common::Money{5000, u"JPY"_s}));
        QVERIFY(!item->rate(u"story"_s));
        QVERIFY(!item->rate(QString()));
        // An item without rates (an older server) has none.
        const auto bare = influence::common::DiscoveryItem::fromJson(
                {{u"id"_s, idOf(u"ana"_s).toString(QUuid::WithoutBraces)}});
        QVERIFY(bare);
        QVERIFY(bare->rates.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryIndex)
#include "tst_discovery_index.moc"

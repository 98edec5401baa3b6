// SPDX-License-Identifier: Apache-2.0
#include "Discovery.h"

#include "DiscoveryIndex.h"
#include "DiscoveryIndexLoader.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <charconv>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;
using influence::common::DiscoverySearch;
using influence::common::DiscoverySort;
using influence::common::Result;

namespace influence::server::discovery {

namespace {

constexpr int kCountCap = 10'000;

const db::SqlStatement kTextMatches(
        u"SELECT d.user_id::text, 0 FROM influencer_details d WHERE d.search @@ "
        "(SELECT websearch_to_tsquery('simple', :q1) || websearch_to_tsquery('english', :q2))"_s);
const db::SqlStatement kRankedTextMatches(
        u"SELECT d.user_id::text, ts_rank(d.search, s.q) FROM influencer_details d, "
        "(SELECT websearch_to_tsquery('simple', :q1) || websearch_to_tsquery('english', :q2) AS q) "
        "s "
        "WHERE d.search @@ s.q"_s);
/// The creators whose name, handles or bio match the search text (PostgreSQL stems it), with
/// their rank when the search sorts by relevance.
Result<std::vector<TextMatch>> textMatches(db::Connection &c, const DiscoverySearch &search)
{
    const bool ranked = search.sort == DiscoverySort::Relevance;
    auto rows = c.run(ranked ? kRankedTextMatches : kTextMatches,
            {{u":q1"_s, search.text}, {u":q2"_s, search.text}});
    if (!rows) {
        return rows.error();
    }
    std::vector<TextMatch> matches;
    while ((*rows)->next()) {
        matches.push_back({QUuid::fromString((*rows)->value(0).toString()),
                static_cast<float>((*rows)->value(1).toDouble())});
    }
    return matches;
}

/// A real (ts_rank, engagement, growth) as the SQL path read it: QPSQL parsed PostgreSQL's
/// shortest text for the float4 into a double. Cursors carry that double.
double asReadFromText(double key)
{
    const auto value = static_cast<float>(key);
    std::array<char, 32> text{};
    auto *const end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    return std::strtod(
            QByteArray(text.data(), static_cast<int>(end - text.data())).constData(), nullptr);
}

/// `{"items":[…],…}`: `document` with an empty items array, the page's first `limit` items
/// put in it as the index keeps them (QJsonDocument's compact form).
QByteArray withItems(const QJsonObject &document, const QList<IndexPage::Item> &items, int limit)
{
    QByteArray out = QJsonDocument(document).toJson(QJsonDocument::Compact);
    // "items" sorts first among the keys, so QJsonDocument writes it first.
    const QByteArray empty = R"({"items":[])";
    Q_ASSERT(out.startsWith(empty));
    QByteArray joined;
    for (qsizetype i = 0; i < qMin<qsizetype>(items.size(), limit); ++i) {
        if (i > 0) {
            joined += ',';
        }
        joined += items[i].json;
    }
    return out.insert(empty.size() - 1, joined);
}

} // namespace

Result<QByteArray> discover(
        db::Connection &c, DiscoveryIndexLoader &loader, const DiscoverySearch &search)
{
    if (auto current = loader.catchUp(c); !current) {
        return current.error();
    }
    DiscoveryIndex &index = loader.index();
    std::shared_ptr<const TextMatches> text;
    if (!search.text.isEmpty()) {
        const bool ranked = search.sort == DiscoverySort::Relevance;
        const QString key = (ranked ? u"ranked:"_s : u"matched:"_s) + search.text;
        const quint64 generation = index.generation();
        text = index.cachedText(key);
        if (!text) {
            auto matches = textMatches(c, search);
            if (!matches) {
                return matches.error();
            }
            text = index.keepText(key, generation, std::move(*matches));
        }
    }
    const IndexPage page = index.select(search, text.get());

    QJsonObject result;
    if (!search.after) { // the total comes with the first page only
        result.insert(u"total"_s, qMin<qint64>(page.matches, kCountCap));
        result.insert(u"totalIsLowerBound"_s, page.matches > kCountCap);
    }
    result.insert(u"items"_s, QJsonArray());
    const bool more = page.items.size() > search.limit;
    QJsonValue next;
    if (more) {
        const IndexPage::Item &last = page.items[search.limit - 1];
        const double key =
                search.sort == DiscoverySort::Followers ? last.key : asReadFromText(last.key);
        next = common::discovery::encodeCursor(search.sort, key, last.id);
    }
    result.insert(u"nextCursor"_s, next);
    return withItems(result, page.items, search.limit);
}

} // namespace influence::server::discovery

// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryIndexLoader.h"

#include "DiscoveryIndex.h"
#include "core/db/Connection.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <chrono>
#include <tuple>

using namespace Qt::StringLiterals;
using influence::common::Result;

Q_LOGGING_CATEGORY(lcDiscovery, "influence.discovery")

namespace influence::server::discovery {

namespace {

// The columns both statements return: the snapshot's xmin, the creator, whether they are
// visible (a profile exists and the user is active), then what discovery reads.
const QString kColumns = u"h.horizon, c.id, d.user_id IS NOT NULL AND u.status = 'active', "
                         "d.total_followers, d.engagement_rate, d.growth_30d, d.country, "
                         "array_to_string(d.niches, ','), array_to_string(d.languages, ','), "
                         "array_to_string(d.platforms, ','), d.authenticity_score, "
                         // What recommendations read (CreatorRow's last members).
                         "d.bio, "
                         "(SELECT string_agg(p.caption, E'\\n') FROM (SELECT caption FROM posts p "
                         "  WHERE p.influencer_id = d.user_id ORDER BY p.published_at DESC "
                         "  LIMIT 12) p), "_s;
// The audience shares of the creators matching `where` (on ca, their accounts): per creator,
// dimension and code the follower-weighted mean share over the accounts that are not
// disconnected and have data on that dimension, Σ share·w / Σ w with w = followers (at least 1);
// n counts an account's rows in the dimension, so that Σ w/n over the rows is each account's w
// once. Rows of (influencer_id, "dimension:code:share").
QString audienceShares(const QString &where)
{
    return u"SELECT r.influencer_id, r.dimension || ':' || r.code || ':' || round(CAST("
           "sum(r.share * r.w) / sum(sum(r.w / r.n)) OVER (PARTITION BY r.influencer_id, "
           "r.dimension) AS numeric), 4) AS share FROM (SELECT ca.influencer_id, aa.dimension, "
           "aa.code, aa.share, greatest(ca.followers, 1)::float8 AS w, "
           "count(*) OVER (PARTITION BY aa.account_id, aa.dimension) AS n "
           "FROM connected_accounts ca JOIN account_audience aa ON aa.account_id = ca.id "
           "WHERE ca.status <> 'disconnected' AND "_s
            + where + u") r GROUP BY r.influencer_id, r.dimension, r.code"_s;
}
// Statement snapshot: xmin and the rows come from the same one (pg_current_snapshot is it).
const QString kHorizon = u"(SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon) h"_s;
// A creator's item in a search's answer (after the accounts and rates).
const QString kItem =
        u", jsonb_build_object('id', d.user_id, 'displayName', d.display_name, "
        "'bio', left(d.bio, 200), 'niches', to_jsonb(d.niches), 'country', d.country, "
        "'languages', to_jsonb(d.languages), 'totalFollowers', d.total_followers, "
        "'engagementRate', d.engagement_rate, 'growth30d', d.growth_30d, "
        "'authenticityScore', d.authenticity_score, "
        "'platforms', to_jsonb(d.platforms), "
        // As the profile shows them (api_influencer_json): one per deliverable type.
        "'rates', coalesce((SELECT jsonb_agg(jsonb_build_object('type', r.deliverable_type, "
        "  'amountMinor', r.amount_minor, 'currency', r.currency) ORDER BY r.deliverable_type) "
        "  FROM influencer_rates r WHERE r.influencer_id = d.user_id), '[]'))::text "_s;

// After the columns: the accounts, rates, audience and whether an account is verified
// (connected through its platform), all creators' at once here, the changed ones' in kChanges.
const db::SqlStatement kLoad(u"SELECT "_s + kColumns
        + u"a.accounts, r.rates, aud.audience, coalesce(a.verified, false)"_s + kItem + u"FROM "_s
        + kHorizon
        + u" LEFT JOIN (influencer_details d JOIN users u ON u.id = d.user_id "
          "CROSS JOIN LATERAL (SELECT d.user_id::text AS id) c "
          "LEFT JOIN (SELECT influencer_id, string_agg(platform || ':' || followers, ',') AS "
          "accounts, bool_or(status = 'connected') AS verified "
          "  FROM connected_accounts WHERE status <> 'disconnected' GROUP BY influencer_id) a "
          "  ON a.influencer_id = d.user_id "
          "LEFT JOIN (SELECT influencer_id, string_agg(deliverable_type || ':' || currency || ':' "
          "  || amount_minor, ',') AS rates FROM influencer_rates GROUP BY influencer_id) r "
          "  ON r.influencer_id = d.user_id "
          "LEFT JOIN (SELECT s.influencer_id, string_agg(s.share, ',') AS audience FROM ("_s
        + audienceShares(u"true"_s)
        + u") s GROUP BY s.influencer_id) aud ON aud.influencer_id = d.user_id) ON true"_s);

const db::SqlStatement kChanges(u"SELECT "_s + kColumns
        + u"(SELECT string_agg(a.platform || ':' || a.followers, ',') FROM connected_accounts a "
          "  WHERE a.influencer_id = d.user_id AND a.status <> 'disconnected'), "
          "(SELECT string_agg(r.deliverable_type || ':' || r.currency || ':' || r.amount_minor, "
          "',') "
          "  FROM influencer_rates r WHERE r.influencer_id = d.user_id), "
          "(SELECT string_agg(s.share, ',') FROM ("_s
        + audienceShares(u"ca.influencer_id = d.user_id"_s)
        + u") s), coalesce((SELECT bool_or(v.status = 'connected') FROM connected_accounts v "
          "  WHERE v.influencer_id = d.user_id), false)"_s
        + kItem + u"FROM "_s + kHorizon
        + u" LEFT JOIN (SELECT user_id, user_id::text AS id FROM discovery_changes "
          "  WHERE change_xid >= CAST(:since AS xid8)) c ON true "
          "LEFT JOIN influencer_details d ON d.user_id = c.user_id "
          "LEFT JOIN users u ON u.id = c.user_id"_s);

// Whether anything was noted since: the newest change (an index's last entry), with the xmin of
// the same snapshot. A parameter-free statement, planned once: kChanges, whose parameter makes
// PostgreSQL plan it anew at each run (about 0.4 ms), runs only when this finds a change.
const db::SqlStatement kNewest(u"SELECT pg_snapshot_xmin(pg_current_snapshot())::text, "
                               "(SELECT max(change_xid) FROM discovery_changes)::text"_s);

enum Column {
    Horizon,
    Id,
    Visible,
    TotalFollowers,
    Engagement,
    Growth,
    Country,
    Niches,
    Languages,
    Platforms,
    Authenticity,
    Bio,
    Captions,
    Accounts,
    Rates,
    Audience,
    Verified,
    Item
};

std::optional<float> optionalReal(const QVariant &value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    return static_cast<float>(value.toDouble());
}

/// One row of kLoad/kChanges: the creator, and what discovery reads of them when they are
/// visible.
CreatorRow readRow(const QSqlQuery &row)
{
    CreatorRow creator;
    creator.id = QUuid::fromString(row.value(Id).toString());
    creator.visible = row.value(Visible).toBool();
    if (!creator.visible) {
        return creator;
    }
    creator.totalFollowers = db::toInt64(row.value(TotalFollowers));
    creator.engagementRate = optionalReal(row.value(Engagement));
    creator.growth30d = optionalReal(row.value(Growth));
    creator.country = row.value(Country).toString();
    creator.niches = row.value(Niches).toString().split(u',', Qt::SkipEmptyParts);
    creator.languages = row.value(Languages).toString().split(u',', Qt::SkipEmptyParts);
    creator.platforms = row.value(Platforms).toString().split(u',', Qt::SkipEmptyParts);
    if (!row.value(Authenticity).isNull()) {
        creator.authenticityScore = row.value(Authenticity).toInt();
    }
    const QString accounts = row.value(Accounts).toString();
    for (const QStringView account : QStringView(accounts).split(u',', Qt::SkipEmptyParts)) {
        const auto colon = account.indexOf(u':');
        creator.accounts.append(
                {account.left(colon).toString(), account.mid(colon + 1).toLongLong()});
    }
    const QString rates = row.value(Rates).toString();
    for (const QStringView rate : QStringView(rates).split(u',', Qt::SkipEmptyParts)) {
        const auto parts = rate.split(u':');
        if (parts.size() == 3) {
            creator.rates.append({parts[0].toString(), parts[1].toString(), parts[2].toLongLong()});
        }
    }
    creator.bio = row.value(Bio).toString();
    creator.captions = row.value(Captions).toString();
    const QString audience = row.value(Audience).toString();
    for (const QStringView share : QStringView(audience).split(u',', Qt::SkipEmptyParts)) {
        const auto parts = share.split(u':');
        if (parts.size() == 3) {
            creator.audience.append({parts[0].toString(), parts[1].toString(),
                    static_cast<float>(parts[2].toDouble())});
        }
    }
    creator.verified = row.value(Verified).toBool();
    // As QJsonDocument writes it, which is how the answer carries it.
    creator.item =
            QJsonDocument(QJsonDocument::fromJson(row.value(Item).toString().toUtf8()).object())
                    .toJson(QJsonDocument::Compact);
    return creator;
}

} // namespace

DiscoveryIndexLoader::DiscoveryIndexLoader(
        std::shared_ptr<DiscoveryIndex> index, std::vector<std::shared_ptr<CreatorSink>> sinks)
    : m_index(std::move(index))
    , m_sinks(std::move(sinks))
{ }

Result<void> DiscoveryIndexLoader::catchUp(db::Connection &c)
{
    const quint64 arrived = m_begun.load();
    const std::lock_guard serial(m_catchUp);
    // A catch-up that began after this call arrived has read everything committed before it.
    if (m_servedFrom.load() > arrived) {
        return {};
    }
    const quint64 number = m_begun.fetch_add(1) + 1;
    auto done = m_loaded ? applyChanges(c) : load(c);
    if (done) {
        m_servedFrom.store(number);
    }
    return done;
}

Result<void> DiscoveryIndexLoader::load(db::Connection &c)
{
    QElapsedTimer timer;
    timer.start();
    // Reading every creator may take longer than a request may (a slow or busy database): the
    // load has no statement timeout.
    if (auto unlimited = c.setStatementTimeout(std::chrono::milliseconds(0)); !unlimited) {
        return unlimited.error();
    }
    auto rows = c.run(kLoad);
    if (!rows) {
        std::ignore = c.setStatementTimeout(c.settings().statementTimeout);
        return rows.error();
    }
    std::vector<CreatorRow> creators;
    quint64 horizon = 0;
    while ((*rows)->next()) {
        horizon = (*rows)->value(Horizon).toULongLong();
        CreatorRow creator = readRow(**rows);
        if (creator.id.isNull() || !creator.visible) {
            continue;
        }
        creators.push_back(std::move(creator));
    }
    // Only once every row is read: another statement would discard the rest (QPSQL).
    if (auto restored = c.setStatementTimeout(c.settings().statementTimeout); !restored) {
        return restored.error();
    }
    for (const auto &sink : m_sinks) {
        sink->replaceAll(creators);
    }
    m_index->replaceAll(std::move(creators));
    m_horizon = horizon;
    m_loaded = true;
    const auto [held, bytes] = m_index->footprint();
    qCInfo(lcDiscovery, "discovery index: %lld creators loaded in %lld ms (about %lld KiB)",
            static_cast<long long>(held), static_cast<long long>(timer.elapsed()),
            static_cast<long long>(bytes / 1024));
    return {};
}

Result<void> DiscoveryIndexLoader::applyChanges(db::Connection &c)
{
    auto newest = c.run(kNewest);
    if (!newest) {
        return newest.error();
    }
    if (!(*newest)->next()) {
        return common::Error::internal(); // (a SELECT without FROM always answers a row)
    }
    // Nothing noted from the horizon on in that snapshot: what kChanges would find then (one row
    // without a creator), for the same reason (migration 0008).
    if ((*newest)->isNull(1) || (*newest)->value(1).toULongLong() < m_horizon) {
        m_horizon = (*newest)->value(0).toULongLong();
        return {};
    }
    auto rows = c.run(kChanges, {{u":since"_s, QString::number(m_horizon)}});
    if (!rows) {
        return rows.error();
    }
    QSqlQuery &row = **rows;
    // One row with a NULL creator when nothing changed: the index is left alone.
    if (!row.next()) {
        return {};
    }
    const quint64 horizon = row.value(Horizon).toULongLong();
    if (!row.value(Id).isNull()) {
        std::vector<CreatorRow> changed;
        do {
            changed.push_back(readRow(row));
        } while (row.next());
        for (const auto &sink : m_sinks) {
            sink->apply(changed);
        }
        m_index->apply(std::move(changed));
    }
    m_horizon = horizon;
    return {};
}

} // namespace influence::server::discovery

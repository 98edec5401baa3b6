// SPDX-License-Identifier: Apache-2.0
#include "Importer.h"

#include "DirectCopy.h"
#include "core/crypto/Crypto.h"
#include "core/db/CopyIn.h"
#include "core/db/Transaction.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtEndian>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

Q_LOGGING_CATEGORY(lcImport, "influence.import")

namespace influence::server::analytics {

namespace {

constexpr int kMaxListed = kMaxListedRefusals;

const SqlStatement kFindImport(
        u"SELECT api_metric_import_json(i, true) FROM metric_imports i "
        "WHERE i.importer_id = :user AND i.kind = :kind AND i.sha256 = :sha"_s);
const SqlStatement kLock(u"SELECT pg_advisory_xact_lock(:key)"_s);
const SqlStatement kRecord(
        u"INSERT INTO metric_imports (id, importer_id, kind, sha256, content_type, bytes, "
        "  rows_taken, rows_unchanged, rows_refused, refused) "
        "VALUES (:id, :user, :kind, :sha, :type, :bytes, :taken, :unchanged, :refusedCount, "
        "  CAST(:refused AS jsonb)) "
        "RETURNING api_metric_import_json(metric_imports, false)"_s);

// The staging tables: `line`, then importColumns(kind) in order.
const QString kPostStage = u"CREATE TEMP TABLE import_post_rows (line bigint, post_id uuid, "
                           "platform text, external_id text, deliverable_id uuid, day date, "
                           "views bigint, impressions bigint, reach bigint, likes bigint, "
                           "comments bigint, shares bigint, saves bigint, clicks bigint, "
                           "watch_seconds bigint, evidence_url text) ON COMMIT DROP"_s;
const QString kAccountStage = u"CREATE TEMP TABLE import_account_rows (line bigint, "
                              "account_id uuid, platform text, handle text, day date, "
                              "followers bigint, following bigint, posts bigint, views bigint, "
                              "reach bigint) ON COMMIT DROP"_s;

// Each staged row with the post it names (`target`) and why it is refused (NULL: taken). A post
// the importer may not write is refused exactly like one that does not exist. The order of
// naming: post_id, else platform and external_id, else deliverable_id.
const QString kPostResolvedTemplate =
        u"SELECT s.line, p.id AS target, s.day, s.views, s.impressions, s.reach, s.likes, "
        "  s.comments, s.shares, s.saves, s.clicks, s.watch_seconds, s.evidence_url, "
        "  CASE WHEN p.id IS NULL OR NOT coalesce(:admin OR p.influencer_id = :user "
        "         OR p.campaign_id IN (SELECT c.id FROM campaigns c "
        "                              WHERE acts_for_brand(:user, c.brand_id)), false) "
        "       THEN 'unknown_post' "
        "       WHEN s.day < (p.published_at AT TIME ZONE 'UTC')::date "
        "       THEN 'before_publication' END AS refusal "
        "FROM import_post_rows s "
        "%1"_s;
// How the staged rows meet their posts: when every row names its post by id, one join.
const QString kPostsById = u"LEFT JOIN posts p ON p.id = s.post_id"_s;
const QString kPostsByAnyName =
        u"LEFT JOIN posts e ON s.post_id IS NULL AND e.platform = s.platform "
        "  AND e.external_id = s.external_id "
        "LEFT JOIN posts d ON s.post_id IS NULL AND e.id IS NULL "
        "  AND d.deliverable_id = s.deliverable_id "
        "LEFT JOIN posts p ON p.id = COALESCE(s.post_id, e.id, d.id)"_s;
// An account by id, or by platform and handle among those the importer may write (several with
// the same handle, which only an administrator can see: ambiguous).
const QString kAccountResolved =
        u"SELECT s.line, a.id AS target, s.day, s.followers, s.following, s.posts, s.views, "
        "  s.reach, "
        "  CASE WHEN h.n > 1 THEN 'ambiguous_account' "
        "       WHEN a.id IS NULL THEN 'unknown_account' END AS refusal "
        "FROM import_account_rows s "
        "LEFT JOIN (SELECT platform, lower(handle) AS handle, (array_agg(id))[1] AS id, "
        "                  count(*) AS n "
        "           FROM connected_accounts WHERE :admin OR influencer_id = :user "
        "           GROUP BY 1, 2) h "
        "  ON s.account_id IS NULL AND h.platform = s.platform AND h.handle = lower(s.handle) "
        "LEFT JOIN connected_accounts a ON a.id = COALESCE(s.account_id, h.id) "
        "  AND (:admin OR a.influencer_id = :user)"_s;

// The accounts an import wrote take the followers of their newest snapshot.
const QString kAccountFollowers =
        u"UPDATE connected_accounts a SET followers = n.followers "
        "FROM (SELECT DISTINCT ON (m.account_id) m.account_id, m.followers "
        "      FROM account_metrics m "
        "      WHERE m.account_id IN (SELECT x.target FROM (%1) x WHERE x.refusal IS NULL) "
        "      ORDER BY m.account_id, m.day DESC) n "
        "WHERE a.id = n.account_id AND a.followers <> n.followers"_s;

// The same, refusing all but the last line of a file that has several for one post (or
// account) and day: only when the plain merge met them (it cannot write a row twice).
QString deduplicated(const QString &resolved)
{
    return u"SELECT q.*, CASE WHEN q.refusal IS NULL AND q.rank > 1 THEN 'duplicate_row' "
           "  ELSE q.refusal END AS final_refusal "
           "FROM (SELECT r.*, row_number() OVER (PARTITION BY r.target, r.day, "
           "        r.refusal IS NULL ORDER BY r.line DESC) AS rank "
           "      FROM (%1) r) q"_s.arg(resolved);
}

QString refusalsOf(const QString &resolved, bool dedupe)
{
    const QString column = dedupe ? u"final_refusal"_s : u"refusal"_s;
    return u"SELECT count(*) OVER (), x.line, x.%2 FROM (%1) x WHERE x.%2 IS NOT NULL "
           "ORDER BY x.line LIMIT %3"_s.arg(dedupe ? deduplicated(resolved) : resolved, column)
                   .arg(kMaxListed);
}

QString resolvedOf(ImportKind kind, bool onlyIds)
{
    return kind == ImportKind::PostMetrics
            ? kPostResolvedTemplate.arg(onlyIds ? kPostsById : kPostsByAnyName)
            : kAccountResolved;
}

QString mergeOf(ImportKind kind, const QString &resolved, bool dedupe)
{
    const QString source = dedupe ? deduplicated(resolved) : resolved;
    const QString taken = dedupe ? u"x.final_refusal IS NULL"_s : u"x.refusal IS NULL"_s;
    if (kind == ImportKind::PostMetrics) {
        return u"INSERT INTO post_metrics AS m (post_id, day, views, impressions, reach, likes, "
               "  comments, shares, saves, clicks, watch_seconds, evidence_url, source, import_id) "
               "SELECT x.target, x.day, x.views, x.impressions, x.reach, x.likes, x.comments, "
               "  x.shares, x.saves, x.clicks, x.watch_seconds, x.evidence_url, 'import', "
               "  CAST(:import AS uuid) "
               "FROM (%1) x WHERE %2 "
               "ON CONFLICT (post_id, day) DO UPDATE SET "
               "  views = COALESCE(EXCLUDED.views, m.views), "
               "  impressions = COALESCE(EXCLUDED.impressions, m.impressions), "
               "  reach = COALESCE(EXCLUDED.reach, m.reach), "
               "  likes = COALESCE(EXCLUDED.likes, m.likes), "
               "  comments = COALESCE(EXCLUDED.comments, m.comments), "
               "  shares = COALESCE(EXCLUDED.shares, m.shares), "
               "  saves = COALESCE(EXCLUDED.saves, m.saves), "
               "  clicks = COALESCE(EXCLUDED.clicks, m.clicks), "
               "  watch_seconds = COALESCE(EXCLUDED.watch_seconds, m.watch_seconds), "
               "  evidence_url = COALESCE(EXCLUDED.evidence_url, m.evidence_url), "
               "  source = 'import', entered_by = NULL, import_id = EXCLUDED.import_id, "
               "  captured_at = now() "
               "WHERE (COALESCE(EXCLUDED.views, m.views), "
               "  COALESCE(EXCLUDED.impressions, m.impressions), "
               "  COALESCE(EXCLUDED.reach, m.reach), COALESCE(EXCLUDED.likes, m.likes), "
               "  COALESCE(EXCLUDED.comments, m.comments), COALESCE(EXCLUDED.shares, m.shares), "
               "  COALESCE(EXCLUDED.saves, m.saves), COALESCE(EXCLUDED.clicks, m.clicks), "
               "  COALESCE(EXCLUDED.watch_seconds, m.watch_seconds), "
               "  COALESCE(EXCLUDED.evidence_url, m.evidence_url)) "
               "  IS DISTINCT FROM (m.views, m.impressions, m.reach, m.likes, m.comments, "
               "  m.shares, m.saves, m.clicks, m.watch_seconds, m.evidence_url)"_s.arg(
                       source, taken);
    }
    return u"INSERT INTO account_metrics AS m (account_id, day, followers, following, posts, "
           "  views, reach) "
           "SELECT x.target, x.day, x.followers, x.following, x.posts, x.views, x.reach "
           "FROM (%1) x WHERE %2 "
           "ON CONFLICT (account_id, day) DO UPDATE SET followers = EXCLUDED.followers, "
           "  following = COALESCE(EXCLUDED.following, m.following), "
           "  posts = COALESCE(EXCLUDED.posts, m.posts), "
           "  views = COALESCE(EXCLUDED.views, m.views), "
           "  reach = COALESCE(EXCLUDED.reach, m.reach), captured_at = now() "
           "WHERE (EXCLUDED.followers, COALESCE(EXCLUDED.following, m.following), "
           "  COALESCE(EXCLUDED.posts, m.posts), COALESCE(EXCLUDED.views, m.views), "
           "  COALESCE(EXCLUDED.reach, m.reach)) "
           "  IS DISTINCT FROM (m.followers, m.following, m.posts, m.views, m.reach)"_s.arg(
                   source, taken);
}

} // namespace

QString refusalReason(const QString &code)
{
    if (code == u"unknown_post"_s) {
        return u"No post you may import figures for matches the row (post_id, platform and "
               "external_id, or deliverable_id)."_s;
    }
    if (code == u"unknown_account"_s) {
        return u"No account you may import figures for matches the row (account_id, or "
               "platform and handle)."_s;
    }
    if (code == u"ambiguous_account"_s) {
        return u"Several accounts have this platform and handle: give account_id."_s;
    }
    if (code == u"before_publication"_s) {
        return u"day: before the post was published."_s;
    }
    return u"A later line of the file has figures for the same day of the same post or "
           "account."_s;
}

namespace {

/// What the file's rows came to.
struct Outcome
{
    qint64 staged = 0;
    qint64 taken = 0;
    qint64 refusedCount = 0;
    QList<RowRefusal> refused; ///< in line order, at most kMaxListed
    bool onlyIds = true; ///< every staged row names its post (or account) by id
};

/// The rows refused by the database, first kMaxListed in line order, and their count.
Result<void> collectRefusals(Connection &c, const QString &sql, const Connection::Binds &binds,
        qint64 &count, QList<RowRefusal> &out)
{
    auto query = c.runDynamic(sql, QList<std::pair<QString, QVariant>>(binds));
    if (!query) {
        return query.error();
    }
    count = 0;
    out.clear();
    while ((*query)->next()) {
        count = (*query)->value(0).toLongLong();
        const QString code = (*query)->value(2).toString();
        out.append({(*query)->value(1).toLongLong(), code, refusalReason(code)});
    }
    return {};
}

/// Parses the file into the staging table; the refusals of the parser in `outcome`.
Result<void> stage(Connection &c, const ImportFile &file, Outcome &outcome)
{
    auto parser = RowParser::open(
            file.kind, file.format, file.body, QDateTime::currentDateTimeUtc().date());
    if (!parser) {
        return parser.error();
    }
    const bool posts = file.kind == ImportKind::PostMetrics;
    if (auto created = c.execDirect(posts ? kPostStage : kAccountStage); !created) {
        return created.error();
    }
    auto copy = db::CopyIn::start(c,
            posts ? u"COPY import_post_rows FROM STDIN"_s
                  : u"COPY import_account_rows FROM STDIN"_s);
    if (!copy) {
        return copy.error();
    }
    RowRefusal refusal;
    for (;;) {
        const RowParser::Outcome next = parser->next(copy->buffer(), refusal);
        if (next == RowParser::Outcome::End) {
            break;
        }
        if (next == RowParser::Outcome::Refused) {
            ++outcome.refusedCount;
            if (outcome.refused.size() < kMaxListed) {
                outcome.refused.append(refusal);
            }
            continue;
        }
        if (auto sent = copy->flushIfFull(); !sent) {
            return sent.error();
        }
    }
    auto copied = copy->finish();
    if (!copied) {
        return copied.error();
    }
    outcome.staged = *copied;
    outcome.onlyIds = parser->onlyIds();
    // The planner knows nothing of a fresh table: a million rows must meet posts in a hash join.
    return c.execDirect(posts ? u"ANALYZE import_post_rows"_s : u"ANALYZE import_account_rows"_s);
}

/// Resolves and merges the staged rows.
Result<void> merge(Connection &c, const http::Principal &p, const QUuid &importId, ImportKind kind,
        Outcome &outcome)
{
    const Connection::Binds binds{{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}};
    const QList<std::pair<QString, QVariant>> bindList(binds);
    const QString resolved = resolvedOf(kind, outcome.onlyIds);
    qint64 refusedCount = 0;
    QList<RowRefusal> refused;
    if (auto checked =
                    collectRefusals(c, refusalsOf(resolved, false), binds, refusedCount, refused);
            !checked) {
        return checked.error();
    }
    if (auto saved = c.execDirect(u"SAVEPOINT import_merge"_s); !saved) {
        return saved.error();
    }
    QList<std::pair<QString, QVariant>> mergeBinds = bindList;
    if (kind == ImportKind::PostMetrics) {
        mergeBinds.append({u":import"_s, importId});
    }
    auto merged = c.runDynamic(mergeOf(kind, resolved, false), mergeBinds);
    if (!merged && c.lastFailure() && c.lastFailure()->sqlState == u"21000"_s) {
        // ON CONFLICT cannot write one row twice: the file has several lines for one day of a
        // post. Again, taking the last of them (rare: the sort this needs costs time).
        c.clearFailure();
        if (auto back = c.execDirect(u"ROLLBACK TO SAVEPOINT import_merge"_s); !back) {
            return back.error();
        }
        if (auto checked = collectRefusals(
                    c, refusalsOf(resolved, true), binds, refusedCount, refused);
                !checked) {
            return checked.error();
        }
        merged = c.runDynamic(mergeOf(kind, resolved, true), mergeBinds);
    }
    if (!merged) {
        return merged.error();
    }
    outcome.taken = (*merged)->numRowsAffected();
    (*merged)->finish();
    if (kind == ImportKind::AccountMetrics && outcome.taken > 0) {
        // An account's follower count is its newest snapshot's (as the daily sync keeps it).
        if (auto synced = c.runDynamic(kAccountFollowers.arg(resolved), bindList); !synced) {
            return synced.error();
        }
    }
    // Both lists are in line order: keep the first kMaxListed of the two.
    outcome.refused = mergeRefusals(outcome.refused, refused);
    outcome.refusedCount += refusedCount;
    outcome.staged -= refusedCount; // now: rows that were taken or unchanged
    return {};
}

/// Writes the file's rows: straight into post_metrics when they qualify, else staged and merged.
Result<ImportOutcome> importRows(
        Connection &tx, const http::Principal &p, const ImportFile &file, const QUuid &importId)
{
    const QString kind = kindName(file.kind);
    QElapsedTimer timer;
    timer.start();
    auto direct = copyNewPostRows(tx, p, file, importId);
    if (!direct) {
        return direct.error();
    }
    if (*direct) {
        qCInfo(lcImport, "%s: %lld rows copied, %lld refused, in %lld ms", qPrintable(kind),
                static_cast<long long>((*direct)->taken),
                static_cast<long long>((*direct)->refusedCount),
                static_cast<long long>(timer.elapsed()));
        return **direct;
    }
    Outcome outcome;
    if (auto staged = stage(tx, file, outcome); !staged) {
        return staged.error();
    }
    const qint64 stagedMs = timer.restart();
    if (auto merged = merge(tx, p, importId, file.kind, outcome); !merged) {
        return merged.error();
    }
    qCInfo(lcImport,
            "%s: %lld rows taken, %lld unchanged, %lld refused; parsed and staged in %lld ms, "
            "resolved and merged in %lld ms",
            qPrintable(kind), static_cast<long long>(outcome.taken),
            static_cast<long long>(outcome.staged - outcome.taken),
            static_cast<long long>(outcome.refusedCount), static_cast<long long>(stagedMs),
            static_cast<long long>(timer.elapsed()));
    ImportOutcome result;
    result.taken = outcome.taken;
    result.unchanged = outcome.staged - outcome.taken;
    result.refusedCount = outcome.refusedCount;
    result.refused = outcome.refused;
    return result;
}

QByteArray refusedJson(const QList<RowRefusal> &refused)
{
    QJsonArray array;
    for (const RowRefusal &r : refused) {
        array.append(
                QJsonObject{{u"line"_s, r.line}, {u"reason"_s, r.reason}, {u"code"_s, r.code}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

Result<QByteArray> importFile(Connection &c, const http::Principal &p, const ImportFile &file)
{
    const QByteArray sha = crypto::sha256(file.body);
    const QString kind = kindName(file.kind);
    // One import of a file at a time per importer: a second, concurrent one waits, then finds
    // the first's report.
    const QByteArray lockInput = p.userId().toRfc4122() + kind.toUtf8() + sha;
    const QByteArray lockDigest = crypto::sha256(lockInput);
    const auto lockKey = qFromBigEndian<qint64>(lockDigest.constData());
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        if (auto locked = tx.run(kLock, {{u":key"_s, lockKey}}); !locked) {
            return locked.error();
        }
        const Connection::Binds findBinds{
                {u":user"_s, p.userId()}, {u":kind"_s, kind}, {u":sha"_s, sha}};
        auto previous = tx.scalar(kFindImport, findBinds);
        if (!previous) {
            return previous.error();
        }
        if (!previous->isNull()) {
            return previous->toByteArray();
        }
        // A million rows take seconds: beyond the statement timeout of ordinary requests.
        if (auto set = tx.execDirect(
                    u"SET LOCAL statement_timeout = '10min'; SET LOCAL work_mem = '64MB'"_s);
                !set) {
            return set.error();
        }
        const QUuid importId = QUuid::createUuid();
        const auto imported = importRows(tx, p, file, importId);
        if (!imported) {
            return imported.error();
        }
        const ImportOutcome &result = *imported;
        auto recorded = tx.scalar(kRecord,
                {{u":id"_s, importId}, {u":user"_s, p.userId()}, {u":kind"_s, kind},
                        {u":sha"_s, sha},
                        {u":type"_s,
                                file.format == ImportFormat::Csv ? u"text/csv"_s
                                                                 : u"application/x-ndjson"_s},
                        {u":bytes"_s, qint64(file.body.size())}, {u":taken"_s, result.taken},
                        {u":unchanged"_s, result.unchanged},
                        {u":refusedCount"_s, result.refusedCount},
                        {u":refused"_s, QString::fromUtf8(refusedJson(result.refused))}});
        if (!recorded) {
            return recorded.error();
        }
        return recorded->toByteArray();
    });
}

} // namespace influence::server::analytics

// SPDX-License-Identifier: Apache-2.0
#include "DirectCopy.h"

#include "core/db/Connection.h"
#include "core/db/CopyIn.h"

#include <QDateTime>
#include <QHash>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::analytics {

namespace {

// The distinct posts of the file: when each was published (UTC day) and whether the importer
// may write its figures (as the staged path decides it, Importer.cpp).
const SqlStatement kPosts(
        u"SELECT p.id::text, (p.published_at AT TIME ZONE 'UTC')::date - DATE '2000-01-01', "
        "  coalesce(:admin OR p.influencer_id = :user OR p.campaign_id IN ("
        "    SELECT c.id FROM campaigns c WHERE acts_for_brand(:user, c.brand_id)), false) "
        "FROM posts p WHERE p.id = ANY(CAST(:ids AS uuid[]))"_s);
const SqlStatement kAnyStored(
        u"SELECT EXISTS (SELECT 1 FROM post_metrics WHERE post_id = ANY(CAST(:ids AS uuid[])) "
        "  AND day BETWEEN DATE '2000-01-01' + CAST(:first AS integer) "
        "  AND DATE '2000-01-01' + CAST(:last AS integer))"_s);

const QString kCopy = u"COPY post_metrics (post_id, day, views, impressions, reach, likes, "
                      "comments, shares, saves, clicks, watch_seconds, evidence_url, source, "
                      "import_id) FROM STDIN"_s;

// The staged row's fields (ImportParser: line, then importColumns): post_id, day, the nine
// figures and evidence_url are what post_metrics takes.
constexpr int kPostIdField = 1;
constexpr int kDayField = 5;
constexpr int kFirstFigureField = 6;
constexpr int kFieldCount = 16;

struct Row
{
    quint64 hi = 0;
    quint64 lo = 0;
    qint32 day = 0; ///< days since 2000-01-01
    qint64 line = 0;
};

int digits(QByteArrayView v)
{
    int n = 0;
    for (const char c : v) {
        n = n * 10 + (c - '0');
    }
    return n;
}

/// A staged row's day (checked YYYY-MM-DD) as days since 2000-01-01.
qint32 dayOf(QByteArrayView v)
{
    static const qint64 epoch = QDate(2000, 1, 1).toJulianDay();
    const QDate date(digits(v.first(4)), digits(v.sliced(5, 2)), digits(v.sliced(8, 2)));
    return static_cast<qint32>(date.toJulianDay() - epoch);
}

/// Splits a staged row (without its newline) at its tabs.
bool splitRow(QByteArrayView row, std::array<QByteArrayView, kFieldCount> &fields)
{
    int n = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= row.size(); ++i) {
        if (i == row.size() || row[i] == '\t') {
            if (n == kFieldCount) {
                return false;
            }
            fields[n++] = row.sliced(start, i - start);
            start = i + 1;
        }
    }
    return n == kFieldCount;
}

std::pair<quint64, quint64> uuidKey(QByteArrayView text)
{
    const QByteArray bytes = QUuid::fromString(QLatin1StringView(text)).toRfc4122();
    return {qFromBigEndian<quint64>(bytes.constData()),
            qFromBigEndian<quint64>(bytes.constData() + 8)};
}

QString uuidArray(const std::vector<Row> &rows)
{
    QString out = u"{"_s;
    out.reserve(static_cast<qsizetype>(rows.size()) * 37 + 2);
    for (size_t i = 0; i < rows.size(); ++i) {
        if (i > 0 && rows[i].hi == rows[i - 1].hi && rows[i].lo == rows[i - 1].lo) {
            continue;
        }
        if (out.size() > 1) {
            out += u',';
        }
        QByteArray bytes(16, Qt::Uninitialized);
        qToBigEndian(rows[i].hi, bytes.data());
        qToBigEndian(rows[i].lo, bytes.data() + 8);
        out += QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }
    return out + u'}';
}

struct PostFacts
{
    qint32 published = 0;
    bool allowed = false;
};

} // namespace

QList<RowRefusal> mergeRefusals(const QList<RowRefusal> &a, const QList<RowRefusal> &b)
{
    QList<RowRefusal> all;
    all.reserve(qMin<qsizetype>(kMaxListedRefusals, a.size() + b.size()));
    auto x = a.cbegin();
    auto y = b.cbegin();
    while (all.size() < kMaxListedRefusals && (x != a.cend() || y != b.cend())) {
        if (y == b.cend() || (x != a.cend() && x->line < y->line)) {
            all.append(*x++);
        } else {
            all.append(*y++);
        }
    }
    return all;
}

namespace {

/// Pass 1: every good row's post, day and line (sorted by post and day), and the parser's
/// refusals in `outcome`; false when a row names its post otherwise than by id.
bool collectRows(RowParser &parser, std::vector<Row> &rows, ImportOutcome &outcome)
{
    QByteArray staged;
    RowRefusal refusal;
    std::array<QByteArrayView, kFieldCount> fields;
    for (;;) {
        staged.resize(0);
        const RowParser::Outcome next = parser.next(staged, refusal);
        if (next == RowParser::Outcome::End) {
            break;
        }
        if (next == RowParser::Outcome::Refused) {
            ++outcome.refusedCount;
            if (outcome.refused.size() < kMaxListedRefusals) {
                outcome.refused.append(refusal);
            }
            continue;
        }
        if (!splitRow(QByteArrayView(staged).chopped(1), fields) || fields[kPostIdField] == "\\N") {
            return false;
        }
        const auto [hi, lo] = uuidKey(fields[kPostIdField]);
        rows.push_back({hi, lo, dayOf(fields[kDayField]), fields[0].toLongLong()});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.hi, a.lo, a.day, a.line) < std::tie(b.hi, b.lo, b.day, b.line);
    });
    return true;
}

using Facts = QHash<std::pair<quint64, quint64>, PostFacts>;

/// The rows' posts as the database knows them, or std::nullopt when some of the rows are
/// stored already (the staged path updates them).
Result<std::optional<Facts>> factsOf(
        Connection &c, const http::Principal &p, const std::vector<Row> &rows)
{
    const QString ids = uuidArray(rows);
    const auto [firstDay, lastDay] =
            std::minmax_element(rows.cbegin(), rows.cend(), [](const Row &a, const Row &b) {
                return a.day < b.day;
            });
    auto stored = c.scalar(kAnyStored,
            {{u":ids"_s, ids}, {u":first"_s, firstDay->day}, {u":last"_s, lastDay->day}});
    if (!stored) {
        return stored.error();
    }
    if (stored->toBool()) {
        return std::optional<Facts>();
    }
    auto posts =
            c.run(kPosts, {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":ids"_s, ids}});
    if (!posts) {
        return posts.error();
    }
    Facts facts;
    while ((*posts)->next()) {
        facts.insert(uuidKey((*posts)->value(0).toString().toLatin1()),
                {(*posts)->value(1).toInt(), (*posts)->value(2).toBool()});
    }
    return std::optional(facts);
}

/// Why a row is refused: its post is unknown (or not the importer's), its day is before the
/// post's publication, or a later line has the same post and day. Empty: taken.
QString refusalOf(const std::vector<Row> &rows, size_t i, const Facts &facts)
{
    const Row &row = rows[i];
    const auto fact = facts.constFind({row.hi, row.lo});
    if (fact == facts.cend() || !fact->allowed) {
        return u"unknown_post"_s;
    }
    if (row.day < fact->published) {
        return u"before_publication"_s;
    }
    const bool later = i + 1 < rows.size() && rows[i + 1].hi == row.hi && rows[i + 1].lo == row.lo
            && rows[i + 1].day == row.day;
    return later ? u"duplicate_row"_s : QString();
}

/// Pass 2: the rows not in `skip` (sorted lines), straight into post_metrics; the rows copied.
Result<qint64> copyRows(
        Connection &c, RowParser &parser, const std::vector<qint64> &skip, const QUuid &importId)
{
    auto copy = db::CopyIn::start(c, kCopy);
    if (!copy) {
        return copy.error();
    }
    const QByteArray tail =
            "\timport\t" + importId.toString(QUuid::WithoutBraces).toLatin1() + '\n';
    QByteArray staged;
    RowRefusal refusal;
    std::array<QByteArrayView, kFieldCount> fields;
    for (;;) {
        staged.resize(0);
        const RowParser::Outcome next = parser.next(staged, refusal);
        if (next == RowParser::Outcome::End) {
            break;
        }
        if (next == RowParser::Outcome::Refused
                || !splitRow(QByteArrayView(staged).chopped(1), fields)
                || std::binary_search(skip.cbegin(), skip.cend(), fields[0].toLongLong())) {
            continue;
        }
        QByteArray &out = copy->buffer();
        out.append(fields[kPostIdField]);
        out.append('\t');
        out.append(fields[kDayField]);
        for (int i = kFirstFigureField; i < kFieldCount; ++i) {
            out.append('\t');
            out.append(fields[i]);
        }
        out.append(tail);
        if (auto sent = copy->flushIfFull(); !sent) {
            return sent.error();
        }
    }
    return copy->finish();
}

} // namespace

Result<std::optional<ImportOutcome>> copyNewPostRows(
        Connection &c, const http::Principal &p, const ImportFile &file, const QUuid &importId)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (file.kind != ImportKind::PostMetrics) {
        return std::optional<ImportOutcome>();
    }
    auto first = RowParser::open(file.kind, file.format, file.body, today);
    if (!first) {
        return first.error();
    }
    ImportOutcome outcome;
    std::vector<Row> rows;
    if (!collectRows(*first, rows, outcome) || rows.empty()) {
        return std::optional<ImportOutcome>(); // named otherwise, or nothing to copy
    }
    auto facts = factsOf(c, p, rows);
    if (!facts || !*facts) {
        return facts ? Result<std::optional<ImportOutcome>>(std::optional<ImportOutcome>())
                     : Result<std::optional<ImportOutcome>>(facts.error());
    }
    QList<RowRefusal> refusedHere;
    std::vector<qint64> skip;
    for (size_t i = 0; i < rows.size(); ++i) {
        const QString code = refusalOf(rows, i, **facts);
        if (!code.isEmpty()) {
            skip.push_back(rows[i].line);
            refusedHere.append({rows[i].line, code, refusalReason(code)});
        }
    }
    std::sort(skip.begin(), skip.end());
    std::sort(refusedHere.begin(), refusedHere.end(), [](const RowRefusal &a, const RowRefusal &b) {
        return a.line < b.line;
    });
    outcome.refusedCount += refusedHere.size();

    if (auto saved = c.execDirect(u"SAVEPOINT import_copy"_s); !saved) {
        return saved.error();
    }
    auto second = RowParser::open(file.kind, file.format, file.body, today);
    if (!second) {
        return second.error();
    }
    auto copied = copyRows(c, *second, skip, importId);
    if (!copied) {
        if (c.lastFailure() && c.lastFailure()->kind == db::DbErrorKind::UniqueViolation) {
            // Another writer stored some of these rows meanwhile: the staged path updates them.
            c.clearFailure();
            if (auto back = c.execDirect(u"ROLLBACK TO SAVEPOINT import_copy"_s); !back) {
                return back.error();
            }
            return std::optional<ImportOutcome>();
        }
        return copied.error();
    }
    outcome.taken = *copied;
    outcome.refused = mergeRefusals(outcome.refused, refusedHere);
    return std::optional(outcome);
}

} // namespace influence::server::analytics

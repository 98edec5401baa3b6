// SPDX-License-Identifier: Apache-2.0
#include "ImportParser.h"

#include "core/db/CopyIn.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::analytics {

namespace {

enum class Type { Uuid, Platform, ExternalId, Handle, Day, Count, Url };

struct ColumnSpec
{
    const char *name;
    Type type;
};

// The staging tables' columns after `line`, in order (ImportSql.cpp creates them alike).
constexpr ColumnSpec kPostColumns[] = {{"post_id", Type::Uuid}, {"platform", Type::Platform},
        {"external_id", Type::ExternalId}, {"deliverable_id", Type::Uuid}, {"day", Type::Day},
        {"views", Type::Count}, {"impressions", Type::Count}, {"reach", Type::Count},
        {"likes", Type::Count}, {"comments", Type::Count}, {"shares", Type::Count},
        {"saves", Type::Count}, {"clicks", Type::Count}, {"watch_seconds", Type::Count},
        {"evidence_url", Type::Url}};
constexpr ColumnSpec kAccountColumns[] = {{"account_id", Type::Uuid}, {"platform", Type::Platform},
        {"handle", Type::Handle}, {"day", Type::Day}, {"followers", Type::Count},
        {"following", Type::Count}, {"posts", Type::Count}, {"views", Type::Count},
        {"reach", Type::Count}};

// Column positions the row rules need.
namespace post {
constexpr int kId = 0, kPlatform = 1, kExternalId = 2, kDeliverable = 3, kDay = 4, kFirstFigure = 5,
              kEvidence = 14;
}
namespace account {
constexpr int kId = 0, kPlatform = 1, kHandle = 2, kDay = 3, kFollowers = 4;
}

std::pair<const ColumnSpec *, int> specsOf(ImportKind kind)
{
    if (kind == ImportKind::PostMetrics) {
        return {kPostColumns, int(std::size(kPostColumns))};
    }
    return {kAccountColumns, int(std::size(kAccountColumns))};
}

const QList<QByteArrayView> &platforms()
{
    static const QList<QByteArrayView> list{"instagram", "youtube", "tiktok", "twitch", "x",
            "facebook", "pinterest", "linkedin", "snapchat"};
    return list;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool validUuid(QByteArrayView v)
{
    if (v.size() != 36) {
        return false;
    }
    for (qsizetype i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? v[i] != '-' : !isHex(v[i])) {
            return false;
        }
    }
    return true;
}

/// Text PostgreSQL will take: valid UTF-8 without control characters.
bool cleanText(QByteArrayView v)
{
    for (const char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            return false;
        }
    }
    return v.isValidUtf8();
}

qint64 utf8Length(QByteArrayView v)
{
    return std::count_if(v.begin(), v.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
}

int number(QByteArrayView v)
{
    int n = 0;
    for (const char c : v) {
        n = n * 10 + (c - '0');
    }
    return n;
}

/// A day as its Julian day number, or 0 when it is not YYYY-MM-DD.
qint64 julianOf(QByteArrayView v)
{
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') {
        return 0;
    }
    for (const int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(v[i])) {
            return 0;
        }
    }
    const QDate date(number(v.first(4)), number(v.sliced(5, 2)), number(v.sliced(8, 2)));
    return date.isValid() ? date.toJulianDay() : 0;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t')) {
        v = v.sliced(1);
    }
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) {
        v.chop(1);
    }
    return v;
}

/// Why `v` is not a valid value of `type`, or an empty string.
QString problemOf(Type type, QByteArrayView v, qint64 todayJulian, qint64 &julian)
{
    switch (type) {
    case Type::Uuid: return validUuid(v) ? QString() : u"must be a UUID"_s;
    case Type::Platform:
        return platforms().contains(v) ? QString()
                                       : u"must be one of instagram, youtube, tiktok, twitch, x, "
                                         "facebook, pinterest, linkedin, snapchat"_s;
    case Type::ExternalId:
        return cleanText(v) && utf8Length(v) <= 200 ? QString()
                                                    : u"must be 1 to 200 characters of text"_s;
    case Type::Handle:
        return cleanText(v) && utf8Length(v) <= 100 ? QString()
                                                    : u"must be 1 to 100 characters of text"_s;
    case Type::Day:
        julian = julianOf(v);
        if (julian < QDate(2000, 1, 1).toJulianDay()) {
            return u"must be a day YYYY-MM-DD from 2000-01-01"_s;
        }
        return julian > todayJulian ? u"is in the future"_s : QString();
    case Type::Count:
        return v.size() <= 18 && std::all_of(v.begin(), v.end(), isDigit)
                ? QString()
                : u"must be a whole number from 0 to 999999999999999999"_s;
    case Type::Url:
        return v.startsWith("https://") && v.size() <= 2048 && cleanText(v)
                ? QString()
                : u"must be an https:// URL of at most 2048 characters"_s;
    }
    return {};
}

} // namespace

QString kindName(ImportKind kind)
{
    return kind == ImportKind::PostMetrics ? u"post_metrics"_s : u"account_metrics"_s;
}

QList<QByteArray> importColumns(ImportKind kind)
{
    QList<QByteArray> names;
    const auto [specs, count] = specsOf(kind);
    for (int i = 0; i < count; ++i) {
        names.append(QByteArray(specs[i].name));
    }
    return names;
}

RowParser::RowParser(ImportKind kind, ImportFormat format, QByteArrayView body, QDate today)
    : m_kind(kind)
    , m_format(format)
    , m_body(body)
    , m_todayJulian(static_cast<int>(today.toJulianDay()))
    , m_columns(importColumns(kind))
{
    if (m_body.startsWith("\xEF\xBB\xBF")) {
        m_pos = 3; // a byte order mark, as spreadsheets write
    }
}

Result<RowParser> RowParser::open(
        ImportKind kind, ImportFormat format, QByteArrayView body, QDate today)
{
    RowParser parser(kind, format, body, today);
    if (format == ImportFormat::Csv) {
        if (auto header = parser.readHeader(); !header) {
            return header.error();
        }
    }
    return parser;
}

Result<void> RowParser::readHeader()
{
    const auto invalid = [](const QString &code, const QString &message) {
        return Error::validation(
                {{u"header"_s, code, message}}, u"The file's first line must name its columns."_s);
    };
    qint64 line = 0;
    bool malformed = false;
    // The header is counted as any record would be, but every field is a column name.
    m_csvMap.clear();
    if (!nextCsvRecord(line, malformed)) {
        return invalid(u"required"_s, u"The file is empty: a header row is required."_s);
    }
    if (malformed) {
        return invalid(u"malformed"_s, u"The header row is not well-formed CSV."_s);
    }
    if (line != 1) {
        return invalid(u"required"_s, u"The header must be the first line."_s);
    }
    QList<bool> seen(m_columns.size(), false);
    for (const QByteArrayView field : std::as_const(m_csvFields)) {
        const QByteArray name = trimmed(field).toByteArray().toLower();
        const qsizetype index = m_columns.indexOf(name);
        if (index < 0) {
            return invalid(u"unknown_column"_s,
                    u"Unknown column \"%1\"; the columns are: %2."_s.arg(
                            QString::fromUtf8(name).left(100),
                            QString::fromLatin1(m_columns.join(", "))));
        }
        if (seen[index]) {
            return invalid(u"duplicate_column"_s,
                    u"The column \"%1\" is named twice."_s.arg(QString::fromLatin1(name)));
        }
        seen[index] = true;
        m_csvMap.append(int(index));
    }
    const bool postKind = m_kind == ImportKind::PostMetrics;
    if (!seen[postKind ? post::kDay : account::kDay]) {
        return invalid(u"missing_column"_s, u"The column \"day\" is required."_s);
    }
    const bool named = postKind
            ? seen[post::kId] || (seen[post::kPlatform] && seen[post::kExternalId])
                    || seen[post::kDeliverable]
            : seen[account::kId] || (seen[account::kPlatform] && seen[account::kHandle]);
    if (!named) {
        return invalid(u"missing_column"_s,
                postKind ? u"Columns naming the post are required: post_id, platform and "
                           "external_id, or deliverable_id."_s
                         : u"Columns naming the account are required: account_id, or platform "
                           "and handle."_s);
    }
    if (!postKind && !seen[account::kFollowers]) {
        return invalid(u"missing_column"_s, u"The column \"followers\" is required."_s);
    }
    return {};
}

bool RowParser::skipBlankLines()
{
    const qsizetype size = m_body.size();
    while (m_pos < size && (m_body[m_pos] == '\n' || m_body[m_pos] == '\r')) {
        if (m_body[m_pos] == '\n') {
            ++m_line;
        }
        ++m_pos;
    }
    return m_pos < size;
}

void RowParser::skipLine()
{
    const qsizetype size = m_body.size();
    while (m_pos < size && m_body[m_pos] != '\n') {
        ++m_pos;
    }
    if (m_pos < size) {
        ++m_pos;
        ++m_line;
    }
}

bool RowParser::readQuotedField()
{
    const qsizetype size = m_body.size();
    const qsizetype start = ++m_pos;
    bool doubled = false;
    for (;;) {
        if (m_pos >= size) {
            return false;
        }
        const char c = m_body[m_pos];
        if (c == '"') {
            if (m_pos + 1 < size && m_body[m_pos + 1] == '"') {
                doubled = true;
                m_pos += 2;
                continue;
            }
            break;
        }
        if (c == '\n') {
            ++m_line;
        }
        ++m_pos;
    }
    const QByteArrayView raw = m_body.sliced(start, m_pos - start);
    ++m_pos; // the closing quote
    if (doubled) {
        m_unquoted.append(raw.toByteArray().replace("\"\"", "\""));
        m_csvFields.append(QByteArrayView(m_unquoted.back()));
    } else {
        // Quoted empty text is a present, empty value, not a missing one.
        m_csvFields.append(raw.isEmpty() ? QByteArrayView("") : raw);
    }
    return true;
}

void RowParser::readPlainField()
{
    const qsizetype size = m_body.size();
    const qsizetype start = m_pos;
    while (m_pos < size && m_body[m_pos] != ',' && m_body[m_pos] != '\n') {
        ++m_pos;
    }
    m_csvFields.append(m_body.sliced(start, m_pos - start));
}

RowParser::Separator RowParser::readSeparator()
{
    const qsizetype size = m_body.size();
    if (m_pos < size && m_body[m_pos] == '\r') {
        ++m_pos;
    }
    if (m_pos >= size) {
        return Separator::EndOfRecord;
    }
    if (m_body[m_pos] == '\n') {
        ++m_pos;
        ++m_line;
        return Separator::EndOfRecord;
    }
    if (m_body[m_pos] == ',') {
        ++m_pos;
        return Separator::Comma;
    }
    return Separator::Garbage; // text after a closing quote, or a lone carriage return
}

bool RowParser::nextCsvRecord(qint64 &line, bool &malformed)
{
    m_csvFields.clear();
    m_unquoted.clear();
    malformed = false;
    if (!skipBlankLines()) {
        return false;
    }
    line = m_line;
    for (;;) {
        if (m_body[m_pos] == '"') {
            if (!readQuotedField()) {
                malformed = true; // an unclosed quote runs to the end of the file
                return true;
            }
        } else {
            readPlainField();
        }
        const Separator separator = readSeparator();
        if (separator == Separator::EndOfRecord) {
            break;
        }
        if (separator == Separator::Garbage || m_csvFields.size() > 256 || m_pos >= m_body.size()) {
            if (separator == Separator::Comma) {
                m_csvFields.append(QByteArrayView()); // a trailing comma: one more, empty field
                break;
            }
            skipLine();
            malformed = true;
            return true;
        }
    }
    malformed = !m_csvMap.isEmpty() && m_csvFields.size() != m_csvMap.size();
    return true;
}

RowParser::Outcome RowParser::next(QByteArray &copy, RowRefusal &refusal)
{
    return m_format == ImportFormat::Csv ? nextCsv(copy, refusal) : nextNdjson(copy, refusal);
}

RowParser::Outcome RowParser::nextCsv(QByteArray &copy, RowRefusal &refusal)
{
    qint64 line = 0;
    bool malformed = false;
    if (!nextCsvRecord(line, malformed)) {
        return Outcome::End;
    }
    ++m_records;
    if (malformed) {
        refusal = {line, u"malformed_row"_s,
                u"Not a well-formed CSV record of %1 fields."_s.arg(m_csvMap.size())};
        return Outcome::Refused;
    }
    Fields fields;
    for (qsizetype i = 0; i < m_csvFields.size(); ++i) {
        const QByteArrayView value = trimmed(m_csvFields[i]);
        fields[m_csvMap[i]] = {value, !value.isEmpty()};
    }
    return emitRow(fields, line, copy, refusal) ? Outcome::Row : Outcome::Refused;
}

RowParser::Outcome RowParser::nextNdjson(QByteArray &copy, RowRefusal &refusal)
{
    const qsizetype size = m_body.size();
    QByteArrayView text;
    qint64 line = 0;
    while (text.isEmpty()) {
        if (m_pos >= size) {
            return Outcome::End;
        }
        qsizetype end = m_pos;
        while (end < size && m_body[end] != '\n') {
            ++end;
        }
        text = trimmed(m_body.sliced(m_pos, end - m_pos));
        line = m_line;
        m_pos = end < size ? end + 1 : end;
        ++m_line;
    }
    ++m_records;
    QJsonParseError error{};
    const QJsonDocument document =
            QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        refusal = {line, u"malformed_row"_s, u"Not a JSON object."_s};
        return Outcome::Refused;
    }
    const QJsonObject object = document.object();
    m_jsonValues.clear();
    m_jsonValues.reserve(object.size());
    Fields fields;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QByteArray key = it.key().toUtf8();
        const qsizetype index = m_columns.indexOf(key);
        if (index < 0) {
            refusal = {line, u"unknown_field"_s,
                    u"Unknown field \"%1\"; the fields are: %2."_s.arg(
                            it.key().left(100), QString::fromLatin1(m_columns.join(", ")))};
            return Outcome::Refused;
        }
        const QJsonValue value = it.value();
        QByteArray textValue;
        if (value.isNull()) {
            continue;
        }
        if (value.isString()) {
            textValue = value.toString().toUtf8();
        } else if (value.isDouble()) {
            const double d = value.toDouble();
            textValue = d == std::floor(d) && std::fabs(d) < 9.0e15
                    ? QByteArray::number(static_cast<qint64>(d))
                    : QByteArray::number(d, 'g', 17);
        } else {
            refusal = {line, u"invalid_value"_s,
                    u"%1: must be a string or a number."_s.arg(QString::fromLatin1(key))};
            return Outcome::Refused;
        }
        m_jsonValues.append(textValue);
        const QByteArrayView stored(m_jsonValues.back());
        fields[index] = {stored, !stored.isEmpty()};
    }
    return emitRow(fields, line, copy, refusal) ? Outcome::Row : Outcome::Refused;
}

bool RowParser::checkValues(const Fields &fields, qint64 line, RowRefusal &refusal) const
{
    const auto [specs, count] = specsOf(m_kind);
    qint64 julian = 0;
    for (int i = 0; i < count; ++i) {
        if (!fields[i].present) {
            continue;
        }
        const QString problem = problemOf(specs[i].type, fields[i].text, m_todayJulian, julian);
        if (!problem.isEmpty()) {
            const bool future = specs[i].type == Type::Day && julian > m_todayJulian;
            refusal = {line, future ? u"future_day"_s : u"invalid_value"_s,
                    u"%1: %2."_s.arg(QLatin1StringView(specs[i].name), problem)};
            return false;
        }
    }
    return true;
}

std::optional<std::pair<QString, QString>> RowParser::ruleBroken(const Fields &fields) const
{
    const auto has = [&fields](int column) {
        return fields[column].present;
    };
    using Broken = std::pair<QString, QString>;
    if (m_kind == ImportKind::AccountMetrics) {
        if (!has(account::kId) && !(has(account::kPlatform) && has(account::kHandle))) {
            return Broken{u"missing_account"_s,
                    u"The row names no account: give account_id, or platform and handle."_s};
        }
        if (!has(account::kDay) || !has(account::kFollowers)) {
            return Broken{u"missing_value"_s,
                    has(account::kDay) ? u"followers: required."_s : u"day: required."_s};
        }
        return std::nullopt;
    }
    if (!has(post::kId) && !(has(post::kPlatform) && has(post::kExternalId))
            && !has(post::kDeliverable)) {
        return Broken{u"missing_post"_s,
                u"The row names no post: give post_id, platform and external_id, or "
                "deliverable_id."_s};
    }
    if (!has(post::kDay)) {
        return Broken{u"missing_value"_s, u"day: required."_s};
    }
    bool anyFigure = has(post::kEvidence);
    for (int i = post::kFirstFigure; i < post::kEvidence; ++i) {
        anyFigure = anyFigure || has(i);
    }
    if (!anyFigure) {
        return Broken{u"no_figures"_s, u"The row has no figure and no evidence_url."_s};
    }
    return std::nullopt;
}

bool RowParser::emitRow(const Fields &fields, qint64 line, QByteArray &copy, RowRefusal &refusal)
{
    if (!checkValues(fields, line, refusal)) {
        return false;
    }
    if (const auto broken = ruleBroken(fields)) {
        refusal = {line, broken->first, broken->second};
        return false;
    }
    const bool postKind = m_kind == ImportKind::PostMetrics;
    m_onlyIds = m_onlyIds && fields[postKind ? post::kId : account::kId].present;
    copy.append(QByteArray::number(line));
    const auto [specs, count] = specsOf(m_kind);
    for (int i = 0; i < count; ++i) {
        copy.append('\t');
        if (fields[i].present) {
            db::appendCopyText(copy, fields[i].text);
        } else {
            copy.append("\\N", 2);
        }
    }
    copy.append('\n');
    return true;
}

} // namespace influence::server::analytics

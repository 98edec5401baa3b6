// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the bulk import's row parser (server/analytics/ImportParser): CSV or NDJSON of
// post or account metrics, as clients upload them. The first byte picks the kind and format, the
// rest is the file. Whatever the input, the parser ends, every record is either one whole COPY
// row (line number, then exactly the kind's columns, values escaped) or a refusal with a line,
// code and reason, and lines only grow.
#include "analytics/ImportParser.h"

#include <QByteArray>
#include <QDate>

#include <cstdint>
#include <cstdlib>

using namespace influence::server::analytics;

namespace {

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

/// One COPY text row: tab-separated fields, none with a raw control character.
void checkCopyRow(QByteArrayView row, qsizetype columns, qint64 line)
{
    check(row.endsWith('\n'));
    const QByteArrayView body = row.first(row.size() - 1);
    check(body.count('\t') == columns);
    check(!body.contains('\n') && !body.contains('\r'));
    const qsizetype tab = body.indexOf('\t');
    check(body.first(tab) == QByteArray::number(line));
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const auto kind = (data[0] & 1) != 0 ? ImportKind::AccountMetrics : ImportKind::PostMetrics;
    const auto format = (data[0] & 2) != 0 ? ImportFormat::Ndjson : ImportFormat::Csv;
    const QByteArray body(
            reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    auto parser = RowParser::open(kind, format, body, QDate(2026, 12, 5));
    if (!parser) {
        check(format == ImportFormat::Csv);
        return 0;
    }
    const qsizetype columns = importColumns(kind).size();
    QByteArray copy;
    qint64 lastLine = 0;
    for (qint64 records = 0;; ++records) {
        check(records <= body.size() + 1);
        const qsizetype before = copy.size();
        RowRefusal refusal;
        const RowParser::Outcome outcome = parser->next(copy, refusal);
        if (outcome == RowParser::Outcome::End) {
            check(copy.size() == before);
            break;
        }
        if (outcome == RowParser::Outcome::Refused) {
            check(copy.size() == before);
            check(refusal.line > lastLine && !refusal.code.isEmpty() && !refusal.reason.isEmpty());
            lastLine = refusal.line;
            continue;
        }
        const QByteArrayView row = QByteArrayView(copy).sliced(before);
        const qint64 line = row.first(row.indexOf('\t')).toLongLong();
        check(line > lastLine);
        lastLine = line;
        checkCopyRow(row, columns, line);
    }
    return 0;
}

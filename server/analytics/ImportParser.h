// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace influence::server::analytics {

/// What a metrics file holds: the daily figures of posts, or of accounts.
enum class ImportKind { PostMetrics, AccountMetrics };
enum class ImportFormat { Csv, Ndjson };

QString kindName(ImportKind kind);

/// A row of the file that was not taken: its line (1 is a CSV file's header), a stable code and
/// an English reason.
struct RowRefusal
{
    qint64 line = 0;
    QString code;
    QString reason;
};

/// The columns of a kind in the order the staging table has them after `line` (ImportSql).
QList<QByteArray> importColumns(ImportKind kind);

/// Reads a metrics file row by row (CSV with a header row, or NDJSON: one JSON object per line),
/// checks every value and writes each good row as a line of COPY text format for the staging
/// table: the line number, then importColumns(kind) (\N where the row has no value). The body is
/// read in place: the parser keeps no copy of it. Whatever the input, a row either comes out
/// whole and valid or is refused with its line and reason; nothing else can happen (the fuzz
/// target holds it to that).
class RowParser
{
public:
    /// Checks the start of the file (a CSV header that names known columns, each once, with a
    /// day and a way to name the post or account); 422 validation_failed otherwise. `today`
    /// (UTC) bounds the days: figures of the future are refused.
    static common::Result<RowParser> open(
            ImportKind kind, ImportFormat format, QByteArrayView body, QDate today);

    enum class Outcome { Row, Refused, End };
    /// The next record: a row appended to `copy`, a refusal, or the end of the file.
    Outcome next(QByteArray &copy, RowRefusal &refusal);

    /// Records read so far (rows and refusals).
    qint64 records() const { return m_records; }
    /// Whether every row written so far names its post or account by its id (the database then
    /// needs no lookup by other names).
    bool onlyIds() const { return m_onlyIds; }

private:
    static constexpr int kMaxColumns = 16;
    struct Field
    {
        QByteArrayView text;
        bool present = false;
    };
    using Fields = std::array<Field, kMaxColumns>;

    RowParser(ImportKind kind, ImportFormat format, QByteArrayView body, QDate today);
    common::Result<void> readHeader();
    /// Splits the next CSV record into `m_csvFields`; false at the end. `malformed` is set when
    /// its quoting is broken or it has the wrong number of fields.
    bool nextCsvRecord(qint64 &line, bool &malformed);
    /// Past blank lines; false at the end of the file.
    bool skipBlankLines();
    /// To the start of the next line.
    void skipLine();
    /// A field in quotes (m_pos on the opening one); false when the quote is never closed.
    bool readQuotedField();
    void readPlainField();
    enum class Separator { Comma, EndOfRecord, Garbage };
    Separator readSeparator();
    Outcome nextCsv(QByteArray &copy, RowRefusal &refusal);
    Outcome nextNdjson(QByteArray &copy, RowRefusal &refusal);
    /// Checks the row's values (by column) and writes it; false with `refusal` filled if not.
    bool emitRow(const Fields &fields, qint64 line, QByteArray &copy, RowRefusal &refusal);
    /// Whether every value present is valid for its column (else `refusal` says which is not).
    bool checkValues(const Fields &fields, qint64 line, RowRefusal &refusal) const;
    /// The code and reason of a rule the row breaks (it names nothing, lacks the day, …).
    std::optional<std::pair<QString, QString>> ruleBroken(const Fields &fields) const;

    ImportKind m_kind;
    ImportFormat m_format;
    QByteArrayView m_body;
    qsizetype m_pos = 0;
    qint64 m_line = 1; ///< the line m_pos is on
    qint64 m_records = 0;
    bool m_onlyIds = true;
    int m_todayJulian;
    QList<QByteArray> m_columns; ///< importColumns(kind)
    QList<int> m_csvMap; ///< CSV column -> index in m_columns
    QList<QByteArrayView> m_csvFields;
    QList<QByteArray> m_unquoted; ///< storage for quoted CSV fields with "" inside
    QList<QByteArray> m_jsonValues; ///< storage for the values of an NDJSON row
};

} // namespace influence::server::analytics

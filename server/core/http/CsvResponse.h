// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Request.h"
#include "Responder.h"
#include "Response.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

/// Lists exported as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break
/// quoted, quotes doubled; UTF-8; a header row), chosen with `Accept: text/csv`. The rows are the
/// list's JSON items; each column reads one member by a dotted path. Money is two columns, the
/// amount in the currency's major unit ("1234.50") and the currency.
namespace influence::server::http::csv {

struct Column
{
    enum class Kind { Value, MoneyAmount };
    QString header;
    QString path; ///< "influencerName", "account.kind"; for MoneyAmount the minor units' member
    Kind kind = Kind::Value;
    QString currencyPath = QStringLiteral("currency"); ///< MoneyAmount: the currency's member
};

/// Whether the client asked for CSV (text/csv in Accept).
bool wanted(const Request &request);

/// The rows as a CSV download named `filename`.
Response response(
        const QList<QByteArray> &rows, const QList<Column> &columns, const QString &filename);

/// Takes each row's JSON; false: stop producing (the client has gone).
using RowSink = std::function<bool(const QByteArray &json)>;
/// Gives every row to the sink, in order; fails with the database's error.
using RowSource = std::function<common::Result<void>(const RowSink &)>;

/// The rows of `source` as a CSV download named `filename`, streamed through `out` however many
/// there are: the head is sent with the first kChunkBytes of CSV, and the rest follows in
/// chunks as the rows are read, with memory bounded by BodyStream's window. A source that
/// fails before the head was sent answers its problem; after, the body ends early (no last
/// chunk), which clients report as an error rather than as a complete file. Answers
/// Response::deferred() once the head is sent, else the whole (short) answer.
Response stream(const Responder &out, const RowSource &source, const QList<Column> &columns,
        const QString &filename);

/// How much CSV is gathered before it is handed to the connection.
constexpr qsizetype kChunkBytes = qsizetype{64} * 1024;

/// One field, quoted when it must be; a leading =, +, - or @ is prefixed with a quote so that
/// spreadsheets never run a value as a formula (OWASP CSV injection).
QByteArray field(const QString &value);

/// The most rows a non-streamed export answers (a shortlist, a dashboard's table).
constexpr int kMaxRows = 100000;

} // namespace influence::server::http::csv

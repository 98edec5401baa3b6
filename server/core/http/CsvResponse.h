// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Request.h"
#include "Response.h"

#include <QByteArray>
#include <QList>
#include <QString>

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

/// One field, quoted when it must be; a leading =, +, - or @ is prefixed with a quote so that
/// spreadsheets never run a value as a formula (OWASP CSV injection).
QByteArray field(const QString &value);

/// The most rows an export answers (the filters narrow it down).
constexpr int kMaxRows = 100000;

} // namespace influence::server::http::csv

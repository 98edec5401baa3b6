// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace influence::tests {

/// The records of an RFC 4180 answer (quoted fields with doubled quotes, CRLF line ends), as the
/// server's CSV exports write them.
QList<QStringList> parseCsv(const QByteArray &bytes);

} // namespace influence::tests

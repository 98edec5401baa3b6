// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QTextStream>

namespace influence::server {

/// `influence-server forecast --input FILE.csv --season 7 --horizon 30`: the engine of
/// POST /api/v1/forecasts on a file, no database or configuration needed.
struct ForecastCommandOptions
{
    QString input; // a CSV: the last column of every row that has a number there, in order
    QString season = QStringLiteral("1");
    QString horizon = QStringLiteral("30");
    QString levels = QStringLiteral("80,95");
    bool nonNegative = false;
};

/// Prints `step,mean,lo80,hi80,lo95,hi95` rows to `out` and the model (with its AICc and MASE)
/// to `log`. Exit code: 0 done, 1 unreadable file, 2 invalid options or values (the same rules
/// as the route's body, named by option).
int runForecastCommand(const ForecastCommandOptions &options, QTextStream &out, QTextStream &log);

} // namespace influence::server

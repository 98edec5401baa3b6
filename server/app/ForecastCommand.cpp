// SPDX-License-Identifier: Apache-2.0
#include "ForecastCommand.h"

#include "common/ForecastTypes.h"
#include "forecast/Forecaster.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <vector>

using namespace Qt::StringLiterals;

namespace influence::server {

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

/// A number option as JSON: a whole number stays a number, anything else a string (refused).
QJsonValue numberOption(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? QJsonValue(value) : QJsonValue(text);
}

/// The option a body field came from, for the message.
QString optionOf(const QString &field)
{
    if (field.startsWith(u"values"_s)) {
        return u"--input (value %1)"_s.arg(field.mid(6));
    }
    if (field == u"seasonPeriod"_s) {
        return u"--season"_s;
    }
    if (field.startsWith(u"levels"_s)) {
        return u"--levels"_s;
    }
    return u"--"_s + field;
}

} // namespace

int runForecastCommand(const ForecastCommandOptions &options, QTextStream &out, QTextStream &log)
{
    QFile file(options.input);
    if (options.input.isEmpty() || !file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        log << "influence-server: forecast needs --input FILE.csv (a readable file)\n";
        return options.input.isEmpty() ? kExitUsage : kExitFailure;
    }
    QJsonArray values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        bool ok = false;
        const double value = line.section(u',', -1).trimmed().remove(u'"').toDouble(&ok);
        if (ok) {
            values.append(value); // a header or a blank line has no number: skipped
        }
    }
    QJsonArray levels;
    for (const QString &level : options.levels.split(u',', Qt::SkipEmptyParts)) {
        levels.append(numberOption(level.trimmed()));
    }
    const QJsonObject body{{u"values"_s, values}, {u"seasonPeriod"_s, numberOption(options.season)},
            {u"horizon"_s, numberOption(options.horizon)}, {u"levels"_s, levels},
            {u"nonNegative"_s, options.nonNegative}};
    const auto request = common::forecast::validateForecastRequest(body);
    if (!request) {
        for (const auto &field : request.error().fieldErrors) {
            log << "influence-server: " << optionOf(field.field) << ": " << field.message << '\n';
        }
        return kExitUsage;
    }
    forecast::ForecastOptions settings;
    settings.period = request->seasonPeriod;
    settings.horizon = request->horizon;
    settings.levels.assign(request->levels.begin(), request->levels.end());
    settings.nonNegative = request->nonNegative;
    const std::vector<double> series(request->values.begin(), request->values.end());
    const forecast::Forecast f = forecast::forecastSeries(series, settings);
    log << "model: " << QString::fromStdString(f.model);
    if (f.aicc) {
        log << ", AICc " << QString::number(*f.aicc, 'f', 2);
    }
    if (f.mase) {
        log << ", in-sample MASE " << QString::number(*f.mase, 'f', 3);
    }
    if (f.backtestMase) {
        log << ", backtest MASE " << QString::number(*f.backtestMase, 'f', 3);
    }
    log << '\n';
    out << "step,mean";
    for (const double level : settings.levels) {
        const QString name = QString::number(level, 'g', 10);
        out << ",lo" << name << ",hi" << name;
    }
    out << '\n';
    for (std::size_t i = 0; i < f.mean.size(); ++i) {
        out << (i + 1) << ',' << QString::number(f.mean[i], 'g', 10);
        for (std::size_t l = 0; l < settings.levels.size(); ++l) {
            out << ',' << QString::number(f.lower[l][i], 'g', 10) << ','
                << QString::number(f.upper[l][i], 'g', 10);
        }
        out << '\n';
    }
    out.flush();
    return 0;
}

} // namespace influence::server

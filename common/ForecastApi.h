// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QDate>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace influence::common {

class ApiClient;

/// One day ahead of an account forecast: the mean and the bounds of each requested level.
struct ForecastBandPoint
{
    QDate date;
    double mean = 0;
    QList<double> lo; ///< per level, in the order of AccountForecast::levels
    QList<double> hi;
};

/// GET /api/v1/connected-accounts/{id}/forecast.
struct AccountForecast
{
    QString accountId;
    QString metric;
    QString model; ///< "ETS(A,A,A)", "Theta", …
    QDate lastDate; ///< the last day fitted; the points start the day after
    QList<double> levels; ///< 80, 95 unless asked otherwise
    QList<ForecastBandPoint> points;
    std::optional<double> mase; ///< in-sample one-step MASE
    std::optional<double> backtestMase;

    /// `levels` are those asked for: a point without lo/hi of one is an invalid response.
    static Result<AccountForecast> fromJson(const QJsonObject &json, const QList<double> &levels);
};

class ForecastApi
{
public:
    explicit ForecastApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/connected-accounts/{id}/forecast?metric=&horizon=&levels=: `horizon` days
    /// after the history's last day, bands at `levels` (ascending percentages).
    QFuture<Result<AccountForecast>> accountForecast(const QString &accountId,
            const QString &metric, int horizon, const QList<double> &levels = {80.0, 95.0}) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

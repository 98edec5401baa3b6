// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QDate>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
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

/// An interval of a campaign total: expected, with the 80 % and 95 % bounds.
struct CampaignForecastInterval
{
    double expected = 0;
    double lo80 = 0;
    double hi80 = 0;
    double lo95 = 0;
    double hi95 = 0;
};

/// views, engagements and reach, in that order.
using CampaignForecastTotals = std::array<CampaignForecastInterval, 3>;

/// One KPI target of a campaign and the chance of reaching it.
struct CampaignTargetChance
{
    QString metric; ///< views, engagements, reach, cpeMinor, cpmMinor
    bool ceiling = false; ///< a cost per engagement or per 1000 views not to exceed
    qint64 target = 0;
    std::optional<double> achieved; ///< the total so far, or the CPE/CPM so far
    double chanceAccepted = 0;
    double chanceWithProposed = 0;
};

/// GET /api/v1/campaigns/{id}/forecast.
struct CampaignForecast
{
    QString campaignId;
    bool wholeCampaign = false; ///< scope "campaign" (the brand side), else "own"
    int simulations = 0;
    int accepted = 0;
    int proposed = 0;
    int measured = 0;
    int withoutHistory = 0;
    double acceptanceRate = 0;
    QString acceptanceBasis; ///< brand, platform
    qint64 acceptanceDecided = 0;
    std::array<double, 3> achieved{}; ///< views, engagements, reach so far
    int postsMeasured = 0;
    qint64 costMinor = 0;
    QString currency;
    CampaignForecastTotals acceptedTotals{};
    CampaignForecastTotals withProposed{};
    QList<CampaignTargetChance> targets; ///< empty for a creator (or none set)

    static Result<CampaignForecast> fromJson(const QJsonObject &json);
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

    /// GET /api/v1/campaigns/{id}/forecast.
    QFuture<Result<CampaignForecast>> campaignForecast(const QString &campaignId) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

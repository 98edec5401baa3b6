// SPDX-License-Identifier: Apache-2.0
// HTTP for forecasts: the route table, the reading of the body and the JSON of the answer.
#include "ForecastRoutes.h"

#include "AccountForecast.h"
#include "CampaignForecast.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"
#include "forecast/Forecaster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;
using influence::server::http::Work;

namespace influence::server::forecast {

namespace {

using namespace influence::forecast;

/// "80" for 80, "97.5" for 97.5: the suffix of lo/hi.
QString levelName(double level)
{
    return QString::number(level, 'g', 10);
}

QJsonValue numberOrNull(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

Result<Work> createForecast(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    auto command = common::forecast::validateForecastRequest(*body);
    if (!command) {
        return command.error();
    }
    return Work([command = *command](Connection &, const Principal &, const Responder &out) {
        // Fitting is CPU work (tens of milliseconds for long seasonal series): off the database
        // worker, whose connection others wait for.
        out.runOnCpuPool([command] {
            return Response::rawJson(forecastJson(command));
        });
        return Response::deferred();
    });
}

} // namespace

QByteArray forecastJson(const common::forecast::ForecastRequest &request)
{
    ForecastOptions options;
    options.period = request.seasonPeriod;
    options.horizon = request.horizon;
    options.levels.assign(request.levels.begin(), request.levels.end());
    options.nonNegative = request.nonNegative;
    const std::vector<double> values(request.values.begin(), request.values.end());
    const Forecast f = forecastSeries(values, options);
    QJsonArray points;
    for (std::size_t i = 0; i < f.mean.size(); ++i) {
        QJsonObject point{{u"step"_s, static_cast<int>(i + 1)}, {u"mean"_s, f.mean[i]}};
        for (qsizetype l = 0; l < request.levels.size(); ++l) {
            const QString name = levelName(request.levels[l]);
            const auto at = static_cast<std::size_t>(l);
            point.insert(u"lo"_s + name, f.lower[at][i]);
            point.insert(u"hi"_s + name, f.upper[at][i]);
        }
        points.append(point);
    }
    const QJsonObject answer{{u"model"_s, QString::fromStdString(f.model)}, {u"points"_s, points},
            {u"aicc"_s, numberOrNull(f.aicc)}, {u"mase"_s, numberOrNull(f.mase)},
            {u"backtestMase"_s, numberOrNull(f.backtestMase)}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

void registerRoutes(http::HttpContext &context, qsizetype cacheBytes)
{
    http::addRoutes(context,
            {{HttpMethod::Post, u"/api/v1/forecasts"_s, Access::SignedIn, createForecast},
                    http::onReadReplica(
                            {HttpMethod::Get, u"/api/v1/connected-accounts/{id}/forecast"_s,
                                    Access::SignedIn, accountForecastRoute(cacheBytes)}),
                    http::onReadReplica({HttpMethod::Get, u"/api/v1/campaigns/{id}/forecast"_s,
                            Access::SignedIn, campaignForecastRoute()})});
}

} // namespace influence::server::forecast

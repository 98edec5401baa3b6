// SPDX-License-Identifier: Apache-2.0
#include "ForecastApi.h"

#include "ApiClient.h"

#include <QJsonArray>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

/// "80" for 80, "97.5" for 97.5: the suffix of lo/hi, as the server writes it.
QString levelName(double level)
{
    return QString::number(level, 'g', 10);
}

} // namespace

Result<AccountForecast> AccountForecast::fromJson(
        const QJsonObject &json, const QList<double> &levels)
{
    AccountForecast forecast;
    forecast.accountId = json.value(u"accountId"_s).toString();
    forecast.metric = json.value(u"metric"_s).toString();
    forecast.model = json.value(u"model"_s).toString();
    forecast.lastDate = QDate::fromString(json.value(u"lastDate"_s).toString(), Qt::ISODate);
    forecast.levels = levels;
    if (json.value(u"mase"_s).isDouble()) {
        forecast.mase = json.value(u"mase"_s).toDouble();
    }
    if (json.value(u"backtestMase"_s).isDouble()) {
        forecast.backtestMase = json.value(u"backtestMase"_s).toDouble();
    }
    const QJsonArray array = json.value(u"points"_s).toArray();
    for (const QJsonValue value : array) {
        const QJsonObject object = value.toObject();
        ForecastBandPoint point;
        point.date = QDate::fromString(object.value(u"date"_s).toString(), Qt::ISODate);
        point.mean = object.value(u"mean"_s).toDouble();
        for (const double level : levels) {
            const QJsonValue lo = object.value(u"lo"_s + levelName(level));
            const QJsonValue hi = object.value(u"hi"_s + levelName(level));
            if (!lo.isDouble() || !hi.isDouble()) {
                return Error::make(ErrorCode::InvalidResponse,
                        u"A forecast point has no %1 % bounds."_s.arg(levelName(level)));
            }
            point.lo.append(lo.toDouble());
            point.hi.append(hi.toDouble());
        }
        if (!point.date.isValid()) {
            return Error::make(ErrorCode::InvalidResponse, u"A forecast point has no date."_s);
        }
        forecast.points.append(point);
    }
    if (forecast.model.isEmpty() || !forecast.lastDate.isValid()) {
        return Error::make(ErrorCode::InvalidResponse, u"The forecast has no model or dates."_s);
    }
    return forecast;
}

QFuture<Result<AccountForecast>> ForecastApi::accountForecast(const QString &accountId,
        const QString &metric, int horizon, const QList<double> &levels) const
{
    QStringList names;
    for (const double level : levels) {
        names.append(levelName(level));
    }
    QUrlQuery query;
    query.addQueryItem(u"metric"_s, metric);
    query.addQueryItem(u"horizon"_s, QString::number(horizon));
    query.addQueryItem(u"levels"_s, names.join(u','));
    const QString path = u"/api/v1/connected-accounts/"_s
            + QString::fromLatin1(QUrl::toPercentEncoding(accountId)) + u"/forecast"_s;
    return readObject<AccountForecast>(
            m_client->send(ApiClient::Method::Get, path, query), [levels](const QJsonObject &json) {
                return AccountForecast::fromJson(json, levels);
            });
}

} // namespace influence::common

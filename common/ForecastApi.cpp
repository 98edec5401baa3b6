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

Result<CampaignForecastTotals> totalsFromJson(const QJsonValue &value)
{
    CampaignForecastTotals totals;
    const QJsonObject object = value.toObject();
    const std::array<QString, 3> figures{u"views"_s, u"engagements"_s, u"reach"_s};
    for (std::size_t f = 0; f < figures.size(); ++f) {
        const QJsonObject i = object.value(figures.at(f)).toObject();
        for (const QString &key : {u"expected"_s, u"lo80"_s, u"hi80"_s, u"lo95"_s, u"hi95"_s}) {
            if (!i.value(key).isDouble()) {
                return Error::make(ErrorCode::InvalidResponse,
                        u"A campaign forecast has no %1 of %2."_s.arg(key, figures.at(f)));
            }
        }
        totals.at(f) = {i.value(u"expected"_s).toDouble(), i.value(u"lo80"_s).toDouble(),
                i.value(u"hi80"_s).toDouble(), i.value(u"lo95"_s).toDouble(),
                i.value(u"hi95"_s).toDouble()};
    }
    return totals;
}

} // namespace

Result<CampaignForecast> CampaignForecast::fromJson(const QJsonObject &json)
{
    CampaignForecast forecast;
    forecast.campaignId = json.value(u"campaignId"_s).toString();
    forecast.wholeCampaign = json.value(u"scope"_s).toString() == u"campaign"_s;
    forecast.simulations = json.value(u"simulations"_s).toInt();
    const QJsonObject counts = json.value(u"deliverables"_s).toObject();
    forecast.accepted = counts.value(u"accepted"_s).toInt();
    forecast.proposed = counts.value(u"proposed"_s).toInt();
    forecast.measured = counts.value(u"measured"_s).toInt();
    forecast.withoutHistory = counts.value(u"withoutHistory"_s).toInt();
    const QJsonObject acceptance = json.value(u"acceptance"_s).toObject();
    forecast.acceptanceRate = acceptance.value(u"rate"_s).toDouble();
    forecast.acceptanceBasis = acceptance.value(u"basis"_s).toString();
    forecast.acceptanceDecided = acceptance.value(u"decided"_s).toInteger();
    const QJsonObject achieved = json.value(u"achieved"_s).toObject();
    forecast.achieved = {achieved.value(u"views"_s).toDouble(),
            achieved.value(u"engagements"_s).toDouble(), achieved.value(u"reach"_s).toDouble()};
    forecast.postsMeasured = achieved.value(u"posts"_s).toInt();
    forecast.costMinor = static_cast<qint64>(achieved.value(u"costMinor"_s).toDouble());
    forecast.currency = achieved.value(u"currency"_s).toString();
    auto accepted = totalsFromJson(json.value(u"accepted"_s));
    if (!accepted) {
        return accepted.error();
    }
    forecast.acceptedTotals = *accepted;
    auto all = totalsFromJson(json.value(u"acceptedAndProposed"_s));
    if (!all) {
        return all.error();
    }
    forecast.withProposed = *all;
    for (const QJsonValue value : json.value(u"targets"_s).toArray()) {
        const QJsonObject t = value.toObject();
        CampaignTargetChance target;
        target.metric = t.value(u"metric"_s).toString();
        target.ceiling = t.value(u"kind"_s).toString() == u"maximum"_s;
        target.target = t.value(u"target"_s).toInteger();
        if (t.value(u"achieved"_s).isDouble()) {
            target.achieved = t.value(u"achieved"_s).toDouble();
        }
        target.chanceAccepted = t.value(u"chanceAccepted"_s).toDouble();
        target.chanceWithProposed = t.value(u"chanceWithProposed"_s).toDouble();
        if (target.metric.isEmpty()) {
            return Error::make(ErrorCode::InvalidResponse, u"A target has no metric."_s);
        }
        forecast.targets.append(target);
    }
    if (forecast.campaignId.isEmpty()) {
        return Error::make(ErrorCode::InvalidResponse, u"The forecast names no campaign."_s);
    }
    return forecast;
}

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

QFuture<Result<CampaignForecast>> ForecastApi::campaignForecast(const QString &campaignId) const
{
    const QString path = u"/api/v1/campaigns/"_s
            + QString::fromLatin1(QUrl::toPercentEncoding(campaignId)) + u"/forecast"_s;
    return readObject<CampaignForecast>(
            m_client->send(ApiClient::Method::Get, path), CampaignForecast::fromJson);
}

} // namespace influence::common

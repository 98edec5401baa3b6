// SPDX-License-Identifier: Apache-2.0
#include "AnalyticsTypes.h"

#include "Domain.h"
#include "Validation.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

// The largest rate (in minor units) a table holds: numeric(14, 4) in the database.
constexpr double kMaxRate = 1e9;
// Figures beyond 2^53 do not survive JSON's doubles.
constexpr double kMaxFigure = 9007199254740991.0;

/// A rate as ten-thousandths, or nothing when it is not a number >= 0 with at most 4 decimals.
std::optional<qint64> rateOf(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double rate = value.toDouble();
    if (!(rate >= 0) || rate > kMaxRate) {
        return std::nullopt;
    }
    const double scaled = rate * 10000.0;
    const double whole = std::round(scaled);
    if (std::abs(scaled - whole) > 1e-6 * std::max(1.0, whole)) {
        return std::nullopt;
    }
    return static_cast<qint64>(whole);
}

double rateValue(qint64 tenThousandths)
{
    return static_cast<double>(tenThousandths) / 10000.0;
}

} // namespace

QString wireName(AnalyticsInterval value)
{
    switch (value) {
    case AnalyticsInterval::Day: return u"day"_s;
    case AnalyticsInterval::Week: return u"week"_s;
    case AnalyticsInterval::Month: return u"month"_s;
    }
    return u"day"_s;
}

std::optional<AnalyticsInterval> analyticsIntervalFromString(const QString &text)
{
    for (const auto value :
            {AnalyticsInterval::Day, AnalyticsInterval::Week, AnalyticsInterval::Month}) {
        if (wireName(value) == text) {
            return value;
        }
    }
    return std::nullopt;
}

AnalyticsPeriod AnalyticsPeriod::lastDays(int days, const QDate &today)
{
    return AnalyticsPeriod{today.addDays(1 - days), today, AnalyticsInterval::Day};
}

QUrlQuery AnalyticsPeriod::toUrlQuery() const
{
    QUrlQuery query;
    query.addQueryItem(u"from"_s, from.toString(Qt::ISODate));
    query.addQueryItem(u"to"_s, to.toString(Qt::ISODate));
    query.addQueryItem(u"interval"_s, wireName(interval));
    return query;
}

Result<AnalyticsPeriod> parseAnalyticsPeriod(
        const QString &from, const QString &to, const QString &interval, const QDate &today)
{
    constexpr int kDefaultDays = 30;
    const auto date = [](const QString &name, const QString &text) -> Result<QDate> {
        const QDate parsed = QDate::fromString(text, Qt::ISODate);
        if (text.size() != 10 || !parsed.isValid()) {
            return Error::invalidParameter(
                    name, u"invalid_value"_s, u"%1 must be a date (YYYY-MM-DD)."_s.arg(name));
        }
        return parsed;
    };
    AnalyticsPeriod period = AnalyticsPeriod::lastDays(kDefaultDays, today);
    if (!to.isEmpty()) {
        auto parsed = date(u"to"_s, to);
        if (!parsed) {
            return parsed.error();
        }
        period.to = *parsed;
        period.from = period.to.addDays(1 - kDefaultDays);
    }
    if (!from.isEmpty()) {
        auto parsed = date(u"from"_s, from);
        if (!parsed) {
            return parsed.error();
        }
        period.from = *parsed;
        if (to.isEmpty()) {
            period.to = std::min(today, period.from.addDays(kDefaultDays - 1));
        }
    }
    if (!interval.isEmpty()) {
        const auto parsed = analyticsIntervalFromString(interval);
        if (!parsed) {
            return Error::invalidParameter(
                    u"interval"_s, u"invalid_value"_s, u"interval must be day, week or month."_s);
        }
        period.interval = *parsed;
    }
    if (period.from > period.to) {
        Error error = Error::make(ErrorCode::InvalidPeriod, u"from is after to."_s);
        error.fieldErrors.append({u"from"_s, u"after_to"_s, u"from must not be after to."_s});
        return error;
    }
    if (period.days() > AnalyticsPeriod::kMaxDays) {
        Error error = Error::make(ErrorCode::InvalidPeriod,
                u"A period spans at most %1 days."_s.arg(AnalyticsPeriod::kMaxDays));
        error.fieldErrors.append({u"to"_s, u"too_long"_s,
                u"A period spans at most %1 days."_s.arg(AnalyticsPeriod::kMaxDays)});
        return error;
    }
    return period;
}

QStringList emvRateMembers()
{
    return {u"perMilleImpressionsMinor"_s, u"perViewMinor"_s, u"perLikeMinor"_s,
            u"perCommentMinor"_s, u"perShareMinor"_s, u"perSaveMinor"_s, u"perClickMinor"_s};
}

QJsonObject EmvTableInput::toJson() const
{
    QJsonArray list;
    const QStringList members = emvRateMembers();
    for (const EmvRateInput &rate : rates) {
        const qint64 values[] = {rate.perMilleImpressions, rate.perView, rate.perLike,
                rate.perComment, rate.perShare, rate.perSave, rate.perClick};
        QJsonObject item{{u"platform"_s, rate.platform}};
        for (qsizetype i = 0; i < members.size(); ++i) {
            item.insert(members.at(i), rateValue(values[i]));
        }
        list.append(item);
    }
    return QJsonObject{{u"name"_s, name}, {u"rates"_s, list}};
}

Result<EmvTableInput> validateEmvTable(const QJsonObject &body)
{
    validation::FieldErrors errors;
    EmvTableInput input;
    input.name = body.value(u"name"_s).toString().trimmed();
    errors.checkLength(u"name"_s, input.name, 1, 120);
    const QJsonValue rates = body.value(u"rates"_s);
    const QStringList platforms = platformNames();
    if (!rates.isArray() || rates.toArray().size() > platforms.size()) {
        errors.add(u"rates"_s, u"invalid_value"_s,
                u"Must be a list of at most %1 platforms' rates."_s.arg(platforms.size()));
        return Error::validation(errors.errors());
    }
    QSet<QString> seen;
    const QStringList members = emvRateMembers();
    const QJsonArray list = rates.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject item = list.at(i).toObject();
        const QString field = u"rates/%1"_s.arg(i);
        EmvRateInput rate;
        rate.platform = item.value(u"platform"_s).toString();
        if (!platforms.contains(rate.platform) || seen.contains(rate.platform)) {
            errors.add(field + u"/platform"_s, u"invalid_value"_s,
                    u"Must be a platform (%1), each once."_s.arg(platforms.join(u", "_s)));
        }
        seen.insert(rate.platform);
        qint64 *const values[] = {&rate.perMilleImpressions, &rate.perView, &rate.perLike,
                &rate.perComment, &rate.perShare, &rate.perSave, &rate.perClick};
        for (qsizetype m = 0; m < members.size(); ++m) {
            const auto value = rateOf(item.value(members.at(m)));
            if (!value) {
                errors.add(field + u'/' + members.at(m), u"invalid_value"_s,
                        u"Must be a number >= 0 with at most 4 decimals."_s);
            } else {
                *values[m] = *value;
            }
        }
        input.rates.append(rate);
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return input;
}

QStringList manualMetricsMembers()
{
    return {u"views"_s, u"impressions"_s, u"reach"_s, u"likes"_s, u"comments"_s, u"shares"_s,
            u"saves"_s, u"clicks"_s, u"watchSeconds"_s};
}

QJsonObject ManualMetricsInput::toJson() const
{
    QJsonObject json;
    const std::optional<qint64> figures[] = {
            views, impressions, reach, likes, comments, shares, saves, clicks, watchSeconds};
    const QStringList members = manualMetricsMembers();
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (figures[i]) {
            json.insert(members.at(i), *figures[i]);
        }
    }
    if (!evidenceUrl.isEmpty()) {
        json.insert(u"evidenceUrl"_s, evidenceUrl);
    }
    if (!kind.isEmpty()) {
        json.insert(u"kind"_s, kind);
    }
    if (publishedAt.isValid()) {
        json.insert(u"publishedAt"_s, publishedAt.toUTC().toString(Qt::ISODateWithMs));
    }
    return json;
}

Result<ManualMetricsInput> validateManualMetrics(
        const QJsonObject &body, const QDate &day, const QDate &today)
{
    validation::FieldErrors errors;
    ManualMetricsInput input;
    if (day > today) {
        errors.add(u"day"_s, u"in_future"_s, u"Figures are for days that have begun (UTC)."_s);
    }
    std::optional<qint64> *const figures[] = {&input.views, &input.impressions, &input.reach,
            &input.likes, &input.comments, &input.shares, &input.saves, &input.clicks,
            &input.watchSeconds};
    const QStringList members = manualMetricsMembers();
    for (qsizetype i = 0; i < members.size(); ++i) {
        const QJsonValue value = body.value(members.at(i));
        if (value.isUndefined() || value.isNull()) {
            continue;
        }
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > kMaxFigure
                || number != std::floor(number)) {
            errors.add(members.at(i), u"invalid_value"_s, u"Must be a whole number >= 0."_s);
            continue;
        }
        *figures[i] = static_cast<qint64>(number);
    }
    const QJsonValue evidence = body.value(u"evidenceUrl"_s);
    if (!evidence.isUndefined() && !evidence.isNull()) {
        input.evidenceUrl = evidence.toString();
        const QUrl url(input.evidenceUrl, QUrl::StrictMode);
        if (!evidence.isString() || input.evidenceUrl.size() > 2048 || !url.isValid()
                || url.scheme() != u"https"_s || url.host().isEmpty()
                || !input.evidenceUrl.startsWith(u"https://"_s)) {
            errors.add(u"evidenceUrl"_s, u"invalid_format"_s,
                    u"Must be an https URL (at most 2048 characters)."_s);
        }
    }
    const QJsonValue kind = body.value(u"kind"_s);
    if (!kind.isUndefined() && !kind.isNull()) {
        input.kind = kind.toString();
        if (!deliverableTypeNames().contains(input.kind)) {
            errors.add(u"kind"_s, u"invalid_value"_s,
                    u"Must be one of: %1."_s.arg(deliverableTypeNames().join(u", "_s)));
        }
    }
    const QJsonValue published = body.value(u"publishedAt"_s);
    if (!published.isUndefined() && !published.isNull()) {
        input.publishedAt = QDateTime::fromString(published.toString(), Qt::ISODateWithMs);
        if (!input.publishedAt.isValid() || input.publishedAt.timeSpec() == Qt::LocalTime
                || input.publishedAt.toUTC().date() > day) {
            errors.add(u"publishedAt"_s, u"invalid_value"_s,
                    u"Must be a time with its offset, on or before the day of the figures."_s);
            input.publishedAt = {};
        }
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return input;
}

} // namespace influence::common

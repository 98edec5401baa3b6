// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>

/// Analytics (issue 19): the period every analytics route takes, and the inputs brand staff and
/// creators send (an EMV table, a post's figures of one day typed in), with their validation,
/// shared by the server and the desktop.
namespace influence::common {

/// The buckets of a series: days, weeks (from Monday) or calendar months.
enum class AnalyticsInterval { Day, Week, Month };

QString wireName(AnalyticsInterval value);
std::optional<AnalyticsInterval> analyticsIntervalFromString(const QString &text);

/// A period of whole UTC days, both ends included.
struct AnalyticsPeriod
{
    QDate from;
    QDate to;
    AnalyticsInterval interval = AnalyticsInterval::Day;

    /// The longest period a route answers, in days.
    static constexpr int kMaxDays = 731;
    /// The default: the 30 days ending `today`.
    static AnalyticsPeriod lastDays(int days, const QDate &today);

    /// from, to and interval as query parameters.
    QUrlQuery toUrlQuery() const;
    int days() const { return static_cast<int>(from.daysTo(to)) + 1; }
};

/// Reads the query parameters `from`, `to` (YYYY-MM-DD; either absent: the 30 days ending
/// `today`, the other end following) and `interval` (day | week | month, default day).
/// A malformed value is 400 invalid_parameter; `from` after `to` or a period longer than
/// kMaxDays is 422 invalid_period.
Result<AnalyticsPeriod> parseAnalyticsPeriod(
        const QString &from, const QString &to, const QString &interval, const QDate &today);

/// One platform's values per action, in minor units of the table's currency with at most four
/// decimals, kept exactly as ten-thousandths of a minor unit.
struct EmvRateInput
{
    QString platform;
    qint64 perMilleImpressions = 0;
    qint64 perView = 0;
    qint64 perLike = 0;
    qint64 perComment = 0;
    qint64 perShare = 0;
    qint64 perSave = 0;
    qint64 perClick = 0;
};

/// PUT /analytics/emv-tables/{currency}: a brand's own table for a currency. Platforms not
/// listed take the built-in default's values for that currency when the table is saved.
struct EmvTableInput
{
    QString name;
    QList<EmvRateInput> rates;

    QJsonObject toJson() const;
};

/// The JSON members of a rate, in the order of EmvRateInput's values.
QStringList emvRateMembers();
/// Checks the body: a name (1–120 characters), rates with known platforms (each once) and
/// values >= 0 with at most four decimals (at most 1e9).
Result<EmvTableInput> validateEmvTable(const QJsonObject &body);

/// PUT /deliverables/{id}/metrics/{day}: a post's lifetime figures as of one day, typed in.
/// Absent figures keep what that day had (none: no figure).
struct ManualMetricsInput
{
    std::optional<qint64> views;
    std::optional<qint64> impressions;
    std::optional<qint64> reach;
    std::optional<qint64> likes;
    std::optional<qint64> comments;
    std::optional<qint64> shares;
    std::optional<qint64> saves;
    std::optional<qint64> clicks;
    std::optional<qint64> watchSeconds;
    QString evidenceUrl; ///< empty: keep
    QString kind; ///< the post's kind (a deliverable type); empty: the deliverable's type
    QDateTime publishedAt; ///< invalid: the deliverable's live time

    QJsonObject toJson() const;
};

/// The figure members of a manual entry, in the order of ManualMetricsInput's figures.
QStringList manualMetricsMembers();
/// Checks the body and the day: figures are integers >= 0, the evidence an https URL, the kind a
/// deliverable type, publishedAt a time with its offset; the day not after `today`.
Result<ManualMetricsInput> validateManualMetrics(
        const QJsonObject &body, const QDate &day, const QDate &today);

} // namespace influence::common

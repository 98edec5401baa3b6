// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <array>
#include <optional>

/// Typed readers and calls of the analytics API (issue 19): a campaign's KPIs, series, creators
/// and posts; the overview of the caller's brands; a creator's own performance; a post's daily
/// history and the figures brand staff or the creator type in by hand. The formulas are the
/// contract's (README, OpenAPI): engagements = likes + comments + shares + saves; engagement
/// rate = engagements / reach; CPE = spend / engagements; EMV from the named EMV table; ROI =
/// (EMV - spend) / spend.
namespace influence::common {

/// The figures a post, a creator or a campaign has: counts, each absent when no source gave it.
enum class Metric {
    Views,
    Impressions,
    Reach,
    Engagements,
    Likes,
    Comments,
    Shares,
    Saves,
    Clicks,
    WatchSeconds,
};
inline constexpr int kMetricCount = 10;
/// The JSON name of a figure ("watchSeconds").
QString wireName(Metric metric);

/// One set of figures, read from the object that holds them (null or absent: no value).
struct Figures
{
    std::array<std::optional<qint64>, kMetricCount> values;

    std::optional<qint64> get(Metric metric) const { return values.at(int(metric)); }
    /// The figure, 0 when absent (for sums and charts).
    qint64 value(Metric metric) const { return get(metric).value_or(0); }
    void set(Metric metric, std::optional<qint64> value) { values.at(int(metric)) = value; }

    static Figures fromJson(const QJsonObject &json);
};

/// The period of a request: `from`..`to` inclusive (UTC days; invalid: the server's default,
/// the 30 days ending today) and the series' interval.
struct AnalyticsPeriod
{
    enum class Interval { Day, Week, Month };
    QDate from;
    QDate to;
    Interval interval = Interval::Day;

    void addTo(QUrlQuery &query) const;
};
QString wireName(AnalyticsPeriod::Interval interval);

/// The EMV table a response used (every EMV figure names one).
struct EmvTableRef
{
    QString id;
    QString name;
    QString currency;
    bool custom = false; ///< the brand's own, not the built-in default
    QDateTime updatedAt;

    static EmvTableRef fromJson(const QJsonObject &json);
};

/// An EMV table with its values per action (GET /analytics/emv-tables): minor units of its
/// currency per 1 000 impressions, per view, like, comment, share, save and click.
struct EmvTable
{
    struct Rate
    {
        QString platform;
        double perMilleImpressionsMinor = 0;
        double perViewMinor = 0;
        double perLikeMinor = 0;
        double perCommentMinor = 0;
        double perShareMinor = 0;
        double perSaveMinor = 0;
        double perClickMinor = 0;
    };
    EmvTableRef ref;
    QList<Rate> rates;

    static EmvTable fromJson(const QJsonObject &json);
};

/// A campaign's (or the overview's) key figures.
struct AnalyticsKpis
{
    Figures figures;
    qint64 posts = 0;
    bool reachEstimated = false;
    std::optional<double> engagementRate; ///< 0..1 (and beyond); none when reach is 0
    qint64 spendCommittedMinor = 0;
    qint64 spendPaidMinor = 0;
    qint64 spendMinor = 0;
    qint64 budgetMinor = 0;
    std::optional<double> cpeMinor; ///< spend per engagement, minor units (a ratio)
    std::optional<double> cpmMinor;
    std::optional<double> cpvMinor;
    qint64 emvMinor = 0;
    std::optional<double> roi; ///< (EMV - spend) / spend; none when spend is 0

    static AnalyticsKpis fromJson(const QJsonObject &json);
};

/// One interval of a series (zeros filled).
struct SeriesPoint
{
    QDate start;
    Figures figures;

    static QList<SeriesPoint> listFromJson(const QJsonValue &value);
};

/// One creator's part of a campaign (or of the overview's top creators).
struct CreatorPerformance
{
    QString influencerId;
    QString displayName;
    qint64 posts = 0;
    Figures figures;
    bool reachEstimated = false;
    std::optional<double> engagementRate;
    qint64 spendMinor = 0;
    std::optional<double> cpeMinor;
    qint64 emvMinor = 0;

    static CreatorPerformance fromJson(const QJsonObject &json);
};

/// One post with its latest figures.
struct PostPerformance
{
    QString id;
    QString influencerId;
    QString displayName;
    QString platform;
    QString kind;
    QString url;
    QString caption;
    QDateTime publishedAt;
    QString deliverableId;
    QString campaignId;
    Figures figures;
    std::optional<double> engagementRate;
    qint64 emvMinor = 0;
    QString source; ///< platform, manual, import
    QString evidenceUrl;
    QDateTime dataAsOf;

    static PostPerformance fromJson(const QJsonObject &json);
};

/// GET /analytics/campaigns/{id}
struct CampaignAnalytics
{
    QString campaignId;
    QString campaignName;
    QString currency;
    QDate from;
    QDate to;
    QString interval;
    QDateTime dataAsOf;
    EmvTableRef emvTable;
    AnalyticsKpis kpis;
    QList<SeriesPoint> series;
    QList<CreatorPerformance> creators;
    QList<PostPerformance> posts;

    static Result<CampaignAnalytics> fromJson(const QJsonObject &json);
};

/// One campaign's spend against its budget in the overview.
struct CampaignSpend
{
    QString id;
    QString name;
    QString status;
    QString currency;
    qint64 budgetMinor = 0;
    qint64 committedMinor = 0;
    qint64 paidMinor = 0;
    qint64 remainingMinor = 0;
    qint64 views = 0;
    qint64 engagements = 0;
    qint64 emvMinor = 0;
};

/// What waits for the brand's staff (counts).
struct AnalyticsTodos
{
    int draftsToReview = 0;
    int overdueDeliverables = 0;
    int offersWaiting = 0;
    int payoutsDue = 0;
};

/// GET /analytics/overview
struct AnalyticsOverview
{
    QDate from;
    QDate to;
    QString interval;
    QDate previousFrom;
    QDate previousTo;
    QString currency;
    QStringList currencies;
    QDateTime dataAsOf;
    EmvTableRef emvTable;
    AnalyticsKpis kpis;
    AnalyticsKpis previousKpis;
    QList<SeriesPoint> series;
    QList<CampaignSpend> campaigns;
    QList<CreatorPerformance> topCreators;
    QList<PostPerformance> topPosts;
    AnalyticsTodos todos;

    static Result<AnalyticsOverview> fromJson(const QJsonObject &json);
};

/// One of a creator's accounts, with its daily series.
struct AccountAnalytics
{
    struct Day
    {
        QDate day;
        std::optional<qint64> followers;
        std::optional<qint64> views;
        std::optional<qint64> reach;
        std::optional<double> engagementRate;
    };
    QString id;
    QString platform;
    QString handle;
    qint64 followers = 0;
    std::optional<double> engagementRate;
    QString engagementBasis; ///< "followers" or "views"
    std::optional<double> growth30d;
    QDateTime dataAsOf;
    QList<Day> series;
};

/// GET /analytics/creators/{id}
struct CreatorAnalytics
{
    QString influencerId;
    QString displayName;
    QDate from;
    QDate to;
    QString interval;
    QDateTime dataAsOf;
    Figures figures;
    qint64 postCount = 0;
    bool reachEstimated = false;
    std::optional<double> engagementRate;
    qint64 followers = 0;
    std::optional<double> growth30d;
    QList<AccountAnalytics> accounts;
    QList<SeriesPoint> series;
    QList<PostPerformance> posts; ///< most recent first, up to 50

    static Result<CreatorAnalytics> fromJson(const QJsonObject &json);
};

/// One day of a post's history (lifetime totals as of that day).
struct PostMetricsDay
{
    QDate day;
    Figures figures;
    QString source;
    QString evidenceUrl;
    QString enteredBy;
    QDateTime capturedAt;
};

/// GET /posts/{id}/metrics (and the answer of PUT /deliverables/{id}/metrics/{day}).
struct PostHistory
{
    PostPerformance post;
    QList<PostMetricsDay> days;

    static Result<PostHistory> fromJson(const QJsonObject &json);
};

/// PUT /deliverables/{id}/metrics/{day}: a day's lifetime totals typed by hand (absent figures
/// are not sent).
struct MetricsEntry
{
    QDate day;
    Figures figures; ///< Engagements is computed, never sent
    QString evidenceUrl;

    QJsonObject toJson() const;
};

/// The analytics calls. Holds no state but the client; copy it freely.
class AnalyticsApi
{
public:
    explicit AnalyticsApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/analytics/campaigns/{id}
    QFuture<Result<CampaignAnalytics>> campaign(
            const QString &campaignId, const AnalyticsPeriod &period) const;
    /// GET /api/v1/analytics/overview (`campaignId`, `currency` empty: all, the default).
    QFuture<Result<AnalyticsOverview>> overview(const AnalyticsPeriod &period,
            const QString &campaignId = {}, const QString &currency = {}) const;
    /// GET /api/v1/analytics/creators/{id} (the creator's profile id)
    QFuture<Result<CreatorAnalytics>> creator(
            const QString &influencerId, const AnalyticsPeriod &period) const;
    /// GET /api/v1/analytics/emv-tables: the defaults and the brand's own.
    QFuture<Result<QList<EmvTable>>> emvTables() const;
    /// GET /api/v1/posts/{id}/metrics
    QFuture<Result<PostHistory>> postHistory(const QString &postId) const;
    /// PUT /api/v1/deliverables/{id}/metrics/{day}
    QFuture<Result<PostHistory>> enterMetrics(
            const QString &deliverableId, const MetricsEntry &entry) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

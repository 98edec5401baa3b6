// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AnalyticsTypes.h"
#include "ApiClient.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Typed readers and calls of the analytics API (issue 19; README "Analytics: what each figure
/// means" has the formulas). Ratios are null where their divisor is 0; money figures are
/// integer minor units of the dashboard's currency, CPE/CPM/CPV minor units with decimals.
namespace influence::common {

/// The figures every table of posts, creators and periods shares.
struct AnalyticsFigures
{
    qint64 posts = 0;
    qint64 reach = 0;
    bool reachEstimated = false; ///< part of the reach is followers x the platform's factor
    qint64 impressions = 0;
    qint64 views = 0;
    qint64 engagements = 0; ///< likes + comments + shares + saves
    qint64 likes = 0;
    qint64 comments = 0;
    qint64 shares = 0;
    qint64 saves = 0;
    qint64 clicks = 0;
    qint64 watchSeconds = 0;
    std::optional<double> engagementRate; ///< engagements / reach

    static AnalyticsFigures fromJson(const QJsonObject &json);
};

/// KPIS of a campaign or of the overview.
struct AnalyticsKpis : AnalyticsFigures
{
    qint64 spendCommittedMinor = 0;
    qint64 spendPaidMinor = 0;
    qint64 spendMinor = 0;
    qint64 budgetMinor = 0;
    std::optional<double> cpeMinor;
    std::optional<double> cpmMinor;
    std::optional<double> cpvMinor;
    std::optional<qint64> emvMinor; ///< null: no EMV table for the currency
    std::optional<double> roi; ///< (EMV - spend) / spend: media value, not sales

    static AnalyticsKpis fromJson(const QJsonObject &json);
};

/// One bucket of a series (a day, a week from Monday, a month).
struct AnalyticsPoint
{
    QDate start;
    qint64 views = 0;
    qint64 impressions = 0;
    qint64 reach = 0;
    qint64 engagements = 0;
    qint64 likes = 0;
    qint64 comments = 0;
    qint64 shares = 0;
    qint64 saves = 0;
    qint64 clicks = 0;

    static AnalyticsPoint fromJson(const QJsonObject &json);
};

/// A post with its figures in the period.
struct AnalyticsPost : AnalyticsFigures
{
    QString id;
    QString influencerId;
    QString displayName;
    QString platform;
    QString kind;
    QString url;
    QString caption; ///< at most 140 characters
    QDateTime publishedAt;
    QString deliverableId;
    QString campaignId;
    std::optional<qint64> emvMinor;
    QString source; ///< platform | manual | import
    QString evidenceUrl;
    QDateTime dataAsOf;

    static AnalyticsPost fromJson(const QJsonObject &json);
};

/// A creator's figures in a campaign (or the overview's top creators).
struct AnalyticsCreator : AnalyticsFigures
{
    QString influencerId;
    QString displayName;
    qint64 spendMinor = 0;
    std::optional<double> cpeMinor;
    std::optional<qint64> emvMinor;

    static AnalyticsCreator fromJson(const QJsonObject &json);
};

/// Which EMV table a figure used.
struct EmvTableRef
{
    QString id;
    QString name;
    QString currency;
    bool custom = false; ///< the brand's own; false: our defaults
    QDateTime updatedAt;

    static std::optional<EmvTableRef> fromJson(const QJsonValue &value);
};

/// An EMV table with its values per action (minor units with up to 4 decimals).
struct EmvTable : EmvTableRef
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
    QString brandId; ///< empty for the defaults
    QList<Rate> rates;

    static Result<EmvTable> fromJson(const QJsonObject &json);
};

/// GET /analytics/campaigns/{id}
struct CampaignAnalytics
{
    QString campaignId;
    QString campaignName;
    QString currency;
    AnalyticsPeriod period;
    QDateTime dataAsOf;
    std::optional<EmvTableRef> emvTable;
    AnalyticsKpis kpis;
    QList<AnalyticsPoint> series;
    QList<AnalyticsCreator> creators; ///< by engagements, most first
    QList<AnalyticsPost> posts; ///< by engagements, most first

    static Result<CampaignAnalytics> fromJson(const QJsonObject &json);
};

/// GET /analytics/overview
struct AnalyticsOverview
{
    struct Campaign
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
        std::optional<qint64> emvMinor;
    };
    struct Todos
    {
        qint64 draftsToReview = 0;
        qint64 overdueDeliverables = 0;
        qint64 offersWaiting = 0;
        qint64 payoutsDue = 0;
    };
    AnalyticsPeriod period;
    QDate previousFrom;
    QDate previousTo;
    QString currency;
    QStringList currencies;
    QDateTime dataAsOf;
    std::optional<EmvTableRef> emvTable;
    AnalyticsKpis kpis;
    AnalyticsKpis previousKpis;
    QList<AnalyticsPoint> series;
    QList<Campaign> campaigns;
    QList<AnalyticsCreator> topCreators;
    QList<AnalyticsPost> topPosts;
    Todos todos;

    static Result<AnalyticsOverview> fromJson(const QJsonObject &json);
};

/// GET /analytics/creators/{id}
struct CreatorAnalytics
{
    struct AccountDay
    {
        QDate day;
        qint64 followers = 0;
        std::optional<qint64> views;
        std::optional<qint64> reach;
        std::optional<double> engagementRate;
    };
    struct Account
    {
        QString id;
        QString platform;
        QString handle;
        qint64 followers = 0;
        std::optional<double> engagementRate;
        QString engagementBasis; ///< followers | views
        std::optional<double> growth30d;
        QDateTime dataAsOf;
        QList<AccountDay> series;
    };
    QString influencerId;
    QString displayName;
    AnalyticsPeriod period;
    QDateTime dataAsOf;
    AnalyticsFigures kpis; ///< posts, reach, impressions, views, engagements, engagementRate
    qint64 followers = 0;
    std::optional<double> growth30d;
    QList<Account> accounts;
    QList<AnalyticsPoint> series;
    QList<AnalyticsPost> posts; ///< most recent first, up to 50

    static Result<CreatorAnalytics> fromJson(const QJsonObject &json);
};

/// GET /posts/{id}/metrics: a post's stored lifetime figures per day.
struct PostMetricsHistory
{
    struct Day
    {
        QDate day;
        std::optional<qint64> views;
        std::optional<qint64> impressions;
        std::optional<qint64> reach;
        std::optional<qint64> likes;
        std::optional<qint64> comments;
        std::optional<qint64> shares;
        std::optional<qint64> saves;
        std::optional<qint64> clicks;
        std::optional<qint64> watchSeconds;
        QString source;
        QString evidenceUrl;
        QString enteredBy;
        QDateTime capturedAt;
    };
    AnalyticsPost post; ///< all-time figures
    QList<Day> days;

    static Result<PostMetricsHistory> fromJson(const QJsonObject &json);
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
    /// GET /api/v1/analytics/overview (empty campaignId: all; empty currency: the usual one)
    QFuture<Result<AnalyticsOverview>> overview(const AnalyticsPeriod &period,
            const QString &campaignId = {}, const QString &currency = {}) const;
    /// GET /api/v1/analytics/creators/{id}
    QFuture<Result<CreatorAnalytics>> creator(
            const QString &influencerId, const AnalyticsPeriod &period) const;
    /// GET /api/v1/analytics/emv-tables
    QFuture<Result<QList<EmvTable>>> emvTables() const;
    /// PUT /api/v1/analytics/emv-tables/{currency}
    QFuture<Result<EmvTable>> saveEmvTable(
            const QString &currency, const EmvTableInput &input) const;
    /// GET /api/v1/posts/{id}/metrics
    QFuture<Result<PostMetricsHistory>> postMetrics(const QString &postId) const;
    /// PUT /api/v1/deliverables/{id}/metrics/{day}
    QFuture<Result<PostMetricsHistory>> enterMetrics(
            const QString &deliverableId, const QDate &day, const ManualMetricsInput &input) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

// SPDX-License-Identifier: Apache-2.0
#include "AnalyticsText.h"

#include "common/Domain.h"
#include "common/Money.h"
#include "widgets/Names.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

const QString kNone = u"–"_s;

} // namespace

qint64 figure(const common::AnalyticsFigures &f, Metric metric)
{
    switch (metric) {
    case Metric::Views: return f.views;
    case Metric::Impressions: return f.impressions;
    case Metric::Reach: return f.reach;
    case Metric::Engagements: return f.engagements;
    case Metric::Likes: return f.likes;
    case Metric::Comments: return f.comments;
    case Metric::Shares: return f.shares;
    case Metric::Saves: return f.saves;
    case Metric::Clicks: return f.clicks;
    case Metric::WatchSeconds: return f.watchSeconds;
    }
    return 0;
}

qint64 figure(const common::AnalyticsPoint &p, Metric metric)
{
    switch (metric) {
    case Metric::Views: return p.views;
    case Metric::Impressions: return p.impressions;
    case Metric::Reach: return p.reach;
    case Metric::Engagements: return p.engagements;
    case Metric::Likes: return p.likes;
    case Metric::Comments: return p.comments;
    case Metric::Shares: return p.shares;
    case Metric::Saves: return p.saves;
    case Metric::Clicks: return p.clicks;
    case Metric::WatchSeconds: return 0;
    }
    return 0;
}

std::optional<qint64> figure(const common::PostMetricsHistory::Day &d, Metric metric)
{
    switch (metric) {
    case Metric::Views: return d.views;
    case Metric::Impressions: return d.impressions;
    case Metric::Reach: return d.reach;
    case Metric::Likes: return d.likes;
    case Metric::Comments: return d.comments;
    case Metric::Shares: return d.shares;
    case Metric::Saves: return d.saves;
    case Metric::Clicks: return d.clicks;
    case Metric::WatchSeconds: return d.watchSeconds;
    case Metric::Engagements: {
        std::optional<qint64> sum;
        for (const auto &part : {d.likes, d.comments, d.shares, d.saves}) {
            if (part) {
                sum = sum.value_or(0) + *part;
            }
        }
        return sum;
    }
    }
    return std::nullopt;
}

QString AnalyticsText::kpiName(Kpi kpi)
{
    switch (kpi) {
    case Kpi::Posts: return tr("Posts");
    case Kpi::Reach: return tr("Reach");
    case Kpi::Impressions: return tr("Impressions");
    case Kpi::Views: return tr("Views");
    case Kpi::Engagements: return tr("Engagements");
    case Kpi::EngagementRate: return tr("Engagement rate");
    case Kpi::Spend: return tr("Spend");
    case Kpi::Cpe: return tr("CPE");
    case Kpi::Cpm: return tr("CPM");
    case Kpi::Cpv: return tr("CPV");
    case Kpi::Emv: return tr("EMV");
    case Kpi::Roi: return tr("ROI");
    }
    return {};
}

QString AnalyticsText::formula(Kpi kpi)
{
    switch (kpi) {
    case Kpi::Posts: return tr("Posts published in the period");
    case Kpi::Reach:
        return tr("Sum of the posts' reach; where a post has none: followers at publication × "
                  "the platform's reach factor (estimated)");
    case Kpi::Impressions: return tr("Sum of the posts' impressions");
    case Kpi::Views: return tr("Sum of the posts' views");
    case Kpi::Engagements: return tr("Likes + comments + shares + saves (clicks not included)");
    case Kpi::EngagementRate: return tr("Engagements / reach");
    case Kpi::Spend: return tr("Committed fees not yet paid + fees paid");
    case Kpi::Cpe: return tr("Spend / engagements (cost per engagement)");
    case Kpi::Cpm: return tr("Spend / impressions × 1,000 (cost per mille)");
    case Kpi::Cpv: return tr("Spend / views (cost per view)");
    case Kpi::Emv:
        return tr("Each figure × the EMV table's value per action for the post's platform "
                  "(earned media value)");
    case Kpi::Roi: return tr("(EMV − spend) / spend: media value, not sales");
    }
    return {};
}

QString AnalyticsText::metricName(Metric metric)
{
    switch (metric) {
    case Metric::Views: return tr("Views");
    case Metric::Impressions: return tr("Impressions");
    case Metric::Reach: return tr("Reach");
    case Metric::Engagements: return tr("Engagements");
    case Metric::Likes: return tr("Likes");
    case Metric::Comments: return tr("Comments");
    case Metric::Shares: return tr("Shares");
    case Metric::Saves: return tr("Saves");
    case Metric::Clicks: return tr("Clicks");
    case Metric::WatchSeconds: return tr("Watch time (s)");
    }
    return {};
}

std::optional<double> AnalyticsText::value(const common::AnalyticsKpis &kpis, Kpi kpi)
{
    switch (kpi) {
    case Kpi::Posts: return double(kpis.posts);
    case Kpi::Reach: return double(kpis.reach);
    case Kpi::Impressions: return double(kpis.impressions);
    case Kpi::Views: return double(kpis.views);
    case Kpi::Engagements: return double(kpis.engagements);
    case Kpi::EngagementRate: return kpis.engagementRate;
    case Kpi::Spend: return double(kpis.spendMinor);
    case Kpi::Cpe: return kpis.cpeMinor;
    case Kpi::Cpm: return kpis.cpmMinor;
    case Kpi::Cpv: return kpis.cpvMinor;
    case Kpi::Emv:
        return kpis.emvMinor ? std::optional<double>(double(*kpis.emvMinor)) : std::nullopt;
    case Kpi::Roi: return kpis.roi;
    }
    return std::nullopt;
}

QString AnalyticsText::text(const common::AnalyticsKpis &kpis, Kpi kpi, const QString &currency)
{
    const auto v = value(kpis, kpi);
    switch (kpi) {
    case Kpi::EngagementRate: return percent(v, 2);
    case Kpi::Roi: return percent(v, 0);
    case Kpi::Spend: return money(kpis.spendMinor, currency);
    case Kpi::Emv: return kpis.emvMinor ? money(*kpis.emvMinor, currency) : kNone;
    case Kpi::Cpe:
    case Kpi::Cpm:
    case Kpi::Cpv: return ratioMoney(v, currency);
    case Kpi::Reach: {
        const QString shown = count(qint64(v.value_or(0)));
        return kpis.reachEstimated ? tr("≈ %1").arg(shown) : shown;
    }
    default: return count(qint64(v.value_or(0)));
    }
}

int AnalyticsText::goodDirection(Kpi kpi)
{
    switch (kpi) {
    case Kpi::Cpe:
    case Kpi::Cpm:
    case Kpi::Cpv: return -1;
    case Kpi::Spend: return 0;
    default: return 1;
    }
}

std::optional<double> AnalyticsText::change(
        std::optional<double> current, std::optional<double> previous)
{
    if (!current || !previous || *previous == 0.0) {
        return std::nullopt;
    }
    return (*current - *previous) / std::abs(*previous);
}

QString AnalyticsText::changeText(std::optional<double> change, bool hadPrevious)
{
    if (!change) {
        return hadPrevious ? kNone : tr("new");
    }
    const QString amount = percent(std::abs(*change), 1);
    if (std::abs(*change) < 0.0005) {
        return tr("± 0 %");
    }
    return (*change > 0 ? u"▲ "_s : u"▼ "_s) + amount;
}

QString AnalyticsText::count(qint64 value)
{
    return QLocale().toString(value);
}

QString AnalyticsText::count(std::optional<qint64> value)
{
    return value ? count(*value) : kNone;
}

QString AnalyticsText::percent(std::optional<double> share, int decimals)
{
    if (!share) {
        return kNone;
    }
    return tr("%1 %").arg(QLocale().toString(*share * 100.0, 'f', decimals));
}

QString AnalyticsText::money(qint64 minor, const QString &currency)
{
    if (currency.isEmpty()) {
        return count(minor);
    }
    return common::formatMoney(common::Money{minor, currency});
}

QString AnalyticsText::money(std::optional<qint64> minor, const QString &currency)
{
    return minor ? money(*minor, currency) : kNone;
}

QString AnalyticsText::ratioMoney(std::optional<double> minor, const QString &currency)
{
    if (!minor) {
        return kNone;
    }
    const int digits = currency.isEmpty() ? 2 : std::max(0, common::currencyMinorDigits(currency));
    const double major = *minor / std::pow(10.0, digits);
    // Small ratios (a CPE of 0.35) keep their cents and a little more.
    const int decimals = major < 1.0 ? digits + 2 : digits;
    const QString number = QLocale().toString(major, 'f', decimals);
    const QString symbol = common::currencySymbol(currency);
    return QLocale().language() == QLocale::German ? QString(number + u' ' + symbol)
                                                   : QString(symbol + number);
}

QString AnalyticsText::source(const QString &source)
{
    if (source == u"platform"_s) {
        return tr("Platform");
    }
    if (source == u"manual"_s) {
        return tr("Entered by hand");
    }
    if (source == u"import"_s) {
        return tr("Imported");
    }
    return source;
}

QString AnalyticsText::postKind(const QString &kind)
{
    static const QList<std::pair<QString, const char *>> kinds{{u"post"_s, QT_TR_NOOP("Post")},
            {u"story"_s, QT_TR_NOOP("Story")}, {u"reel"_s, QT_TR_NOOP("Reel")},
            {u"video"_s, QT_TR_NOOP("Video")}, {u"short"_s, QT_TR_NOOP("Short")},
            {u"livestream"_s, QT_TR_NOOP("Livestream")}, {u"blog"_s, QT_TR_NOOP("Blog post")}};
    for (const auto &[wire, name] : kinds) {
        if (wire == kind) {
            return tr(name);
        }
    }
    return kind;
}

QString AnalyticsText::platform(const QString &platform)
{
    const auto known = common::platformFromString(platform);
    return known ? Names::platform(*known) : platform;
}

QString AnalyticsText::dataAsOf(const QDateTime &at)
{
    if (!at.isValid()) {
        return tr("No figures yet.");
    }
    return tr("Figures as of %1").arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat));
}

} // namespace influence::desktop

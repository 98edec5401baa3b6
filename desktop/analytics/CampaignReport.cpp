// SPDX-License-Identifier: Apache-2.0
#include "CampaignReport.h"

#include "widgets/AnalyticsText.h"
#include "widgets/TrendChart.h"

#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr int kResolution = 150; // dots per inch of the PDF's coordinates

/// The report's font: without ligatures ("fl" as one glyph), so that its text can be searched
/// and copied as typed (pdftotext reads "Influence" back, not "Inﬂuence").
QFont reportFont(double points, bool bold = false)
{
    QFont font(u"DejaVu Sans"_s);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

/// Draws the report top to bottom, starting new pages as it fills them.
class Pages
{
public:
    Pages(QPdfWriter *writer, QPainter *painter)
        : m_writer(writer)
        , m_painter(painter)
        , m_width(painter->device()->width())
        , m_height(painter->device()->height())
    { }

    int width() const { return m_width; }
    int remaining() const { return m_height - m_y; }

    void newPage()
    {
        m_writer->newPage();
        m_y = 0;
    }
    void ensure(int height)
    {
        if (m_y + height > m_height && m_y > 0) {
            newPage();
        }
    }
    void space(int height) { m_y += height; }

    void text(const QString &text, double points, bool bold = false, QColor color = Qt::black)
    {
        m_painter->setFont(reportFont(points, bold));
        m_painter->setPen(color);
        const QRect box = m_painter->boundingRect(
                QRect(0, 0, m_width, m_height), Qt::TextWordWrap | Qt::AlignLeft, text);
        ensure(box.height());
        m_painter->drawText(
                QRect(0, m_y, m_width, box.height()), Qt::TextWordWrap | Qt::AlignLeft, text);
        m_y += box.height();
    }

    void heading(const QString &title)
    {
        ensure(200); // a heading does not end a page
        space(30);
        text(title, 14, true, QColor(0x1d, 0x3f, 0x7a));
        space(10);
    }

    void image(const QImage &image)
    {
        if (image.isNull()) {
            return;
        }
        const int height = image.height() * m_width / image.width();
        ensure(height);
        m_painter->drawImage(QRect(0, m_y, m_width, height), image);
        m_y += height;
    }

    /// A table: `widths` are shares of the page width; columns `firstNumber` to `lastNumber`
    /// hold numbers (right-aligned). Cells wrap; a row is as high as its tallest cell.
    void table(const QStringList &header, const QList<QStringList> &rows,
            const QList<double> &widths, int firstNumber, int lastNumber = 99)
    {
        const QFont font = reportFont(8);
        const QFont bold = reportFont(7.5, true);
        constexpr int kPad = 6;
        const auto rowHeight = [&](const QStringList &cells, const QFont &f) {
            const QFontMetrics metrics(f, m_painter->device());
            int height = metrics.height();
            for (int c = 0; c < cells.size() && c < widths.size(); ++c) {
                const int w = int(widths.at(c) * m_width) - 2 * kPad;
                height = std::max(height,
                        metrics.boundingRect(QRect(0, 0, w, 10000), Qt::TextWordWrap, cells.at(c))
                                .height());
            }
            return height + 2 * kPad;
        };
        const auto drawRow = [&](const QStringList &cells, bool isHeader, bool shaded) {
            const int height = rowHeight(cells, isHeader ? bold : font);
            ensure(height);
            if (shaded || isHeader) {
                m_painter->fillRect(QRect(0, m_y, m_width, height),
                        isHeader ? QColor(0xdf, 0xe7, 0xf3) : QColor(0xf5, 0xf5, 0xf5));
            }
            m_painter->setFont(isHeader ? bold : font);
            m_painter->setPen(Qt::black);
            int x = 0;
            for (int c = 0; c < cells.size() && c < widths.size(); ++c) {
                const int w = int(widths.at(c) * m_width);
                const QRect cell(x + kPad, m_y + kPad, w - 2 * kPad, height - 2 * kPad);
                const bool number = c >= firstNumber && c <= lastNumber;
                m_painter->drawText(cell,
                        int(Qt::AlignTop | Qt::TextWordWrap
                                | (number ? Qt::AlignRight : Qt::AlignLeft)),
                        cells.at(c));
                x += w;
            }
            m_y += height;
        };
        drawRow(header, true, false);
        for (int r = 0; r < rows.size(); ++r) {
            if (m_y + rowHeight(rows.at(r), font) > m_height) {
                newPage();
                drawRow(header, true, false); // the header again on the new page
            }
            drawRow(rows.at(r), false, r % 2 == 1);
        }
    }

    /// Horizontal bars of `values` with their labels (engagements per creator).
    void bars(const QList<std::pair<QString, qint64>> &values)
    {
        if (values.isEmpty()) {
            return;
        }
        m_painter->setFont(reportFont(8));
        const int rowHeight = m_painter->fontMetrics().height() * 3 / 2;
        const int labelWidth = m_width / 4;
        const qint64 max = std::max<qint64>(1,
                std::max_element(values.cbegin(), values.cend(), [](const auto &a, const auto &b) {
                    return a.second < b.second;
                })->second);
        for (const auto &[label, value] : values) {
            ensure(rowHeight);
            m_painter->setPen(Qt::black);
            m_painter->drawText(QRect(0, m_y, labelWidth - 8, rowHeight),
                    int(Qt::AlignVCenter | Qt::AlignRight),
                    m_painter->fontMetrics().elidedText(label, Qt::ElideRight, labelWidth - 8));
            const int full = m_width - labelWidth - m_width / 6;
            const int w = int(double(value) / double(max) * full);
            m_painter->fillRect(
                    QRect(labelWidth, m_y + rowHeight / 6, std::max(w, 1), rowHeight * 2 / 3),
                    TrendChart::colorFor(1));
            m_painter->drawText(QRect(labelWidth + w + 8, m_y, m_width / 6, rowHeight),
                    int(Qt::AlignVCenter | Qt::AlignLeft), AnalyticsText::count(value));
            m_y += rowHeight;
        }
    }

private:
    QPdfWriter *m_writer;
    QPainter *m_painter;
    int m_width;
    int m_height;
    int m_y = 0;
};

QString decimal(double value)
{
    return QLocale().toString(value, 'f', 4).remove(QRegularExpression(u"0{1,2}$"_s));
}

} // namespace

QString CampaignReport::write(const QString &path, const CampaignReportData &data)
{
    const common::CampaignAnalytics &a = data.analytics;
    const QString currency = a.currency;
    const common::EmvTableRef emv = a.emvTable.value_or(common::EmvTableRef{});
    const QString emvName = a.emvTable ? emv.name : tr("none for %1").arg(currency);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Could not write %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(kResolution);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter));
        writer.setTitle(tr("Campaign report: %1").arg(a.campaignName));
        writer.setCreator(u"Influence"_s);
        QPainter painter;
        if (!painter.begin(&writer)) {
            return tr("Could not write %1.").arg(QFileInfo(path).fileName());
        }
        Pages pages(&writer, &painter);
        const QLocale locale;

        // The title page.
        pages.space(pages.remaining() / 4);
        pages.text(tr("Campaign report"), 12, false, QColor(0x5e, 0x5e, 0x5e));
        pages.space(20);
        pages.text(a.campaignName, 26, true, QColor(0x1d, 0x3f, 0x7a));
        pages.space(30);
        pages.text(tr("Period: %1 – %2")
                           .arg(locale.toString(a.period.from, QLocale::LongFormat),
                                   locale.toString(a.period.to, QLocale::LongFormat)),
                13);
        pages.space(10);
        pages.text(AnalyticsText::dataAsOf(a.dataAsOf), 10);
        pages.text(tr("Currency: %1 · EMV table: %2").arg(currency, emvName), 10);
        pages.text(
                tr("Prepared on %1")
                        .arg(locale.toString(data.generatedAt.toLocalTime(), QLocale::LongFormat)),
                10);
        // The headline figures on the first page; every figure with its formula follows.
        pages.space(60);
        QStringList names;
        QStringList values;
        for (const Kpi kpi : {Kpi::Reach, Kpi::Views, Kpi::Engagements, Kpi::EngagementRate,
                     Kpi::Spend, Kpi::Emv}) {
            names.append(AnalyticsText::kpiName(kpi));
            values.append(AnalyticsText::text(a.kpis, kpi, currency));
        }
        pages.table(names, {values}, {1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0}, 0);
        pages.newPage();

        // The key figures with their formulas.
        pages.heading(tr("Key figures"));
        QList<QStringList> kpiRows;
        for (int k = int(Kpi::Posts); k <= int(Kpi::Roi); ++k) {
            const auto kpi = Kpi(k);
            kpiRows.append({AnalyticsText::kpiName(kpi), AnalyticsText::text(a.kpis, kpi, currency),
                    AnalyticsText::formula(kpi)});
        }
        pages.table({tr("Figure"), tr("Value"), tr("How it is computed")}, kpiRows,
                {0.18, 0.18, 0.64}, 1, 1);
        if (a.kpis.reachEstimated) {
            pages.space(8);
            pages.text(tr("≈ Reach is partly estimated: followers at publication × the "
                          "platform's reach factor where a post has no reach figure."),
                    8);
        }
        pages.text(tr("ROI is media-value ROI, not sales: no conversions are tracked."), 8);

        pages.heading(tr("Performance over time"));
        pages.image(data.trendChart);
        pages.heading(tr("Engagements per creator"));
        QList<std::pair<QString, qint64>> bars;
        for (const common::AnalyticsCreator &c : a.creators) {
            bars.append({c.displayName, c.engagements});
        }
        pages.bars(bars);

        pages.heading(tr("Per creator"));
        QList<QStringList> creatorRows;
        for (const common::AnalyticsCreator &c : a.creators) {
            creatorRows.append(
                    {c.displayName, AnalyticsText::count(c.posts), AnalyticsText::count(c.views),
                            AnalyticsText::count(c.reach), AnalyticsText::count(c.engagements),
                            AnalyticsText::percent(c.engagementRate, 2),
                            AnalyticsText::money(c.spendMinor, currency),
                            AnalyticsText::ratioMoney(c.cpeMinor, currency),
                            AnalyticsText::money(c.emvMinor, currency)});
        }
        pages.table({tr("Creator"), tr("Posts"), tr("Views"), tr("Reach"), tr("Engagements"),
                            tr("Eng. rate"), tr("Spend"), tr("CPE"), tr("EMV")},
                creatorRows, {0.14, 0.08, 0.10, 0.11, 0.13, 0.10, 0.12, 0.10, 0.12}, 1);

        pages.heading(tr("Per post"));
        QList<QStringList> postRows;
        for (const common::AnalyticsPost &p : a.posts) {
            postRows.append({p.displayName,
                    AnalyticsText::platform(p.platform) + u" · "_s
                            + AnalyticsText::postKind(p.kind),
                    locale.toString(p.publishedAt.toLocalTime().date(), QLocale::ShortFormat),
                    AnalyticsText::count(p.views), AnalyticsText::count(p.reach),
                    AnalyticsText::count(p.engagements),
                    AnalyticsText::percent(p.engagementRate, 2),
                    AnalyticsText::money(p.emvMinor, currency)});
        }
        pages.table({tr("Creator"), tr("Post"), tr("Published"), tr("Views"), tr("Reach"),
                            tr("Engagements"), tr("Eng. rate"), tr("EMV")},
                postRows, {0.15, 0.16, 0.11, 0.11, 0.11, 0.14, 0.10, 0.12}, 3);

        pages.heading(tr("EMV table used"));
        pages.text(tr("%1, %2, last changed %3")
                           .arg(emvName,
                                   emv.custom ? tr("the brand's own") : tr("the built-in default"),
                                   locale.toString(emv.updatedAt.toLocalTime().date(),
                                           QLocale::ShortFormat)),
                9);
        pages.text(tr("Values per action in minor units of %1 (per 1,000 for impressions).")
                           .arg(currency),
                8);
        pages.space(6);
        QList<QStringList> rateRows;
        if (data.emvTable) {
            for (const common::EmvTable::Rate &r : data.emvTable->rates) {
                rateRows.append(
                        {AnalyticsText::platform(r.platform), decimal(r.perMilleImpressionsMinor),
                                decimal(r.perViewMinor), decimal(r.perLikeMinor),
                                decimal(r.perCommentMinor), decimal(r.perShareMinor),
                                decimal(r.perSaveMinor), decimal(r.perClickMinor)});
            }
        }
        if (rateRows.isEmpty()) {
            pages.text(tr("The table's values could not be read."), 9);
        } else {
            pages.table({tr("Platform"), tr("1,000 impr."), tr("View"), tr("Like"), tr("Comment"),
                                tr("Share"), tr("Save"), tr("Click")},
                    rateRows, {0.2, 0.12, 0.1, 0.1, 0.12, 0.12, 0.12, 0.12}, 1);
        }
        painter.end();
    }
    if (!file.commit()) {
        return tr("Could not write %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
    }
    return {};
}

QFuture<QString> CampaignReport::writeInBackground(const QString &path, CampaignReportData data)
{
    return QtConcurrent::run([path, data = std::move(data)] {
        return write(path, data);
    });
}

} // namespace influence::desktop

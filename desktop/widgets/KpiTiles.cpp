// SPDX-License-Identifier: Apache-2.0
#include "KpiTiles.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

QColor toneColor(int tone)
{
    if (tone > 0) {
        return {0x1e, 0x7e, 0x34}; // green
    }
    if (tone < 0) {
        return {0xc0, 0x1c, 0x28}; // red
    }
    return {0x6b, 0x6b, 0x6b}; // grey
}

} // namespace

KpiTile::KpiTile(Kpi kpi, QWidget *parent)
    : QFrame(parent)
    , m_kpi(kpi)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tilePalette = palette();
    tilePalette.setColor(QPalette::Window, tilePalette.color(QPalette::Base));
    setPalette(tilePalette);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    m_name = new QLabel;
    QPalette muted = m_name->palette();
    muted.setColor(QPalette::WindowText, QColor(0x5e, 0x5e, 0x5e));
    m_name->setPalette(muted);
    m_value = new QLabel;
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_value->setFont(big);
    m_change = new QLabel;
    layout->addWidget(m_name);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    clear();
}

void KpiTile::show(const common::AnalyticsKpis &kpis, const common::AnalyticsKpis *previous,
        const QString &currency)
{
    m_name->setText(AnalyticsText::kpiName(m_kpi));
    m_value->setText(AnalyticsText::text(kpis, m_kpi, currency));
    QString tip = u"<b>%1</b><br>%2"_s.arg(AnalyticsText::kpiName(m_kpi).toHtmlEscaped(),
            AnalyticsText::formula(m_kpi).toHtmlEscaped());
    m_tone = 0;
    if (previous) {
        const auto before = AnalyticsText::value(*previous, m_kpi);
        const auto change = AnalyticsText::change(AnalyticsText::value(kpis, m_kpi), before);
        m_change->setText(AnalyticsText::changeText(change, before && *before != 0.0));
        if (change && std::abs(*change) >= 0.0005) {
            m_tone = (*change > 0 ? 1 : -1) * AnalyticsText::goodDirection(m_kpi);
        }
        tip += u"<br>"_s
                + tr("Previous period: %1")
                          .arg(AnalyticsText::text(*previous, m_kpi, currency))
                          .toHtmlEscaped();
    } else {
        m_change->setText(QString());
    }
    QPalette changePalette = m_change->palette();
    changePalette.setColor(QPalette::WindowText, toneColor(m_tone));
    m_change->setPalette(changePalette);
    m_change->setVisible(previous != nullptr);
    setToolTip(tip);
}

void KpiTile::clear()
{
    m_name->setText(AnalyticsText::kpiName(m_kpi));
    m_value->setText(u"–"_s);
    m_change->clear();
    m_tone = 0;
    setToolTip(AnalyticsText::formula(m_kpi));
}

QString KpiTile::valueText() const
{
    return m_value->text();
}

QString KpiTile::changeText() const
{
    return m_change->text();
}

KpiTiles::KpiTiles(const QString &stem, const QList<Kpi> &kpis, int columns, QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    for (int i = 0; i < kpis.size(); ++i) {
        auto *tile = new KpiTile(kpis.at(i));
        tile->setObjectName(u"%1Kpi_%2"_s.arg(stem).arg(int(kpis.at(i))));
        grid->addWidget(tile, i / columns, i % columns);
        m_tiles.append(tile);
    }
    for (int c = 0; c < columns; ++c) {
        grid->setColumnStretch(c, 1);
    }
}

void KpiTiles::show(const common::AnalyticsKpis &kpis, const common::AnalyticsKpis *previous,
        const QString &currency)
{
    m_kpis = kpis;
    m_previous = previous ? std::optional(*previous) : std::nullopt;
    m_currency = currency;
    for (KpiTile *tile : std::as_const(m_tiles)) {
        tile->show(kpis, previous, currency);
    }
}

void KpiTiles::clear()
{
    m_kpis.reset();
    m_previous.reset();
    for (KpiTile *tile : std::as_const(m_tiles)) {
        tile->clear();
    }
}

KpiTile *KpiTiles::tile(Kpi kpi) const
{
    for (KpiTile *tile : m_tiles) {
        if (tile->kpi() == kpi) {
            return tile;
        }
    }
    return nullptr;
}

void KpiTiles::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (m_kpis) {
            show(*m_kpis, m_previous ? &*m_previous : nullptr, m_currency);
        } else {
            clear();
        }
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop

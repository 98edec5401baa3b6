// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"
#include "widgets/AnalyticsText.h"

#include <QFrame>
#include <QList>
#include <QWidget>

#include <optional>

class QGridLayout;
class QLabel;

namespace influence::desktop {

/// One key figure as a tile: its name, its value in large type and, when there is a previous
/// period, the change against it (an arrow and a percentage, green when it is good news, red
/// when bad, grey for spend). The tooltip states the formula and the previous value.
class KpiTile : public QFrame
{
    Q_OBJECT

public:
    explicit KpiTile(Kpi kpi, QWidget *parent = nullptr);

    Kpi kpi() const { return m_kpi; }
    void show(const common::AnalyticsKpis &kpis, const common::AnalyticsKpis *previous,
            const QString &currency);
    void clear();
    QString valueText() const;
    QString changeText() const;
    /// -1 bad, 0 neutral, +1 good (the change's colour).
    int tone() const { return m_tone; }

private:
    Kpi m_kpi;
    int m_tone = 0;
    QLabel *m_name = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_change = nullptr;
};

/// A grid of KPI tiles (`columns` per row), named `<stem>Kpi_<n>`.
class KpiTiles : public QWidget
{
    Q_OBJECT

public:
    KpiTiles(const QString &stem, const QList<Kpi> &kpis, int columns, QWidget *parent = nullptr);

    void show(const common::AnalyticsKpis &kpis, const common::AnalyticsKpis *previous,
            const QString &currency);
    void clear();
    KpiTile *tile(Kpi kpi) const;
    const QList<KpiTile *> &tiles() const { return m_tiles; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QList<KpiTile *> m_tiles;
    std::optional<common::AnalyticsKpis> m_kpis;
    std::optional<common::AnalyticsKpis> m_previous;
    QString m_currency;
};

} // namespace influence::desktop

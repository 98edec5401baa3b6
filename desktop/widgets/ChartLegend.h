// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QLabel>
#include <QList>

namespace influence::desktop {

/// A chart's legend as a wrapping line of text under the chart: each series' colour, its whole
/// name and, where there is one, what is wrong with its figures ("no figures in this period").
/// QChart's own legend keeps to one row and cuts names off ("Instagram @luc…") in a narrow
/// chart; this one wraps instead.
class ChartLegend : public QLabel
{
    Q_OBJECT

public:
    struct Entry
    {
        QColor color;
        QString name;
        QString status; ///< empty: the series' figures are as they should be
    };

    explicit ChartLegend(const QString &objectName, QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
};

} // namespace influence::desktop

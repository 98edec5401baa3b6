// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHeaderView>
#include <QStyleOptionHeader>

namespace influence::desktop {

/// A results header whose sections take clicks only where the server can sort by the column
/// (DiscoveryModel::sortForColumn); the other sections stay resizable at their edges but
/// neither look nor act clickable.
class SortHeader : public QHeaderView
{
public:
    explicit SortHeader(QWidget *parent = nullptr);

    /// How `section` is drawn: its sort indicator among the rest.
    QStyleOptionHeader sectionOption(int section) const;

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    /// The arrow points the way the figures fall: down for a descending sort. QHeaderView draws
    /// Qt::DescendingOrder as SortUp, which the styles paint as an upward arrow.
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;

private:
    bool takesClick(QPoint pos) const;

    bool m_pressTaken = false;
};

} // namespace influence::desktop

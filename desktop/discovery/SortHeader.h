// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHeaderView>

namespace influence::desktop {

/// A results header whose sections take clicks only where the server can sort by the column
/// (DiscoveryModel::sortForColumn); the other sections stay resizable at their edges but
/// neither look nor act clickable.
class SortHeader : public QHeaderView
{
public:
    explicit SortHeader(QWidget *parent = nullptr);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    bool takesClick(QPoint pos) const;

    bool m_pressTaken = false;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"

#include <QListWidget>

namespace influence::desktop {

/// One column of the pipeline board: the deals in one state. Cards are dragged out as deal ids
/// and a drop asks the board to move the deal (the column itself never changes on a drop).
class DealColumn : public QListWidget
{
    Q_OBJECT

public:
    static constexpr auto kMimeType = "application/x-influence-deal-id";

    explicit DealColumn(common::DealState state, QWidget *parent = nullptr);
    /// The states the board has a column for, left to right: the workflow, then its ends.
    static const QList<common::DealState> &boardStates();
    common::DealState state() const { return m_state; }
    /// A card is being dragged over the column: it is highlighted as where the drop goes.
    bool isDropTarget() const { return m_dropTarget; }

Q_SIGNALS:
    void dealDropped(const QString &dealId, influence::common::DealState target);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    Qt::DropActions supportedDropActions() const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum class Highlight { None, DropTarget };
    void highlight(Highlight highlight);

    common::DealState m_state;
    bool m_dropTarget = false;
};

} // namespace influence::desktop

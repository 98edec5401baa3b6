// SPDX-License-Identifier: Apache-2.0
#include "FiringsTable.h"

#include "RuleText.h"
#include "widgets/Formats.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;
using influence::common::RuleFiring;

namespace influence::desktop {

FiringsTable::FiringsTable(QWidget *parent)
    : QTableWidget(0, ActionsColumn + 1, parent)
{
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(true);
    // The texts share what the time and outcome leave: the page is narrow beside the rules.
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(WhenColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    for (const int column : {EventColumn, ReasonColumn, ActionsColumn}) {
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    }
    retranslate();
}

void FiringsTable::retranslate()
{
    setHorizontalHeaderLabels(
            {tr("When"), tr("Event"), tr("Outcome"), tr("Why"), tr("What it did")});
    const QList<RuleFiring> firings = m_firings;
    setFirings(firings); // the statuses and action names in the new language
}

void FiringsTable::setCampaignNames(const QHash<QString, QString> &names)
{
    m_campaignNames = names;
    const QList<RuleFiring> firings = m_firings;
    setFirings(firings);
}

void FiringsTable::setFirings(const QList<RuleFiring> &firings)
{
    m_firings.clear();
    setRowCount(0);
    appendFirings(firings);
}

void FiringsTable::appendFirings(const QList<RuleFiring> &firings)
{
    for (const RuleFiring &firing : firings) {
        m_firings.append(firing);
        addRow(firing);
    }
    resizeRowsToContents();
}

void FiringsTable::addRow(const RuleFiring &firing)
{
    const int row = rowCount();
    insertRow(row);
    const QDateTime when = firing.firedAt.isValid() ? firing.firedAt : firing.event.at;
    auto *whenItem = new QTableWidgetItem(Formats::when(when));
    whenItem->setToolTip(QLocale().toString(when.toLocalTime(), QLocale::LongFormat));
    setItem(row, WhenColumn, whenItem);
    const QString event = firing.event.summary.isEmpty() ? RuleText::triggerName(firing.event.type)
                                                         : firing.event.summary;
    auto *eventItem = new QTableWidgetItem(event);
    eventItem->setToolTip(event);
    setItem(row, EventColumn, eventItem);
    auto *status = new QTableWidgetItem(RuleText::firingStatus(firing));
    const bool bad = firing.status == RuleFiring::Status::Failed;
    const bool quiet = firing.status == RuleFiring::Status::Skipped
            || firing.status == RuleFiring::Status::WouldSkip;
    if (bad) {
        status->setForeground(QColor(0xc0, 0x39, 0x2b));
    } else if (quiet) {
        status->setForeground(palette().placeholderText());
    }
    setItem(row, StatusColumn, status);
    // The server names campaigns by id in its reasons: the names read better.
    QString why = firing.reason;
    for (auto it = m_campaignNames.cbegin(); it != m_campaignNames.cend(); ++it) {
        why.replace(it.key(), it.value());
    }
    auto *reason = new QTableWidgetItem(why);
    reason->setToolTip(why);
    setItem(row, ReasonColumn, reason);
    const QString actions = RuleText::actionResults(firing);
    auto *actionsItem = new QTableWidgetItem(actions);
    actionsItem->setToolTip(actions);
    setItem(row, ActionsColumn, actionsItem);
}

} // namespace influence::desktop

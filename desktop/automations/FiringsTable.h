// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/RuleTypes.h"

#include <QHash>
#include <QTableWidget>

namespace influence::desktop {

/// A rule's firings, or what its dry run found: when, the event, the outcome, why it was skipped
/// or failed, and each action's result. The rule's history and the editor's preview show it.
class FiringsTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column { WhenColumn, EventColumn, StatusColumn, ReasonColumn, ActionsColumn };

    explicit FiringsTable(QWidget *parent = nullptr);

    void setFirings(const QList<common::RuleFiring> &firings);
    /// Adds the next page below the rows there.
    void appendFirings(const QList<common::RuleFiring> &firings);
    const QList<common::RuleFiring> &firings() const { return m_firings; }
    /// Campaigns' names (id → name) put in place of their ids in the server's reasons.
    void setCampaignNames(const QHash<QString, QString> &names);
    /// The headers again in the current language.
    void retranslate();

private:
    void addRow(const common::RuleFiring &firing);

    QList<common::RuleFiring> m_firings;
    QHash<QString, QString> m_campaignNames;
};

} // namespace influence::desktop

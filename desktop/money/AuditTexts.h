// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Money.h"
#include "common/MoneyTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QUuid>

#include <utility>

namespace influence::desktop {

/// The audit log's entries in words, for its table and its CSV (AuditLogPage): what an action
/// did ("Payout paid"), to which object (a campaign by its name, a deal by its creator), who did
/// it ("You" for the user), and what it changed ("Budget: €15,000.00 → €16,000.00", amounts,
/// states and dates in the user's language and locale).
class AuditTexts
{
    // The texts were written for the audit page and keep its translation context.
    Q_DECLARE_TR_FUNCTIONS(influence::desktop::AuditLogPage)

public:
    /// What the page knows of the brand's objects (the first page of each); an object it does
    /// not know is named by the start of its id.
    struct ObjectNames
    {
        QHash<QString, QString> campaigns; ///< campaign id → name
        QHash<QString, common::Money> campaignBudgets; ///< campaign id → budget, for its currency
        QHash<QString, QString> deals; ///< deal id → the deal's creator
        /// payout id → its amount and creator; said when shown ("€950.00 to Jonas Trails"), so
        /// in the language and locale of that moment
        QHash<QString, std::pair<common::Money, QString>> payouts;
        QHash<QString, QString> creators; ///< user id → name: creators act too (accepting)
    };

    static QString action(const QString &action);
    static QString object(const common::AuditEntry &entry, const ObjectNames &names);
    static QString change(const common::AuditEntry &entry, const ObjectNames &names);
    /// `self`: the signed-in user, who is "You".
    static QString actor(
            const common::AuditEntry &entry, const ObjectNames &names, const QUuid &self);

private:
    static QString valueText(const common::AuditEntry &entry, const ObjectNames &names,
            const QString &key, const QJsonValue &value);
};

} // namespace influence::desktop

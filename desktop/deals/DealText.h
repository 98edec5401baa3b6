// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace influence::desktop {

/// Translated words of a deal's page: the steps of a deal, offers' and deliverables' states and
/// what a timeline entry adds to its kind.
class DealText
{
    Q_DECLARE_TR_FUNCTIONS(DealText)

public:
    static QString dealAction(common::DealAction action);
    static QString offerStatus(common::OfferStatus status);
    static QString deliverableStatus(common::DeliverableStatus status);
    /// What an activity timeline entry adds to its kind ("fee €500.00", "version 2: Approved",
    /// the live post's address), from the event's data; empty when there is nothing to add.
    /// Amounts are in `currency` (the deal's).
    static QString eventDetail(
            const QString &kind, const QJsonObject &data, const QString &currency);
};

} // namespace influence::desktop

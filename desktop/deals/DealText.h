// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/CollabTypes.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
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
    /// Who `userId` is in `deal`: the creator's name, else the brand's (only the two sides act
    /// on a deal, the brand also through its members); "Influence" when no user acted (the
    /// system). Without a loaded deal there is no telling: call it once the deal is known.
    /// A moment in the user's locale (short format, local time); empty when unknown.
    static QString time(const QDateTime &moment);
    /// A day in the user's locale (short format); empty when unknown.
    static QString day(QDate date);
    /// An offer's deliverables, one line each ("2 × Reel on Instagram, due 12/24/26").
    static QString offerSummary(const common::OfferInput &offer);
    static QString partyName(const common::Deal &deal, const QString &userId);
    /// As partyName(), but "You" for `me` (the signed-in user's id).
    static QString actorName(const common::Deal &deal, const QString &userId, const QString &me);
};

} // namespace influence::desktop

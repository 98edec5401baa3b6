// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Error.h"
#include "common/Money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace influence::common {
struct Notification;
}

namespace influence::desktop {

/// Translated names of the collaboration states and actions, money in the user's locale, and
/// plain-language text for the server's collaboration errors.
class CollabText
{
    Q_DECLARE_TR_FUNCTIONS(CollabText)

public:
    static QString campaignStatus(common::CampaignStatus status);
    static QString campaignAction(common::CampaignAction action);
    static QString dealState(common::DealState state);
    static QString dealAction(common::DealAction action);
    static QString offerStatus(common::OfferStatus status);
    static QString deliverableStatus(common::DeliverableStatus status);
    static QString reviewDecision(common::ReviewDecision decision);
    static QString dealSide(common::DealSide side);
    static QString deliverableType(common::DeliverableType type);
    /// The platform's own name ("YouTube"): a proper noun, the same in every language.
    static QString platform(common::Platform platform);
    /// An activity timeline entry ("offer.made") in words.
    static QString eventKind(const QString &kind);
    /// What an activity timeline entry adds to its kind ("fee €500.00", "version 2: Approved",
    /// the live post's address), from the event's data; empty when there is nothing to add.
    /// Amounts are in `currency` (the deal's).
    static QString eventDetail(
            const QString &kind, const QJsonObject &data, const QString &currency);
    /// A notification as a sentence to its reader ("The creator sent a counter-offer."); kinds
    /// this version does not know read as their timeline entry (eventKind()).
    static QString notification(const common::Notification &notification);
    /// When something happened, relative to `now` while recent ("5 minutes ago"), else the
    /// date and time in the user's locale.
    static QString when(
            const QDateTime &at, const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// An amount typed in major units ("5000", "5.000,50" in German) as minor units of
    /// `currency`; nothing when it is not a plain non-negative amount with at most the
    /// currency's decimals.
    static std::optional<qint64> parseAmount(const QString &typed, const QString &currency);
    /// The amount in major units for editing, without grouping ("5000,50" in German).
    static QString amountText(const common::Money &money);
    /// Plain text as HTML: escaped, http(s) addresses as links, line breaks kept.
    static QString linkified(const QString &text);
    /// The amount in the user's locale with its currency ("5.000,00 €").
    static QString money(const common::Money &money);
    /// A headline for an error (collaboration codes included) and the server's detail after it.
    static QString error(const common::Error &error);
};

} // namespace influence::desktop

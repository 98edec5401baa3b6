// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace influence::desktop {

/// Values in the user's locale: money, amounts typed and shown for editing, times relative to
/// now, and plain text as safe HTML.
class Formats
{
    Q_DECLARE_TR_FUNCTIONS(Formats)

public:
    /// The amount in the user's locale with its currency ("5.000,00 €").
    static QString money(const common::Money &money);
    /// Amounts per currency, each in the user's locale, as a list ("€1,000.00 and $50.00");
    /// "nothing" in words when empty.
    static QString moneyList(const QMap<QString, qint64> &amounts);
    /// The amount in major units for editing, without grouping ("5000,50" in German).
    static QString amountText(const common::Money &money);
    /// An amount typed in major units ("5000", "5.000,50" in German) as minor units of
    /// `currency`; nothing when it is not a plain non-negative amount with at most the
    /// currency's decimals.
    static std::optional<qint64> parseAmount(const QString &typed, const QString &currency);
    /// When something happened, relative to `now` while recent ("5 minutes ago"), else the
    /// date and time in the user's locale.
    static QString when(
            const QDateTime &at, const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// Plain text as HTML: escaped, http(s) addresses as links, line breaks kept.
    static QString linkified(const QString &text);
};

} // namespace influence::desktop

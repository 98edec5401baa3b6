// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QLocale>
#include <QString>
#include <QtGlobal>

namespace influence::common {

/// An amount of money: integer minor units (cents, pence, yen) of an ISO 4217 currency.
/// Never a float: arithmetic is exact and overflow is reported, not wrapped.
struct Money
{
    qint64 minorUnits = 0;
    QString currency; ///< ISO 4217 alphabetic code, upper case ("EUR")

    friend bool operator==(const Money &, const Money &) = default;
};

/// True for an active ISO 4217 alphabetic code ("EUR", "JPY").
bool isCurrencyCode(const QString &code);
/// Digits after the decimal point of a currency (2 for EUR, 0 for JPY, 3 for KWD); -1 if unknown.
int currencyMinorDigits(const QString &code);
/// Validates a money value: a known currency and 0 ≤ amount ≤ limit (non-negative amounts only
/// where the field is a price or budget; `field` names the JSON field for errors).
Result<Money> validateMoney(qint64 minorUnits, const QString &currency, const QString &field);
/// Adds two amounts of the same currency; an error on a currency mismatch or overflow.
Result<Money> addMoney(const Money &a, const Money &b);
/// "12.34 EUR" style plain rendering (no locale), for logs and CSV.
QString formatMoneyPlain(const Money &money);
/// The symbol of a currency: `locale`'s own when it is its currency, else the shortest symbol
/// an English locale uses for it (then any locale), else the code ("€", "$", "£", "CHF").
QString currencySymbol(const QString &code, const QLocale &locale = QLocale());
/// For people: the amount in `locale`'s number format with the currency's symbol and its minor
/// digits ("€4,280.00" in English, "4.280,00 €" in German, "¥1,234").
QString formatMoney(const Money &money, const QLocale &locale = QLocale());

} // namespace influence::common

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Money.h"

#include <QLocale>
#include <QRegularExpression>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <optional>

namespace influence::desktop {

/// 10 to the power `digits` (0 to 18).
inline qint64 powerOfTen(int digits)
{
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i) {
        scale *= 10;
    }
    return scale;
}

/// Minor units in one major unit of `currency` (100 for EUR, 1 for JPY, 1000 for KWD; 1 for an
/// unknown code): the factor between an amount typed in a spin box and the API's minor units.
inline qint64 minorPerMajor(const QString &currency)
{
    return powerOfTen(std::max(0, common::currencyMinorDigits(currency)));
}

/// A non-negative number typed in `locale` ("1234.5", "1.234,50" in German) with at most
/// `decimals` decimals, as an integer count of 10^-decimals; nothing when it is not such a
/// number. Exact: no floats.
inline std::optional<qint64> parseFixed(const QString &text, int decimals, const QLocale &locale)
{
    QString plain = text.trimmed();
    plain.remove(locale.groupSeparator());
    plain.replace(locale.decimalPoint(), QStringLiteral("."));
    static const QRegularExpression number(QStringLiteral("^(\\d{1,13})(?:\\.(\\d*))?$"));
    const QRegularExpressionMatch match = number.match(plain);
    if (!match.hasMatch() || match.captured(2).size() > decimals) {
        return std::nullopt;
    }
    const QString fraction = match.captured(2).leftJustified(decimals, u'0');
    return match.captured(1).toLongLong() * powerOfTen(decimals)
            + (decimals > 0 ? fraction.toLongLong() : 0);
}

/// `value` 10^-decimals written in `locale` with `decimals` decimals ("120.50"); with
/// `trim`, trailing zeros beyond `keep` decimals are left out ("0.025" rather than "0.025000").
inline QString formatFixed(
        qint64 value, int decimals, const QLocale &locale, bool trim = false, int keep = 0)
{
    const qint64 factor = powerOfTen(decimals);
    QString text = QString::number(value / factor);
    if (decimals > 0) {
        QString fraction = QString::number(value % factor).rightJustified(decimals, u'0');
        if (trim) {
            while (fraction.size() > keep && fraction.endsWith(u'0')) {
                fraction.chop(1);
            }
        }
        if (!fraction.isEmpty()) {
            text += locale.decimalPoint() + fraction;
        }
    }
    return text;
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#include "Money.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

// Active ISO 4217 codes (list one, 2024) with their minor unit digits.
const QHash<QString, int> &currencies()
{
    static const QHash<QString, int> table = [] {
        QHash<QString, int> t;
        const auto add = [&t](QLatin1StringView codes, int digits) {
            for (const QString &code : QString(codes).split(u' ', Qt::SkipEmptyParts)) {
                t.insert(code, digits);
            }
        };
        add("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN "
            "BWP "
            "BYN BZD CAD CDF CHF CNY COP CRC CUP CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP "
            "GEL "
            "GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR KES KGS KHR KPW KYD KZT LAK "
            "LBP "
            "LKR LRD LSL MAD MDL MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK "
            "NPR "
            "NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS "
            "SRD "
            "SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD "
            "YER "
            "ZAR ZMW ZWL"_L1,
                2);
        add("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"_L1, 0);
        add("BHD IQD JOD KWD LYD OMR TND"_L1, 3);
        add("CLF UYW"_L1, 4);
        return t;
    }();
    return table;
}

// Large enough for any real budget (90 trillion in major units of a 2-digit currency), small
// enough that adding a few such amounts cannot overflow qint64.
constexpr qint64 kMaxAmount = 9'000'000'000'000'000LL / 1000;

} // namespace

bool isCurrencyCode(const QString &code)
{
    return currencies().contains(code);
}

int currencyMinorDigits(const QString &code)
{
    return currencies().value(code, -1);
}

Result<Money> validateMoney(qint64 minorUnits, const QString &currency, const QString &field)
{
    QList<FieldError> errors;
    if (!isCurrencyCode(currency)) {
        errors.append({field + u"/currency"_s, u"invalid_currency"_s,
                u"Must be an ISO 4217 currency code such as EUR or USD."_s});
    }
    if (minorUnits < 0) {
        errors.append({field + u"/amount"_s, u"negative"_s, u"Must not be negative."_s});
    } else if (minorUnits > kMaxAmount) {
        errors.append({field + u"/amount"_s, u"too_large"_s, u"Is larger than allowed."_s});
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return Money{minorUnits, currency};
}

Result<Money> addMoney(const Money &a, const Money &b)
{
    if (a.currency != b.currency) {
        return Error::make(ErrorCode::BadRequest, u"Cannot add amounts in different currencies."_s);
    }
    qint64 sum = 0;
    if (__builtin_add_overflow(a.minorUnits, b.minorUnits, &sum)) {
        return Error::make(ErrorCode::BadRequest, u"The amount is too large."_s);
    }
    return Money{sum, a.currency};
}

QString currencySymbol(const QString &code, const QLocale &locale)
{
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code) {
        return locale.currencySymbol(QLocale::CurrencySymbol);
    }
    // Built once (thread-safe static): a few hundred locales, looked through in a few ms.
    static const QHash<QString, QString> symbols = [] {
        QHash<QString, QString> english;
        QHash<QString, QString> any;
        const auto collect = [](QHash<QString, QString> &map, const QList<QLocale> &locales) {
            for (const QLocale &candidate : locales) {
                const QString iso = candidate.currencySymbol(QLocale::CurrencyIsoCode);
                const QString symbol = candidate.currencySymbol(QLocale::CurrencySymbol);
                if (iso.isEmpty() || symbol.isEmpty()) {
                    continue;
                }
                const auto it = map.constFind(iso);
                if (it == map.cend() || symbol.size() < it->size()) {
                    map.insert(iso, symbol);
                }
            }
        };
        collect(english,
                QLocale::matchingLocales(
                        QLocale::English, QLocale::AnyScript, QLocale::AnyTerritory));
        collect(any,
                QLocale::matchingLocales(
                        QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory));
        any.insert(english);
        return any;
    }();
    return symbols.value(code, code);
}

QString formatMoney(const Money &money, const QLocale &locale)
{
    const int digits = qMax(0, currencyMinorDigits(money.currency));
    double scale = 1;
    for (int i = 0; i < digits; ++i) {
        scale *= 10;
    }
    // Display only: a double holds any realistic amount exactly to the minor unit.
    const double major = static_cast<double>(money.minorUnits) / scale;
    return locale.toCurrencyString(major, currencySymbol(money.currency, locale), digits);
}

QString formatMoneyPlain(const Money &money)
{
    const int digits = qMax(0, currencyMinorDigits(money.currency));
    const bool negative = money.minorUnits < 0;
    // Work on the unsigned magnitude so that the most negative value does not overflow.
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(money.minorUnits)
                                       : static_cast<quint64>(money.minorUnits);
    quint64 scale = 1;
    for (int i = 0; i < digits; ++i) {
        scale *= 10;
    }
    QString text = QString::number(magnitude / scale);
    if (digits > 0) {
        text += u'.' + QString::number(magnitude % scale).rightJustified(digits, u'0');
    }
    return (negative ? u"-"_s : QString()) + text + u' ' + money.currency;
}

} // namespace influence::common

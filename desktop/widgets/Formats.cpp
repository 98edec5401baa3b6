// SPDX-License-Identifier: Apache-2.0
#include "Formats.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

QString Formats::money(const common::Money &money)
{
    return common::formatMoney(money);
}

QString Formats::moneyList(const QMap<QString, qint64> &amounts)
{
    QStringList parts;
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it) {
        parts.append(money({it.value(), it.key()}));
    }
    return parts.isEmpty() ? tr("nothing") : QLocale().createSeparatedList(parts);
}

QString Formats::amountText(const common::Money &money)
{
    const int digits = std::max(0, common::currencyMinorDigits(money.currency));
    qint64 divisor = 1;
    for (int i = 0; i < digits; ++i) {
        divisor *= 10;
    }
    QString whole = QString::number(money.minorUnits / divisor);
    if (digits == 0) {
        return whole;
    }
    return whole + QLocale().decimalPoint()
            + QString::number(money.minorUnits % divisor).rightJustified(digits, u'0');
}

std::optional<qint64> Formats::parseAmount(const QString &typed, const QString &currency)
{
    const QLocale locale;
    QString text = typed.trimmed().remove(locale.groupSeparator()).remove(u' ');
    text.replace(locale.decimalPoint(), u"."_s);
    static const QRegularExpression pattern(u"^(\\d{1,15})(?:\\.(\\d+))?$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    const int digits = common::isCurrencyCode(currency)
            ? std::max(0, common::currencyMinorDigits(currency))
            : 2;
    if (!match.hasMatch() || match.captured(2).size() > digits) {
        return std::nullopt;
    }
    qint64 minor = match.captured(1).toLongLong();
    QString fraction = match.captured(2);
    fraction = fraction.leftJustified(digits, u'0');
    for (int i = 0; i < digits; ++i) {
        minor = minor * 10 + fraction.at(i).digitValue();
    }
    return minor;
}

QString Formats::when(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid()) {
        return {};
    }
    const qint64 seconds = at.secsTo(now);
    if (seconds < 60) {
        return tr("just now");
    }
    // (English and German have the same plural rule: one, or other.)
    if (seconds < 3600) {
        const qint64 minutes = seconds / 60;
        return minutes == 1 ? tr("1 minute ago")
                            : tr("%1 minutes ago").arg(QLocale().toString(minutes));
    }
    if (seconds < qint64{24} * 3600) {
        const qint64 hours = seconds / 3600;
        return hours == 1 ? tr("1 hour ago") : tr("%1 hours ago").arg(QLocale().toString(hours));
    }
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString Formats::linkified(const QString &text)
{
    static const QRegularExpression url(u"https?://[^\\s<>\"]+"_s);
    QString html;
    qsizetype from = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        html += text.mid(from, match.capturedStart() - from).toHtmlEscaped();
        const QString address = match.captured().toHtmlEscaped();
        html += u"<a href=\"%1\">%1</a>"_s.arg(address);
        from = match.capturedEnd();
    }
    html += text.mid(from).toHtmlEscaped();
    return html.replace(u'\n', u"<br>"_s);
}

} // namespace influence::desktop

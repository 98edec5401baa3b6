// SPDX-License-Identifier: Apache-2.0
#include "RatesEditor.h"

#include "common/Money.h"
#include "widgets/MinorUnits.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// A price typed in `locale` as minor units of `currency`; nothing when it is not one.
std::optional<qint64> parseMinorUnits(
        const QString &text, const QString &currency, const QLocale &locale)
{
    return parseFixed(text, std::max(0, common::currencyMinorDigits(currency)), locale);
}

QString formatMinorUnits(const common::Money &money, const QLocale &locale)
{
    return formatFixed(
            money.minorUnits, std::max(0, common::currencyMinorDigits(money.currency)), locale);
}

} // namespace

RatesEditor::RatesEditor(QWidget *parent)
    : QTableWidget(static_cast<int>(common::deliverableTypeNames().size()), 3, parent)
{
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    setMinimumHeight(200);
    for (int row = 0; row < rowCount(); ++row) {
        auto *type = new QTableWidgetItem;
        type->setFlags(Qt::ItemIsEnabled);
        type->setData(Qt::UserRole, common::deliverableTypeNames().at(row));
        setItem(row, TypeColumn, type);
        setItem(row, PriceColumn, new QTableWidgetItem);
        setItem(row, CurrencyColumn, new QTableWidgetItem);
    }
    retranslate();
}

void RatesEditor::retranslate()
{
    setHorizontalHeaderLabels({tr("Deliverable"), tr("Price"), tr("Currency")});
    // In the order of common::deliverableTypeNames().
    static constexpr std::array<const char *, 7> typeNames{QT_TR_NOOP("Post"), QT_TR_NOOP("Story"),
            QT_TR_NOOP("Reel"), QT_TR_NOOP("Video"), QT_TR_NOOP("Short"), QT_TR_NOOP("Livestream"),
            QT_TR_NOOP("Blog post")};
    for (int row = 0; row < rowCount() && row < static_cast<int>(typeNames.size()); ++row) {
        item(row, TypeColumn)->setText(tr(typeNames.at(row)));
    }
}

void RatesEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        rewritePrices();
        retranslate();
    }
    QTableWidget::changeEvent(event);
}

void RatesEditor::rewritePrices()
{
    const QLocale now;
    if (now == m_priceLocale) {
        return;
    }
    // The prices on screen are read in the language they were written in and written in the
    // new one.
    for (int row = 0; row < rowCount(); ++row) {
        QTableWidgetItem *price = item(row, PriceColumn);
        const QString currency = item(row, CurrencyColumn)->text().trimmed().toUpper();
        if (const auto minor = parseMinorUnits(price->text(), currency, m_priceLocale)) {
            price->setText(formatMinorUnits({*minor, currency}, now));
        } // what does not read as a price stays as typed, for its error to name it
    }
    m_priceLocale = now;
}

void RatesEditor::setRates(const QList<common::Rate> &rates)
{
    for (int row = 0; row < rowCount(); ++row) {
        const QString type = item(row, TypeColumn)->data(Qt::UserRole).toString();
        const auto rate =
                std::find_if(rates.cbegin(), rates.cend(), [&type](const common::Rate &r) {
                    return common::wireName(r.type) == type;
                });
        const bool found = rate != rates.cend();
        item(row, PriceColumn)
                ->setText(found ? formatMinorUnits(rate->price, m_priceLocale) : QString());
        item(row, CurrencyColumn)->setText(found ? rate->price.currency : QString());
    }
}

QJsonArray RatesEditor::json(QList<common::FieldError> *parseErrors) const
{
    QJsonArray rates;
    for (int row = 0; row < rowCount(); ++row) {
        const QString price = item(row, PriceColumn)->text().trimmed();
        const QString currency = item(row, CurrencyColumn)->text().trimmed().toUpper();
        if (price.isEmpty() && currency.isEmpty()) {
            continue;
        }
        const auto minor = parseMinorUnits(price, currency, m_priceLocale);
        if (!minor && parseErrors) {
            parseErrors->append(
                    {u"rates[%1].amountMinor"_s.arg(rates.size()), u"invalid_value"_s, QString()});
        }
        rates.append(QJsonObject{{u"type"_s, item(row, TypeColumn)->data(Qt::UserRole).toString()},
                {u"amountMinor"_s, minor ? QJsonValue(static_cast<double>(*minor)) : QJsonValue()},
                {u"currency"_s, currency}});
    }
    return rates;
}

} // namespace influence::desktop

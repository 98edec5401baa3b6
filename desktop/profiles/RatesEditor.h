// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/ProfileTypes.h"

#include <QJsonArray>
#include <QLocale>
#include <QTableWidget>

namespace influence::desktop {

/// A creator's rates as a table: one row per deliverable type, its price typed in the app's
/// language ("120.50", "120,50" in German) and its currency code. Prices are exact minor units
/// (no floats) and are rewritten when the language changes, so that "120.50" typed in English
/// does not become 12 050 in German, where the dot groups thousands.
class RatesEditor : public QTableWidget
{
    Q_OBJECT

public:
    explicit RatesEditor(QWidget *parent = nullptr);

    /// Shows `rates`; types without a rate stay empty.
    void setRates(const QList<common::Rate> &rates);
    /// The filled rows as the API's `rates` array (unchecked); a price that does not read as
    /// one is sent as null and, with `parseErrors`, named there ("rates[1].amountMinor").
    QJsonArray json(QList<common::FieldError> *parseErrors = nullptr) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Column { TypeColumn, PriceColumn, CurrencyColumn };

    void retranslate();
    void rewritePrices();

    /// The language the prices on screen are written in.
    QLocale m_priceLocale;
};

} // namespace influence::desktop

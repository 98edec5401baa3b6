// SPDX-License-Identifier: Apache-2.0
// Discovery's filters: the widgets for GET /api/v1/influencers' parameters (niche, country and
// language picked by name; a maximum price for a deliverable type), the query they describe, and
// setting them from a query.
#include "DiscoveryView.h"
#include "common/Domain.h"
#include "common/Money.h"
#include "common/Validation.h"
#include "discovery/DiscoveryModel.h"
#include "widgets/CountryNames.h"
#include "widgets/LanguagePicker.h"
#include "widgets/MinorUnits.h"
#include "widgets/Names.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

const QStringList kPlatforms{u"instagram"_s, u"youtube"_s, u"tiktok"_s, u"twitch"_s, u"x"_s,
        u"facebook"_s, u"pinterest"_s, u"linkedin"_s, u"snapchat"_s};

/// The currencies offered for the price filter: the usual ones and those the creators' rates
/// come in. A creator's rate matches only in its own currency (the server does not convert).
const QStringList kPriceCurrencies{u"EUR"_s, u"USD"_s, u"GBP"_s, u"CHF"_s, u"SEK"_s, u"NOK"_s,
        u"DKK"_s, u"PLN"_s, u"CZK"_s, u"CAD"_s, u"AUD"_s, u"BRL"_s, u"MXN"_s, u"ARS"_s, u"INR"_s,
        u"IDR"_s, u"PHP"_s, u"JPY"_s, u"KRW"_s, u"TRY"_s, u"NGN"_s, u"ZAR"_s};
const QString kDefaultCurrency = u"EUR"_s;

using Choices = QList<std::pair<QString, QString>>; ///< (what the user reads, the code sent)

void sortByText(Choices &choices)
{
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
}

Choices nicheChoices()
{
    Choices choices;
    for (const QString &niche : common::nicheNames()) {
        choices.append({Names::niche(niche), niche});
    }
    sortByText(choices);
    return choices;
}

Choices platformChoices()
{
    Choices choices;
    for (const QString &platform : kPlatforms) {
        const auto known = common::platformFromString(platform);
        choices.append({known ? Names::platform(*known) : platform, platform});
    }
    return choices;
}

/// Replaces a picker's choices after its first ("any") entry and keeps what was chosen, without
/// announcing a change (the names changed, not the filter).
void refill(QComboBox *box, const Choices &choices)
{
    const QSignalBlocker quiet(box);
    const QVariant chosen = box->currentData();
    while (box->count() > 1) {
        box->removeItem(box->count() - 1);
    }
    for (const auto &[text, code] : choices) {
        box->addItem(text, code);
    }
    box->setCurrentIndex(chosen.isValid() ? std::max(0, box->findData(chosen)) : 0);
}

} // namespace

void DiscoveryView::refillChoices()
{
    refill(m_nicheBox, nicheChoices());
    refill(m_platformBox, platformChoices());
    refill(m_countryBox, CountryNames::choices());
}

QGridLayout *DiscoveryView::buildFilters()
{
    auto *filters = new QGridLayout;
    const auto label = [this](QWidget *buddy) {
        auto *text = new QLabel;
        text->setBuddy(buddy);
        m_filterLabels.append(text);
        return text;
    };
    const auto debounce = [this] {
        m_restore.reset(); // the user's change wins over a place still being restored
        m_debounce.start();
    };

    m_textEdit = new QLineEdit;
    m_textEdit->setObjectName(u"searchEdit"_s);
    m_textEdit->setClearButtonEnabled(true);
    connect(m_textEdit, &QLineEdit::textChanged, this, debounce);
    const auto picker = [this, debounce](const QString &name, const Choices &choices) {
        auto *box = new QComboBox;
        box->setObjectName(name);
        box->addItem(QString()); // "any", named in retranslate()
        for (const auto &[text, code] : choices) {
            box->addItem(text, code);
        }
        box->setMaxVisibleItems(20);
        // Sized for a usual name, not the longest one ("South Georgia & South Sandwich
        // Islands"), which would squeeze the other filters and buttons.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
        connect(box, &QComboBox::currentIndexChanged, this, debounce);
        return box;
    };
    m_nicheBox = picker(u"nicheFilterBox"_s, nicheChoices());
    m_platformBox = new QComboBox;
    m_platformBox->setObjectName(u"platformBox"_s);
    m_platformBox->addItem(QString());
    refill(m_platformBox, platformChoices());
    connect(m_platformBox, &QComboBox::currentIndexChanged, this, debounce);
    m_countryBox = picker(u"countryFilterBox"_s, CountryNames::choices());
    m_languageBox = picker(u"languageFilterBox"_s, LanguagePicker::choices());
    m_minFollowers = new QSpinBox;
    m_minFollowers->setObjectName(u"minFollowersBox"_s);
    m_maxFollowers = new QSpinBox;
    m_maxFollowers->setObjectName(u"maxFollowersBox"_s);
    for (QSpinBox *box : {m_minFollowers, m_maxFollowers}) {
        box->setRange(0, 1'000'000'000);
        box->setSingleStep(1000);
        box->setGroupSeparatorShown(true);
        connect(box, &QSpinBox::valueChanged, this, debounce);
    }
    m_minEngagement = new QDoubleSpinBox;
    m_minEngagement->setObjectName(u"minEngagementBox"_s);
    m_minEngagement->setRange(0, 100);
    m_minEngagement->setDecimals(1);
    m_minEngagement->setSingleStep(0.5);
    m_minEngagement->setSuffix(u" %"_s);
    connect(m_minEngagement, &QDoubleSpinBox::valueChanged, this, debounce);
    m_minAuthenticity = new QSpinBox;
    m_minAuthenticity->setObjectName(u"minAuthenticityBox"_s);
    m_minAuthenticity->setRange(0, 100);
    m_minAuthenticity->setSingleStep(5);
    connect(m_minAuthenticity, &QSpinBox::valueChanged, this, debounce);
    m_priceTypeBox = new QComboBox;
    m_priceTypeBox->setObjectName(u"priceTypeBox"_s);
    m_priceTypeBox->addItem(QString()); // "any", named in retranslate() as the types are
    for (const QString &type : common::deliverableTypeNames()) {
        m_priceTypeBox->addItem(QString(), type);
    }
    // The type alone filters nothing, but the results show its price.
    connect(m_priceTypeBox, &QComboBox::currentIndexChanged, this, [this, debounce] {
        updatePriceEnabled();
        debounce();
    });
    // Whole major units: a ceiling for a creator's price needs no cents, and no float either.
    m_maxPriceBox = new QSpinBox;
    m_maxPriceBox->setObjectName(u"maxPriceBox"_s);
    m_maxPriceBox->setRange(0, 1'000'000'000);
    m_maxPriceBox->setSingleStep(50);
    m_maxPriceBox->setGroupSeparatorShown(true);
    connect(m_maxPriceBox, &QSpinBox::valueChanged, this, debounce);
    m_priceCurrencyBox = new QComboBox;
    m_priceCurrencyBox->setObjectName(u"priceCurrencyBox"_s);
    for (const QString &currency : kPriceCurrencies) {
        m_priceCurrencyBox->addItem(currency, currency);
    }
    m_priceCurrencyBox->setCurrentIndex(m_priceCurrencyBox->findData(kDefaultCurrency));
    connect(m_priceCurrencyBox, &QComboBox::currentIndexChanged, this, [this, debounce] {
        if (m_maxPriceBox->value() > 0) {
            debounce();
        }
    });
    updatePriceEnabled();
    m_sortBox = new QComboBox;
    m_sortBox->setObjectName(u"sortBox"_s);
    for (const QString &sort :
            {u"relevance"_s, u"followers"_s, u"engagement"_s, u"growth"_s, u"authenticity"_s}) {
        m_sortBox->addItem(QString(), sort);
    }
    connect(m_sortBox, &QComboBox::currentIndexChanged, this, [this] {
        m_restore.reset();
        search();
    });
    m_resetButton = new QPushButton;
    m_resetButton->setObjectName(u"resetFiltersButton"_s);
    connect(m_resetButton, &QPushButton::clicked, this, &DiscoveryView::resetFilters);

    filters->addWidget(label(m_textEdit), 0, 0);
    filters->addWidget(m_textEdit, 0, 1, 1, 3);
    filters->addWidget(label(m_sortBox), 0, 4);
    filters->addWidget(m_sortBox, 0, 5);
    filters->addWidget(label(m_nicheBox), 1, 0);
    filters->addWidget(m_nicheBox, 1, 1);
    filters->addWidget(label(m_platformBox), 1, 2);
    filters->addWidget(m_platformBox, 1, 3);
    filters->addWidget(label(m_countryBox), 1, 4);
    filters->addWidget(m_countryBox, 1, 5);
    filters->addWidget(label(m_languageBox), 2, 0);
    filters->addWidget(m_languageBox, 2, 1);
    filters->addWidget(label(m_minFollowers), 2, 2);
    filters->addWidget(m_minFollowers, 2, 3);
    filters->addWidget(label(m_maxFollowers), 2, 4);
    filters->addWidget(m_maxFollowers, 2, 5);
    filters->addWidget(label(m_minEngagement), 3, 0);
    filters->addWidget(m_minEngagement, 3, 1);
    filters->addWidget(label(m_priceTypeBox), 3, 2);
    filters->addWidget(m_priceTypeBox, 3, 3);
    filters->addWidget(label(m_maxPriceBox), 3, 4);
    auto *price = new QHBoxLayout;
    price->addWidget(m_maxPriceBox, 1);
    price->addWidget(m_priceCurrencyBox);
    filters->addLayout(price, 3, 5);
    filters->addWidget(label(m_minAuthenticity), 4, 0);
    filters->addWidget(m_minAuthenticity, 4, 1);
    return filters;
}

common::DiscoveryQuery DiscoveryView::filterQuery() const
{
    common::DiscoveryQuery query;
    query.text = m_textEdit->text();
    query.niche = m_nicheBox->currentData().toString();
    query.platform = m_platformBox->currentData().toString();
    query.country = m_countryBox->currentData().toString();
    query.language = m_languageBox->currentData().toString();
    if (m_minFollowers->value() > 0) {
        query.minFollowers = m_minFollowers->value();
    }
    if (m_maxFollowers->value() > 0) {
        query.maxFollowers = m_maxFollowers->value();
    }
    if (m_minEngagement->value() > 0) {
        query.minEngagementRate = m_minEngagement->value() / 100.0;
    }
    if (m_minAuthenticity->value() > 0) {
        query.minAuthenticity = m_minAuthenticity->value();
    }
    query.deliverableType = m_priceTypeBox->currentData().toString();
    if (!query.deliverableType.isEmpty() && m_maxPriceBox->value() > 0) {
        query.currency = m_priceCurrencyBox->currentData().toString();
        query.maxPrice = m_maxPriceBox->value() * minorPerMajor(query.currency);
    }
    query.sort = m_sortBox->currentData().toString();
    if (query.sort == u"relevance"_s && query.text.trimmed().isEmpty()) {
        query.sort.clear(); // relevance ranks by the search text; without one the server's default
    }
    return query;
}

void DiscoveryView::resetFilters()
{
    m_restore.reset();
    {
        std::vector<QSignalBlocker> blockers;
        const QList<QObject *> widgets = filterWidgets();
        for (QObject *filter : widgets) {
            blockers.emplace_back(filter);
        }
        m_textEdit->clear();
        for (QComboBox *box : {m_nicheBox, m_platformBox, m_countryBox, m_languageBox, m_sortBox,
                     m_priceTypeBox}) {
            box->setCurrentIndex(0);
        }
        m_minFollowers->setValue(0);
        m_maxFollowers->setValue(0);
        m_minEngagement->setValue(0);
        m_minAuthenticity->setValue(0);
        m_maxPriceBox->setValue(0);
        m_priceCurrencyBox->setCurrentIndex(m_priceCurrencyBox->findData(kDefaultCurrency));
    }
    updatePriceEnabled();
    search();
}

void DiscoveryView::applyFilters(const common::DiscoveryQuery &query)
{
    m_restore.reset();
    setFilters(query);
    search();
}

void DiscoveryView::setFilters(const common::DiscoveryQuery &query)
{
    std::vector<QSignalBlocker> blockers;
    const QList<QObject *> widgets = filterWidgets();
    for (QObject *filter : widgets) {
        blockers.emplace_back(filter);
    }
    m_textEdit->setText(query.text);
    const auto pick = [](QComboBox *box, const QString &value) {
        box->setCurrentIndex(qMax(0, box->findData(value)));
    };
    pick(m_nicheBox, query.niche);
    pick(m_platformBox, query.platform);
    pick(m_countryBox, query.country);
    pick(m_languageBox, query.language);
    pick(m_sortBox, query.sort);
    const auto count = [](const std::optional<qint64> &value) {
        return static_cast<int>(
                std::clamp<qint64>(value.value_or(0), 0, std::numeric_limits<int>::max()));
    };
    m_minFollowers->setValue(count(query.minFollowers));
    m_maxFollowers->setValue(count(query.maxFollowers));
    m_minEngagement->setValue(query.minEngagementRate.value_or(0) * 100.0);
    m_minAuthenticity->setValue(std::clamp(query.minAuthenticity.value_or(0), 0, 100));

    pick(m_priceTypeBox, query.deliverableType);
    const bool priced = query.maxPrice && m_priceTypeBox->currentIndex() > 0
            && common::isCurrencyCode(query.currency);
    const QString currency = priced ? query.currency : kDefaultCurrency;
    if (m_priceCurrencyBox->findData(currency) < 0) {
        m_priceCurrencyBox->addItem(currency, currency); // a currency from elsewhere
    }
    pick(m_priceCurrencyBox, currency);
    m_maxPriceBox->setValue(priced ? count(*query.maxPrice / minorPerMajor(currency)) : 0);
    updatePriceEnabled();
}

QList<QObject *> DiscoveryView::filterWidgets() const
{
    return {m_textEdit, m_nicheBox, m_platformBox, m_countryBox, m_languageBox, m_minFollowers,
            m_maxFollowers, m_minEngagement, m_minAuthenticity, m_priceTypeBox, m_maxPriceBox,
            m_priceCurrencyBox, m_sortBox};
}

QString DiscoveryView::emptyText() const
{
    const std::optional<int> authenticity = m_model->query().minAuthenticity;
    if (!authenticity) {
        return tr("No creators match these filters.");
    }
    return tr("No creators match these filters with an authenticity score of at least %1. "
              "Creators not assessed yet are left out by that filter.")
            .arg(QLocale().toString(*authenticity));
}

void DiscoveryView::updatePriceEnabled()
{
    const bool typed = m_priceTypeBox->currentIndex() > 0;
    m_maxPriceBox->setEnabled(typed);
    m_priceCurrencyBox->setEnabled(typed);
}

} // namespace influence::desktop

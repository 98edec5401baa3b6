// SPDX-License-Identifier: Apache-2.0
#include "EmvTablesPage.h"

#include "common/AnalyticsTypes.h"
#include "common/ApiClient.h"
#include "common/Money.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/MinorUnits.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/Tables.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::EmvTable;
using influence::common::Result;

namespace influence::desktop {

namespace {

/// A rate's seven values in the order of the page's columns.
std::array<double, 7> valuesOf(const EmvTable::Rate &rate)
{
    return {rate.perMilleImpressionsMinor, rate.perViewMinor, rate.perLikeMinor,
            rate.perCommentMinor, rate.perShareMinor, rate.perSaveMinor, rate.perClickMinor};
}

} // namespace

EmvTablesPage::EmvTablesPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_calls(api)
    , m_session(session)
{
    setObjectName(u"emvTablesPage"_s);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_title = new QLabel;
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    layout->addWidget(m_title);
    m_intro = new QLabel;
    m_intro->setObjectName(u"emvIntro"_s);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *row = new QHBoxLayout;
    m_currencyLabel = new QLabel;
    m_currencies = new QComboBox;
    m_currencies->setObjectName(u"emvCurrency"_s);
    m_currencyLabel->setBuddy(m_currencies);
    m_nameLabel = new QLabel;
    m_name = new QLineEdit;
    m_name->setObjectName(u"emvName"_s);
    m_name->setMaxLength(120);
    m_nameLabel->setBuddy(m_name);
    row->addWidget(m_currencyLabel);
    row->addWidget(m_currencies);
    row->addSpacing(16);
    row->addWidget(m_nameLabel);
    row->addWidget(m_name, 1);
    layout->addLayout(row);
    m_source = new QLabel;
    m_source->setObjectName(u"emvSource"_s);
    m_source->setWordWrap(true);
    layout->addWidget(m_source);
    m_table = new QTableWidget(0, Columns);
    m_table->setObjectName(u"emvTable"_s);
    m_table->verticalHeader()->hide();
    // Fitted to the values and never narrower than a title (fitColumns); a value column
    // stretched to the page's width would set its number far from its title.
    m_table->horizontalHeader()->setStretchLastSection(false);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_status = new StatusLine;
    m_status->setObjectName(u"emvStatus"_s);
    m_status->setWordWrap(true);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"emvReloadButton"_s);
    m_save = new QPushButton;
    m_save->setObjectName(u"emvSaveButton"_s);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_reload);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    m_stack = new StateStack(u"emv"_s, content);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_stack);

    connect(m_stack, &StateStack::retryRequested, this, &EmvTablesPage::reload);
    connect(m_reload, &QPushButton::clicked, this, &EmvTablesPage::reload);
    connect(m_save, &QPushButton::clicked, this, &EmvTablesPage::save);
    connect(m_currencies, &QComboBox::activated, this, [this] {
        showCurrency(m_currencies->currentData().toString());
    });
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut) {
            // Nothing of one brand's valuation stays for the next user.
            ++m_generation;
            m_tables.clear();
            m_currency.clear();
            m_currencies->clear();
            m_table->setRowCount(0);
            m_name->clear();
            m_status->clear();
            setState(State::Idle);
        }
    });
    retranslate();
    setState(State::Idle);
}

void EmvTablesPage::retranslate()
{
    setWindowTitle(tr("EMV values"));
    m_title->setText(tr("Earned media value"));
    m_intro->setText(tr("Earned media value counts each action on a post at a value per "
                        "platform. Our defaults are in the README; your brand's own values "
                        "replace them for its campaigns in that currency. Values are in the "
                        "currency's units, with up to four more decimals (0.025 for 2.5 cents)."));
    m_currencyLabel->setText(tr("&Currency:"));
    m_nameLabel->setText(tr("&Name:"));
    m_table->setHorizontalHeaderLabels({tr("Platform"), tr("Per 1,000 impressions"), tr("Per view"),
            tr("Per like"), tr("Per comment"), tr("Per share"), tr("Per save"), tr("Per click")});
    fitColumns();
    m_reload->setText(tr("Re&load"));
    m_save->setText(tr("&Save as our values"));
    if (m_state == State::Loaded) {
        fillTable(); // names and numbers in the new language
    }
    setState(m_state);
}

void EmvTablesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void EmvTablesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state == State::Idle) {
        reload();
    }
}

void EmvTablesPage::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_stack->showLoading(tr("Loading the EMV values…")); break;
    case State::Failed: m_stack->showError(m_error); break;
    case State::Loaded:
    case State::Saving: m_stack->showContent(); break;
    }
    m_save->setEnabled(state == State::Loaded && !m_currency.isEmpty());
    m_reload->setEnabled(state == State::Loaded || state == State::Failed);
    if (state == State::Saving) {
        m_status->setText(tr("Saving…"));
    }
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void EmvTablesPage::reload()
{
    if (m_session->state() != Session::State::SignedIn
            && m_session->state() != Session::State::Refreshing) {
        setState(State::Idle);
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(
            this, m_calls.emvTables(), [this, generation](const Result<QList<EmvTable>> &tables) {
                if (generation != m_generation) {
                    return;
                }
                if (!tables) {
                    m_error = tables.error();
                    setState(State::Failed);
                    return;
                }
                m_tables = *tables;
                fillCurrencies();
                setState(State::Loaded);
                fillTable();
            });
}

void EmvTablesPage::fillCurrencies()
{
    QStringList currencies;
    for (const EmvTable &table : std::as_const(m_tables)) {
        if (!currencies.contains(table.currency)) {
            currencies.append(table.currency);
        }
    }
    std::sort(currencies.begin(), currencies.end());
    if (m_currency.isEmpty() || !currencies.contains(m_currency)) {
        m_currency = currencies.contains(u"EUR"_s) ? u"EUR"_s : currencies.value(0);
    }
    const QSignalBlocker blocker(m_currencies);
    m_currencies->clear();
    for (const QString &currency : std::as_const(currencies)) {
        m_currencies->addItem(currency, currency);
    }
    m_currencies->setCurrentIndex(m_currencies->findData(m_currency));
}

QString EmvTablesPage::currency() const
{
    return m_currency;
}

void EmvTablesPage::showCurrency(const QString &currency)
{
    m_currency = currency;
    m_currencies->setCurrentIndex(m_currencies->findData(currency));
    m_status->clear();
    fillTable();
    setState(m_state);
}

const EmvTable *EmvTablesPage::shown() const
{
    const EmvTable *defaults = nullptr;
    for (const EmvTable &table : m_tables) {
        if (table.currency != m_currency) {
            continue;
        }
        if (table.custom) {
            return &table; // the brand's own replaces the defaults
        }
        defaults = &table;
    }
    return defaults;
}

int EmvTablesPage::decimals() const
{
    return std::max(0, common::currencyMinorDigits(m_currency)) + 4;
}

void EmvTablesPage::fillTable()
{
    m_locale = QLocale();
    const EmvTable *table = shown();
    m_table->setRowCount(0);
    if (!table) {
        m_name->clear();
        m_source->clear();
        return;
    }
    m_name->setText(table->custom ? table->name : tr("%1 values").arg(m_currency));
    m_source->setText(table->custom
                    ? tr("Your brand's values for %1, last changed %2.")
                              .arg(m_currency,
                                      m_locale.toString(
                                              table->updatedAt.toLocalTime(), QLocale::ShortFormat))
                    : tr("Our defaults: %1. Saving makes them your brand's own.").arg(table->name));
    const int places = decimals();
    constexpr double kMinorToUnits = 1e4; // values come as minor units with 4 decimals
    m_table->setRowCount(static_cast<int>(table->rates.size()));
    for (int row = 0; row < table->rates.size(); ++row) {
        const EmvTable::Rate &rate = table->rates.at(row);
        const auto platform = common::platformFromString(rate.platform);
        auto *name = new QTableWidgetItem(platform ? Names::platform(*platform) : rate.platform);
        name->setData(Qt::UserRole, rate.platform);
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, PlatformColumn, name);
        const auto values = valuesOf(rate);
        for (int i = 0; i < 7; ++i) {
            const auto units = static_cast<qint64>(std::llround(values.at(i) * kMinorToUnits));
            auto *cell = new QTableWidgetItem(formatFixed(units, places, m_locale, true,
                    std::max(0, common::currencyMinorDigits(m_currency))));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, PerMilleColumn + i, cell);
        }
    }
    fitColumns();
}

void EmvTablesPage::fitColumns()
{
    m_table->resizeColumnsToContents();
    fitHeaderTexts(m_table->horizontalHeader());
}

bool EmvTablesPage::save()
{
    if (m_state != State::Loaded || m_currency.isEmpty()) {
        return false;
    }
    common::EmvTableInput input;
    input.name = m_name->text().trimmed();
    QStringList unreadable;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        common::EmvRateInput rate;
        rate.platform = m_table->item(row, PlatformColumn)->data(Qt::UserRole).toString();
        qint64 *const values[] = {&rate.perMilleImpressions, &rate.perView, &rate.perLike,
                &rate.perComment, &rate.perShare, &rate.perSave, &rate.perClick};
        for (int i = 0; i < 7; ++i) {
            QTableWidgetItem *cell = m_table->item(row, PerMilleColumn + i);
            // Typed in major units with the currency's decimals plus four: exactly the API's
            // ten-thousandths of a minor unit.
            const auto value = parseFixed(cell->text(), decimals(), m_locale);
            if (!value) {
                unreadable.append(tr("%1, %2").arg(m_table->item(row, PlatformColumn)->text(),
                        m_table->horizontalHeaderItem(PerMilleColumn + i)->text()));
            } else {
                *values[i] = *value;
            }
        }
        input.rates.append(rate);
    }
    if (!unreadable.isEmpty()) {
        m_status->setText(tr("Please write these as numbers such as 0.025: %1.")
                                  .arg(unreadable.join(u"; "_s)));
        return false;
    }
    if (const auto checked = common::validateEmvTable(input.toJson()); !checked) {
        m_status->setText(ErrorText::sentence(checked.error()));
        return false;
    }
    const quint64 generation = ++m_generation;
    const QString currency = m_currency;
    setState(State::Saving);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_calls.saveEmvTable(currency, input),
            [this, generation](const Result<EmvTable> &saved) {
                if (generation != m_generation) {
                    return;
                }
                if (!saved) {
                    setState(State::Loaded);
                    m_status->setText(tr("Not saved. %1").arg(ErrorText::sentence(saved.error())));
                    return;
                }
                // The brand's table replaces the one it had for the currency, if any.
                m_tables.removeIf([&saved](const EmvTable &table) {
                    return table.custom && table.currency == saved->currency;
                });
                m_tables.append(*saved);
                setState(State::Loaded);
                fillTable();
                m_status->setText(tr("Saved: your campaigns in %1 count with these values.")
                                          .arg(saved->currency));
            });
    return true;
}

QString EmvTablesPage::statusText() const
{
    return m_status->text();
}

} // namespace influence::desktop

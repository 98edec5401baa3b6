// SPDX-License-Identifier: Apache-2.0
#include "EarningsPage.h"

#include "common/ApiClient.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/Tables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>

using namespace Qt::StringLiterals;
using influence::common::EarningsAmounts;
using influence::common::Result;
using influence::common::TaxForm;

namespace influence::desktop {

namespace {

enum DealColumn {
    DealCampaign,
    DealBrand,
    DealFee,
    DealExpected,
    DealScheduled,
    DealDue,
    DealLate,
    DealPaid,
    DealNext,
    DealColumns
};

constexpr std::array kTaxForms{
        TaxForm::None, TaxForm::W9, TaxForm::W8Ben, TaxForm::W8BenE, TaxForm::EuVat};

QTableWidget *table(const QString &name, int columns)
{
    auto *t = new QTableWidget(0, columns);
    t->setObjectName(name);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setAlternatingRowColors(true);
    return t;
}

} // namespace

EarningsPage::EarningsPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_money(api)
    , m_session(session)
{
    setObjectName(u"earningsPage"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
}

void EarningsPage::buildUi()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    auto *top = new QHBoxLayout;
    m_readinessBox = new QGroupBox;
    auto *readinessLayout = new QVBoxLayout(m_readinessBox);
    m_readiness = new QLabel;
    m_readiness->setObjectName(u"earningsReadiness"_s);
    m_readiness->setWordWrap(true);
    m_readiness->setTextFormat(Qt::RichText);
    readinessLayout->addWidget(m_readiness);
    m_providerStatus = new QLabel;
    m_providerStatus->setObjectName(u"earningsProviderStatus"_s);
    m_providerStatus->setWordWrap(true);
    readinessLayout->addWidget(m_providerStatus);
    readinessLayout->addStretch();
    top->addWidget(m_readinessBox, 1);

    m_accountBox = new QGroupBox;
    auto *form = new QFormLayout(m_accountBox);
    m_accountId = new QLineEdit;
    m_accountId->setObjectName(u"payoutAccountId"_s);
    m_accountId->setPlaceholderText(u"acct_…"_s);
    m_accountIdLabel = new QLabel;
    m_accountIdLabel->setBuddy(m_accountId);
    form->addRow(m_accountIdLabel, m_accountId);
    m_taxForm = new QComboBox;
    m_taxForm->setObjectName(u"payoutTaxForm"_s);
    for (const TaxForm taxForm : kTaxForms) {
        m_taxForm->addItem(QString(), int(taxForm));
    }
    m_taxFormLabel = new QLabel;
    m_taxFormLabel->setBuddy(m_taxForm);
    form->addRow(m_taxFormLabel, m_taxForm);
    auto *received = new QHBoxLayout;
    m_received = new QCheckBox;
    m_received->setObjectName(u"payoutTaxFormReceived"_s);
    m_receivedOn = new QDateEdit(QDate::currentDate());
    m_receivedOn->setObjectName(u"payoutTaxFormReceivedOn"_s);
    m_receivedOn->setCalendarPopup(true);
    m_receivedOn->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_receivedOn->setEnabled(false);
    received->addWidget(m_received);
    received->addWidget(m_receivedOn, 1);
    form->addRow(QString(), received);
    m_save = new QPushButton;
    m_save->setObjectName(u"savePayoutAccountButton"_s);
    form->addRow(QString(), m_save);
    top->addWidget(m_accountBox, 1);
    layout->addLayout(top);

    m_totalsBox = new QGroupBox;
    auto *totalsLayout = new QVBoxLayout(m_totalsBox);
    m_totals = table(u"earningsTotals"_s, TotalColumns);
    m_totals->setMaximumHeight(110);
    totalsLayout->addWidget(m_totals);
    layout->addWidget(m_totalsBox);

    m_dealsBox = new QGroupBox;
    auto *dealsLayout = new QVBoxLayout(m_dealsBox);
    m_deals = table(u"earningsDeals"_s, DealColumns);
    m_deals->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_deals->horizontalHeader()->setSectionResizeMode(DealCampaign, QHeaderView::Stretch);
    dealsLayout->addWidget(m_deals);
    layout->addWidget(m_dealsBox, 1);

    auto *outer = new QVBoxLayout(this);
    m_states = new StateStack(u"earnings"_s, content);
    outer->addWidget(m_states, 1);
    auto *footer = new QHBoxLayout;
    m_message = new StatusLine;
    m_message->setObjectName(u"earningsMessage"_s);
    m_message->setWordWrap(true);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadEarningsButton"_s);
    footer->addWidget(m_message, 1);
    footer->addWidget(m_reload);
    outer->addLayout(footer);

    connect(m_states, &StateStack::retryRequested, this, &EarningsPage::reload);
    connect(m_reload, &QPushButton::clicked, this, &EarningsPage::reload);
    connect(m_save, &QPushButton::clicked, this, &EarningsPage::saveAccount);
    connect(m_received, &QCheckBox::toggled, m_receivedOn, &QWidget::setEnabled);
    connect(m_deals, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (m_earnings && row >= 0 && row < m_earnings->deals.size()) {
            Q_EMIT dealRequested(m_earnings->deals.at(row).dealId);
        }
    });
}

void EarningsPage::retranslate()
{
    setWindowTitle(tr("Earnings"));
    m_readinessBox->setTitle(tr("Payout readiness"));
    m_accountBox->setTitle(tr("Payout account"));
    m_accountIdLabel->setText(tr("&Account ID"));
    m_accountId->setToolTip(tr("The ID of your connected account at the payment provider."));
    m_taxFormLabel->setText(tr("&Tax form"));
    for (int i = 0; i < m_taxForm->count(); ++i) {
        m_taxForm->setItemText(
                i, Names::taxForm(static_cast<TaxForm>(m_taxForm->itemData(i).toInt())));
    }
    m_received->setText(tr("Received on"));
    m_received->setToolTip(tr("When the tax form reached the platform (the form itself is "
                              "kept elsewhere)."));
    m_save->setText(tr("&Save payout account"));
    m_totalsBox->setTitle(tr("Totals"));
    m_totals->setHorizontalHeaderLabels({tr("Currency"), tr("Expected"), tr("Scheduled"), tr("Due"),
            tr("Late"), tr("Being paid"), tr("Paid")});
    m_dealsBox->setTitle(tr("By deal"));
    m_deals->setHorizontalHeaderLabels({tr("Campaign"), tr("Brand"), tr("Fee"), tr("Expected"),
            tr("Scheduled"), tr("Due"), tr("Late"), tr("Paid"), tr("Next due")});
    fitHeaderTexts(m_deals->horizontalHeader());
    m_reload->setText(tr("Re&fresh"));
    showState();
    if (m_state == State::Loaded) {
        showEarnings();
        showAccount();
    }
}

void EarningsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void EarningsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state != State::Loading) {
        reload();
    }
}

void EarningsPage::hideEvent(QHideEvent *event)
{
    if (m_state == State::Loading) {
        m_api->abort(this);
        ++m_generation;
        m_pending = 0;
        setState(State::Idle);
    }
    QWidget::hideEvent(event);
}

void EarningsPage::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
    m_save->setEnabled(m_state == State::Loaded && !m_saving);
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void EarningsPage::showState()
{
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading your earnings…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded: m_states->showContent(); break;
    }
}

void EarningsPage::reload()
{
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    if (!signedIn) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_pending = 2;
    if (m_state != State::Loaded) {
        setState(State::Loading);
    }
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(
            this, m_money.earnings(), [this, generation](const Result<common::Earnings> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result) {
                    m_error = result.error();
                    ++m_generation;
                    setState(State::Failed);
                    return;
                }
                m_earnings = *result;
                finishOne(generation);
            });
    continueIn(this, m_money.payoutAccount(),
            [this, generation](const Result<common::PayoutAccount> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result && result.error().code != common::ErrorCode::NotFound) {
                    m_error = result.error();
                    ++m_generation;
                    setState(State::Failed);
                    return;
                }
                // No account yet (404) is an empty form.
                m_account = result ? std::optional(*result) : std::nullopt;
                finishOne(generation);
            });
}

void EarningsPage::finishOne(quint64 generation)
{
    if (generation != m_generation || --m_pending > 0) {
        return;
    }
    showEarnings();
    showAccount();
    setState(State::Loaded);
}

void EarningsPage::showEarnings()
{
    if (!m_earnings) {
        return;
    }
    const auto money = [](qint64 minor, const QString &currency) {
        return Formats::money({minor, currency});
    };
    const Qt::Alignment right = Qt::AlignRight;
    m_totals->setRowCount(0);
    for (const EarningsAmounts &t : std::as_const(m_earnings->totals)) {
        const int row = m_totals->rowCount();
        m_totals->insertRow(row);
        m_totals->setItem(row, Currency, readOnlyCell(t.currency));
        m_totals->setItem(row, Expected, readOnlyCell(money(t.expectedMinor, t.currency), right));
        m_totals->setItem(row, Scheduled, readOnlyCell(money(t.scheduledMinor, t.currency), right));
        m_totals->setItem(row, Due, readOnlyCell(money(t.dueMinor, t.currency), right));
        m_totals->setItem(row, Late, readOnlyCell(money(t.lateMinor, t.currency), right));
        m_totals->setItem(
                row, Processing, readOnlyCell(money(t.processingMinor, t.currency), right));
        m_totals->setItem(row, Paid, readOnlyCell(money(t.paidMinor, t.currency), right));
        if (t.lateMinor > 0) {
            m_totals->item(row, Late)->setForeground(QColor(0xda, 0x44, 0x53));
        }
    }
    m_deals->setRowCount(0);
    const QLocale locale;
    for (const common::Earnings::Deal &deal : std::as_const(m_earnings->deals)) {
        const int row = m_deals->rowCount();
        const QString currency = deal.amounts.currency;
        m_deals->insertRow(row);
        m_deals->setItem(row, DealCampaign, readOnlyCell(deal.campaignName));
        m_deals->setItem(row, DealBrand, readOnlyCell(deal.brandName));
        m_deals->setItem(row, DealFee, readOnlyCell(Formats::money(deal.fee), right));
        m_deals->setItem(row, DealExpected,
                readOnlyCell(money(deal.amounts.expectedMinor, currency), right));
        m_deals->setItem(row, DealScheduled,
                readOnlyCell(money(deal.amounts.scheduledMinor, currency), right));
        m_deals->setItem(row, DealDue, readOnlyCell(money(deal.amounts.dueMinor, currency), right));
        m_deals->setItem(
                row, DealLate, readOnlyCell(money(deal.amounts.lateMinor, currency), right));
        m_deals->setItem(
                row, DealPaid, readOnlyCell(money(deal.amounts.paidMinor, currency), right));
        m_deals->setItem(row, DealNext,
                readOnlyCell(deal.nextDueDate.isValid()
                                ? locale.toString(deal.nextDueDate, QLocale::ShortFormat)
                                : tr("–")));
        if (deal.amounts.lateMinor > 0) {
            m_deals->item(row, DealLate)->setForeground(QColor(0xda, 0x44, 0x53));
        }
    }
    m_deals->resizeColumnsToContents();
    m_deals->horizontalHeader()->setSectionResizeMode(DealCampaign, QHeaderView::Stretch);
    // Room for the headers' texts (in the language shown), not only for the amounts.
    fitHeaderTexts(m_deals->horizontalHeader());
    // The account's answer is newer when it was just saved; else the earnings say.
    showReadiness(m_account ? m_account->readiness : m_earnings->readiness);
}

void EarningsPage::showReadiness(const common::PayoutReadiness &readiness)
{
    if (readiness.ready) {
        m_readinessText = tr("Ready to be paid.");
        m_readiness->setText(u"<b style=\"color:#27ae60\">%1</b><br>%2"_s.arg(
                tr("Ready to be paid.").toHtmlEscaped(),
                tr("Approved payouts are transferred to your payout account.").toHtmlEscaped()));
        return;
    }
    QStringList needs;
    for (const common::PayoutRequirement requirement : readiness.missing) {
        needs.append(Names::payoutRequirement(requirement));
    }
    needs += readiness.unknownMissing;
    m_readinessText = tr("Not ready to be paid yet.") + u' '
            + tr("Brands cannot approve your payouts until you add:") + u' '
            + QLocale().createSeparatedList(needs);
    QString list;
    for (const QString &need : std::as_const(needs)) {
        list += u"<li>"_s + need.toHtmlEscaped() + u"</li>"_s;
    }
    m_readiness->setText(u"<b style=\"color:#da4453\">%1</b><br>%2<ul>%3</ul>"_s.arg(
            tr("Not ready to be paid yet.").toHtmlEscaped(),
            tr("Brands cannot approve your payouts until you add:").toHtmlEscaped(), list));
}

QString EarningsPage::readinessText() const
{
    return m_readinessText;
}

void EarningsPage::showAccount()
{
    const common::PayoutAccount account = m_account.value_or(common::PayoutAccount{});
    m_accountId->setText(account.accountId);
    m_taxForm->setCurrentIndex(m_taxForm->findData(int(account.taxForm)));
    m_received->setChecked(account.taxFormReceivedOn.isValid());
    if (account.taxFormReceivedOn.isValid()) {
        m_receivedOn->setDate(account.taxFormReceivedOn);
    }
    if (!m_account || account.accountId.isEmpty()) {
        m_providerStatus->setText(tr("No payout account yet. Connect one at the payment provider "
                                     "and enter its ID here."));
    } else if (account.payoutsEnabled) {
        m_providerStatus->setText(
                tr("The payment provider can send transfers to %1.").arg(account.accountId));
    } else {
        m_providerStatus->setText(
                tr("The payment provider has not enabled transfers to %1 yet. Finish the "
                   "provider's onboarding; this page updates once it has.")
                        .arg(account.accountId));
    }
}

common::PayoutAccountInput EarningsPage::formInput() const
{
    common::PayoutAccountInput input;
    input.accountId = m_accountId->text().trimmed();
    input.taxForm = static_cast<TaxForm>(m_taxForm->currentData().toInt());
    if (m_received->isChecked()) {
        input.taxFormReceivedOn = m_receivedOn->date();
    }
    return input;
}

void EarningsPage::setAccountForm(const common::PayoutAccountInput &input)
{
    m_accountId->setText(input.accountId);
    m_taxForm->setCurrentIndex(m_taxForm->findData(int(input.taxForm)));
    m_received->setChecked(input.taxFormReceivedOn.isValid());
    if (input.taxFormReceivedOn.isValid()) {
        m_receivedOn->setDate(input.taxFormReceivedOn);
    }
}

void EarningsPage::saveAccount()
{
    if (m_saving || m_state != State::Loaded) {
        return;
    }
    const common::PayoutAccountInput input = formInput();
    if (input.accountId.isEmpty()) {
        m_message->setText(tr("Enter the ID of your account at the payment provider."));
        m_accountId->setFocus();
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    m_message->setText(tr("Saving the payout account…"));
    continueIn(this, m_money.setPayoutAccount(input),
            [this, generation = m_generation](const Result<common::PayoutAccount> &result) {
                m_saving = false;
                m_save->setEnabled(m_state == State::Loaded);
                if (generation != m_generation && m_state != State::Loaded) {
                    return;
                }
                if (!result) {
                    m_message->setText(tr("The payout account was not saved. %1")
                                               .arg(ErrorText::sentence(result.error())));
                    return;
                }
                m_account = *result;
                showAccount();
                showReadiness(m_account->readiness);
                m_message->setText(tr("The payout account was saved."));
                Q_EMIT accountSaved();
                reload(); // the earnings' readiness follows the account
            });
}

QString EarningsPage::messageText() const
{
    return m_message->text();
}

void EarningsPage::forget()
{
    ++m_generation;
    m_pending = 0;
    m_earnings.reset();
    m_account.reset();
    m_totals->setRowCount(0);
    m_deals->setRowCount(0);
    m_readiness->clear();
    m_readinessText.clear();
    m_providerStatus->clear();
    m_accountId->clear();
    m_taxForm->setCurrentIndex(0);
    m_received->setChecked(false);
    m_message->clear();
    setState(State::Idle);
}

} // namespace influence::desktop

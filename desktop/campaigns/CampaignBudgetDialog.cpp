// SPDX-License-Identifier: Apache-2.0
#include "CampaignBudgetDialog.h"

#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Campaign;
using influence::common::Money;
using influence::common::Result;

namespace influence::desktop {

CampaignBudgetDialog::CampaignBudgetDialog(common::ApiClient *api, const Campaign &campaign,
        const std::optional<common::CampaignBudget> &budget, QWidget *parent)
    : QDialog(parent)
    , m_money(api)
    , m_campaign(campaign)
{
    setObjectName(u"campaignBudgetDialog"_s);
    setWindowTitle(tr("Change the budget"));
    setMinimumWidth(480); // the sentences wrap into a few lines, not a column
    const QString currency = campaign.details.budget.currency;
    auto *layout = new QVBoxLayout(this);
    auto *now = new QLabel;
    now->setObjectName(u"campaignBudgetNow"_s);
    now->setWordWrap(true);
    QString text = tr("The budget of “%1” is %2.")
                           .arg(campaign.details.name, Formats::money(campaign.details.budget));
    if (budget) {
        text += u' '
                + tr("%1 is committed to accepted deals or paid: the budget cannot be lower.")
                          .arg(Formats::money(
                                  {budget->committedMinor + budget->paidMinor, currency}));
    }
    now->setText(text);
    layout->addWidget(now);
    auto *form = new QFormLayout;
    m_amount = new QLineEdit(Formats::amountText(campaign.details.budget));
    m_amount->setObjectName(u"campaignBudgetAmount"_s);
    form->addRow(tr("&New budget (%1)").arg(currency), m_amount);
    layout->addLayout(form);
    m_status = new QLabel;
    m_status->setObjectName(u"campaignBudgetStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox;
    QPushButton *change = m_buttons->addButton(tr("&Change budget"), QDialogButtonBox::AcceptRole);
    change->setObjectName(u"submitBudgetButton"_s);
    QPushButton *close = m_buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(u"closeBudgetButton"_s);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CampaignBudgetDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

std::optional<qint64> CampaignBudgetDialog::typedAmount() const
{
    return Formats::parseAmount(m_amount->text(), m_campaign.details.budget.currency);
}

void CampaignBudgetDialog::setTypedAmount(qint64 minorUnits)
{
    m_amount->setText(Formats::amountText({minorUnits, m_campaign.details.budget.currency}));
}

QString CampaignBudgetDialog::statusText() const
{
    return m_status->text();
}

void CampaignBudgetDialog::say(const QString &text)
{
    m_status->setText(text);
    adjustSize(); // as tall as the sentence needs
}

void CampaignBudgetDialog::submit()
{
    if (m_busy) {
        return;
    }
    const std::optional<qint64> amount = typedAmount();
    if (!amount) {
        say(tr("Enter the budget as an amount, such as %1.")
                        .arg(Formats::amountText({1500000, m_campaign.details.budget.currency})));
        m_amount->setFocus();
        return;
    }
    if (*amount == m_campaign.details.budget.minorUnits) {
        say(tr("That is the budget already."));
        return;
    }
    // The same amount again (after a lost answer) is the same attempt, with the same key.
    m_lastKey = m_attempt.keyFor(QString::number(*amount));
    m_busy = true;
    m_buttons->setEnabled(false);
    m_amount->setEnabled(false);
    say(tr("Changing the budget…"));
    continueIn(this, m_money.changeBudget(m_campaign.id, *amount, m_lastKey),
            [this, amount = *amount](const Result<Campaign> &result) {
                answered(amount, result);
            });
}

void CampaignBudgetDialog::answered(qint64 amount, const Result<Campaign> &result)
{
    m_busy = false;
    m_buttons->setEnabled(true);
    m_amount->setEnabled(true);
    m_attempt.answered(result ? std::nullopt : std::optional(result.error()));
    if (result) {
        say(tr("The budget is now %1.").arg(Formats::money(result->details.budget)));
        Q_EMIT budgetChanged(*result);
        accept();
        return;
    }
    const common::Error &error = result.error();
    if (const std::optional<Money> least = common::minimumBudget(error)) {
        say(tr("The budget cannot be lower than what is committed and paid: %1. It stays %2.")
                        .arg(Formats::money(*least), Formats::money(m_campaign.details.budget)));
    } else if (common::answerMayBeLost(error)) {
        say(tr("The change to %1 may not have reached the server. Change it again: the server "
               "changes the budget only once. (%2)")
                        .arg(Formats::money({amount, m_campaign.details.budget.currency}),
                                ErrorText::sentence(error)));
    } else {
        say(tr("The budget was not changed. %1").arg(ErrorText::sentence(error)));
    }
}

} // namespace influence::desktop

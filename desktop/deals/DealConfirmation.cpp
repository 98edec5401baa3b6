// SPDX-License-Identifier: Apache-2.0
#include "DealConfirmation.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace influence::desktop {

std::optional<FinalStep> finalStep(common::DealAction action)
{
    switch (action) {
    case common::DealAction::Withdraw: return FinalStep::Withdraw;
    case common::DealAction::Cancel: return FinalStep::Cancel;
    case common::DealAction::Start:
    case common::DealAction::Complete: break;
    }
    return std::nullopt;
}

QString DealConfirmation::title(FinalStep step)
{
    switch (step) {
    case FinalStep::Withdraw: return tr("Withdraw from the deal?");
    case FinalStep::Cancel: return tr("Cancel the deal?");
    case FinalStep::Decline: return tr("Decline the offer?");
    }
    return {};
}

QString DealConfirmation::question(
        FinalStep step, const QString &counterpart, const QString &campaign)
{
    const QString who = counterpart.isEmpty() ? tr("the other side") : counterpart;
    switch (step) {
    case FinalStep::Withdraw:
        return tr("Withdraw from the deal with %1 in “%2”? The deal ends for both sides and "
                  "cannot be reopened.")
                .arg(who, campaign);
    case FinalStep::Cancel:
        return tr("Cancel the deal with %1 in “%2”? Work on it stops for both sides and the "
                  "deal cannot be reopened.")
                .arg(who, campaign);
    case FinalStep::Decline:
        return tr("Decline the offer from %1 in “%2”? The deal ends; working together in this "
                  "campaign again takes a new invitation or application.")
                .arg(who, campaign);
    }
    return {};
}

QString DealConfirmation::confirmText(FinalStep step)
{
    switch (step) {
    case FinalStep::Withdraw: return tr("&Withdraw");
    case FinalStep::Cancel: return tr("&Cancel the deal");
    case FinalStep::Decline: return tr("&Decline");
    }
    return {};
}

QString DealConfirmation::keepText()
{
    return tr("&Keep the deal");
}

QMessageBox *confirmFinalStep(QWidget *parent, FinalStep step, const QString &counterpart,
        const QString &campaign, std::function<void()> confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Question, DealConfirmation::title(step),
            DealConfirmation::question(step, counterpart, campaign), QMessageBox::NoButton, parent);
    box->setObjectName(u"confirmFinalStep"_s);
    box->setWindowModality(Qt::WindowModal);
    QPushButton *confirm =
            box->addButton(DealConfirmation::confirmText(step), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmStepButton"_s);
    QPushButton *keep = box->addButton(DealConfirmation::keepText(), QMessageBox::RejectRole);
    keep->setObjectName(u"keepDealButton"_s);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
            [confirm, confirmed = std::move(confirmed)](QAbstractButton *button) {
                if (button == confirm) {
                    confirmed();
                }
            });
    box->open(); // never exec(): the event loop keeps running
    return box;
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QMessageBox;
class QWidget;

namespace influence::desktop {

/// A step that ends a deal for good, asked about before it is sent.
enum class FinalStep { Withdraw, Cancel, Decline };

/// The final step a deal action is, if it is one (withdraw, cancel).
std::optional<FinalStep> finalStep(common::DealAction action);

/// Asks whether to take a final step on the deal with `counterpart` (the other side's name) in
/// `campaign`: a window-modal question opened with open(), never exec(), whose default and
/// Escape keep the deal. `confirmed` runs only when the step is confirmed. The box deletes itself
/// once closed.
QMessageBox *confirmFinalStep(QWidget *parent, FinalStep step, const QString &counterpart,
        const QString &campaign, std::function<void()> confirmed);

/// The texts of confirmFinalStep (for translation).
class DealConfirmation
{
    Q_DECLARE_TR_FUNCTIONS(DealConfirmation)

public:
    static QString title(FinalStep step);
    static QString question(FinalStep step, const QString &counterpart, const QString &campaign);
    static QString confirmText(FinalStep step);
    static QString keepText();
};

} // namespace influence::desktop

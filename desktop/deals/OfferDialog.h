// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Error.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace influence::desktop {

class OfferEditor;

/// A counter-offer: the terms in an OfferEditor (deliverables, fee, revision rounds, usage rights
/// and a note), prefilled from the offer it answers. Checked with the shared rules
/// (common::collab::validateOffer) before it is sent. Opened with open(), never exec().
class OfferDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OfferDialog(QWidget *parent = nullptr);

    /// Fills the form with `offer`'s terms (without its note).
    void setOffer(const common::OfferInput &offer);
    /// The terms as typed, or the reason they are not valid.
    common::Result<common::OfferInput> input() const;
    int lineCount() const;
    /// Edits one line (as a user does in the table's editors).
    void setLine(int row, const common::OfferLine &line);
    void addLine();
    void setFeeText(const QString &text);
    void showError(const common::Error &error);
    QString statusText() const;
    void setBusy(bool busy);

Q_SIGNALS:
    void submitted(const influence::common::OfferInput &offer);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void submit();

    QLabel *m_intro = nullptr;
    OfferEditor *m_editor = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Collab.h"
#include "common/Error.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace influence::desktop {

/// A counter-offer: the deliverables (type, platform, quantity, due date), the fee, revision
/// rounds, usage rights and a note, prefilled from the offer it answers. Checked with the shared
/// rules (common::collab::validateOffer) before it is sent. Opened with open(), never exec().
class OfferDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OfferDialog(QWidget *parent = nullptr);

    /// Fills the form with `offer`'s terms.
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
    common::OfferLine line(int row) const;

    QString m_currency;
    QLabel *m_intro = nullptr;
    QTableWidget *m_lines = nullptr;
    QPushButton *m_addLine = nullptr;
    QPushButton *m_removeLine = nullptr;
    QLabel *m_feeLabel = nullptr;
    QLineEdit *m_fee = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QLabel *m_revisionsLabel = nullptr;
    QSpinBox *m_revisions = nullptr;
    QLabel *m_rightsLabel = nullptr;
    QLineEdit *m_rights = nullptr;
    QLabel *m_noteLabel = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Error.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;

namespace influence::desktop {

class OfferEditor;

/// A counter-offer: the terms in an OfferEditor (deliverables, fee, revision rounds, usage rights
/// and a note), prefilled from the offer it answers. Checked with the shared rules
/// (common::collab::validateOffer) before it is sent. Terms the same as the offer on the table
/// are not sent back as a counter: the dialog says so and offers to accept that offer instead.
/// Due dates in the past are sent only when the user presses Send again on the same terms.
/// Opened with open(), never exec().
class OfferDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OfferDialog(QWidget *parent = nullptr);

    /// Fills the form with `offer`'s terms (without its note): the offer on the table.
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
    /// The user chose to accept the offer on the table rather than send the same terms back.
    void acceptInsteadRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void submit();
    void resetSend();

    common::OfferInput m_onTable;
    /// Terms with past due dates the user was warned about; the same terms again are sent.
    std::optional<common::OfferInput> m_pastConfirmed;
    QLabel *m_intro = nullptr;
    OfferEditor *m_editor = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_acceptInstead = nullptr;
};

} // namespace influence::desktop

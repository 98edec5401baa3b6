// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Error.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace influence::common {
struct Campaign;
}

namespace influence::desktop {

/// The terms of an offer as a form: the deliverables (type, platform, quantity, due date), the
/// fee in the offer's currency, the payment schedule (a preset, or the schedule the offer came
/// with) and its net days, revision rounds, usage rights and a note. Checked with the
/// shared rules (common::collab::validateOffer). Used by the counter-offer and invitation
/// dialogs.
class OfferEditor : public QWidget
{
    Q_OBJECT

public:
    explicit OfferEditor(QWidget *parent = nullptr);

    /// Fills the form with `offer`'s terms (its fee's currency becomes the offer's currency).
    void setOffer(const common::OfferInput &offer);
    /// The terms as typed, or the reason they are not valid.
    common::Result<common::OfferInput> input() const;
    int lineCount() const;
    /// Edits one line (as a user does in the table's editors).
    void setLine(int row, const common::OfferLine &line);
    void addLine();
    void setFeeText(const QString &text);
    /// The first offer suggested for a campaign: a line for each wanted deliverable type and
    /// platform, due at the campaign's end (or in two weeks), no fee yet, in its currency.
    static common::OfferInput campaignOffer(const common::Campaign &campaign);
    /// The payment schedules offered by name: 100 % when live; 50 % on acceptance and 50 % when
    /// live; 100 % on approval.
    static QList<QList<common::Installment>> schedulePresets();
    /// Shows `terms` (a schedule that is no preset is offered as it is, beside the presets).
    void setPaymentTerms(const common::PaymentTerms &terms);
    common::PaymentTerms paymentTerms() const;
    /// Picks the preset at `index` of schedulePresets() (as a user does in the list).
    void choosePreset(int index);
    /// Plain words for an offer's field errors (fields may carry a prefix such as "offer."),
    /// or ErrorText::sentence() when none of them is the offer's.
    static QString errorText(const common::Error &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    common::OfferLine line(int row) const;

    QString m_currency;
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
    QLabel *m_scheduleLabel = nullptr;
    QComboBox *m_schedule = nullptr;
    QLabel *m_netDaysLabel = nullptr;
    QSpinBox *m_netDays = nullptr;
    /// The schedule the offer came with when it is no preset (shown as the last choice).
    QList<common::Installment> m_customSchedule;
};

} // namespace influence::desktop

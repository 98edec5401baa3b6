// SPDX-License-Identifier: Apache-2.0
#include "OfferEditor.h"

#include "common/CollabApi.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::OfferInput;
using influence::common::OfferLine;

namespace influence::desktop {

namespace {

enum Column { TypeColumn, PlatformColumn, QuantityColumn, DueColumn, ColumnCount };

constexpr int kAllTypes = 7;
constexpr int kAllPlatforms = 9;

} // namespace

OfferEditor::OfferEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"offerEditor"_s);
    buildUi();
    retranslate();
}

void OfferEditor::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_lines = new QTableWidget(0, ColumnCount);
    m_lines->setObjectName(u"offerLines"_s);
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_lines->verticalHeader()->hide();
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_lines, 1);
    auto *lineButtons = new QHBoxLayout;
    m_addLine = new QPushButton;
    m_addLine->setObjectName(u"addOfferLineButton"_s);
    m_removeLine = new QPushButton;
    m_removeLine->setObjectName(u"removeOfferLineButton"_s);
    lineButtons->addWidget(m_addLine);
    lineButtons->addWidget(m_removeLine);
    lineButtons->addStretch();
    layout->addLayout(lineButtons);

    auto *form = new QFormLayout;
    auto *fee = new QHBoxLayout;
    m_fee = new QLineEdit;
    m_fee->setObjectName(u"offerFee"_s);
    m_currencyLabel = new QLabel;
    m_currencyLabel->setObjectName(u"offerCurrency"_s);
    fee->addWidget(m_fee, 1);
    fee->addWidget(m_currencyLabel);
    m_feeLabel = new QLabel;
    m_feeLabel->setBuddy(m_fee);
    form->addRow(m_feeLabel, fee);
    m_schedule = new QComboBox;
    m_schedule->setObjectName(u"offerPaymentSchedule"_s);
    for (qsizetype i = 0; i < schedulePresets().size(); ++i) {
        m_schedule->addItem(QString());
    }
    m_scheduleLabel = new QLabel;
    m_scheduleLabel->setBuddy(m_schedule);
    form->addRow(m_scheduleLabel, m_schedule);
    m_netDays = new QSpinBox;
    m_netDays->setObjectName(u"offerNetDays"_s);
    m_netDays->setRange(0, common::payment::kMaxNetDays);
    m_netDays->setValue(common::PaymentTerms{}.netDays);
    m_netDaysLabel = new QLabel;
    m_netDaysLabel->setBuddy(m_netDays);
    form->addRow(m_netDaysLabel, m_netDays);
    m_revisions = new QSpinBox;
    m_revisions->setObjectName(u"offerRevisions"_s);
    m_revisions->setRange(0, common::collab::kMaxRevisions);
    m_revisionsLabel = new QLabel;
    m_revisionsLabel->setBuddy(m_revisions);
    form->addRow(m_revisionsLabel, m_revisions);
    m_rights = new QLineEdit;
    m_rights->setObjectName(u"offerUsageRights"_s);
    m_rightsLabel = new QLabel;
    m_rightsLabel->setBuddy(m_rights);
    form->addRow(m_rightsLabel, m_rights);
    m_note = new QLineEdit;
    m_note->setObjectName(u"offerNote"_s);
    m_noteLabel = new QLabel;
    m_noteLabel->setBuddy(m_note);
    form->addRow(m_noteLabel, m_note);
    layout->addLayout(form);

    connect(m_addLine, &QPushButton::clicked, this, &OfferEditor::addLine);
    connect(m_removeLine, &QPushButton::clicked, this, [this] {
        if (m_lines->rowCount() > 1) {
            m_lines->removeRow(
                    m_lines->currentRow() >= 0 ? m_lines->currentRow() : m_lines->rowCount() - 1);
        }
    });
}

void OfferEditor::retranslate()
{
    m_lines->setHorizontalHeaderLabels({tr("Type"), tr("Platform"), tr("Quantity"), tr("Due")});
    m_addLine->setText(tr("&Add deliverable"));
    m_removeLine->setText(tr("&Remove deliverable"));
    m_feeLabel->setText(tr("&Fee"));
    m_fee->setPlaceholderText(tr("amount, for example 500"));
    m_revisionsLabel->setText(tr("Re&vision rounds"));
    m_rightsLabel->setText(tr("&Usage rights"));
    m_noteLabel->setText(tr("&Note"));
    m_scheduleLabel->setText(tr("&Payment"));
    m_netDaysLabel->setText(tr("Paid &within"));
    m_netDays->setSuffix(tr(" days"));
    m_netDays->setToolTip(
            tr("Each part is paid within this many days after its condition is met."));
    const auto scheduleText = [](const QList<common::Installment> &schedule) {
        QStringList parts;
        for (const common::Installment &part : schedule) {
            parts.append(
                    tr("%1 % %2").arg(part.percent).arg(Names::paymentCondition(part.condition)));
        }
        return parts.join(u", "_s);
    };
    const auto presets = schedulePresets();
    for (int i = 0; i < presets.size(); ++i) {
        m_schedule->setItemText(i, scheduleText(presets.at(i)));
    }
    if (m_schedule->count() > presets.size()) {
        m_schedule->setItemText(int(presets.size()), scheduleText(m_customSchedule));
    }
    m_schedule->setToolTip(tr("When the creator is paid: each part of the fee becomes due when "
                              "its condition is met (the deal accepted, the content approved or "
                              "live), plus the days below."));
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        auto *type = qobject_cast<QComboBox *>(m_lines->cellWidget(row, TypeColumn));
        for (int i = 0; type && i < type->count(); ++i) {
            type->setItemText(i, Names::deliverableType(static_cast<common::DeliverableType>(i)));
        }
    }
}

void OfferEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void OfferEditor::addLine()
{
    const int row = m_lines->rowCount();
    m_lines->insertRow(row);
    auto *type = new QComboBox;
    for (int i = 0; i < kAllTypes; ++i) {
        type->addItem(Names::deliverableType(static_cast<common::DeliverableType>(i)));
    }
    auto *platform = new QComboBox;
    for (int i = 0; i < kAllPlatforms; ++i) {
        platform->addItem(Names::platform(static_cast<common::Platform>(i)));
    }
    auto *quantity = new QSpinBox;
    quantity->setRange(1, common::collab::kMaxQuantity);
    auto *due = new QDateEdit(QDate::currentDate().addDays(14));
    due->setCalendarPopup(true);
    due->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_lines->setCellWidget(row, TypeColumn, type);
    m_lines->setCellWidget(row, PlatformColumn, platform);
    m_lines->setCellWidget(row, QuantityColumn, quantity);
    m_lines->setCellWidget(row, DueColumn, due);
}

int OfferEditor::lineCount() const
{
    return m_lines->rowCount();
}

void OfferEditor::setLine(int row, const OfferLine &line)
{
    qobject_cast<QComboBox *>(m_lines->cellWidget(row, TypeColumn))
            ->setCurrentIndex(static_cast<int>(line.type));
    qobject_cast<QComboBox *>(m_lines->cellWidget(row, PlatformColumn))
            ->setCurrentIndex(static_cast<int>(line.platform));
    qobject_cast<QSpinBox *>(m_lines->cellWidget(row, QuantityColumn))->setValue(line.quantity);
    qobject_cast<QDateEdit *>(m_lines->cellWidget(row, DueColumn))->setDate(line.dueDate);
}

OfferLine OfferEditor::line(int row) const
{
    OfferLine line;
    line.type = static_cast<common::DeliverableType>(
            qobject_cast<QComboBox *>(m_lines->cellWidget(row, TypeColumn))->currentIndex());
    line.platform = static_cast<common::Platform>(
            qobject_cast<QComboBox *>(m_lines->cellWidget(row, PlatformColumn))->currentIndex());
    line.quantity = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, QuantityColumn))->value();
    line.dueDate = qobject_cast<QDateEdit *>(m_lines->cellWidget(row, DueColumn))->date();
    return line;
}

void OfferEditor::setOffer(const OfferInput &offer)
{
    m_currency = offer.fee.currency;
    m_lines->setRowCount(0);
    for (const OfferLine &line : offer.deliverables) {
        addLine();
        setLine(m_lines->rowCount() - 1, line);
    }
    if (m_lines->rowCount() == 0) {
        addLine();
    }
    m_fee->setText(offer.fee.minorUnits > 0 ? Formats::amountText(offer.fee) : QString());
    m_currencyLabel->setText(m_currency);
    m_revisions->setValue(offer.maxRevisions);
    m_rights->setText(offer.usageRights);
    m_note->setText(offer.note);
    setPaymentTerms(offer.paymentTerms);
}

QList<QList<common::Installment>> OfferEditor::schedulePresets()
{
    using common::PaymentCondition;
    return {{{PaymentCondition::Live, 100}},
            {{PaymentCondition::Acceptance, 50}, {PaymentCondition::Live, 50}},
            {{PaymentCondition::Approval, 100}}};
}

void OfferEditor::setPaymentTerms(const common::PaymentTerms &terms)
{
    const auto presets = schedulePresets();
    while (m_schedule->count() > presets.size()) {
        m_schedule->removeItem(m_schedule->count() - 1);
    }
    m_customSchedule.clear();
    const qsizetype preset = presets.indexOf(terms.schedule);
    if (preset >= 0) {
        m_schedule->setCurrentIndex(int(preset));
    } else {
        m_customSchedule = terms.schedule;
        m_schedule->addItem(QString());
        m_schedule->setCurrentIndex(m_schedule->count() - 1);
    }
    m_netDays->setValue(terms.netDays);
    retranslate();
}

common::PaymentTerms OfferEditor::paymentTerms() const
{
    common::PaymentTerms terms;
    const auto presets = schedulePresets();
    const int index = m_schedule->currentIndex();
    terms.schedule = index >= 0 && index < presets.size() ? presets.at(index) : m_customSchedule;
    terms.netDays = m_netDays->value();
    return terms;
}

void OfferEditor::choosePreset(int index)
{
    m_schedule->setCurrentIndex(index);
}

void OfferEditor::setFeeText(const QString &text)
{
    m_fee->setText(text);
}

common::Result<OfferInput> OfferEditor::input() const
{
    const auto fee = Formats::parseAmount(m_fee->text(), m_currency);
    if (!fee) {
        return common::Error::validation(
                {{u"feeMinor"_s, u"invalid_value"_s, u"Not an amount."_s}});
    }
    OfferInput offer;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        offer.deliverables.append(line(row));
    }
    offer.fee = {*fee, m_currency};
    offer.maxRevisions = m_revisions->value();
    offer.usageRights = m_rights->text().trimmed();
    offer.note = m_note->text().trimmed();
    offer.paymentTerms = paymentTerms();
    // The server's rules, applied here first: nothing invalid is sent.
    return common::collab::validateOffer(common::offerJson(offer));
}

QString OfferEditor::errorText(const common::Error &error)
{
    QStringList lines;
    for (const common::FieldError &fieldError : error.fieldErrors) {
        const QString field = fieldError.field.startsWith(u"offer."_s) ? fieldError.field.mid(6)
                                                                       : fieldError.field;
        QString line;
        if (field.startsWith(u"deliverables"_s)) {
            line = fieldError.code == u"too_many"_s
                    ? tr("At most %1 pieces in all.").arg(common::collab::kMaxDeliverablesPerDeal)
                    : tr("Check the deliverables: each needs a type, a platform, a quantity and a "
                         "due date.");
        } else if (field == u"feeMinor"_s || field == u"currency"_s) {
            line = tr("Type the fee as an amount, such as 500 or 500%150.")
                           .arg(QLocale().decimalPoint());
        } else if (field.startsWith(u"paymentTerms"_s)) {
            line = tr("Check the payment schedule: its parts must add up to 100 % and be paid "
                      "within 0 to %1 days.")
                           .arg(common::payment::kMaxNetDays);
        } else if (fieldError.code == u"too_long"_s) {
            line = tr("A text is too long.");
        }
        if (!line.isEmpty() && !lines.contains(line)) {
            lines.append(line);
        }
    }
    return lines.isEmpty() ? ErrorText::sentence(error) : lines.join(u'\n');
}

common::OfferInput OfferEditor::campaignOffer(const common::Campaign &campaign)
{
    QList<common::DeliverableType> types;
    for (const QString &name : campaign.details.deliverableTypes) {
        if (const auto type = common::deliverableTypeFromString(name)) {
            types.append(*type);
        }
    }
    QList<common::Platform> platforms;
    for (const QString &name : campaign.details.platforms) {
        if (const auto platform = common::platformFromString(name)) {
            platforms.append(*platform);
        }
    }
    const QDate endDate = campaign.details.endDate;
    const QDate due = endDate.isValid() && endDate > QDate::currentDate()
            ? endDate
            : QDate::currentDate().addDays(14);
    // Every wanted type and every wanted platform appears once: pair them up in order and
    // repeat the last of the shorter list.
    const auto lines = std::min<qsizetype>(std::max<qsizetype>({types.size(), platforms.size(), 1}),
            common::collab::kMaxOfferLines);
    common::OfferInput offer;
    for (qsizetype i = 0; i < lines; ++i) {
        common::OfferLine line;
        if (!types.isEmpty()) {
            line.type = types.at(std::min(i, types.size() - 1));
        }
        if (!platforms.isEmpty()) {
            line.platform = platforms.at(std::min(i, platforms.size() - 1));
        }
        line.dueDate = due;
        offer.deliverables.append(line);
    }
    offer.fee = {0, campaign.details.budget.currency};
    offer.usageRights = campaign.details.usageRights;
    return offer;
}

} // namespace influence::desktop

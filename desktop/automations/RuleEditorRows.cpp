// SPDX-License-Identifier: Apache-2.0
#include "RuleEditorRows.h"

#include "RuleText.h"
#include "common/Domain.h"
#include "common/Money.h"
#include "widgets/MinorUnits.h"
#include "widgets/Names.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>

using namespace Qt::StringLiterals;
using influence::common::RuleAction;
using influence::common::RuleCondition;

namespace influence::desktop {

namespace {

constexpr int kMaxFee = 100'000'000; // in major units, far above any deal

QToolButton *removeButton(QWidget *row)
{
    auto *button = new QToolButton(row);
    button->setObjectName(u"removeRowButton"_s);
    button->setText(u"✕"_s);
    button->setAutoRaise(true);
    return button;
}

/// Selects the entry of `box` whose data is `code` (the first when none is).
void selectData(QComboBox *box, const QString &code)
{
    box->setCurrentIndex(qMax(0, box->findData(code)));
}

} // namespace

QString RuleChoices::campaignName(const QString &id) const
{
    for (const auto &[campaignId, name] : campaigns) {
        if (campaignId == id) {
            return name;
        }
    }
    return {};
}

ConditionRow::ConditionRow(const RuleChoices *choices, QWidget *parent)
    : QWidget(parent)
    , m_choices(choices)
{
    setObjectName(u"conditionRow"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_field = new QComboBox;
    m_field->setObjectName(u"conditionField"_s);
    for (const QString &field : common::rules::conditionFields()) {
        m_field->addItem(QString(), field);
    }
    m_value = new QStackedWidget;
    m_values = new QToolButton;
    m_values->setObjectName(u"conditionValues"_s);
    m_values->setPopupMode(QToolButton::InstantPopup);
    m_values->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_values->setMenu(new QMenu(m_values));
    m_values->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *fee = new QWidget;
    auto *feeLayout = new QHBoxLayout(fee);
    feeLayout->setContentsMargins(0, 0, 0, 0);
    m_op = new QComboBox;
    m_op->setObjectName(u"conditionOp"_s);
    m_op->addItem(QString(), u"gte"_s);
    m_op->addItem(QString(), u"lte"_s);
    m_amount = new QDoubleSpinBox;
    m_amount->setObjectName(u"conditionAmount"_s);
    m_amount->setRange(0, kMaxFee);
    m_amount->setDecimals(2);
    m_amount->setGroupSeparatorShown(true);
    m_currency = new QComboBox;
    m_currency->setObjectName(u"conditionCurrency"_s);
    feeLayout->addWidget(m_op);
    feeLayout->addWidget(m_amount, 1);
    feeLayout->addWidget(m_currency);
    m_still = new QLabel;
    m_still->setWordWrap(true);
    m_value->addWidget(m_values);
    m_value->addWidget(fee);
    m_value->addWidget(m_still);
    m_remove = removeButton(this);
    m_value->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    layout->addWidget(m_field);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_remove);
    connect(m_remove, &QToolButton::clicked, this, &ConditionRow::removeRequested);
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        m_selected.clear();
        fieldChosen();
    });
    connect(m_currency, &QComboBox::currentIndexChanged, this, &ConditionRow::currencyChosen);
    retranslate();
    fieldChosen();
}

void ConditionRow::retranslate()
{
    for (int i = 0; i < m_field->count(); ++i) {
        m_field->setItemText(i, RuleText::conditionField(m_field->itemData(i).toString()));
    }
    m_op->setItemText(0, tr("at least"));
    m_op->setItemText(1, tr("at most"));
    m_amount->setToolTip(tr("The deal's fee. A deal in another currency does not meet this "
                            "condition."));
    m_currency->setToolTip(tr("The fee's currency"));
    m_still->setText(tr("The deal is still in the state the event left it in."));
    m_remove->setToolTip(tr("Remove this condition"));
    refreshChoices();
}

QList<std::pair<QString, QString>> ConditionRow::options() const
{
    QList<std::pair<QString, QString>> list;
    const QString field = m_field->currentData().toString();
    if (field == u"campaignId"_s) {
        list = m_choices->campaigns;
    } else if (field == u"platform"_s) {
        for (const QString &code : common::platformNames()) {
            list.append({code, Names::platform(*common::platformFromString(code))});
        }
    } else if (field == u"deliverableType"_s) {
        for (const QString &code : common::deliverableTypeNames()) {
            list.append({code, Names::deliverableType(*common::deliverableTypeFromString(code))});
        }
    }
    return list;
}

void ConditionRow::refreshCurrencies()
{
    QStringList codes = m_choices->currencies;
    if (!m_feeCurrency.isEmpty() && !codes.contains(m_feeCurrency)) {
        codes.append(m_feeCurrency);
    }
    if (codes.isEmpty()) {
        codes.append(u"EUR"_s);
    }
    const QString keep = m_feeCurrency.isEmpty() ? codes.first() : m_feeCurrency;
    {
        const QSignalBlocker blocker(m_currency);
        m_currency->clear();
        for (const QString &code : std::as_const(codes)) {
            m_currency->addItem(code, code);
        }
        selectData(m_currency, keep);
    }
    currencyChosen();
}

void ConditionRow::currencyChosen()
{
    // The amount stays what the person typed; only its precision follows the currency.
    m_feeCurrency = m_currency->currentData().toString();
    m_amount->setDecimals(qMax(0, common::currencyMinorDigits(m_feeCurrency)));
}

void ConditionRow::refreshChoices()
{
    refreshCurrencies();
    QMenu *menu = m_values->menu();
    menu->clear();
    const auto list = options();
    for (const auto &option : list) {
        const QString code = option.first;
        QAction *action = menu->addAction(option.second);
        action->setCheckable(true);
        action->setChecked(m_selected.contains(code));
        action->setData(code);
        connect(action, &QAction::toggled, this, [this, code](bool on) {
            if (on && !m_selected.contains(code)) {
                m_selected.append(code);
            } else if (!on) {
                m_selected.removeAll(code);
            }
            updateValuesButton();
        });
    }
    updateValuesButton();
}

void ConditionRow::updateValuesButton()
{
    QStringList names;
    for (const QAction *action : m_values->menu()->actions()) {
        if (action->isChecked()) {
            names.append(action->text());
        }
    }
    // Values not (yet) among the choices, such as a campaign before the list arrives.
    for (const QString &code : std::as_const(m_selected)) {
        const auto list = options();
        if (std::none_of(list.begin(), list.end(), [&](const auto &o) {
                return o.first == code;
            })) {
            names.append(code);
        }
    }
    m_values->setText(names.isEmpty() ? tr("Choose…") : names.join(tr(" or ")));
    m_values->setToolTip(m_values->text());
}

void ConditionRow::fieldChosen()
{
    const QString field = m_field->currentData().toString();
    m_value->setCurrentIndex(field == u"feeMinor"_s ? 1 : field == u"stillInState"_s ? 2 : 0);
    refreshChoices();
}

void ConditionRow::setCondition(const RuleCondition &condition)
{
    {
        const QSignalBlocker blocker(m_field);
        selectData(m_field, condition.field);
    }
    m_selected.clear();
    for (const auto &value : condition.value.toArray()) {
        m_selected.append(value.toString());
    }
    if (condition.field == u"feeMinor"_s) {
        selectData(m_op, condition.op);
        m_feeCurrency = condition.currency;
        refreshCurrencies();
        m_amount->setValue(
                condition.value.toDouble() / static_cast<double>(minorPerMajor(m_feeCurrency)));
    }
    fieldChosen();
}

RuleCondition ConditionRow::condition() const
{
    const QString field = m_field->currentData().toString();
    if (field == u"feeMinor"_s) {
        return {field, m_op->currentData().toString(),
                QJsonValue(qRound64(
                        m_amount->value() * static_cast<double>(minorPerMajor(m_feeCurrency)))),
                m_feeCurrency};
    }
    if (field == u"stillInState"_s) {
        return {field, u"eq"_s, QJsonValue(true), {}};
    }
    return {field, u"in"_s, QJsonArray::fromStringList(m_selected), {}};
}

ActionRow::ActionRow(const RuleChoices *choices, QWidget *parent)
    : QWidget(parent)
    , m_choices(choices)
{
    setObjectName(u"actionRow"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_type = new QComboBox;
    m_type->setObjectName(u"actionType"_s);
    for (const QString &type : common::rules::actionTypes()) {
        m_type->addItem(QString(), type);
    }
    m_params = new QStackedWidget;
    auto *textPage = new QWidget;
    auto *textLayout = new QHBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(u"actionText"_s);
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 3 + 12);
    m_insert = new QToolButton;
    m_insert->setObjectName(u"insertPlaceholderButton"_s);
    m_insert->setPopupMode(QToolButton::InstantPopup);
    m_insert->setMenu(new QMenu(m_insert));
    textLayout->addWidget(m_text, 1);
    textLayout->addWidget(m_insert, 0, Qt::AlignTop);
    m_shortlist = new QComboBox;
    m_shortlist->setObjectName(u"actionShortlist"_s);
    m_none = new QLabel;
    m_none->setWordWrap(true);
    m_params->addWidget(textPage);
    m_params->addWidget(m_shortlist);
    m_params->addWidget(m_none);
    m_remove = removeButton(this);
    m_params->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    layout->addWidget(m_type, 0, Qt::AlignTop);
    layout->addWidget(m_params, 1);
    layout->addWidget(m_remove, 0, Qt::AlignTop);
    connect(m_remove, &QToolButton::clicked, this, &ActionRow::removeRequested);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ActionRow::typeChosen);
    connect(m_shortlist, &QComboBox::activated, this, [this] {
        m_shortlistId = m_shortlist->currentData().toString();
    });
    retranslate();
    typeChosen();
}

void ActionRow::retranslate()
{
    for (int i = 0; i < m_type->count(); ++i) {
        m_type->setItemText(i, RuleText::actionName(m_type->itemData(i).toString()));
    }
    m_insert->setText(tr("Insert"));
    m_insert->setToolTip(tr("Insert a placeholder, filled in when the rule fires"));
    QMenu *menu = m_insert->menu();
    menu->clear();
    for (const QString &name : common::rules::placeholders()) {
        const QString token = u"{{"_s + name + u"}}"_s;
        menu->addAction(u"%1 — %2"_s.arg(token, RuleText::placeholder(name)), this, [this, token] {
            m_text->insertPlainText(token);
        });
    }
    m_remove->setToolTip(tr("Remove this action"));
    typeChosen();
    refreshChoices();
}

void ActionRow::typeChosen()
{
    const QString type = m_type->currentData().toString();
    const bool text = type == u"message.send"_s || type == u"staff.notify"_s;
    m_params->setCurrentIndex(text ? 0 : type == u"shortlist.add"_s ? 1 : 2);
    m_text->setPlaceholderText(type == u"message.send"_s
                    ? tr("Thanks {{creator.name}} for your {{deliverable.type}}!")
                    : tr("What the staff should know"));
    m_none->setText(type == u"payout.approve"_s
                    ? tr("Approves the deal's payouts that are due, with the usual checks.")
                    : tr("Sends the event to the brand's webhook endpoints."));
}

void ActionRow::refreshChoices()
{
    const QSignalBlocker blocker(m_shortlist);
    m_shortlist->clear();
    if (m_choices->shortlists.isEmpty()) {
        m_shortlist->addItem(tr("No shortlists yet: make one on the Lists page"), QString());
    }
    for (const auto &[id, name] : m_choices->shortlists) {
        m_shortlist->addItem(name, id);
    }
    if (m_shortlistId.isEmpty() && !m_choices->shortlists.isEmpty()) {
        m_shortlistId = m_choices->shortlists.first().first;
    }
    selectData(m_shortlist, m_shortlistId);
}

void ActionRow::setAction(const RuleAction &action)
{
    selectData(m_type, action.type);
    m_text->setPlainText(action.params.value(u"text"_s).toString());
    m_shortlistId = action.params.value(u"shortlistId"_s).toString();
    refreshChoices();
    typeChosen();
}

RuleAction ActionRow::action() const
{
    const QString type = m_type->currentData().toString();
    QJsonObject params;
    if (type == u"message.send"_s || type == u"staff.notify"_s) {
        params.insert(u"text"_s, m_text->toPlainText());
    } else if (type == u"shortlist.add"_s) {
        params.insert(u"shortlistId"_s, m_shortlistId);
    }
    return {type, params};
}

} // namespace influence::desktop

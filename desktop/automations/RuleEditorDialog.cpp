// SPDX-License-Identifier: Apache-2.0
#include "RuleEditorDialog.h"

#include "FiringsTable.h"
#include "RuleText.h"
#include "common/CollabApi.h"
#include "common/ShortlistsApi.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::RuleDefinition;

namespace influence::desktop {

namespace {

constexpr int kMinutesPerHour = 60;
constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMaxViews = 1'000'000'000;

/// The rows of `layout` of type T, in order.
template<class T>
QList<T *> rowsOf(QVBoxLayout *layout)
{
    QList<T *> rows;
    for (int i = 0; i < layout->count(); ++i) {
        if (auto *row = qobject_cast<T *>(layout->itemAt(i)->widget())) {
            rows.append(row);
        }
    }
    return rows;
}

} // namespace

RuleEditorDialog::RuleEditorDialog(common::ApiClient *api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_rules(api)
{
    setObjectName(u"ruleEditor"_s);
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    buildUi();
    // Once the event loop runs: the opener names a new rule's brand (setBrandId) first.
    QTimer::singleShot(0, this, &RuleEditorDialog::loadChoices);
}

RuleEditorDialog::RuleEditorDialog(
        common::ApiClient *api, const common::RuleTemplate &ruleTemplate, QWidget *parent)
    : RuleEditorDialog(api, parent)
{
    m_templateCode = ruleTemplate.code;
    setDefinition(ruleTemplate.rule);
    // The template's name is the new rule's, in the user's language (a name the server gives
    // the rule itself stays as it is).
    if (ruleTemplate.rule.name == ruleTemplate.name) {
        m_name->setText(RuleText::templateName(ruleTemplate.code, ruleTemplate.name));
    }
    m_intro->setProperty("templateCode", ruleTemplate.code);
    m_intro->setProperty("templateDescription", ruleTemplate.description);
    retranslate();
}

RuleEditorDialog::RuleEditorDialog(
        common::ApiClient *api, const common::Rule &rule, QWidget *parent)
    : RuleEditorDialog(api, parent)
{
    m_ruleId = rule.id;
    m_templateCode = rule.templateCode;
    m_brandId = rule.brandId;
    setDefinition(rule.definition);
    retranslate();
}

void RuleEditorDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel;
    m_intro->setObjectName(u"ruleEditorIntro"_s);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *splitter = new QSplitter(Qt::Vertical);
    auto *form = new QWidget;
    auto *formColumn = new QVBoxLayout(form);
    auto *formLayout = new QFormLayout;
    formColumn->addLayout(formLayout);
    formColumn->addStretch(1); // the rows keep their height; the space goes below them
    m_name = new QLineEdit;
    m_name->setObjectName(u"ruleName"_s);
    m_nameLabel = new QLabel;
    formLayout->addRow(m_nameLabel, m_name);

    auto *trigger = new QHBoxLayout;
    m_trigger = new QComboBox;
    m_trigger->setObjectName(u"ruleTrigger"_s);
    for (const QString &type : common::rules::triggerTypes()) {
        m_trigger->addItem(QString(), type);
    }
    m_share = new QSpinBox;
    m_share->setObjectName(u"ruleShare"_s);
    m_share->setRange(1, 100);
    m_share->setValue(80);
    m_views = new QSpinBox;
    m_views->setObjectName(u"ruleViews"_s);
    m_views->setRange(1, kMaxViews);
    m_views->setValue(100'000);
    m_views->setGroupSeparatorShown(true);
    trigger->addWidget(m_trigger, 1);
    trigger->addWidget(m_share);
    trigger->addWidget(m_views);
    m_triggerLabel = new QLabel;
    formLayout->addRow(m_triggerLabel, trigger);
    connect(m_trigger, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::triggerChosen);

    auto *delay = new QHBoxLayout;
    m_delay = new QSpinBox;
    m_delay->setObjectName(u"ruleDelay"_s);
    m_delayUnit = new QComboBox;
    m_delayUnit->setObjectName(u"ruleDelayUnit"_s);
    m_delayUnit->addItem(QString(), 1);
    m_delayUnit->addItem(QString(), kMinutesPerHour);
    m_delayUnit->addItem(QString(), kMinutesPerDay);
    connect(m_delayUnit, &QComboBox::currentIndexChanged, this, [this] {
        m_delay->setMaximum(common::rules::kMaxDelayMinutes / m_delayUnit->currentData().toInt());
    });
    delay->addWidget(m_delay);
    delay->addWidget(m_delayUnit);
    delay->addStretch(1);
    m_delayLabel = new QLabel;
    formLayout->addRow(m_delayLabel, delay);

    auto *conditions = new QVBoxLayout;
    m_conditions = new QVBoxLayout;
    conditions->addLayout(m_conditions);
    m_addCondition = new QPushButton;
    m_addCondition->setObjectName(u"addConditionButton"_s);
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        appendCondition();
    });
    conditions->addWidget(m_addCondition, 0, Qt::AlignLeft);
    m_conditionsLabel = new QLabel;
    formLayout->addRow(m_conditionsLabel, conditions);

    auto *actions = new QVBoxLayout;
    m_actions = new QVBoxLayout;
    actions->addLayout(m_actions);
    m_addAction = new QPushButton;
    m_addAction->setObjectName(u"addActionButton"_s);
    connect(m_addAction, &QPushButton::clicked, this, [this] {
        appendAction();
    });
    actions->addWidget(m_addAction, 0, Qt::AlignLeft);
    m_actionsLabel = new QLabel;
    formLayout->addRow(m_actionsLabel, actions);

    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    splitter->addWidget(scroll);

    auto *preview = new QWidget;
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    m_previewSummary = new QLabel;
    m_previewSummary->setObjectName(u"dryRunSummary"_s);
    m_previewSummary->setWordWrap(true);
    m_previewTable = new FiringsTable;
    m_previewTable->setObjectName(u"dryRunTable"_s);
    previewLayout->addWidget(m_previewSummary);
    previewLayout->addWidget(m_previewTable, 1);
    m_previewStates = new StateStack(u"dryRun"_s, preview);
    connect(m_previewStates, &StateStack::retryRequested, this, &RuleEditorDialog::preview);
    splitter->addWidget(m_previewStates);
    splitter->setSizes({420, 260});
    layout->addWidget(splitter, 1);

    m_errors = new QLabel;
    m_errors->setObjectName(u"ruleErrors"_s);
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(u"color: #c0392b"_s);
    m_errors->hide();
    layout->addWidget(m_errors);

    auto *buttons = new QHBoxLayout;
    m_previewButton = new QPushButton;
    m_previewButton->setObjectName(u"previewRuleButton"_s);
    m_saveButton = new QPushButton;
    m_saveButton->setObjectName(u"saveRuleButton"_s);
    m_saveButton->setDefault(true);
    m_cancelButton = new QPushButton;
    m_cancelButton->setObjectName(u"cancelRuleButton"_s);
    buttons->addWidget(m_previewButton);
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_saveButton);
    layout->addLayout(buttons);
    connect(m_previewButton, &QPushButton::clicked, this, &RuleEditorDialog::preview);
    connect(m_saveButton, &QPushButton::clicked, this, &RuleEditorDialog::save);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    resize(1000, 760);
}

void RuleEditorDialog::retranslate()
{
    setWindowTitle(m_ruleId.isEmpty() ? tr("New automation") : tr("Edit automation"));
    const QString code = m_intro->property("templateCode").toString();
    m_intro->setText(code.isEmpty()
                    ? tr("When the event happens (and after the delay), if every condition "
                         "holds, the actions run.")
                    : tr("From the template “%1”: %2")
                              .arg(RuleText::templateName(code, code),
                                      RuleText::templateDescription(code,
                                              m_intro->property("templateDescription")
                                                      .toString())));
    m_nameLabel->setText(tr("&Name:"));
    m_nameLabel->setBuddy(m_name);
    m_triggerLabel->setText(tr("&When:"));
    m_triggerLabel->setBuddy(m_trigger);
    for (int i = 0; i < m_trigger->count(); ++i) {
        m_trigger->setItemText(i, RuleText::triggerName(m_trigger->itemData(i).toString()));
    }
    m_share->setSuffix(tr(" % of the budget"));
    m_views->setSuffix(tr(" views"));
    m_delayLabel->setText(tr("&Wait:"));
    m_delayLabel->setBuddy(m_delay);
    m_delay->setSpecialValueText(tr("no delay"));
    m_delayUnit->setItemText(0, tr("minutes"));
    m_delayUnit->setItemText(1, tr("hours"));
    m_delayUnit->setItemText(2, tr("days"));
    m_conditionsLabel->setText(tr("Only if:"));
    m_addCondition->setText(tr("Add &condition"));
    m_actionsLabel->setText(tr("Then:"));
    m_addAction->setText(tr("Add &action"));
    m_previewButton->setText(tr("&Preview (dry run)"));
    m_previewButton->setToolTip(
            tr("What this rule would have done over the last 30 days; nothing is changed."));
    m_saveButton->setText(tr("&Save"));
    m_cancelButton->setText(tr("Cancel"));
    m_previewTable->retranslate();
    for (auto *row : conditionRows()) {
        row->retranslate();
    }
    for (auto *row : actionRows()) {
        row->retranslate();
    }
    setDryRunState(m_dryRunState);
}

void RuleEditorDialog::triggerChosen()
{
    const QString type = m_trigger->currentData().toString();
    m_share->setVisible(type == u"budget.used_above"_s);
    m_views->setVisible(type == u"post.views_above"_s);
}

void RuleEditorDialog::setDelay(int minutes)
{
    const int unit = minutes > 0 && minutes % kMinutesPerDay == 0 ? 2
            : minutes > 0 && minutes % kMinutesPerHour == 0       ? 1
                                                                  : 0;
    m_delayUnit->setCurrentIndex(unit);
    m_delay->setMaximum(common::rules::kMaxDelayMinutes / m_delayUnit->currentData().toInt());
    m_delay->setValue(minutes / m_delayUnit->currentData().toInt());
}

int RuleEditorDialog::delayMinutes() const
{
    return m_delay->value() * m_delayUnit->currentData().toInt();
}

void RuleEditorDialog::setDefinition(const RuleDefinition &definition)
{
    m_name->setText(definition.name);
    m_trigger->setCurrentIndex(qMax(0, m_trigger->findData(definition.trigger.type)));
    if (definition.trigger.params.contains(u"share"_s)) {
        m_share->setValue(qRound(definition.trigger.params.value(u"share"_s).toDouble() * 100));
    }
    if (definition.trigger.params.contains(u"views"_s)) {
        m_views->setValue(static_cast<int>(
                qMin<qint64>(kMaxViews, definition.trigger.params.value(u"views"_s).toInteger())));
    }
    triggerChosen();
    setDelay(definition.delayMinutes);
    for (auto *row : conditionRows()) {
        delete row;
    }
    for (auto *row : actionRows()) {
        delete row;
    }
    for (const auto &condition : definition.conditions) {
        appendCondition()->setCondition(condition);
    }
    for (const auto &action : definition.actions) {
        appendAction()->setAction(action);
    }
    updateButtons();
}

void RuleEditorDialog::setName(const QString &name)
{
    m_name->setText(name);
}

void RuleEditorDialog::addCondition(const common::RuleCondition &condition)
{
    appendCondition()->setCondition(condition);
}

RuleDefinition RuleEditorDialog::definition() const
{
    RuleDefinition definition;
    definition.name = m_name->text().trimmed();
    definition.trigger.type = m_trigger->currentData().toString();
    if (definition.trigger.type == u"budget.used_above"_s) {
        definition.trigger.params.insert(u"share"_s, m_share->value() / 100.0);
    } else if (definition.trigger.type == u"post.views_above"_s) {
        definition.trigger.params.insert(u"views"_s, m_views->value());
    }
    definition.delayMinutes = delayMinutes();
    for (const auto *row : conditionRows()) {
        definition.conditions.append(row->condition());
    }
    for (const auto *row : actionRows()) {
        definition.actions.append(row->action());
    }
    return definition;
}

QList<ConditionRow *> RuleEditorDialog::conditionRows() const
{
    return rowsOf<ConditionRow>(m_conditions);
}

QList<ActionRow *> RuleEditorDialog::actionRows() const
{
    return rowsOf<ActionRow>(m_actions);
}

ConditionRow *RuleEditorDialog::appendCondition()
{
    auto *row = new ConditionRow(&m_choices);
    m_conditions->addWidget(row);
    connect(row, &ConditionRow::removeRequested, this, [this, row] {
        removeRow(m_conditions, row);
    });
    return row;
}

ActionRow *RuleEditorDialog::appendAction()
{
    auto *row = new ActionRow(&m_choices);
    m_actions->addWidget(row);
    connect(row, &ActionRow::removeRequested, this, [this, row] {
        removeRow(m_actions, row);
    });
    updateButtons();
    return row;
}

void RuleEditorDialog::removeRow(QVBoxLayout *rows, QWidget *row)
{
    // Out of the form at once; deleted later, as its own button's click is still being handled.
    rows->removeWidget(row);
    row->hide();
    row->deleteLater();
    updateButtons();
}

void RuleEditorDialog::updateButtons()
{
    m_addAction->setEnabled(actionRows().size() < common::rules::kMaxActions);
    m_saveButton->setEnabled(!m_saving);
}

void RuleEditorDialog::showErrors(const QList<common::FieldError> &errors)
{
    QStringList lines;
    for (const auto &error : errors) {
        lines.append(RuleText::fieldError(error));
    }
    m_errors->setText(lines.join(u'\n'));
    m_errors->setVisible(!lines.isEmpty());
}

QString RuleEditorDialog::errorText() const
{
    return m_errors->text();
}

void RuleEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "RuleEditorRows.h"
#include "common/ApiClient.h"
#include "common/RulesApi.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace influence::desktop {

class FiringsTable;
class StateStack;

/// Makes a rule from a template, or edits a saved one: its name, what starts it (with the
/// budget share or number of views), the delay, the conditions and one to five actions. Preview
/// asks the server what the rule as it stands would have done over the last 30 days (a dry run:
/// nothing changes) and shows each event it would have fired on or skipped and why; Save creates
/// or changes the rule. Opened window-modal, never exec(); nothing waits on the network.
class RuleEditorDialog : public QDialog
{
    Q_OBJECT

public:
    enum class DryRunState { Idle, Running, Done, Failed };
    Q_ENUM(DryRunState)

    /// A new rule, filled in from `ruleTemplate`.
    RuleEditorDialog(common::ApiClient *api, const common::RuleTemplate &ruleTemplate,
            QWidget *parent = nullptr);
    /// Editing `rule`.
    RuleEditorDialog(common::ApiClient *api, const common::Rule &rule, QWidget *parent = nullptr);

    /// The brand a new rule is for, and whose events its preview reads (empty: the user's only
    /// brand). A saved rule's editor starts with the rule's brand.
    void setBrandId(const QString &brandId) { m_brandId = brandId; }
    QString brandId() const { return m_brandId; }

    /// The rule as the form stands.
    common::RuleDefinition definition() const;
    void setDefinition(const common::RuleDefinition &definition);
    void setName(const QString &name);
    void addCondition(const common::RuleCondition &condition);
    QList<ConditionRow *> conditionRows() const;
    QList<ActionRow *> actionRows() const;
    /// The brand's campaigns and shortlists have arrived (the pickers are filled).
    bool choicesLoaded() const { return m_choicesPending == 0; }
    const RuleChoices &choices() const { return m_choices; }

    /// Preview: the dry run of the rule as it stands.
    void preview();
    DryRunState dryRunState() const { return m_dryRunState; }
    const common::RuleDryRun &dryRun() const { return m_dryRun; }
    FiringsTable *previewTable() const { return m_previewTable; }
    /// Save: checks the form, then creates or changes the rule (the dialog closes once saved).
    void save();
    bool isSaving() const { return m_saving; }
    /// What is wrong with the form or why saving failed; empty when nothing is.
    QString errorText() const;

Q_SIGNALS:
    void saved(const common::Rule &rule);
    void dryRunStateChanged(influence::desktop::RuleEditorDialog::DryRunState state);
    void choicesArrived();

protected:
    void changeEvent(QEvent *event) override;

private:
    RuleEditorDialog(common::ApiClient *api, QWidget *parent);
    void buildUi();
    void retranslate();
    void loadChoices();
    void loadCampaigns(const QString &cursor);
    void loadShortlists(const QString &cursor);
    void choiceArrived();
    void triggerChosen();
    void setDelay(int minutes);
    int delayMinutes() const;
    ConditionRow *appendCondition();
    ActionRow *appendAction();
    void removeRow(QVBoxLayout *rows, QWidget *row);
    void updateButtons();
    void showErrors(const QList<common::FieldError> &errors);
    void setDryRunState(DryRunState state);

    common::ApiClient *m_api;
    common::RulesApi m_rules;
    QString m_ruleId; ///< empty: a new rule
    QString m_templateCode;
    QString m_brandId; ///< a new rule's brand; empty: the user's only brand
    RuleChoices m_choices;
    QStringList m_campaignCurrencies; ///< while the campaigns' pages arrive
    int m_choicesPending = 2; ///< campaigns and shortlists, each loaded to its last page
    DryRunState m_dryRunState = DryRunState::Idle;
    common::RuleDryRun m_dryRun;
    common::Error m_dryRunError;
    quint64 m_dryRunGeneration = 0;
    bool m_saving = false;

    QLabel *m_intro = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_triggerLabel = nullptr;
    QComboBox *m_trigger = nullptr;
    QSpinBox *m_share = nullptr;
    QSpinBox *m_views = nullptr;
    QLabel *m_delayLabel = nullptr;
    QSpinBox *m_delay = nullptr;
    QComboBox *m_delayUnit = nullptr;
    QLabel *m_conditionsLabel = nullptr;
    QVBoxLayout *m_conditions = nullptr;
    QPushButton *m_addCondition = nullptr;
    QLabel *m_actionsLabel = nullptr;
    QVBoxLayout *m_actions = nullptr;
    QPushButton *m_addAction = nullptr;
    QLabel *m_errors = nullptr;
    StateStack *m_previewStates = nullptr;
    QLabel *m_previewSummary = nullptr;
    FiringsTable *m_previewTable = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/RuleTypes.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <utility>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace influence::desktop {

/// What the rule editor's rows offer to choose from: the brand's campaigns and shortlists
/// (id, name), loaded by the editor.
struct RuleChoices
{
    QList<std::pair<QString, QString>> campaigns;
    QList<std::pair<QString, QString>> shortlists;
    QStringList currencies; ///< of the brand's campaigns, the most used first

    QString campaignName(const QString &id) const;
};

/// One condition of the rule editor: the field, and for it either a set of values to choose
/// (campaigns, platforms, deliverable types), a fee bound, or nothing more (still in state).
class ConditionRow : public QWidget
{
    Q_OBJECT

public:
    ConditionRow(const RuleChoices *choices, QWidget *parent = nullptr);

    void setCondition(const common::RuleCondition &condition);
    common::RuleCondition condition() const;
    /// The choices arrived or changed: the menu of values anew.
    void refreshChoices();
    void retranslate();

Q_SIGNALS:
    void removeRequested();

private:
    void fieldChosen();
    void updateValuesButton();
    void refreshCurrencies();
    void currencyChosen();
    QList<std::pair<QString, QString>> options() const;

    const RuleChoices *m_choices;
    QStringList m_selected; ///< the values of an `in` condition
    QString m_feeCurrency; ///< the fee bound's currency, kept until the choices arrive
    QComboBox *m_field = nullptr;
    QStackedWidget *m_value = nullptr;
    QToolButton *m_values = nullptr;
    QComboBox *m_op = nullptr;
    QDoubleSpinBox *m_amount = nullptr;
    QComboBox *m_currency = nullptr;
    QLabel *m_still = nullptr;
    QToolButton *m_remove = nullptr;
};

/// One action of the rule editor: its type and, as the type needs, the message's text (with a
/// menu of placeholders) or the shortlist.
class ActionRow : public QWidget
{
    Q_OBJECT

public:
    ActionRow(const RuleChoices *choices, QWidget *parent = nullptr);

    void setAction(const common::RuleAction &action);
    common::RuleAction action() const;
    void refreshChoices();
    void retranslate();
    QPlainTextEdit *textEdit() const { return m_text; }
    QComboBox *shortlistBox() const { return m_shortlist; }

Q_SIGNALS:
    void removeRequested();

private:
    void typeChosen();

    const RuleChoices *m_choices;
    QString m_shortlistId; ///< kept until the shortlists arrive
    QComboBox *m_type = nullptr;
    QStackedWidget *m_params = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QToolButton *m_insert = nullptr;
    QComboBox *m_shortlist = nullptr;
    QLabel *m_none = nullptr;
    QToolButton *m_remove = nullptr;
};

} // namespace influence::desktop

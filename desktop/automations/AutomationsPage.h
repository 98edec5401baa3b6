// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ApiClient.h"
#include "common/Error.h"
#include "common/RulesApi.h"
#include "widgets/Page.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class BrandPicker;
class RuleDetailPanel;
class RuleEditorDialog;
class Session;
class StateStack;
class TemplateGallery;

/// Brand staff's automations: the brand's rules (name, what starts them, an enabled switch,
/// when they last fired and how often) with New from template, and the chosen rule's detail
/// (RuleDetailPanel): edit, enable or disable, delete, and its firing history. Staff acting for
/// several brands pick the brand first (BrandPicker). Every list has its loading, empty and
/// error states; nothing waits on the network.
class AutomationsPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum Column { NameColumn, TriggerColumn, EnabledColumn, LastFiredColumn, FiringsColumn };
    /// Rules listed at the most (pages are followed up to it).
    static constexpr int kMaxRules = 500;

    AutomationsPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    const QList<common::Rule> &rules() const { return m_rules; }
    QTableWidget *table() const { return m_table; }
    RuleDetailPanel *detail() const { return m_detail; }
    /// Which brand's rules, for staff acting for several brands (hidden otherwise).
    BrandPicker *brandPicker() const { return m_brands; }
    QString currentRuleId() const;
    /// Reads the rules again (keeps the chosen one when it is still there).
    void reload();
    /// Chooses a rule by id; false when not listed.
    bool selectRule(const QString &id);
    /// Opens the template gallery (New from template…); choosing one opens the editor.
    void newFromTemplate();
    TemplateGallery *gallery() const;
    /// The rule editor while open (new or edit).
    RuleEditorDialog *editor() const;
    /// Opens the editor on the chosen rule.
    void editCurrent();
    /// Enables or disables a rule (what its switch does).
    void setRuleEnabled(const QString &id, bool enabled);
    /// Asks, then deletes the rule (the question is `deleteRuleQuestion`).
    void deleteRule(const QString &id);
    QString messageText() const;
    QString crumb() const override { return windowTitle(); }
    QVariant saveState() const override { return currentRuleId(); }
    void restoreState(const QVariant &state) override;

Q_SIGNALS:
    void stateChanged(influence::desktop::AutomationsPage::State state);
    /// A rule was saved, switched or deleted on the server.
    void ruleChanged(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    /// Reads the rules of the picked brand (the brand list is read first when not known).
    void loadRules();
    void loadPage(quint64 generation, const QString &cursor);
    void loadCampaignNames();
    void fillTable();
    void ruleChosen();
    void enabledEdited(int row, int column);
    void openEditor(RuleEditorDialog *editor);
    void ruleSaved(const common::Rule &rule);
    void showMessage(const QString &text);
    void forget();

    common::ApiClient *m_api;
    common::RulesApi m_rulesApi;
    Session *m_session;
    QList<common::Rule> m_rules;
    QList<common::Rule> m_arriving;
    QHash<QString, QString> m_campaignNames;
    common::Error m_error;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    QString m_wanted; ///< the rule to choose once the rules arrive
    bool m_filling = false;
    QPointer<TemplateGallery> m_gallery;
    QPointer<RuleEditorDialog> m_editor;

    BrandPicker *m_brands = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_message = nullptr;
    StateStack *m_states = nullptr;
    QTableWidget *m_table = nullptr;
    RuleDetailPanel *m_detail = nullptr;
};

} // namespace influence::desktop

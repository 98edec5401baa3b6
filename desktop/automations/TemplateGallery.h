// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ApiClient.h"
#include "common/Error.h"
#include "common/RulesApi.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace influence::desktop {

class StateStack;

/// The ready-made rules to start from (asked from the server when opened), each with its name
/// and what it does; choosing one ("Use template") hands it on and closes the gallery.
class TemplateGallery : public QDialog
{
    Q_OBJECT

public:
    enum class State { Loading, Loaded, Failed };
    Q_ENUM(State)

    explicit TemplateGallery(common::ApiClient *api, QWidget *parent = nullptr);

    State state() const { return m_state; }
    const QList<common::RuleTemplate> &templates() const { return m_templates; }
    QListWidget *list() const { return m_list; }
    /// Chooses the template `code` (what double-clicking it does); false when not listed.
    bool choose(const QString &code);
    void reload();

Q_SIGNALS:
    void chosen(const common::RuleTemplate &ruleTemplate);
    void stateChanged(influence::desktop::TemplateGallery::State state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setState(State state);
    void fill();
    void chooseCurrent();

    common::ApiClient *m_api;
    common::RulesApi m_rules;
    QList<common::RuleTemplate> m_templates;
    common::Error m_error;
    State m_state = State::Loading;
    StateStack *m_states = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace influence::desktop

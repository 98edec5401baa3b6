// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/ProfileApi.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace influence::desktop {

class CreatorPerformance;
class LanguagePicker;
class RatesEditor;
class Session;
class StateStack;

/// The signed-in creator's own profile as a form. The form is checked with the server's rules
/// (common::profiles) before anything is sent; errors show next to their fields, the server's
/// field errors (422) too. Saving replaces the profile (PUT), which also creates it.
class OwnProfileView : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Editing, Saving, Failed };
    Q_ENUM(State)

    OwnProfileView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    /// Whether the server has a profile for the user (false before the first save).
    bool exists() const { return m_exists; }
    /// Loads the profile from the server into the form.
    void reload();
    /// Checks the form and, when valid, saves it; false (and nothing sent) when not valid.
    bool save();
    /// The form's content as the API's JSON body (unchecked).
    QJsonObject formJson(QList<common::FieldError> *parseErrors = nullptr) const;
    /// Shows the field errors of `error` next to their fields; the rest in the status line.
    void showErrors(const common::Error &error);
    /// The error text shown for a field group ("displayName", "rates", …); empty when none.
    QString fieldError(const QString &group) const;

Q_SIGNALS:
    void stateChanged(influence::desktop::OwnProfileView::State state);
    void saved();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    QWidget *buildForm();
    void retranslate();
    void setState(State state);
    void fill(const common::InfluencerProfileInput &input);
    /// The country picker's names in the current language, keeping the choice.
    void fillCountries();
    void clearErrors();
    void loaded(quint64 generation, const common::Result<common::InfluencerProfile> &result);
    void savedAnswer(quint64 generation, const common::Result<common::InfluencerProfile> &result);
    QString fieldMessage(const QString &group, const common::FieldError &error) const;
    bool canLoad() const;

    common::ApiClient *m_api;
    common::ProfileApi m_profiles;
    Session *m_session;
    State m_state = State::Idle;
    bool m_exists = false;
    quint64 m_generation = 0;
    common::Error m_error;
    QString m_status;

    StateStack *m_states = nullptr;
    CreatorPerformance *m_performance = nullptr;
    QLabel *m_intro = nullptr;
    QList<QLabel *> m_fieldLabels;
    QLineEdit *m_displayName = nullptr;
    QPlainTextEdit *m_bio = nullptr;
    QListWidget *m_niches = nullptr;
    QComboBox *m_country = nullptr;
    LanguagePicker *m_languages = nullptr;
    RatesEditor *m_rates = nullptr;
    QHash<QString, QLabel *> m_errorLabels;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_reloadButton = nullptr;
};

} // namespace influence::desktop

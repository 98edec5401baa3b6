// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/NotificationsApi.h"

#include <QGroupBox>
#include <QHash>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTimeEdit;

namespace influence::desktop {

class Session;
class StateStack;

/// The Settings page's notification preferences: per kind of reminder where it goes (the app,
/// e-mail, both, off) and whether its e-mails wait for the daily digest; quiet hours and the
/// time zone they are in. Loaded when shown while signed in, saved with
/// PUT /me/notification-settings. Widgets are named for tests: `channel_<kind>` and
/// `digest_<kind>` (dots in the kind as underscores), `quietHoursCheck`, `quietStartEdit`,
/// `quietEndEdit`, `timeZoneBox`, `saveNotificationSettingsButton`,
/// `notificationSettingsMessage`; the states are `notificationSettings*` (StateStack).
class NotificationPreferences : public QGroupBox
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed, SignedOut };
    Q_ENUM(State)

    NotificationPreferences(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    bool isSaving() const { return m_saving; }
    /// What the form would send.
    common::NotificationSettings formSettings() const;
    /// Fills the form (as a user would).
    void setForm(const common::NotificationSettings &settings);
    QString messageText() const;
    StateStack *states() const { return m_states; }

    void reload();
    void save();

Q_SIGNALS:
    void stateChanged(influence::desktop::NotificationPreferences::State state);
    void saved();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct KindRow
    {
        QLabel *label = nullptr;
        QComboBox *channel = nullptr;
        QCheckBox *digest = nullptr;
    };

    void buildUi();
    void retranslate();
    void setState(State state);
    void showState();
    void updateEnabled();
    static QString kindText(const QString &kind);

    common::ApiClient *m_api;
    common::NotificationsApi m_notifications;
    Session *m_session;
    State m_state = State::Idle;
    bool m_saving = false;
    quint64 m_generation = 0;
    common::Error m_error;
    StateStack *m_states = nullptr;
    QHash<QString, KindRow> m_rows;
    QLabel *m_kindHeader = nullptr;
    QLabel *m_channelHeader = nullptr;
    QCheckBox *m_quiet = nullptr;
    QTimeEdit *m_quietStart = nullptr;
    QTimeEdit *m_quietEnd = nullptr;
    QLabel *m_quietTo = nullptr;
    QLabel *m_zoneLabel = nullptr;
    QComboBox *m_zone = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace influence::desktop

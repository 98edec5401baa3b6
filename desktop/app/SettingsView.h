// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace influence::common {
class ApiClient;
}

namespace influence::desktop {

class Languages;
class NotificationPreferences;
class Session;

/// Settings: the interface language (switched at once, remembered), the server to use, signing
/// out, and how the signed-in user is reminded (NotificationPreferences).
class SettingsView : public QWidget
{
    Q_OBJECT

public:
    SettingsView(common::ApiClient *api, Session *session, Languages *languages,
            QWidget *parent = nullptr);

    NotificationPreferences *notificationPreferences() const { return m_notifications; }

Q_SIGNALS:
    void signOutRequested();
    /// The user chose another server; signing in there follows.
    void serverChangeRequested(const QString &url);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void chooseLanguage();
    void useServer();

    common::ApiClient *m_api;
    Languages *m_languages;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageBox = nullptr;
    QLabel *m_languageNote = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QPushButton *m_serverButton = nullptr;
    QLabel *m_serverError = nullptr;
    QLabel *m_sessionLabel = nullptr;
    QPushButton *m_signOutButton = nullptr;
    NotificationPreferences *m_notifications = nullptr;
};

} // namespace influence::desktop

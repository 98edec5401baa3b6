// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace influence::desktop {

/// Shows an endpoint's signing secret the one time the server tells it (after create and after
/// rotation), with Copy and the warning that it will not be shown again. The secret lives only
/// in this dialog's field: never logged, never kept in settings, cleared when it closes.
class WebhookSecretDialog : public QDialog
{
    Q_OBJECT

public:
    /// `rotated`: the secret replaces one that stays valid for a day.
    WebhookSecretDialog(
            const QString &url, const QString &secret, bool rotated, QWidget *parent = nullptr);

    QString secret() const;
    QPushButton *copyButton() const { return m_copy; }

    void done(int result) override;

private:
    QLineEdit *m_secret = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_copied = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/WebhooksApi.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace influence::desktop {

/// Adds or edits a webhook endpoint: its https address (checked here before the server sees
/// it), a description, the events it receives (all, or a checklist of the event types the
/// server sends) and whether it is enabled. Save hands the input to the page (submitted); the
/// dialog stays open, busy, until the page says the server took it (accept) or why not
/// (showError).
class WebhookDialog : public QDialog
{
    Q_OBJECT

public:
    /// `endpoint` set: edit it; else a new one.
    explicit WebhookDialog(
            const std::optional<common::WebhookEndpoint> &endpoint, QWidget *parent = nullptr);

    QString endpointId() const { return m_endpointId; }
    common::WebhookEndpointInput input() const;
    /// Checks or unchecks one event type of the checklist ("deal.offer_accepted").
    void setEventChecked(const QString &eventType, bool checked);
    /// The server refused (or the call failed): the sentence under the form, Save again.
    void showError(const QString &text);
    QString errorText() const;

Q_SIGNALS:
    void submitted(const influence::common::WebhookEndpointInput &input);

private:
    void validate();
    QStringList checkedEvents() const;

    QString m_endpointId;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_description = nullptr;
    QCheckBox *m_allEvents = nullptr;
    QListWidget *m_events = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#include "WebhookDialog.h"

#include "WebhookText.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::WebhookEndpoint;

namespace influence::desktop {

namespace {
constexpr int kTypeRole = Qt::UserRole;
constexpr int kMaxDescription = 500; // the server's bound
} // namespace

WebhookDialog::WebhookDialog(const std::optional<WebhookEndpoint> &endpoint, QWidget *parent)
    : QDialog(parent)
    , m_endpointId(endpoint ? endpoint->id : QString())
{
    setObjectName(u"webhookDialog"_s);
    setWindowTitle(endpoint ? tr("Edit webhook endpoint") : tr("Add webhook endpoint"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_url = new QLineEdit(endpoint ? endpoint->url : QString());
    m_url->setObjectName(u"webhookUrl"_s);
    m_url->setPlaceholderText(u"https://example.com/webhooks/influence"_s);
    m_url->setMinimumWidth(420);
    form->addRow(tr("&Address (https):"), m_url);
    m_hint = new QLabel;
    m_hint->setObjectName(u"webhookUrlHint"_s);
    m_hint->setWordWrap(true);
    form->addRow(QString(), m_hint);
    m_description = new QLineEdit(endpoint ? endpoint->description : QString());
    m_description->setObjectName(u"webhookDescription"_s);
    m_description->setMaxLength(kMaxDescription);
    form->addRow(tr("&Description:"), m_description);
    m_allEvents = new QCheckBox(tr("A&ll events, including those added later"));
    m_allEvents->setObjectName(u"webhookAllEvents"_s);
    m_allEvents->setChecked(!endpoint || endpoint->events.isEmpty());
    form->addRow(tr("Events:"), m_allEvents);
    m_events = new QListWidget;
    m_events->setObjectName(u"webhookEvents"_s);
    QStringList types;
    for (const QString &kind : common::webhookTimelineKinds()) {
        types.append(common::webhookEventType(kind));
    }
    types.append(QString(common::kWebhookTestEvent));
    for (const QString &type : std::as_const(types)) {
        auto *item = new QListWidgetItem(u"%1  (%2)"_s.arg(WebhookText::event(type), type));
        item->setData(kTypeRole, type);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(
                endpoint && endpoint->events.contains(type) ? Qt::Checked : Qt::Unchecked);
        m_events->addItem(item);
    }
    form->addRow(QString(), m_events);
    m_enabled = new QCheckBox(tr("&Enabled: deliver events to this address"));
    m_enabled->setObjectName(u"webhookEnabled"_s);
    m_enabled->setChecked(!endpoint || endpoint->enabled);
    form->addRow(QString(), m_enabled);
    layout->addLayout(form);

    m_error = new QLabel;
    m_error->setObjectName(u"webhookDialogError"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"saveWebhookButton"_s);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (!m_buttons->button(QDialogButtonBox::Save)->isEnabled()) {
            return;
        }
        m_error->hide();
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false); // until the server answers
        Q_EMIT submitted(input());
    });
    connect(m_url, &QLineEdit::textChanged, this, &WebhookDialog::validate);
    connect(m_allEvents, &QCheckBox::toggled, this, &WebhookDialog::validate);
    connect(m_events, &QListWidget::itemChanged, this, &WebhookDialog::validate);
    validate();
}

common::WebhookEndpointInput WebhookDialog::input() const
{
    common::WebhookEndpointInput input;
    input.url = m_url->text().trimmed();
    input.description = m_description->text().trimmed();
    input.events = m_allEvents->isChecked() ? QStringList() : checkedEvents();
    input.enabled = m_enabled->isChecked();
    return input;
}

QStringList WebhookDialog::checkedEvents() const
{
    QStringList types;
    for (int row = 0; row < m_events->count(); ++row) {
        if (m_events->item(row)->checkState() == Qt::Checked) {
            types.append(m_events->item(row)->data(kTypeRole).toString());
        }
    }
    return types;
}

void WebhookDialog::setEventChecked(const QString &eventType, bool checked)
{
    for (int row = 0; row < m_events->count(); ++row) {
        if (m_events->item(row)->data(kTypeRole).toString() == eventType) {
            m_events->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        }
    }
}

void WebhookDialog::validate()
{
    m_events->setEnabled(!m_allEvents->isChecked());
    const QString url = m_url->text().trimmed();
    const bool urlOk = common::isAcceptableWebhookUrl(url);
    const bool eventsOk = m_allEvents->isChecked() || !checkedEvents().isEmpty();
    if (!url.isEmpty() && !urlOk) {
        m_hint->setText(tr("Enter a complete https address, such as "
                           "https://example.com/webhooks."));
    } else if (!eventsOk) {
        m_hint->setText(tr("Choose at least one event, or all events."));
    } else {
        m_hint->setText(tr("Deliveries are signed; only public https addresses are accepted."));
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(urlOk && eventsOk);
}

void WebhookDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    validate();
}

QString WebhookDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace influence::desktop

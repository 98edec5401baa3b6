// SPDX-License-Identifier: Apache-2.0
// The Webhooks page's actions: add and edit an endpoint (WebhookDialog), rotate its secret,
// send a test event, delete it, and replay a delivery. A secret the server answers goes straight
// into a WebhookSecretDialog and nowhere else.
#include "WebhookDialog.h"
#include "WebhookSecretDialog.h"
#include "WebhooksPage.h"
#include "widgets/Async.h"
#include "widgets/BrandPicker.h"
#include "widgets/ErrorText.h"

#include <QMessageBox>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using influence::common::JsonReply;
using influence::common::Result;
using influence::common::WebhookDelivery;
using influence::common::WebhookEndpoint;
using influence::common::WebhookEndpointSecret;

namespace influence::desktop {

namespace {

/// A window-modal Yes/No question, opened (never exec()); `yes` runs on Yes.
void ask(QWidget *parent, const QString &name, const QString &title, const QString &text,
        std::function<void()> yes)
{
    auto *box = new QMessageBox(
            QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QObject::connect(box, &QMessageBox::finished, parent, [yes = std::move(yes)](int answer) {
        if (answer == QMessageBox::Yes) {
            yes();
        }
    });
    box->open();
}

} // namespace

WebhookDialog *WebhooksPage::endpointDialog() const
{
    return m_dialog;
}

WebhookSecretDialog *WebhooksPage::secretDialog() const
{
    return m_secretDialog;
}

void WebhooksPage::addEndpoint()
{
    openDialog(std::nullopt);
}

void WebhooksPage::editEndpoint()
{
    if (const WebhookEndpoint *endpoint = currentEndpoint()) {
        openDialog(*endpoint);
    }
}

void WebhooksPage::openDialog(const std::optional<WebhookEndpoint> &endpoint)
{
    if (m_dialog) {
        m_dialog->close();
    }
    m_dialog = new WebhookDialog(endpoint, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog, &WebhookDialog::submitted, this, &WebhooksPage::submitDialog);
    m_dialog->open();
}

void WebhooksPage::submitDialog(const common::WebhookEndpointInput &input)
{
    const QPointer<WebhookDialog> dialog = m_dialog;
    if (!dialog) {
        return;
    }
    const common::ApiClient::OwnerScope owner(m_api, this);
    if (dialog->endpointId().isEmpty()) {
        common::WebhookEndpointInput forBrand = input;
        forBrand.brandId = m_brands->brandId();
        continueIn(this, m_webhooks.create(forBrand),
                [this, dialog](const Result<WebhookEndpointSecret> &created) {
                    if (!created) {
                        if (dialog) {
                            dialog->showError(ErrorText::sentence(created.error()));
                        }
                        return;
                    }
                    if (dialog) {
                        dialog->accept();
                    }
                    showMessage(tr("Endpoint %1 added.").arg(created->endpoint.url));
                    m_wanted = created->endpoint.id;
                    reload();
                    showSecret(*created, false);
                });
        return;
    }
    continueIn(this, m_webhooks.update(dialog->endpointId(), input),
            [this, dialog](const Result<WebhookEndpoint> &updated) {
                if (!updated) {
                    if (dialog) {
                        dialog->showError(ErrorText::sentence(updated.error()));
                    }
                    return;
                }
                if (dialog) {
                    dialog->accept();
                }
                showMessage(tr("Endpoint %1 saved.").arg(updated->url));
                m_wanted = updated->id;
                reload();
            });
}

void WebhooksPage::showSecret(const WebhookEndpointSecret &answer, bool rotated)
{
    if (m_secretDialog) {
        m_secretDialog->close();
    }
    m_secretDialog = new WebhookSecretDialog(answer.endpoint.url, answer.secret, rotated, this);
    m_secretDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_secretDialog->setWindowModality(Qt::WindowModal);
    m_secretDialog->open();
    Q_EMIT secretShown();
}

void WebhooksPage::rotateSecret()
{
    const WebhookEndpoint *endpoint = currentEndpoint();
    if (!endpoint) {
        return;
    }
    ask(this, u"rotateSecretQuestion"_s, tr("Rotate secret"),
            tr("Make a new signing secret for %1? The new secret is shown once. The current "
               "secret stays valid for 24 hours, so your receiver can switch over in that time.")
                    .arg(endpoint->url),
            [this, id = endpoint->id] {
                const common::ApiClient::OwnerScope owner(m_api, this);
                continueIn(this, m_webhooks.rotateSecret(id),
                        [this](const Result<WebhookEndpointSecret> &rotated) {
                            if (!rotated) {
                                showMessage(tr("The secret was not rotated: %1")
                                                    .arg(ErrorText::sentence(rotated.error())));
                                return;
                            }
                            showMessage(tr("The secret of %1 was rotated; the previous one "
                                           "stays valid for 24 hours.")
                                                .arg(rotated->endpoint.url));
                            for (WebhookEndpoint &known : m_endpoints) {
                                if (known.id == rotated->endpoint.id) {
                                    known = rotated->endpoint; // when the old one expires
                                }
                            }
                            fillEndpoints();
                            showSecret(*rotated, true);
                        });
            });
}

void WebhooksPage::sendTest()
{
    const WebhookEndpoint *endpoint = currentEndpoint();
    if (!endpoint) {
        return;
    }
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(
            this, m_webhooks.sendTest(endpoint->id), [this](const Result<WebhookDelivery> &queued) {
                if (!queued) {
                    showMessage(tr("The test event was not sent: %1")
                                        .arg(ErrorText::sentence(queued.error())));
                    return;
                }
                showMessage(tr("Test event queued; its delivery shows in the log."));
                m_cursors = {QString()}; // the newest page, where it is
                reloadDeliveries();
            });
}

void WebhooksPage::deleteEndpoint()
{
    const WebhookEndpoint *endpoint = currentEndpoint();
    if (!endpoint) {
        return;
    }
    ask(this, u"deleteWebhookQuestion"_s, tr("Delete endpoint"),
            tr("Delete the endpoint %1 and its delivery log? Events are no longer sent there.")
                    .arg(endpoint->url),
            [this, id = endpoint->id, url = endpoint->url] {
                const common::ApiClient::OwnerScope owner(m_api, this);
                continueIn(this, m_webhooks.remove(id), [this, url](const Result<JsonReply> &done) {
                    if (!done) {
                        showMessage(tr("The endpoint was not deleted: %1")
                                            .arg(ErrorText::sentence(done.error())));
                        return;
                    }
                    showMessage(tr("Endpoint %1 deleted.").arg(url));
                    reload();
                });
            });
}

void WebhooksPage::replay(int row)
{
    if (row < 0 || row >= m_deliveries.size() || currentEndpointId().isEmpty()) {
        return;
    }
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_webhooks.replay(currentEndpointId(), m_deliveries.at(row).id),
            [this](const Result<WebhookDelivery> &queued) {
                if (!queued) {
                    showMessage(tr("The delivery was not sent again: %1")
                                        .arg(ErrorText::sentence(queued.error())));
                    return;
                }
                showMessage(tr("Delivery queued again with the same webhook-id."));
                reloadDeliveries();
            });
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#include "WebhookSecretDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

WebhookSecretDialog::WebhookSecretDialog(
        const QString &url, const QString &secret, bool rotated, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"webhookSecretDialog"_s);
    setWindowTitle(rotated ? tr("New signing secret") : tr("Signing secret"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(rotated
                    ? tr("The endpoint %1 has a new signing secret. The previous secret keeps "
                         "working for 24 hours, so you can update your receiver in that time.")
                              .arg(url.toHtmlEscaped())
                    : tr("Deliveries to %1 are signed with this secret. Your receiver checks each "
                         "delivery's signature with it (Standard Webhooks).")
                              .arg(url.toHtmlEscaped()));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    m_secret = new QLineEdit(secret);
    m_secret->setObjectName(u"webhookSecret"_s);
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 24);
    row->addWidget(m_secret, 1);
    m_copy = new QPushButton(tr("&Copy"));
    m_copy->setObjectName(u"copySecretButton"_s);
    row->addWidget(m_copy);
    layout->addLayout(row);

    m_copied = new QLabel;
    m_copied->setObjectName(u"secretCopied"_s);
    layout->addWidget(m_copied);
    auto *warning = new QLabel(tr("Copy it now: you will not see this secret again. If it is "
                                  "lost, rotate the secret to get a new one."));
    warning->setObjectName(u"secretWarning"_s);
    warning->setWordWrap(true);
    QFont bold = warning->font();
    bold.setBold(true);
    warning->setFont(bold);
    layout->addWidget(warning);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_secret->text());
        m_copied->setText(tr("Copied to the clipboard."));
    });
}

QString WebhookSecretDialog::secret() const
{
    return m_secret->text();
}

void WebhookSecretDialog::done(int result)
{
    m_secret->clear(); // gone from memory we own as soon as the dialog closes
    QDialog::done(result);
}

} // namespace influence::desktop

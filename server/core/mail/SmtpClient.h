// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Mail.h"
#include "common/Result.h"

#include <QString>
#include <QUrl>

#include <chrono>

namespace influence::server::mail {

/// The mail part of the configuration (SMTP_URL, MAIL_FROM, SMTP_CA_FILE).
struct DeliverySettings
{
    QString smtpUrl; ///< empty: e-mails are written to the log instead of sent
    QString from = QStringLiteral("Influence <no-reply@localhost>"); ///< "Name <address>"
    QString caFile; ///< extra CA certificates (PEM) to trust for the mail server
};

/// Where and how to deliver mail, from SMTP_URL.
struct SmtpSettings
{
    enum class Security { StartTls, ImplicitTls, None };

    QString host;
    quint16 port = 587;
    QString user;
    QString password;
    Security security = Security::StartTls;
    QString from; ///< "Name <address>"
    QString heloName = QStringLiteral("localhost");
    std::chrono::seconds timeout{30};
    /// Extra CA certificates to trust (PEM), for tests with a self-signed server.
    QString caCertificatesFile;

    /// The server SMTP_URL names, with the sender and the CA certificates of `delivery`.
    static common::Result<SmtpSettings> parse(const DeliverySettings &delivery);
};

/// A blocking SMTP client (RFC 5321) on libcurl, with STARTTLS (RFC 3207) and AUTH PLAIN
/// (RFC 4954): enough to hand messages to a relay. Runs on the mail worker thread, never on an
/// HTTP thread. A connection that was asked for STARTTLS never falls back to clear text.
class SmtpClient
{
public:
    explicit SmtpClient(SmtpSettings settings);

    /// Delivers `message` over one connection; a failure is `unavailable` (the sender retries),
    /// its detail the server's refusing reply or libcurl's reason.
    common::Result<void> send(const MailMessage &message) const;

private:
    SmtpSettings m_settings;
};

/// The RFC 5322 text of a message (headers, CRLF line ends), without DATA's dot-stuffing and
/// final dot, which libcurl adds.
QByteArray formatMessage(
        const MailMessage &message, const QString &from, const QString &messageIdHost);

} // namespace influence::server::mail

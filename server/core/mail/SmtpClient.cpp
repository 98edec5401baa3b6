// SPDX-License-Identifier: Apache-2.0
#include "SmtpClient.h"

#include <QDateTime>
#include <QLocale>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::mail {

namespace {

Error smtpError(const QString &detail)
{
    return Error::unavailable(u"SMTP: "_s + detail, 60);
}

/// The bare address of "Name <address>" (or the text itself).
QString addressOf(const QString &mailbox)
{
    const qsizetype open = mailbox.lastIndexOf(u'<');
    if (open >= 0 && mailbox.endsWith(u'>')) {
        return mailbox.sliced(open + 1).chopped(1).trimmed();
    }
    return mailbox.trimmed();
}

/// Header values must not carry line breaks (header injection).
QString headerSafe(QString text)
{
    return text.replace(u'\r', u' ').replace(u'\n', u' ').trimmed();
}

/// RFC 2047 encoded-word for non-ASCII header text.
QByteArray encodeHeader(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    const bool ascii = std::all_of(utf8.cbegin(), utf8.cend(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
    });
    if (ascii) {
        return utf8;
    }
    return "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

QByteArray encodeMailbox(const QString &mailbox)
{
    const QString address = addressOf(mailbox);
    const qsizetype open = mailbox.lastIndexOf(u'<');
    if (open <= 0) {
        return address.toUtf8();
    }
    const QString name = mailbox.first(open).trimmed().remove(u'"');
    return encodeHeader(name) + " <" + address.toUtf8() + '>';
}

/// Reads and checks SMTP replies on a blocking socket.
class Session
{
public:
    Session(QSslSocket &socket, std::chrono::seconds timeout)
        : m_socket(socket)
        , m_timeoutMs(static_cast<int>(std::chrono::milliseconds(timeout).count()))
    { }

    /// Reads one (possibly multi-line) reply; its code, and the text of all lines.
    Result<int> reply(QStringList *lines = nullptr)
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end >= 0) {
                const QByteArray line = m_buffer.first(end);
                m_buffer.remove(0, end + 2);
                if (line.size() < 3) {
                    return smtpError(u"malformed reply"_s);
                }
                if (lines) {
                    lines->append(QString::fromUtf8(line.mid(4)));
                }
                // "250-…" continues, "250 …" (or just "250") ends the reply.
                if (line.size() == 3 || line.at(3) == ' ') {
                    bool ok = false;
                    const int code = line.first(3).toInt(&ok);
                    if (!ok) {
                        return smtpError(u"malformed reply"_s);
                    }
                    m_last = QString::fromUtf8(line);
                    return code;
                }
                continue;
            }
            if (m_buffer.size() > qsizetype{64} * 1024) {
                return smtpError(u"reply too long"_s);
            }
            if (!m_socket.waitForReadyRead(m_timeoutMs)) {
                return smtpError(u"no answer from the server ("_s + m_socket.errorString() + u')');
            }
            m_buffer += m_socket.readAll();
        }
    }

    Result<void> command(const QByteArray &line, int expectedClass, QStringList *lines = nullptr)
    {
        m_socket.write(line + "\r\n");
        return expect(expectedClass, lines);
    }

    Result<void> expect(int expectedClass, QStringList *lines = nullptr)
    {
        const auto code = reply(lines);
        if (!code) {
            return code.error();
        }
        if (*code / 100 != expectedClass) {
            return smtpError(u"the server answered "_s + m_last);
        }
        return {};
    }

    void clearBuffer() { m_buffer.clear(); }

private:
    QSslSocket &m_socket;
    int m_timeoutMs;
    QByteArray m_buffer;
    QString m_last;
};

} // namespace

Result<SmtpSettings> SmtpSettings::fromUrl(const QString &text, const QString &from)
{
    const QUrl url(text, QUrl::StrictMode);
    SmtpSettings settings;
    if (!url.isValid() || url.host().isEmpty()) {
        return Error::make(ErrorCode::BadRequest, u"invalid SMTP_URL"_s);
    }
    settings.host = url.host();
    settings.user = url.userName(QUrl::FullyDecoded);
    settings.password = url.password(QUrl::FullyDecoded);
    settings.from = from;
    const QString tls = QUrlQuery(url).queryItemValue(u"tls"_s);
    if (url.scheme() == u"smtps"_s) {
        settings.security = Security::ImplicitTls;
        settings.port = static_cast<quint16>(url.port(465));
    } else {
        settings.security = tls == u"none"_s ? Security::None : Security::StartTls;
        settings.port = static_cast<quint16>(url.port(587));
    }
    return settings;
}

SmtpClient::SmtpClient(SmtpSettings settings)
    : m_settings(std::move(settings))
{ }

QByteArray formatMessage(
        const MailMessage &message, const QString &from, const QString &messageIdHost)
{
    QByteArray out;
    const QLocale c = QLocale::c();
    out += "From: " + encodeMailbox(headerSafe(from)) + "\r\n";
    out += "To: " + encodeMailbox(headerSafe(message.to)) + "\r\n";
    out += "Subject: " + encodeHeader(headerSafe(message.subject)) + "\r\n";
    out += "Date: "
            + c.toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss +0000"_s)
                      .toLatin1()
            + "\r\n";
    out += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + '@'
            + messageIdHost.toLatin1() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    // Base64 in 76-character lines (RFC 2045): no line in the body can start with a dot, and
    // no 8-bit data needs the server's 8BITMIME.
    const QByteArray body = message.body.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76) {
        out += body.mid(i, 76) + "\r\n";
    }
    return out;
}

Result<void> SmtpClient::send(const MailMessage &message) const
{
    QSslSocket socket;
    if (!m_settings.caCertificatesFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_settings.caCertificatesFile);
        socket.setSslConfiguration(tls);
    }
    const int timeoutMs = static_cast<int>(std::chrono::milliseconds(m_settings.timeout).count());
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        socket.connectToHostEncrypted(m_settings.host, m_settings.port);
        if (!socket.waitForEncrypted(timeoutMs)) {
            return smtpError(u"TLS connection to %1:%2 failed: %3"_s.arg(m_settings.host)
                                     .arg(m_settings.port)
                                     .arg(socket.errorString()));
        }
    } else {
        socket.connectToHost(m_settings.host, m_settings.port);
        if (!socket.waitForConnected(timeoutMs)) {
            return smtpError(u"cannot connect to %1:%2: %3"_s.arg(m_settings.host)
                                     .arg(m_settings.port)
                                     .arg(socket.errorString()));
        }
    }
    Session session(socket, m_settings.timeout);
    if (auto ok = session.expect(2); !ok) {
        return ok;
    }
    const QByteArray ehlo = "EHLO " + m_settings.heloName.toLatin1();
    QStringList extensions;
    if (auto ok = session.command(ehlo, 2, &extensions); !ok) {
        return ok;
    }
    if (m_settings.security == SmtpSettings::Security::StartTls) {
        const bool offered =
                std::any_of(extensions.cbegin(), extensions.cend(), [](const QString &e) {
                    return e.compare(u"STARTTLS"_s, Qt::CaseInsensitive) == 0;
                });
        if (!offered) {
            return smtpError(u"the server does not offer STARTTLS (required)"_s);
        }
        if (auto ok = session.command("STARTTLS", 2); !ok) {
            return ok;
        }
        session.clearBuffer(); // nothing sent before TLS may be trusted (RFC 3207 §4.2)
        socket.startClientEncryption();
        if (!socket.waitForEncrypted(timeoutMs)) {
            return smtpError(u"STARTTLS failed: "_s + socket.errorString());
        }
        extensions.clear();
        if (auto ok = session.command(ehlo, 2, &extensions); !ok) {
            return ok;
        }
    }
    if (!m_settings.user.isEmpty()) {
        const QByteArray credentials =
                '\0' + m_settings.user.toUtf8() + '\0' + m_settings.password.toUtf8();
        if (auto ok = session.command("AUTH PLAIN " + credentials.toBase64(), 2); !ok) {
            return ok;
        }
    }
    if (auto ok = session.command("MAIL FROM:<" + addressOf(m_settings.from).toUtf8() + '>', 2);
            !ok) {
        return ok;
    }
    if (auto ok = session.command(
                "RCPT TO:<" + addressOf(headerSafe(message.to)).toUtf8() + '>', 2);
            !ok) {
        return ok;
    }
    if (auto ok = session.command("DATA", 3); !ok) {
        return ok;
    }
    socket.write(formatMessage(message, m_settings.from, m_settings.heloName));
    if (auto ok = session.command(".", 2); !ok) {
        return ok;
    }
    (void)session.command("QUIT", 2);
    socket.disconnectFromHost();
    return {};
}

} // namespace influence::server::mail

// SPDX-License-Identifier: Apache-2.0
#include "SmtpClient.h"

#include "core/net/Curl.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::net::EasyCleanup;
using influence::server::net::initialiseCurl;
using influence::server::net::ListCleanup;

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

/// The message text, handed to libcurl in the pieces it asks for.
struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const qsizetype length =
            std::min(static_cast<qsizetype>(size * count), upload->data.size() - upload->offset);
    std::memcpy(buffer, upload->data.constData() + upload->offset, static_cast<size_t>(length));
    upload->offset += length;
    return static_cast<size_t>(length);
}

/// The server's last reply before QUIT, so that a refusal is reported in the server's words
/// (libcurl sends QUIT itself when it gives up, and the 221 would hide the refusal).
struct Conversation
{
    QByteArray lastReply;
    bool quitting = false;
};

/// Reads the conversation from libcurl's trace. The client's lines carry the AUTH credentials:
/// they are only checked for QUIT, never kept.
int followConversation(
        [[maybe_unused]] CURL *handle, curl_infotype type, char *data, size_t size, void *userData)
{
    auto *conversation = static_cast<Conversation *>(userData);
    const QByteArrayView line(data, static_cast<qsizetype>(size));
    if (type == CURLINFO_HEADER_OUT && line.startsWith("QUIT")) {
        conversation->quitting = true;
    } else if (type == CURLINFO_HEADER_IN && !conversation->quitting) {
        conversation->lastReply = line.trimmed().toByteArray();
    }
    return 0;
}

Error sendError(const SmtpSettings &settings, CURLcode code, const char *errorBuffer,
        const QByteArray &lastReply)
{
    // A 4xx or 5xx reply ended the conversation (RFC 5321 §4.2.1).
    if (lastReply.size() >= 3 && (lastReply.at(0) == '4' || lastReply.at(0) == '5')) {
        return smtpError(u"the server answered "_s + QString::fromUtf8(lastReply));
    }
    if (code == CURLE_USE_SSL_FAILED) {
        return smtpError(u"the server does not offer STARTTLS (required)"_s);
    }
    if (code == CURLE_LOGIN_DENIED && errorBuffer[0] == '\0') {
        return smtpError(u"the server does not offer AUTH PLAIN"_s);
    }
    const QString reason =
            QString::fromUtf8(errorBuffer[0] != '\0' ? errorBuffer : curl_easy_strerror(code));
    return smtpError(
            u"cannot send through %1:%2: %3"_s.arg(settings.host).arg(settings.port).arg(reason));
}

} // namespace

Result<SmtpSettings> SmtpSettings::parse(const DeliverySettings &delivery)
{
    const QUrl url(delivery.smtpUrl, QUrl::StrictMode);
    SmtpSettings settings;
    if (!url.isValid() || url.host().isEmpty()) {
        return Error::make(ErrorCode::BadRequest, u"invalid SMTP_URL"_s);
    }
    settings.host = url.host();
    settings.user = url.userName(QUrl::FullyDecoded);
    settings.password = url.password(QUrl::FullyDecoded);
    settings.from = delivery.from;
    settings.caCertificatesFile = delivery.caFile;
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
    if (initialiseCurl() != CURLE_OK) {
        return smtpError(u"libcurl cannot be initialised"_s);
    }
    const bool implicitTls = m_settings.security == SmtpSettings::Security::ImplicitTls;
    QUrl url;
    url.setScheme(implicitTls ? u"smtps"_s : u"smtp"_s);
    url.setHost(m_settings.host);
    url.setPort(m_settings.port);
    url.setPath(u'/' + m_settings.heloName); // libcurl's EHLO name (else the machine's name)
    const QByteArray urlText = url.toEncoded();
    const QByteArray from = addressOf(m_settings.from).toUtf8();
    const std::unique_ptr<curl_slist, ListCleanup> recipients(
            curl_slist_append(nullptr, addressOf(headerSafe(message.to)).toUtf8().constData()));
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    const QByteArray caFile = QFile::encodeName(m_settings.caCertificatesFile);
    Upload upload{formatMessage(message, m_settings.from, m_settings.heloName)};
    Conversation conversation;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const long timeoutSeconds = static_cast<long>(m_settings.timeout.count());
    // Declared last, so cleaned up first: curl_easy_cleanup sends QUIT, and its reply still
    // reaches followConversation and the error buffer.
    const std::unique_ptr<CURL, EasyCleanup> curl(curl_easy_init());
    if (!curl) {
        return smtpError(u"libcurl cannot be initialised"_s);
    }

    CURLcode result = CURLE_OK;
    const auto set = [&result, handle = curl.get()](CURLoption option, auto value) {
        if (result == CURLE_OK) {
            result = curl_easy_setopt(handle, option, value);
        }
    };
    set(CURLOPT_URL, urlText.constData());
    set(CURLOPT_PROXY, ""); // straight to the server, as before: no all_proxy from the environment
    set(CURLOPT_NOSIGNAL, 1L); // a worker thread: no SIGALRM, no process-wide signal changes
    set(CURLOPT_ERRORBUFFER, errorBuffer);
    set(CURLOPT_VERBOSE, 1L); // only to hand the conversation to followConversation
    set(CURLOPT_DEBUGFUNCTION, &followConversation);
    set(CURLOPT_DEBUGDATA, &conversation);
    // STARTTLS is required unless tls=none: a server that does not offer it, or refuses it, ends
    // the conversation before anything else is sent (RFC 3207 §4, no fall-back to clear text).
    set(CURLOPT_USE_SSL,
            static_cast<long>(m_settings.security == SmtpSettings::Security::None
                            ? CURLUSESSL_NONE
                            : CURLUSESSL_ALL));
    set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2)); // as Qt's default
    if (!caFile.isEmpty()) {
        // This replaces only libcurl's CA bundle file: its CA directory (/etc/ssl/certs on
        // Debian, the system's CAs) stays, and OpenSSL searches both, so the file adds to the
        // system's CAs instead of replacing them.
        set(CURLOPT_CAINFO, caFile.constData());
    }
    if (!user.isEmpty()) {
        set(CURLOPT_USERNAME, user.constData());
        set(CURLOPT_PASSWORD, password.constData());
        // AUTH PLAIN with the credentials on the AUTH line (RFC 4954 §4), as before: libcurl
        // would otherwise pick CRAM-MD5, DIGEST-MD5 or GSSAPI when the server offers them.
        set(CURLOPT_LOGIN_OPTIONS, "AUTH=PLAIN");
        set(CURLOPT_SASL_IR, 1L);
    }
    set(CURLOPT_MAIL_FROM, from.constData());
    set(CURLOPT_MAIL_RCPT, recipients.get());
    set(CURLOPT_UPLOAD, 1L);
    set(CURLOPT_READFUNCTION, &readUpload);
    set(CURLOPT_READDATA, &upload);
    set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.data.size()));
    // The timeout bounds the connection (TCP, TLS, greeting, EHLO, STARTTLS, AUTH), each reply,
    // and a stalled upload.
    set(CURLOPT_CONNECTTIMEOUT, timeoutSeconds);
    set(CURLOPT_SERVER_RESPONSE_TIMEOUT, timeoutSeconds);
    set(CURLOPT_LOW_SPEED_LIMIT, 1L);
    set(CURLOPT_LOW_SPEED_TIME, timeoutSeconds);
    if (result != CURLE_OK) {
        return smtpError(u"libcurl: "_s + QString::fromUtf8(curl_easy_strerror(result)));
    }
    result = curl_easy_perform(curl.get());
    if (result != CURLE_OK) {
        return sendError(m_settings, result, errorBuffer, conversation.lastReply);
    }
    return {};
}

} // namespace influence::server::mail

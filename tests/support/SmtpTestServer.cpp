// SPDX-License-Identifier: Apache-2.0
#include "SmtpTestServer.h"

#include <QDir>
#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace influence::tests {

namespace {

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

/// One SMTP conversation.
class Session : public QObject
{
public:
    Session(SmtpTestServer *server, QSslSocket *socket, const TestCertificate *certificate,
            QString user, QString password)
        : QObject(socket)
        , m_server(server)
        , m_socket(socket)
        , m_certificate(certificate)
        , m_user(std::move(user))
        , m_password(std::move(password))
    {
        connect(socket, &QSslSocket::readyRead, this, [this] {
            onData();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        reply("220 localhost ESMTP test server");
    }

private:
    void reply(const QByteArray &line) { m_socket->write(line + "\r\n"); }

    void onData()
    {
        m_buffer += m_socket->readAll();
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n")) >= 0) {
            const QByteArray line = m_buffer.first(end);
            m_buffer.remove(0, end + 2);
            if (m_inData) {
                dataLine(line);
            } else {
                command(line);
            }
        }
    }

    void dataLine(const QByteArray &line)
    {
        if (line == ".") {
            m_inData = false;
            if (m_server->failNext > 0) {
                --m_server->failNext;
                reply("451 4.3.0 try again later");
            } else {
                m_message.overTls = m_socket->isEncrypted();
                m_server->messages.append(m_message);
                reply("250 2.0.0 queued");
            }
            m_message = {};
            return;
        }
        // Dot-stuffing (RFC 5321 §4.5.2).
        m_message.data += (line.startsWith("..") ? line.mid(1) : line) + "\r\n";
    }

    void command(const QByteArray &line)
    {
        const QByteArray verb = line.left(4).toUpper();
        const bool needAuth = !m_user.isEmpty() && !m_authenticated;
        if (verb == "EHLO" || verb == "HELO") {
            QByteArray lines = "250-localhost\r\n";
            if (m_certificate && !m_socket->isEncrypted()) {
                lines += "250-STARTTLS\r\n";
            }
            if (!m_user.isEmpty()) {
                lines += "250-AUTH PLAIN\r\n";
            }
            m_socket->write(lines + "250 8BITMIME\r\n");
        } else if (line.toUpper() == "STARTTLS" && m_certificate && !m_socket->isEncrypted()) {
            reply("220 2.0.0 ready to start TLS");
            m_socket->setLocalCertificate(m_certificate->certificate);
            m_socket->setPrivateKey(m_certificate->key);
            m_buffer.clear();
            m_socket->startServerEncryption();
        } else if (verb == "AUTH") {
            const QList<QByteArray> parts = line.split(' ');
            const QList<QByteArray> credentials =
                    QByteArray::fromBase64(parts.value(2)).split('\0');
            if (parts.value(1).toUpper() == "PLAIN" && credentials.size() == 3
                    && credentials[1] == m_user.toUtf8() && credentials[2] == m_password.toUtf8()) {
                m_authenticated = true;
                m_message.user = m_user;
                reply("235 2.7.0 authenticated");
            } else {
                reply("535 5.7.8 bad credentials");
            }
        } else if (verb == "MAIL") {
            if (needAuth) {
                reply("530 5.7.0 authentication required");
                return;
            }
            m_message.from = QString::fromUtf8(line.mid(line.indexOf('<') + 1).chopped(1));
            reply("250 2.1.0 ok");
        } else if (verb == "RCPT") {
            m_message.to.append(QString::fromUtf8(line.mid(line.indexOf('<') + 1).chopped(1)));
            reply("250 2.1.5 ok");
        } else if (verb == "DATA") {
            m_inData = true;
            reply("354 end data with <CR><LF>.<CR><LF>");
        } else if (verb == "RSET") {
            m_message = {};
            reply("250 2.0.0 ok");
        } else if (verb == "NOOP") {
            reply("250 2.0.0 ok");
        } else if (verb == "QUIT") {
            reply("221 2.0.0 bye");
            m_socket->disconnectFromHost();
        } else {
            reply("502 5.5.2 command not recognized");
        }
    }

    SmtpTestServer *m_server;
    QSslSocket *m_socket;
    const TestCertificate *m_certificate;
    QString m_user;
    QString m_password;
    QByteArray m_buffer;
    bool m_inData = false;
    bool m_authenticated = false;
    SmtpTestServer::Message m_message;
};

} // namespace

TestCertificate TestCertificate::generate(const QString &directory)
{
    TestCertificate result;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 7 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
            reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
    X509_EXTENSION *san = X509V3_EXT_conf_nid(
            nullptr, &context, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
    X509_add_ext(cert.get(), san, -1);
    X509_EXTENSION_free(san);
    X509_EXTENSION *basic =
            X509V3_EXT_conf_nid(nullptr, &context, NID_basic_constraints, "critical,CA:TRUE");
    X509_add_ext(cert.get(), basic, -1);
    X509_EXTENSION_free(basic);
    X509_sign(cert.get(), key.get(), EVP_sha256());

    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_X509(certBio.get(), cert.get());
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    const QByteArray certPem = bioText(certBio.get());
    result.certificate = QSslCertificate(certPem, QSsl::Pem);
    result.key = QSslKey(bioText(keyBio.get()), QSsl::Ec, QSsl::Pem);
    result.pemFile = QDir(directory).filePath(u"test-ca.pem"_s);
    QFile file(result.pemFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(certPem);
    }
    return result;
}

QString SmtpTestServer::Message::header(const QString &name) const
{
    const QString text = QString::fromUtf8(data);
    const QString head = text.left(text.indexOf(u"\r\n\r\n"_s));
    for (const QString &line : head.split(u"\r\n"_s)) {
        if (line.startsWith(name + u':', Qt::CaseInsensitive)) {
            return line.sliced(name.size() + 1).trimmed();
        }
    }
    return {};
}

QString SmtpTestServer::Message::body() const
{
    const qsizetype start = data.indexOf("\r\n\r\n");
    QByteArray raw = start < 0 ? QByteArray() : data.mid(start + 4);
    const QString encoding = header(u"Content-Transfer-Encoding"_s).toLower();
    if (encoding == u"base64"_s) {
        raw = QByteArray::fromBase64(raw.replace("\r\n", ""));
    }
    return QString::fromUtf8(raw);
}

SmtpTestServer::SmtpTestServer(const TestCertificate *certificate, QString user, QString password)
    : m_certificate(certificate)
    , m_user(std::move(user))
    , m_password(std::move(password))
{ }

bool SmtpTestServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

void SmtpTestServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new Session(this, socket, m_certificate, m_user, m_password);
}

} // namespace influence::tests

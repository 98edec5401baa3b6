// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTcpServer>

namespace influence::tests {

/// A self-signed certificate for localhost/127.0.0.1, made with OpenSSL at run time, with the
/// PEM file of the certificate (for clients that must trust it).
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    QString pemFile;

    static TestCertificate generate(const QString &directory);
};

/// A real, minimal SMTP server (RFC 5321) for tests: EHLO, optional STARTTLS (RFC 3207) and AUTH
/// PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT. Runs in the test's thread; messages arrive while
/// the test waits (QTRY_*).
class SmtpTestServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Message
    {
        QString from;
        QStringList to;
        QByteArray data; ///< as received, without the terminating dot
        bool overTls = false;
        QString user; ///< from AUTH, if any

        QString header(const QString &name) const;
        /// The text body, base64 or quoted-printable decoded.
        QString body() const;
    };

    /// `certificate` non-null: offer STARTTLS. `user`/`password` non-empty: require AUTH PLAIN.
    explicit SmtpTestServer(
            const TestCertificate *certificate = nullptr, QString user = {}, QString password = {});

    bool start();
    QList<Message> messages;
    /// Reply "451 try later" to the next N messages (to test retries).
    int failNext = 0;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    const TestCertificate *m_certificate;
    QString m_user;
    QString m_password;
};

} // namespace influence::tests

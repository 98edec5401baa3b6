// SPDX-License-Identifier: Apache-2.0
#include "HttpFetcher.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;
using influence::common::Error;

namespace influence::server::net {

namespace {

Error unavailable(const QString &detail)
{
    return Error::unavailable(detail, 5);
}

} // namespace

HttpFetcher::HttpFetcher(FetchSettings settings)
    : m_settings(std::move(settings))
{ }

HttpFetcher::~HttpFetcher() = default;

QNetworkAccessManager &HttpFetcher::network()
{
    if (!m_network) {
        m_network = std::make_unique<QNetworkAccessManager>();
        if (!m_settings.caFile.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.addCaCertificates(m_settings.caFile);
            m_tls = tls;
        }
    }
    return *m_network;
}

void HttpFetcher::fetch(QNetworkRequest request, const std::optional<QByteArray> &form, Done done)
{
    if (m_shuttingDown) {
        done(unavailable(u"the server is shutting down"_s));
        return;
    }
    QNetworkAccessManager &manager = network();
    const auto timeoutMs = static_cast<int>(m_settings.timeout.count());
    request.setTransferTimeout(timeoutMs);
    // Server-to-server endpoints answer directly; a redirect is a misconfiguration (or someone
    // else's server).
    request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(
            QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("influence-server"));
    if (form && !request.header(QNetworkRequest::ContentTypeHeader).isValid()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArrayLiteral("application/x-www-form-urlencoded"));
    }
    if (m_tls && request.url().scheme() == u"https"_s) {
        request.setSslConfiguration(*m_tls);
    }
    QNetworkReply *reply = form ? manager.post(request, *form) : manager.get(request);
    m_inFlight.insert(reply);

    struct Transfer
    {
        QByteArray body;
        bool tooLarge = false;
        bool timedOut = false;
    };
    auto transfer = std::make_shared<Transfer>();
    const qint64 cap = m_settings.maxResponseBytes;
    const QString where = withoutQuery(request.url());
    const auto drain = [reply, transfer, cap] {
        if (transfer->tooLarge) {
            return;
        }
        if (transfer->body.size() + reply->bytesAvailable() > cap) {
            transfer->tooLarge = true;
            transfer->body.clear();
            reply->abort();
            return;
        }
        transfer->body += reply->readAll();
    };
    QObject::connect(reply, &QNetworkReply::readyRead, reply, drain);
    // setTransferTimeout() only limits silence; this limits the whole transfer.
    QTimer::singleShot(m_settings.timeout, reply, [reply, transfer] {
        transfer->timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, reply,
            [this, reply, transfer, drain, where, cap, timeoutMs, done = std::move(done)] {
                m_inFlight.remove(reply);
                reply->deleteLater();
                if (!transfer->tooLarge && reply->isOpen()) {
                    drain();
                }
                const int status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (transfer->tooLarge) {
                    done(unavailable(u"%1 answered with more than %2 bytes"_s.arg(where).arg(cap)));
                } else if (transfer->timedOut
                        || reply->error() == QNetworkReply::OperationCanceledError) {
                    done(unavailable(transfer->timedOut || !m_shuttingDown
                                    ? u"%1 did not answer within %2 ms"_s.arg(where).arg(timeoutMs)
                                    : u"the server is shutting down"_s));
                } else if (status == 0) {
                    done(unavailable(
                            u"cannot reach %1: %2"_s.arg(where, reply->errorString().left(200))));
                } else if (reply->error() > QNetworkReply::NoError
                        && reply->error() <= QNetworkReply::UnknownNetworkError) {
                    // A status line came but the connection failed before the whole body (codes
                    // 1-99 are the network layer's; HTTP statuses have codes of their own): what
                    // arrived is not the answer.
                    done(unavailable(u"the answer of %1 broke off: %2"_s.arg(
                            where, reply->errorString().left(200))));
                } else {
                    done(Fetched{status, transfer->body, reply->rawHeaderPairs()});
                }
            });
}

QByteArray Fetched::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

void HttpFetcher::shutdown()
{
    m_shuttingDown = true;
    // Aborting runs each transfer's callback now (service_unavailable), while whoever will write
    // those answers still exists.
    const auto inFlight = m_inFlight;
    for (QNetworkReply *reply : inFlight) {
        reply->abort();
    }
    m_network.reset();
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

bool acceptableEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || url.hasFragment()
            || !url.userInfo().isEmpty()) {
        return false;
    }
    if (url.scheme() == u"https"_s) {
        return true;
    }
    return url.scheme() == u"http"_s
            && (url.host() == u"localhost"_s || QHostAddress(url.host()).isLoopback());
}

QString withoutQuery(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

QString oauthErrorCode(const QString &code)
{
    const QString plain = code.left(64);
    for (const QChar c : plain) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.') || c.unicode() > 127) {
            return u"unknown"_s;
        }
    }
    return plain.isEmpty() ? u"unknown"_s : plain;
}

} // namespace influence::server::net

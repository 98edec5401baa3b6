// SPDX-License-Identifier: Apache-2.0
#include "OidcSignIn.h"

#include <QCryptographicHash>
#include <QDesktopServices>
#include <QHostAddress>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <array>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr std::chrono::minutes kDefaultTimeout{5};
constexpr std::chrono::seconds kPageGrace{10};

/// 32 random bytes as base64url without padding: 43 characters, a valid PKCE verifier
/// (RFC 7636 §4.1) and an unguessable state.
QString randomToken()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()),
            static_cast<qsizetype>(words.size() * sizeof(quint32)));
    return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// RFC 7636 §4.2: BASE64URL(SHA256(ASCII(verifier))).
QString s256(const QString &verifier)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString text(const QVariantMap &values, const QString &key)
{
    return QUrl::fromPercentEncoding(values.value(key).toString().toUtf8());
}

} // namespace

OidcSignIn::OidcSignIn(QObject *parent)
    : QObject(parent)
    , m_openUrl([](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    })
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kDefaultTimeout);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish();
        Q_EMIT failed(Failure::TimedOut, {});
    });
}

OidcSignIn::~OidcSignIn()
{
    finish();
}

bool OidcSignIn::start(const QUrl &startUrl)
{
    finish();
    // Loopback only (RFC 8252 §8.3): the handler's default would listen on every interface.
    auto *handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!handler->isListening()) {
        delete handler;
        Q_EMIT failed(Failure::NoListener, {});
        return false;
    }
    handler->setCallbackPath(u"oidc"_s);
    handler->setCallbackText(m_pageText);
    connect(handler, &QOAuthHttpServerReplyHandler::callbackReceived, this, &OidcSignIn::received);
    m_handler = handler;
    m_verifier = randomToken();
    m_state = randomToken();

    QUrl url = startUrl;
    QUrlQuery query(url);
    query.addQueryItem(u"code_challenge"_s, s256(m_verifier));
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    query.addQueryItem(u"state"_s, m_state);
    query.addQueryItem(
            u"return_to"_s, QString::fromLatin1(QUrl::toPercentEncoding(handler->callback())));
    url.setQuery(query);
    m_browserUrl = url;
    m_timeout.start();
    if (!m_openUrl(url)) {
        finish();
        Q_EMIT failed(Failure::NoBrowser, {});
        return false;
    }
    return true;
}

void OidcSignIn::cancel()
{
    finish();
}

void OidcSignIn::received(const QVariantMap &values)
{
    if (!isRunning()) {
        return;
    }
    const QString verifier = m_verifier;
    const bool stateMatches = values.value(u"state"_s).toString() == m_state;
    finish();
    // RFC 6749 §10.12: an answer without our state is not ours (another page may have sent the
    // browser here), whatever it says.
    if (!stateMatches) {
        Q_EMIT failed(Failure::StateMismatch, {});
        return;
    }
    if (values.contains(u"error"_s)) {
        Q_EMIT failed(Failure::Refused, text(values, u"error_description"_s));
        return;
    }
    const QString code = values.value(u"code"_s).toString();
    if (code.isEmpty()) {
        Q_EMIT failed(Failure::NoCode, {});
        return;
    }
    Q_EMIT codeReceived(code, verifier);
}

void OidcSignIn::finish()
{
    m_timeout.stop();
    m_verifier.clear();
    m_state.clear();
    m_browserUrl.clear();
    if (m_handler) {
        // No new connections from now on. The handler may be the sender of the signal being
        // handled and writes the page to the browser after it: its socket (which it owns) must
        // outlive this turn of the event loop long enough for the page to leave.
        m_handler->close();
        m_handler->disconnect(this);
        QTimer::singleShot(kPageGrace, m_handler.data(), &QObject::deleteLater);
        m_handler.clear();
    }
}

} // namespace influence::desktop

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

class QOAuthHttpServerReplyHandler;

namespace influence::desktop {

/// The browser part of an OpenID Connect sign-in for a native app (RFC 8252 with PKCE,
/// RFC 7636): makes a verifier and a state, listens on 127.0.0.1 with an ephemeral port, opens
/// the server's start address in the system browser with the S256 challenge, the state and the
/// loopback return_to, and waits for the browser to come back with the server's one-time code.
/// Everything is asynchronous; at most one sign-in runs at a time.
///
/// Why QOAuthHttpServerReplyHandler and not QOAuth2AuthorizationCodeFlow: the flow object of
/// Qt 6.4 speaks RFC 6749 to the token endpoint (form-encoded, snake_case, no PKCE) and would
/// also need the provider's endpoints; here the server is the relying party and the app only
/// needs the loopback listener, which the reply handler provides (it also answers the browser
/// with a page of our choosing). The exchange is a JSON call like every other
/// (AuthApi::exchangeOidcCode()).
class OidcSignIn : public QObject
{
    Q_OBJECT

public:
    enum class Failure { NoListener, NoBrowser, Refused, StateMismatch, NoCode, TimedOut };
    Q_ENUM(Failure)

    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit OidcSignIn(QObject *parent = nullptr);
    ~OidcSignIn() override;

    /// QDesktopServices::openUrl by default; tests give a "browser" of their own.
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    /// Five minutes by default.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout.setInterval(timeout); }
    /// The page the browser shows when it comes back (already translated, HTML).
    void setPageText(const QString &html) { m_pageText = html; }

    /// Starts a sign-in at `startUrl` (a provider's startUrl). False (and failed()) when the
    /// listener cannot start or the browser cannot be opened.
    bool start(const QUrl &startUrl);
    /// Stops waiting: the listener closes; no signal follows.
    void cancel();
    bool isRunning() const { return !m_handler.isNull(); }

    /// What the browser was sent to (for tests and the log), empty when not running.
    QUrl browserUrl() const { return m_browserUrl; }

Q_SIGNALS:
    /// The server's one-time code, with the verifier to exchange it with.
    void codeReceived(const QString &code, const QString &verifier);
    void failed(influence::desktop::OidcSignIn::Failure failure, const QString &detail);

private:
    void received(const QVariantMap &values);
    void finish();

    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    UrlOpener m_openUrl;
    QTimer m_timeout;
    QString m_pageText;
    QString m_verifier;
    QString m_state;
    QUrl m_browserUrl;
};

} // namespace influence::desktop

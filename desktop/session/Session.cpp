// SPDX-License-Identifier: Apache-2.0
#include "Session.h"

#include "common/ApiClient.h"
#include "session/TokenStore.h"
#include "widgets/Async.h"

#include <QLoggingCategory>

#include <algorithm>
#include <chrono>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace influence::desktop {

Q_LOGGING_CATEGORY(lcSession, "influence.desktop.session")

namespace {

/// Renew a fifth of the lifetime (at most a minute) before expiry, so a slow answer or a
/// clock step does not let the token lapse; never sooner than a second from now.
std::chrono::milliseconds refreshDelay(int expiresInSeconds)
{
    const std::chrono::milliseconds lifetime = std::chrono::seconds(expiresInSeconds);
    const std::chrono::milliseconds margin = std::min<std::chrono::milliseconds>(lifetime / 5, 60s);
    return std::max<std::chrono::milliseconds>(lifetime - margin, 1s);
}

/// Errors after which a retry of the same refresh can succeed.
bool transient(const common::Error &error)
{
    return error.code == common::ErrorCode::NetworkError
            || error.code == common::ErrorCode::ServiceUnavailable
            || error.code == common::ErrorCode::TooManyRequests;
}

constexpr auto kRetryDelay = 10s;

} // namespace

Session::Session(common::ApiClient *api, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_auth(api)
    , m_store(store)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &Session::refresh);
    connect(m_api, &common::ApiClient::unauthorized, this, [this] {
        if (m_state == State::SignedIn) {
            qCInfo(lcSession, "access token rejected; refreshing");
            refresh();
        }
    });
}

QString Session::storeKey() const
{
    return u"refresh-token:"_s + m_api->baseUrl().toString();
}

void Session::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void Session::signIn(const QString &email, const QString &password)
{
    signInWith(m_auth.login(email, password));
}

void Session::signInWithCode(const QString &code, const QString &verifier)
{
    signInWith(m_auth.exchangeOidcCode(code, verifier));
}

void Session::signInWith(QFuture<common::Result<common::AuthTokens>> pending)
{
    const quint64 generation = ++m_generation;
    m_refreshTimer.stop();
    setState(State::SigningIn);
    continueIn(this, std::move(pending),
            [this, generation](const common::Result<common::AuthTokens> &tokens) {
                if (generation != m_generation) {
                    return;
                }
                if (!tokens) {
                    setState(m_refreshToken.isEmpty() && m_user.id.isNull() ? State::SignedOut
                                                                            : State::Expired);
                    Q_EMIT signInFailed(tokens.error());
                    return;
                }
                adopt(*tokens);
                Q_EMIT signedIn();
            });
}

void Session::resume(const QString &refreshToken)
{
    const quint64 generation = ++m_generation;
    setState(State::SigningIn);
    continueIn(this, m_auth.refresh(refreshToken),
            [this, generation](const common::Result<common::AuthTokens> &tokens) {
                if (generation != m_generation) {
                    return;
                }
                if (!tokens) {
                    setState(State::SignedOut);
                    Q_EMIT signInFailed(tokens.error());
                    return;
                }
                adopt(*tokens);
                Q_EMIT signedIn();
            });
}

void Session::refresh()
{
    // One refresh at a time: the server rotates the token, and a second use of the spent one
    // would end the whole session (reuse detection).
    if (m_state != State::SignedIn || m_refreshToken.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_refreshTimer.stop();
    setState(State::Refreshing);
    continueIn(this, m_auth.refresh(m_refreshToken),
            [this, generation](const common::Result<common::AuthTokens> &tokens) {
                if (generation != m_generation) {
                    return;
                }
                if (!tokens) {
                    refreshFailed(tokens.error());
                    return;
                }
                adopt(*tokens);
                Q_EMIT refreshed();
            });
}

void Session::refreshFailed(const common::Error &error)
{
    if (transient(error)) {
        qCInfo(lcSession, "refresh failed for now (%s); retrying", qPrintable(error.title()));
        setState(State::SignedIn);
        m_refreshTimer.start(kRetryDelay);
        return;
    }
    qCInfo(lcSession, "session ended: %s", qPrintable(error.title()));
    m_refreshToken.clear();
    m_api->setAccessToken(QString());
    m_store->remove(storeKey());
    setState(State::Expired);
    Q_EMIT expired();
}

void Session::adopt(const common::AuthTokens &tokens)
{
    m_user = tokens.user;
    m_refreshToken = tokens.refreshToken;
    m_api->setAccessToken(tokens.accessToken);
    m_store->write(storeKey(), m_refreshToken);
    m_refreshTimer.start(refreshDelay(tokens.expiresIn));
    setState(State::SignedIn);
}

void Session::signOut()
{
    ++m_generation;
    m_refreshTimer.stop();
    if (!m_refreshToken.isEmpty()) {
        // End the session on the server too; nothing waits for the answer.
        m_auth.logout(m_refreshToken);
    }
    m_refreshToken.clear();
    m_user = {};
    m_api->setAccessToken(QString());
    m_store->remove(storeKey());
    setState(State::SignedOut);
}

} // namespace influence::desktop

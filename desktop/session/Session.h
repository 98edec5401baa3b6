// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AuthApi.h"
#include "common/Error.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

namespace influence::desktop {

class TokenStore;

/// The signed-in session: holds the tokens, gives the access token to the ApiClient, refreshes
/// it shortly before it expires and whenever the server answers 401, and stores the rotated
/// refresh token (RFC 6749 §6: each refresh answers a new one). When the session cannot be
/// renewed it emits expired(); the app then asks to sign in again and keeps what is on screen.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, SigningIn, SignedIn, Refreshing, Expired };
    Q_ENUM(State)

    Session(common::ApiClient *api, TokenStore *store, QObject *parent = nullptr);

    /// Signs in; answers with signedIn() or signInFailed().
    void signIn(const QString &email, const QString &password);
    /// Signs in with the one-time code an OpenID Connect sign-in in the browser ended with and
    /// the PKCE verifier of its start; answers like signIn().
    void signInWithCode(const QString &code, const QString &verifier);
    /// Continues a session from a stored refresh token; answers like signIn().
    void resume(const QString &refreshToken);
    /// Renews the access token now (also done on a timer and on 401).
    void refresh();
    /// Forgets the tokens here and in the store.
    void signOut();

    State state() const { return m_state; }
    const common::UserAccount &user() const { return m_user; }
    TokenStore *tokenStore() const { return m_store; }
    /// The key under which the refresh token for the current server is stored.
    QString storeKey() const;

Q_SIGNALS:
    void stateChanged(influence::desktop::Session::State state);
    void signedIn();
    void signInFailed(const influence::common::Error &error);
    void refreshed();
    void expired();

private:
    void adopt(const common::AuthTokens &tokens);
    /// signIn()'s and signInWithCode()'s common end.
    void signInWith(QFuture<common::Result<common::AuthTokens>> pending);
    void refreshFailed(const common::Error &error);
    void setState(State state);

    common::ApiClient *m_api;
    common::AuthApi m_auth;
    TokenStore *m_store;
    State m_state = State::SignedOut;
    common::UserAccount m_user;
    QString m_refreshToken;
    QTimer m_refreshTimer;
    quint64 m_generation = 0;
};

} // namespace influence::desktop

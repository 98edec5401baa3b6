// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AuthService.h"
#include "PasswordHasher.h"
#include "core/http/Authenticator.h"
#include "core/http/ClientAddress.h"

#include <functional>
#include <memory>

namespace influence::server::http {
struct HttpContext;
struct Request;
struct Response;
class Responder;
class Router;
} // namespace influence::server::http

namespace influence::server::oidc {
class OidcService;
}

namespace influence::server::auth {

using http::Authenticator;
using http::ClientAddress;

/// Everything about accounts and sign-in, wired together: tokens, password hashing, the
/// service, the authenticator other modules use, and the routes under /api/v1/auth, /me and
/// /users.
class AuthModule
{
public:
    struct Settings
    {
        TokenService::Settings tokens;
        Argon2Parameters argon2;
        AuthSettings auth;
        QStringList trustedProxies;
    };

    explicit AuthModule(Settings settings);
    ~AuthModule();

    void setOidc(oidc::OidcService *oidc) { m_oidc = oidc; }
    void registerRoutes(http::HttpContext &context);

    const Authenticator &authenticator() const { return m_authenticator; }
    const AuthService &service() const { return m_service; }
    const PasswordHasher &hasher() const { return m_hasher; }
    const TokenService &tokens() const { return m_tokens; }
    ClientInfo clientInfo(const http::Request &request) const;

private:
    void rateLimited(const http::Responder &out, const http::Request &request, const QString &group,
            int factor,
            std::function<http::Response(db::Connection &, const RateDecision &)> then) const;
    /// Login's CPU step: the password against the stored hash (or equivalent work when there
    /// is none), then the session on the database pool.
    http::Response checkPassword(const http::Responder &out, const common::LoginCommand &command,
            const ClientInfo &client, const LoginCandidate &candidate,
            const RateDecision &rate) const;
    // Routes by theme: sign-in and sessions; the signed-in user's account; password reset and
    // e-mail confirmation; administration.
    void registerSignInRoutes(http::Router &router);
    void registerAccountRoutes(http::Router &router);
    void registerRecoveryRoutes(http::Router &router);
    void registerAdminRoutes(http::Router &router);

    Settings m_settings;
    TokenService m_tokens;
    PasswordHasher m_hasher;
    AuthService m_service;
    Authenticator m_authenticator;
    ClientAddress m_clientAddress;
    oidc::OidcService *m_oidc = nullptr;
};

} // namespace influence::server::auth

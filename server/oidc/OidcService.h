// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Jose.h"
#include "OidcSettings.h"
#include "common/Result.h"
#include "core/concurrency/EventThread.h"
#include "core/net/HttpFetcher.h"

#include <QLoggingCategory>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace influence::server::oidc {

Q_DECLARE_LOGGING_CATEGORY(lcOidc)

using net::formEncode;

/// What the discovery document (OpenID Connect Discovery 1.0 §3) says about a provider.
struct ProviderMetadata
{
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    /// The provider lists client_secret_post and not client_secret_basic (RFC 6749 §2.3.1
    /// makes basic the default).
    bool clientSecretPost = false;
};

/// A sign-in coming back from the provider, with what was stored when it started.
struct CodeExchange
{
    QString provider;
    QString code;
    QString codeVerifier;
    QString nonce;
};

/// The OpenID Connect relying party: discovery, JWKS, code exchange and ID token verification,
/// for every configured provider. All network traffic runs on a thread of its own with its own
/// event loop and QNetworkAccessManager, so that no HTTP thread or database worker ever waits for
/// a provider. Callbacks run on that thread (or at once on the caller's thread after stop()); they
/// hand on to a Responder, which is safe from any thread.
class OidcService
{
public:
    template<class T>
    using Callback = std::function<void(common::Result<T>)>;

    /// Redirect URIs are `publicUrl`/api/v1/auth/oidc/<name>/callback.
    OidcService(ServiceSettings settings, QString publicUrl);
    ~OidcService();
    OidcService(const OidcService &) = delete;
    OidcService &operator=(const OidcService &) = delete;

    /// The configured providers by name.
    const QMap<QString, ProviderSettings> &providers() const { return m_settings.providers; }
    /// The provider of that name, or nullptr.
    const ProviderSettings *provider(const QString &name) const;
    /// PUBLIC_URL/api/v1/auth/oidc/<name>/callback.
    QString redirectUri(const QString &provider) const;

    /// The provider's endpoints from its discovery document (cached; concurrent callers share
    /// one fetch). Failing to reach the provider is service_unavailable.
    void metadata(const QString &provider, const Callback<ProviderMetadata> &done);

    /// Exchanges an authorization code at the token endpoint (with the PKCE verifier) and
    /// verifies the ID token: signature with a JWKS key (fetched again for an unknown key id at
    /// most once per jwksRefetchInterval), then the claims. Failures of the sign-in itself are
    /// oidc_failed; an unreachable provider is service_unavailable.
    void completeSignIn(const CodeExchange &exchange, const Callback<jose::IdTokenClaims> &done);

    /// Aborts transfers in flight (their callbacks get service_unavailable), stops the thread;
    /// later calls answer service_unavailable at once. Idempotent.
    void stop();

private:
    class Worker;

    /// Runs `task` on the service's thread, or returns false after stop().
    bool post(std::function<void(Worker &)> task);

    ServiceSettings m_settings;
    QString m_publicUrl;
    EventThread m_thread;
    std::shared_ptr<Worker> m_worker; ///< used only on m_thread
};

} // namespace influence::server::oidc

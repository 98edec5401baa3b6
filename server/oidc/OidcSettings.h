// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QString>

#include <chrono>

namespace influence::server::oidc {

/// One configured OpenID provider (OIDC_<NAME>_* keys).
struct ProviderSettings
{
    QString issuer; ///< exactly as configured: discovery and ID tokens must name this issuer
    QString clientId;
    QString clientSecret; ///< empty: a public client (PKCE alone, no client authentication)
    QString scopes = QStringLiteral("openid email profile");
    QString displayName;
};

/// The OpenID Connect part of the configuration (OIDC_<NAME>_* keys, OIDC_CA_FILE).
struct ServiceSettings
{
    /// By name: lower case, in URLs and the OIDC_<NAME>_* keys.
    QMap<QString, ProviderSettings> providers;
    /// Extra CA certificates (PEM) to trust for the providers; empty: the system's.
    QString caFile;
    std::chrono::milliseconds timeout{10'000};
    qint64 maxResponseBytes = qint64{512} * 1024;
    /// The JWKS is fetched again for an unknown key id at most this often.
    std::chrono::seconds jwksRefetchInterval{60};
    /// The discovery document is fetched again after this.
    std::chrono::seconds metadataLifetime{24 * 3600};
    std::chrono::seconds clockLeeway{60};
};

} // namespace influence::server::oidc

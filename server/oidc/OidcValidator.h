// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Domain.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace influence::server::oidc::validate {

/// "scheme://host[:port]" with the host in lower case and a default port left out, so that
/// configured origins and URLs compare as strings; empty for anything but http(s) URLs.
QString origin(const QUrl &url);

/// The role a first sign-in creates: `role` query parameter, brand or influencer (default
/// influencer, as for registration); anything else is 400 invalid_parameter.
common::Result<common::UserRole> signUpRole(const QString &text);

/// Where the browser goes after the sign-in, or empty when the caller wants JSON. Must be an
/// absolute http(s) URL without credentials or fragment, on one of `allowedOrigins` (the
/// front end, this server, CORS origins), or http on a loopback host with any port (the desktop
/// app's own listener, RFC 8252 §7.3); else 400 invalid_parameter. Tokens are appended to it as a
/// fragment, so an open redirect here would hand them to anyone.
common::Result<QString> returnTo(const QString &text, const QStringList &allowedOrigins);

/// What a native app sends to start its sign-in (RFC 8252 §7.3 with PKCE, RFC 7636 §4.3).
struct NativeStart
{
    QString challenge; ///< empty: not a native sign-in
    QString state;
};

/// `code_challenge`, `code_challenge_method` and `state` of /start. Without a challenge the
/// sign-in is a browser front end's (a `state` alone is refused). A challenge is 43 to 128
/// base64url characters with the method S256 or no method (never "plain", which would put the
/// verifier itself in the browser's history); the state at most 512 printable ASCII characters.
/// A native `return_to` must also not be a loopback host *name* ("localhost" may resolve
/// elsewhere, RFC 8252 §8.3): 127.0.0.1 or [::1] only, or an allowed origin. 400
/// invalid_parameter otherwise.
common::Result<NativeStart> nativeStart(const QString &challenge, const QString &method,
        const QString &state, const QString &returnTo, const QStringList &allowedOrigins);

} // namespace influence::server::oidc::validate

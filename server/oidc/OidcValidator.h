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

} // namespace influence::server::oidc::validate

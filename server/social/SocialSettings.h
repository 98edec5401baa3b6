// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/net/FetchSettings.h"

#include <QMap>
#include <QString>

#include <chrono>

namespace influence::server::social {

/// One platform's OAuth client and endpoints as configured (SOCIAL_<PLATFORM>_* keys); a
/// platform without a client id is not offered.
struct PlatformClient
{
    QString clientId;
    QString clientSecret;
    QString authUrl;
    QString tokenUrl;
    QString apiUrl;
};

/// The social part of the configuration (SOCIAL_*, TOKEN_ENCRYPTION_KEYS).
struct SocialSettings
{
    /// "instagram", "youtube", "tiktok" with the platforms' public endpoints as defaults.
    QMap<QString, PlatformClient> platforms = defaultPlatforms();
    /// TOKEN_ENCRYPTION_KEYS as written ("id:base64key,…"); empty: one key generated once and
    /// kept in the data directory. ServerApp makes the TokenCipher from them.
    QString tokenEncryptionKeys;
    /// fetch.caFile is SOCIAL_CA_FILE.
    net::FetchSettings fetch;
    /// Access tokens expiring within this are refreshed (from expires_in, not on a blind timer).
    std::chrono::seconds refreshHorizon{10 * 60};
    /// How often the due work (refreshes, the daily snapshot) is looked for: the period of the
    /// job social.sync, which one process at a time runs (SyncJob.h).
    std::chrono::milliseconds pollInterval{60'000};
    /// Accounts claimed per kind of work in one pass; a pass whose batch came back full is
    /// followed at once by another (SyncJob.h) rather than at the next poll.
    int syncBatch = 50;

    /// Whether a platform has a client id, so that accounts can be connected at all.
    bool offersAnyPlatform() const;
    static QMap<QString, PlatformClient> defaultPlatforms();
};

} // namespace influence::server::social

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SocialProvider.h"
#include "SocialSettings.h"
#include "common/Result.h"
#include "core/concurrency/EventThread.h"
#include "core/crypto/TokenCipher.h"
#include "core/net/HttpFetcher.h"

#include <QLoggingCategory>
#include <QMap>
#include <QString>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace influence::server::db {
struct ConnectionSettings;
}

namespace influence::server::social {

Q_DECLARE_LOGGING_CATEGORY(lcSocial)

/// A completed code exchange: the tokens and the account behind them.
struct Connected
{
    TokenSet tokens;
    AccountProfile profile;
};

/// Talks to the social platforms: the code exchange of a connect, and in the background the
/// token refreshes before expiry and the daily sync (the metric snapshot, the recent posts with
/// their figures, engagement and growth from them). Like OidcService, all traffic
/// runs on a thread of its own (with its own database connection for the background work), so
/// no HTTP thread or database worker waits for a platform.
class SocialService
{
public:
    template<class T>
    using Callback = std::function<void(common::Result<T>)>;

    /// Offers the platforms of `settings` that have a client id. Redirect URIs are
    /// `publicUrl`/api/v1/connected-accounts/<platform>/callback.
    SocialService(SocialSettings settings, QString publicUrl, crypto::TokenCipher cipher,
            std::shared_ptr<const db::ConnectionSettings> database);
    ~SocialService();
    SocialService(const SocialService &) = delete;
    SocialService &operator=(const SocialService &) = delete;

    /// The configured provider (immutable; usable from any thread), or nullptr.
    const SocialProvider *provider(const QString &platform) const;
    QString redirectUri(const QString &platform) const;
    const crypto::TokenCipher &cipher() const { return m_cipher; }

    /// Exchanges the code and reads the account; `done` runs on the service's thread.
    void connect(const QString &platform, const QString &code, const QString &codeVerifier,
            const Callback<Connected> &done);

    /// Refreshes the tokens due now, then takes today's snapshots; `done` runs on the service's
    /// thread when all of it has finished (the periodic job social.sync, SyncJob.h; tests).
    void runDueWork(const std::function<void()> &done);
    /// runDueWork(), telling `done` whether a batch came back full (SocialSettings::syncBatch):
    /// more work is likely due now.
    void runDueBatch(const std::function<void(bool full)> &done);
    /// Aborts transfers, closes the database connection, ends the thread. Idempotent.
    void stop();

private:
    class Worker;

    std::map<QString, std::shared_ptr<const SocialProvider>> m_providers;
    SocialSettings m_settings;
    QString m_publicUrl;
    crypto::TokenCipher m_cipher;
    EventThread m_thread;
    std::shared_ptr<Worker> m_worker; ///< used only on m_thread
};

} // namespace influence::server::social

// SPDX-License-Identifier: Apache-2.0
#include "SocialService.h"

#include "Credentials.h"
#include "Sync.h"
#include "core/db/Connection.h"

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::social {

Q_LOGGING_CATEGORY(lcSocial, "influence.social")

/// Lives on the service's thread: the fetcher, the background database connection, the timer.
class SocialService::Worker
{
public:
    Worker(const SocialService &service, std::shared_ptr<const db::ConnectionSettings> database)
        : m_service(service)
        , m_database(std::move(database))
        , m_fetcher(service.m_settings.fetch)
    { }

    void connect(const SocialProvider &provider, const QString &code, const QString &verifier,
            const Callback<Connected> &done);
    void runDue(const std::function<void(bool)> &done);
    void shutdown();

private:
    void fetch(const Call &call, net::HttpFetcher::Done done)
    {
        m_fetcher.fetch(call.request, call.form, std::move(done));
    }
    void fetchTokens(const SocialProvider &provider, const Call &call, const TokenSet &previous,
            const Callback<TokenSet> &done);
    db::Connection *connection();
    void refreshOne(const SealedCredentials &sealed, const std::function<void()> &finished);
    void syncOne(const SealedCredentials &sealed, const std::function<void()> &finished);
    /// Whether a sync refused by the platform may renew the token and try once more.
    enum class Attempt { First, AfterRefresh };
    void syncWith(const SocialProvider &provider, const QUuid &account, const TokenSet &tokens,
            Attempt attempt, const std::function<void()> &finished);
    void renewThenSync(const SocialProvider &provider, const QUuid &account, const TokenSet &tokens,
            const std::function<void()> &finished);
    /// After the day's figures: the recent posts, then all of it stored; the claim ends.
    void completeSync(const SocialProvider &provider, const QUuid &account,
            const QString &accessToken, const MetricSnapshot &metrics,
            const std::function<void()> &finished);
    /// The account's recent posts: one list call and the provider's bounded follow-ups, one
    /// after the other. `done` gets nothing when the list could not be read.
    using MediaDone = std::function<void(std::optional<MediaRound>)>;
    void readMedia(const SocialProvider &provider, const QUuid &account, const QString &accessToken,
            const MetricSnapshot &metrics, const MediaDone &done);
    void readDetails(const SocialProvider &provider, const std::shared_ptr<MediaRound> &round,
            const std::shared_ptr<const QList<Call>> &calls, qsizetype index,
            const MediaDone &done);
    using Step = void (Worker::*)(const SealedCredentials &, const std::function<void()> &);
    void each(const QList<SealedCredentials> &rows, Step step, const std::function<void()> &done);

    const SocialService &m_service;
    std::shared_ptr<const db::ConnectionSettings> m_database;
    net::HttpFetcher m_fetcher;
    std::unique_ptr<db::Connection> m_connection;
    bool m_running = false;
};

void SocialService::Worker::fetchTokens(const SocialProvider &provider, const Call &call,
        const TokenSet &previous, const Callback<TokenSet> &done)
{
    fetch(call, [&provider, previous, done](Result<net::Fetched> fetched) {
        if (!fetched) {
            done(fetched.error());
            return;
        }
        done(provider.parseTokens(*fetched, previous));
    });
}

void SocialService::Worker::connect(const SocialProvider &provider, const QString &code,
        const QString &verifier, const Callback<Connected> &done)
{
    const QString redirectUri = m_service.redirectUri(provider.settings().platform);
    const auto withTokens = [this, &provider, done](const TokenSet &tokens) {
        fetch(provider.profile(tokens.accessToken),
                [&provider, tokens, done](Result<net::Fetched> fetched) {
                    if (!fetched) {
                        done(fetched.error());
                        return;
                    }
                    auto profile = provider.parseProfile(*fetched);
                    if (!profile) {
                        done(profile.error());
                        return;
                    }
                    done(Connected{tokens, *profile});
                });
    };
    fetchTokens(provider, provider.codeExchange(code, redirectUri, verifier), {},
            [this, &provider, withTokens, done](Result<TokenSet> tokens) {
                if (!tokens) {
                    done(tokens.error());
                    return;
                }
                const auto upgrade = provider.upgrade(*tokens);
                if (!upgrade) {
                    withTokens(*tokens);
                    return;
                }
                fetchTokens(
                        provider, *upgrade, *tokens, [withTokens, done](Result<TokenSet> upgraded) {
                            if (!upgraded) {
                                done(upgraded.error());
                                return;
                            }
                            withTokens(*upgraded);
                        });
            });
}

db::Connection *SocialService::Worker::connection()
{
    if (!m_connection) {
        // Connection names are process-wide; several servers may run in one process (tests).
        static std::atomic<int> counter{0};
        m_connection = std::make_unique<db::Connection>(
                m_database, u"influence-social-%1"_s.arg(counter.fetch_add(1)));
    }
    if (!m_connection->ensureOpen()) {
        return nullptr;
    }
    return m_connection.get();
}

void SocialService::Worker::refreshOne(
        const SealedCredentials &sealed, const std::function<void()> &finished)
{
    const auto it = m_service.m_providers.find(sealed.platform);
    auto current = openCredentials(m_service.m_cipher, sealed);
    if (it == m_service.m_providers.end() || !current) {
        // Not configured any more, or a key that is gone: try again after the lease.
        qCWarning(lcSocial, "cannot refresh account %s: %s",
                qPrintable(sealed.accountId.toString(QUuid::WithoutBraces)),
                current ? "its platform is not configured" : qPrintable(current.error().detail));
        finished();
        return;
    }
    const SocialProvider &provider = *it->second;
    const QUuid account = sealed.accountId;
    fetchTokens(provider, provider.refresh(*current), *current,
            [this, account, finished](Result<TokenSet> tokens) {
                db::Connection *c = connection();
                if (c && tokens) {
                    (void)sync::storeRenewedTokens(*c, account, m_service.m_cipher, *tokens);
                } else if (c && SocialProvider::classify(tokens.error()) == TokenFailure::Refused) {
                    qCInfo(lcSocial,
                            "the platform refused to refresh account %s (%s): it needs "
                            "to be connected again",
                            qPrintable(account.toString(QUuid::WithoutBraces)),
                            qPrintable(tokens.error().detail));
                    (void)sync::markNeedsReconnect(*c, account);
                } else if (!tokens) {
                    // Unreachable: the lease runs out and a later round tries again.
                    qCWarning(lcSocial, "refresh of account %s failed: %s",
                            qPrintable(account.toString(QUuid::WithoutBraces)),
                            qPrintable(tokens.error().detail));
                }
                finished();
            });
}

void SocialService::Worker::syncOne(
        const SealedCredentials &sealed, const std::function<void()> &finished)
{
    const auto it = m_service.m_providers.find(sealed.platform);
    auto current = openCredentials(m_service.m_cipher, sealed);
    if (it == m_service.m_providers.end() || !current) {
        finished();
        return;
    }
    syncWith(*it->second, sealed.accountId, *current, Attempt::First, finished);
}

void SocialService::Worker::syncWith(const SocialProvider &provider, const QUuid &account,
        const TokenSet &tokens, Attempt attempt, const std::function<void()> &finished)
{
    fetch(provider.metrics(tokens.accessToken),
            [this, &provider, account, tokens, attempt, finished](Result<net::Fetched> fetched) {
                Result<MetricSnapshot> metrics = fetched ? provider.parseMetrics(*fetched)
                                                         : Result<MetricSnapshot>(fetched.error());
                const bool refused = !metrics
                        && SocialProvider::classify(metrics.error()) == TokenFailure::Refused;
                if (refused && attempt == Attempt::First) {
                    // A platform may end a token before its time (a password change, a
                    // revoked session): one renewal, then one more try, before the creator
                    // is asked to connect again.
                    renewThenSync(provider, account, tokens, finished);
                    return;
                }
                if (metrics) {
                    completeSync(provider, account, tokens.accessToken, *metrics, finished);
                    return;
                }
                db::Connection *c = connection();
                if (c && refused) {
                    qCInfo(lcSocial, "the platform refused account %s also after a renewal (%s)",
                            qPrintable(account.toString(QUuid::WithoutBraces)),
                            qPrintable(metrics.error().detail));
                    (void)sync::markNeedsReconnect(*c, account);
                } else if (!metrics) {
                    qCWarning(lcSocial, "sync of account %s failed: %s",
                            qPrintable(account.toString(QUuid::WithoutBraces)),
                            qPrintable(metrics.error().detail));
                }
                finished();
            });
}

void SocialService::Worker::completeSync(const SocialProvider &provider, const QUuid &account,
        const QString &accessToken, const MetricSnapshot &metrics,
        const std::function<void()> &finished)
{
    readMedia(provider, account, accessToken, metrics,
            [this, account, metrics, finished](const std::optional<MediaRound> &media) {
                if (db::Connection *c = connection()) {
                    if (auto stored = sync::storeSnapshot(*c, account, metrics, media); !stored) {
                        qCWarning(lcSocial, "storing the sync of account %s failed: %s",
                                qPrintable(account.toString(QUuid::WithoutBraces)),
                                qPrintable(stored.error().detail));
                    }
                }
                finished();
            });
}

void SocialService::Worker::renewThenSync(const SocialProvider &provider, const QUuid &account,
        const TokenSet &tokens, const std::function<void()> &finished)
{
    fetchTokens(provider, provider.refresh(tokens), tokens,
            [this, &provider, account, finished](Result<TokenSet> renewed) {
                db::Connection *c = connection();
                if (c && renewed) {
                    (void)sync::storeRenewedTokens(*c, account, m_service.m_cipher, *renewed);
                    syncWith(provider, account, *renewed, Attempt::AfterRefresh, finished);
                    return;
                }
                if (c && !renewed
                        && SocialProvider::classify(renewed.error()) == TokenFailure::Refused) {
                    qCInfo(lcSocial,
                            "the platform refused account %s and its renewal (%s): it needs to "
                            "be connected again",
                            qPrintable(account.toString(QUuid::WithoutBraces)),
                            qPrintable(renewed.error().detail));
                    (void)sync::markNeedsReconnect(*c, account);
                } else if (!renewed) {
                    // Unreachable: the lease runs out and a later round tries again.
                    qCWarning(lcSocial, "renewal of account %s after a refused sync failed: %s",
                            qPrintable(account.toString(QUuid::WithoutBraces)),
                            qPrintable(renewed.error().detail));
                }
                finished();
            });
}

void SocialService::Worker::readMedia(const SocialProvider &provider, const QUuid &account,
        const QString &accessToken, const MetricSnapshot &metrics, const MediaDone &done)
{
    const std::optional<Call> list = provider.recentMedia(accessToken, metrics);
    if (!list) {
        done(std::nullopt);
        return;
    }
    fetch(*list, [this, &provider, account, accessToken, done](Result<net::Fetched> fetched) {
        auto items =
                fetched ? provider.parseMedia(*fetched) : Result<QList<MediaItem>>(fetched.error());
        if (!items) {
            // The figures of the day are stored all the same; the posts wait for tomorrow.
            qCWarning(lcSocial, "the posts of account %s could not be read: %s",
                    qPrintable(account.toString(QUuid::WithoutBraces)),
                    qPrintable(items.error().detail));
            done(std::nullopt);
            return;
        }
        auto round = std::make_shared<MediaRound>();
        round->items = std::move(*items);
        auto calls = std::make_shared<const QList<Call>>(
                provider.mediaDetails(accessToken, round->items));
        readDetails(provider, round, calls, 0, done);
    });
}

void SocialService::Worker::readDetails(const SocialProvider &provider,
        const std::shared_ptr<MediaRound> &round, const std::shared_ptr<const QList<Call>> &calls,
        qsizetype index, const MediaDone &done)
{
    if (index >= calls->size()) {
        done(*round);
        return;
    }
    fetch(calls->at(index),
            [this, &provider, round, calls, index, done](Result<net::Fetched> fetched) {
                if (fetched && !provider.parseMediaDetail(index, *fetched, *round)) {
                    done(*round);
                    return;
                }
                readDetails(provider, round, calls, index + 1, done);
            });
}

void SocialService::Worker::each(
        const QList<SealedCredentials> &rows, Step step, const std::function<void()> &done)
{
    auto pending = std::make_shared<qsizetype>(rows.size() + 1);
    const auto finished = [pending, done] {
        if (--*pending == 0) {
            done();
        }
    };
    for (const SealedCredentials &row : rows) {
        (this->*step)(row, finished);
    }
    finished();
}

void SocialService::Worker::runDue(const std::function<void(bool)> &done)
{
    db::Connection *c = m_running ? nullptr : connection();
    if (!c) {
        if (done) {
            done(false);
        }
        return;
    }
    m_running = true;
    const int batch = std::max(1, m_service.m_settings.syncBatch);
    auto expiring = sync::claimExpiring(*c, m_service.m_settings.refreshHorizon, batch);
    const bool fullRefresh = expiring && expiring->size() >= batch;
    each(expiring ? *expiring : QList<SealedCredentials>(), &Worker::refreshOne,
            [this, done, batch, fullRefresh] {
                db::Connection *again = connection();
                auto unsynced = again ? sync::claimUnsynced(*again, batch)
                                      : Result<QList<SealedCredentials>>(Error::internal());
                const bool full = fullRefresh || (unsynced && unsynced->size() >= batch);
                each(unsynced ? *unsynced : QList<SealedCredentials>(), &Worker::syncOne,
                        [this, done, full] {
                            m_running = false;
                            if (done) {
                                done(full);
                            }
                        });
            });
}

void SocialService::Worker::shutdown()
{
    m_fetcher.shutdown();
    m_connection.reset(); // closed in the thread that opened it
}

// ---------------------------------------------------------------------------------------------

SocialService::SocialService(SocialSettings settings, QString publicUrl, crypto::TokenCipher cipher,
        std::shared_ptr<const db::ConnectionSettings> database)
    : m_settings(std::move(settings))
    , m_publicUrl(std::move(publicUrl))
    , m_cipher(std::move(cipher))
    , m_thread(u"social"_s)
{
    for (auto it = m_settings.platforms.cbegin(); it != m_settings.platforms.cend(); ++it) {
        if (it->clientId.isEmpty()) {
            continue;
        }
        if (auto provider = makeProvider({it.key(), it->clientId, it->clientSecret,
                    QUrl(it->authUrl), QUrl(it->tokenUrl), QUrl(it->apiUrl)})) {
            m_providers.emplace(it.key(), std::move(provider));
        }
    }
    m_worker = std::make_shared<Worker>(*this, std::move(database));
}

SocialService::~SocialService()
{
    stop();
}

const SocialProvider *SocialService::provider(const QString &platform) const
{
    const auto it = m_providers.find(platform);
    return it == m_providers.end() ? nullptr : it->second.get();
}

QString SocialService::redirectUri(const QString &platform) const
{
    return m_publicUrl + u"/api/v1/connected-accounts/"_s + platform + u"/callback"_s;
}

void SocialService::connect(const QString &platform, const QString &code,
        const QString &codeVerifier, const Callback<Connected> &done)
{
    const auto it = m_providers.find(platform);
    if (it == m_providers.end()) {
        done(Error::notFound(u"This platform is not configured."_s));
        return;
    }
    if (!m_thread.post([worker = m_worker, provider = it->second, code, codeVerifier, done] {
            worker->connect(*provider, code, codeVerifier, done);
        })) {
        done(Error::unavailable(u"the server is shutting down"_s, 5));
    }
}

void SocialService::runDueWork(const std::function<void()> &done)
{
    runDueBatch([done](bool /*full*/) {
        if (done) {
            done();
        }
    });
}

void SocialService::runDueBatch(const std::function<void(bool full)> &done)
{
    if (!m_thread.post([worker = m_worker, done] {
            worker->runDue(done);
        })) {
        if (done) {
            done(false);
        }
    }
}

void SocialService::stop()
{
    m_thread.stop([worker = m_worker] {
        worker->shutdown();
    });
}

} // namespace influence::server::social

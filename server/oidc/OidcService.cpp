// SPDX-License-Identifier: Apache-2.0
#include "OidcService.h"

#include "core/net/HttpFetcher.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>

#include <map>
#include <optional>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::oidc {

Q_LOGGING_CATEGORY(lcOidc, "influence.oidc")

namespace {

QString redirectUriFor(const QString &publicUrl, const QString &provider)
{
    return publicUrl + u"/api/v1/auth/oidc/"_s + provider + u"/callback"_s;
}

Error unavailable(const QString &detail)
{
    return Error::unavailable(detail, 5);
}

Error signInFailed(const QString &detail)
{
    return Error::make(ErrorCode::OidcFailed, detail);
}

Result<QJsonObject> jsonObject(const QByteArray &body, const QString &what)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return unavailable(u"%1 is not a JSON object"_s.arg(what));
    }
    return document.object();
}

Result<ProviderMetadata> parseDiscovery(
        const QByteArray &body, const QString &name, const ProviderSettings &provider)
{
    const QString what = u"the discovery document of %1"_s.arg(name);
    auto document = jsonObject(body, what);
    if (!document) {
        return document.error();
    }
    // OpenID Connect Discovery §4.3: the issuer must be identical to the one the document was
    // fetched for, or ID tokens could be accepted from an impostor.
    const QString issuer = document->value(u"issuer"_s).toString();
    if (issuer != provider.issuer) {
        return unavailable(u"%1 names the issuer \"%2\", not the configured \"%3\""_s.arg(
                what, issuer.left(200), provider.issuer));
    }
    ProviderMetadata metadata;
    metadata.authorizationEndpoint =
            QUrl(document->value(u"authorization_endpoint"_s).toString(), QUrl::StrictMode);
    metadata.tokenEndpoint =
            QUrl(document->value(u"token_endpoint"_s).toString(), QUrl::StrictMode);
    metadata.jwksUri = QUrl(document->value(u"jwks_uri"_s).toString(), QUrl::StrictMode);
    if (!net::acceptableEndpoint(metadata.authorizationEndpoint)
            || !net::acceptableEndpoint(metadata.tokenEndpoint)
            || !net::acceptableEndpoint(metadata.jwksUri)) {
        return unavailable(
                u"%1 lacks an https authorization_endpoint, token_endpoint or jwks_uri"_s.arg(
                        what));
    }
    const QJsonValue pkce = document->value(u"code_challenge_methods_supported"_s);
    if (pkce.isArray() && !pkce.toArray().contains(QJsonValue(u"S256"_s))) {
        return unavailable(u"%1 does not offer PKCE with S256"_s.arg(what));
    }
    const QJsonArray methods =
            document->value(u"token_endpoint_auth_methods_supported"_s).toArray();
    metadata.clientSecretPost = methods.contains(QJsonValue(u"client_secret_post"_s))
            && !methods.contains(QJsonValue(u"client_secret_basic"_s));
    return metadata;
}

Result<QJsonArray> parseJwks(const QByteArray &body, const QString &provider)
{
    const QString what = u"the JWKS of %1"_s.arg(provider);
    auto document = jsonObject(body, what);
    if (!document) {
        return document.error();
    }
    const QJsonArray keys = document->value(u"keys"_s).toArray();
    QJsonArray objects;
    for (const auto &key : keys) {
        if (key.isObject()) {
            objects.append(key);
        }
    }
    if (objects.isEmpty()) {
        return unavailable(u"%1 has no keys"_s.arg(what));
    }
    return objects;
}

enum class KeyLookup { Found, Unknown, Unfit, Ambiguous };

/// The JWK that may verify `jws`: the one with its key id (RFC 7515 §4.1.4), or the only key of
/// the right type when the token names none.
std::pair<KeyLookup, QJsonObject> selectKey(const QJsonArray &keys, const jose::CompactJws &jws)
{
    QList<QJsonObject> candidates;
    bool idKnown = false;
    for (const auto &value : keys) {
        const QJsonObject jwk = value.toObject();
        const bool idMatches = jws.keyId.isEmpty() || jwk.value(u"kid"_s).toString() == jws.keyId;
        idKnown = idKnown || (idMatches && !jws.keyId.isEmpty());
        if (idMatches && jose::keyFits(jwk, jws.algorithm)) {
            candidates.append(jwk);
        }
    }
    if (candidates.size() == 1) {
        return {KeyLookup::Found, candidates.first()};
    }
    if (candidates.size() > 1) {
        return {KeyLookup::Ambiguous, {}};
    }
    return {idKnown ? KeyLookup::Unfit : KeyLookup::Unknown, {}};
}

} // namespace

/// Lives on the service's thread: the network access manager, the in-flight transfers and the
/// caches. Never touched from another thread.
class OidcService::Worker
{
public:
    Worker(ServiceSettings settings, QString publicUrl)
        : m_settings(std::move(settings))
        , m_publicUrl(std::move(publicUrl))
        , m_fetcher(net::FetchSettings{
                  m_settings.caFile, m_settings.timeout, m_settings.maxResponseBytes})
    {
        for (auto it = m_settings.providers.cbegin(); it != m_settings.providers.cend(); ++it) {
            Provider &provider = m_providers[it.key()];
            provider.name = it.key();
            provider.settings = *it;
        }
    }

    void metadata(const QString &name, Callback<ProviderMetadata> done);
    void completeSignIn(const CodeExchange &exchange, const Callback<jose::IdTokenClaims> &done);
    void shutdown();

private:
    struct Provider
    {
        QString name;
        ProviderSettings settings;
        std::optional<ProviderMetadata> metadata;
        QDeadlineTimer metadataExpiry;
        QList<Callback<ProviderMetadata>> metadataWaiters;
        QJsonArray keys;
        QElapsedTimer keysFetched; ///< invalid until the first successful fetch
        QList<Callback<QJsonArray>> keysWaiters;
    };

    void fetch(const QNetworkRequest &request, const std::optional<QByteArray> &form,
            net::HttpFetcher::Done done)
    {
        m_fetcher.fetch(request, form, std::move(done));
    }
    void loadKeys(Provider &provider, Callback<QJsonArray> done);
    void exchangeCode(Provider &provider, const ProviderMetadata &metadata,
            const CodeExchange &exchange, const Callback<jose::IdTokenClaims> &done);
    void verify(Provider &provider, const QString &nonce, const jose::CompactJws &jws,
            bool mayRefetch, const Callback<jose::IdTokenClaims> &done);
    Result<jose::IdTokenClaims> check(const Provider &provider, const QString &nonce,
            const jose::CompactJws &jws, const QJsonObject &jwk) const;

    ServiceSettings m_settings;
    QString m_publicUrl;
    std::map<QString, Provider> m_providers; // node-based: references stay valid
    net::HttpFetcher m_fetcher;
};

void OidcService::Worker::metadata(const QString &name, Callback<ProviderMetadata> done)
{
    const auto it = m_providers.find(name);
    if (it == m_providers.end()) {
        done(Error::notFound(u"There is no sign-in provider of this name."_s));
        return;
    }
    Provider &provider = it->second;
    if (provider.metadata && !provider.metadataExpiry.hasExpired()) {
        done(*provider.metadata);
        return;
    }
    provider.metadataWaiters.append(std::move(done));
    if (provider.metadataWaiters.size() > 1) {
        return; // a fetch is on its way; it answers everyone
    }
    QString base = provider.settings.issuer;
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    const QUrl url(base + u"/.well-known/openid-configuration"_s);
    fetch(QNetworkRequest(url), std::nullopt, [this, &provider, url](Result<net::Fetched> fetched) {
        Result<ProviderMetadata> result = Error::internal();
        if (!fetched) {
            result = fetched.error();
        } else if (fetched->status != 200) {
            result = unavailable(u"%1 answered HTTP %2"_s.arg(url.toString()).arg(fetched->status));
        } else {
            result = parseDiscovery(fetched->body, provider.name, provider.settings);
        }
        if (result) {
            provider.metadata = *result;
            provider.metadataExpiry = QDeadlineTimer(m_settings.metadataLifetime);
        } else {
            qCWarning(lcOidc, "discovery for %s failed: %s", qPrintable(provider.name),
                    qPrintable(result.error().detail));
        }
        const auto waiters = std::exchange(provider.metadataWaiters, {});
        for (const auto &waiter : waiters) {
            waiter(result);
        }
    });
}

void OidcService::Worker::loadKeys(Provider &provider, Callback<QJsonArray> done)
{
    provider.keysWaiters.append(std::move(done));
    if (provider.keysWaiters.size() > 1) {
        return;
    }
    const QUrl url = provider.metadata ? provider.metadata->jwksUri : QUrl();
    fetch(QNetworkRequest(url), std::nullopt, [this, &provider, url](Result<net::Fetched> fetched) {
        Result<QJsonArray> result = Error::internal();
        if (!fetched) {
            result = fetched.error();
        } else if (fetched->status != 200) {
            result = unavailable(u"%1 answered HTTP %2"_s.arg(url.toString()).arg(fetched->status));
        } else {
            result = parseJwks(fetched->body, provider.name);
        }
        if (result) {
            provider.keys = *result;
            provider.keysFetched.start();
        } else {
            qCWarning(lcOidc, "JWKS of %s: %s", qPrintable(provider.name),
                    qPrintable(result.error().detail));
        }
        const auto waiters = std::exchange(provider.keysWaiters, {});
        for (const auto &waiter : waiters) {
            waiter(result);
        }
    });
}

void OidcService::Worker::completeSignIn(
        const CodeExchange &exchange, const Callback<jose::IdTokenClaims> &done)
{
    metadata(exchange.provider, [this, exchange, done](Result<ProviderMetadata> metadata) {
        if (!metadata) {
            done(metadata.error());
            return;
        }
        exchangeCode(m_providers[exchange.provider], *metadata, exchange, done);
    });
}

void OidcService::Worker::exchangeCode(Provider &provider, const ProviderMetadata &metadata,
        const CodeExchange &exchange, const Callback<jose::IdTokenClaims> &done)
{
    const ProviderSettings &settings = provider.settings;
    // RFC 6749 §4.1.3 with RFC 7636 §4.5 (PKCE).
    QList<std::pair<QString, QString>> form{{u"grant_type"_s, u"authorization_code"_s},
            {u"code"_s, exchange.code},
            {u"redirect_uri"_s, redirectUriFor(m_publicUrl, provider.name)},
            {u"code_verifier"_s, exchange.codeVerifier}};
    QNetworkRequest request(metadata.tokenEndpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
    if (settings.clientSecret.isEmpty()) {
        form.append({u"client_id"_s, settings.clientId});
    } else if (metadata.clientSecretPost) {
        form.append({u"client_id"_s, settings.clientId});
        form.append({u"client_secret"_s, settings.clientSecret});
    } else {
        // RFC 6749 §2.3.1: both parts form-encoded, then HTTP Basic.
        const QByteArray credentials = QUrl::toPercentEncoding(settings.clientId) + ':'
                + QUrl::toPercentEncoding(settings.clientSecret);
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    const QString name = provider.name;
    fetch(request, formEncode(form),
            [this, &provider, name, nonce = exchange.nonce, done](Result<net::Fetched> fetched) {
                if (!fetched) {
                    done(fetched.error());
                    return;
                }
                const QJsonObject response = QJsonDocument::fromJson(fetched->body).object();
                if (fetched->status >= 500) {
                    done(unavailable(u"the token endpoint of %1 answered HTTP %2"_s.arg(name).arg(
                            fetched->status)));
                    return;
                }
                if (fetched->status != 200) {
                    done(signInFailed(u"%1 refused the authorization code (%2)"_s.arg(
                            name, net::oauthErrorCode(response.value(u"error"_s).toString()))));
                    return;
                }
                const QString idToken = response.value(u"id_token"_s).toString();
                if (idToken.isEmpty()) {
                    done(signInFailed(u"%1 sent no ID token"_s.arg(name)));
                    return;
                }
                auto jws = jose::parseCompact(idToken.toLatin1());
                if (!jws) {
                    done(jws.error());
                    return;
                }
                verify(provider, nonce, *jws, true, done);
            });
}

void OidcService::Worker::verify(Provider &provider, const QString &nonce,
        const jose::CompactJws &jws, bool mayRefetch, const Callback<jose::IdTokenClaims> &done)
{
    const bool loaded = provider.keysFetched.isValid();
    const auto [lookup, jwk] =
            loaded ? selectKey(provider.keys, jws) : std::pair{KeyLookup::Unknown, QJsonObject()};
    if (lookup == KeyLookup::Found) {
        done(check(provider, nonce, jws, jwk));
        return;
    }
    // Providers rotate keys: an unknown key id may be new. Fetch again, but not more often
    // than the interval, so that forged key ids cannot make us hammer the provider.
    const bool refetch = mayRefetch && lookup == KeyLookup::Unknown
            && (!loaded
                    || provider.keysFetched.elapsed()
                            >= std::chrono::milliseconds(m_settings.jwksRefetchInterval).count());
    if (refetch) {
        loadKeys(provider, [this, &provider, nonce, jws, done](const Result<QJsonArray> &keys) {
            if (!keys) {
                done(keys.error());
                return;
            }
            verify(provider, nonce, jws, false, done);
        });
        return;
    }
    switch (lookup) {
    case KeyLookup::Unfit:
        done(signInFailed(u"the ID token's algorithm does not fit the key it names"_s));
        return;
    case KeyLookup::Ambiguous:
        done(signInFailed(u"the ID token names no key and the provider has several"_s));
        return;
    default:
        done(signInFailed(
                u"the ID token is signed with a key %1 does not publish"_s.arg(provider.name)));
        return;
    }
}

Result<jose::IdTokenClaims> OidcService::Worker::check(const Provider &provider,
        const QString &nonce, const jose::CompactJws &jws, const QJsonObject &jwk) const
{
    if (auto signature = jose::verifySignature(jws, jwk); !signature) {
        return signature.error();
    }
    jose::IdTokenExpectations expected;
    expected.issuer = provider.settings.issuer;
    expected.clientId = provider.settings.clientId;
    expected.nonce = nonce;
    expected.now = QDateTime::currentSecsSinceEpoch();
    expected.leeway = m_settings.clockLeeway;
    return jose::validateClaims(jws.payload, expected);
}

void OidcService::Worker::shutdown()
{
    // Runs each transfer's callback now (service_unavailable), while the HTTP workers that will
    // write those answers still exist.
    m_fetcher.shutdown();
}

// ---------------------------------------------------------------------------------------------

OidcService::OidcService(ServiceSettings settings, QString publicUrl)
    : m_settings(std::move(settings))
    , m_publicUrl(std::move(publicUrl))
    , m_thread(u"oidc"_s)
    , m_worker(std::make_shared<Worker>(m_settings, m_publicUrl))
{ }

OidcService::~OidcService()
{
    stop();
}

const ProviderSettings *OidcService::provider(const QString &name) const
{
    const auto it = m_settings.providers.constFind(name);
    return it == m_settings.providers.cend() ? nullptr : &*it;
}

QString OidcService::redirectUri(const QString &provider) const
{
    return redirectUriFor(m_publicUrl, provider);
}

bool OidcService::post(std::function<void(Worker &)> task)
{
    return m_thread.post([worker = m_worker, task = std::move(task)] {
        task(*worker);
    });
}

void OidcService::metadata(const QString &provider, const Callback<ProviderMetadata> &done)
{
    if (!post([provider, done](Worker &worker) {
            worker.metadata(provider, done);
        })) {
        done(unavailable(u"the server is shutting down"_s));
    }
}

void OidcService::completeSignIn(
        const CodeExchange &exchange, const Callback<jose::IdTokenClaims> &done)
{
    if (!post([exchange, done](Worker &worker) {
            worker.completeSignIn(exchange, done);
        })) {
        done(unavailable(u"the server is shutting down"_s));
    }
}

void OidcService::stop()
{
    m_thread.stop([worker = m_worker] {
        worker->shutdown();
    });
}

} // namespace influence::server::oidc

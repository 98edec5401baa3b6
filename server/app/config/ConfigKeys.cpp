// SPDX-License-Identifier: Apache-2.0
#include "ConfigKeys.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace influence::server::config {

QString expectInt(const QString &value, qint64 min, qint64 max, qint64 &out)
{
    bool ok = false;
    const qint64 parsed = value.trimmed().toLongLong(&ok);
    if (!ok || parsed < min || parsed > max) {
        return u"expected a whole number from %1 to %2"_s.arg(min).arg(max);
    }
    out = parsed;
    return {};
}

bool isReadableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isReadable();
}

QString expectBytes(const QString &value, qint64 min, qint64 max, qint64 &out)
{
    QString text = value.trimmed();
    qint64 multiplier = 1;
    const auto suffix = [&text](QLatin1StringView s) {
        if (text.endsWith(s, Qt::CaseInsensitive)) {
            text.chop(s.size());
            return true;
        }
        return false;
    };
    if (suffix("KiB"_L1) || suffix("K"_L1)) {
        multiplier = 1024;
    } else if (suffix("MiB"_L1) || suffix("M"_L1)) {
        multiplier = qint64{1024} * 1024;
    }
    bool ok = false;
    const qint64 parsed = text.trimmed().toLongLong(&ok);
    if (!ok || parsed < 0 || parsed > max / multiplier || parsed * multiplier < min) {
        return u"expected a size in bytes from %1 to %2 (suffixes K and M allowed)"_s.arg(min).arg(
                max);
    }
    out = parsed * multiplier;
    return {};
}

QString parseOrigins(const QString &value, QStringList &out)
{
    out.clear();
    for (const QString &raw : value.split(u',', Qt::SkipEmptyParts)) {
        const QString origin = raw.trimmed();
        const QUrl url(origin, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                || url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery()
                || url.hasFragment() || !url.userInfo().isEmpty()) {
            return u"expected a comma-separated list of origins such as "
                   u"https://app.example.com "
                   "(scheme, host and optional port, no path); \"%1\" is not one"_s.arg(origin);
        }
        out.append(url.toString(QUrl::FullyEncoded));
    }
    return {};
}

/// "queue=N,queue=N" (JOB_QUEUE_LIMITS).
QString parseQueueLimits(const QString &value, QHash<QString, int> &out)
{
    static const QRegularExpression kItem(u"^([a-z0-9_]{1,64})=([0-9]{1,2})$"_s);
    out.clear();
    for (const QString &raw : value.split(u',', Qt::SkipEmptyParts)) {
        const auto match = kItem.match(raw.trimmed());
        const int limit = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (limit < 1 || limit > 64 || out.contains(match.captured(1))) {
            return u"expected a comma-separated list of queue=limit such as webhooks=1,payouts=1 "
                   "(each queue once, limits 1 to 64); \"%1\" is not one"_s.arg(raw.trimmed());
        }
        out.insert(match.captured(1), limit);
    }
    return {};
}

QString parseProxies(const QString &value, QStringList &out)
{
    out.clear();
    for (const QString &raw : value.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        const auto subnet = QHostAddress::parseSubnet(entry.contains(u'/')
                        ? entry
                        : entry + (entry.contains(u':') ? u"/128"_s : u"/32"_s));
        if (subnet.first.isNull()) {
            return u"expected a comma-separated list of IP addresses or CIDR ranges; \"%1\" is not one"_s
                    .arg(entry);
        }
        out.append(entry);
    }
    return {};
}

const QList<KeySpec> &keySpecs()
{
    static const QList<KeySpec> specs = serverKeys() + databaseKeys() + tokenKeys() + mailKeys()
            + integrationKeys() + paymentKeys() + webhookKeys() + loggingKeys();
    return specs;
}

const KeySpec *findSpec(const QString &key)
{
    for (const KeySpec &spec : keySpecs()) {
        if (spec.key == key) {
            return &spec;
        }
    }
    return nullptr;
}

/// OIDC_<NAME>_<FIELD>: one group of keys per OpenID Connect provider.
const QRegularExpression &oidcKeyPattern()
{
    static const QRegularExpression pattern(
            u"^OIDC_([A-Z0-9]{1,32})_(ISSUER|CLIENT_ID|CLIENT_SECRET|SCOPES|DISPLAY_NAME)$"_s);
    return pattern;
}

bool isKnownKey(const QString &key)
{
    return findSpec(key) != nullptr || oidcKeyPattern().match(key).hasMatch();
}

bool isSecretKey(const QString &key)
{
    const KeySpec *spec = findSpec(key);
    return spec ? spec->secret : key.endsWith(u"_CLIENT_SECRET"_s);
}

/// Issuers must use https, except on loopback addresses (local test providers).
bool acceptableIssuer(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment()) {
        return false;
    }
    if (url.scheme() == u"https"_s) {
        return true;
    }
    const QHostAddress host(url.host());
    return url.scheme() == u"http"_s && (url.host() == u"localhost"_s || host.isLoopback());
}

QString applyOidcKey(Config &config, const QString &key, const QString &value)
{
    const auto match = oidcKeyPattern().match(key);
    oidc::ProviderSettings &provider = config.oidc.providers[match.captured(1).toLower()];
    const QString field = match.captured(2);
    const QString text = value.trimmed();
    if (field == u"ISSUER"_s) {
        const QUrl url(text, QUrl::StrictMode);
        if (!acceptableIssuer(url)) {
            return u"expected the provider's issuer URL: https (http only on the loopback hosts "
                   "127.0.0.1, localhost and ::1), without query or fragment"_s;
        }
        // Kept exactly as written: the discovery document and every ID token must name the
        // issuer identically (OpenID Connect Discovery §4.3), trailing slash included.
        provider.issuer = text;
    } else if (field == u"CLIENT_ID"_s) {
        provider.clientId = text;
    } else if (field == u"CLIENT_SECRET"_s) {
        provider.clientSecret = text;
    } else if (field == u"SCOPES"_s) {
        if (!text.split(u' ', Qt::SkipEmptyParts).contains(u"openid"_s)) {
            return u"expected space-separated scopes including openid"_s;
        }
        provider.scopes = text;
    } else {
        provider.displayName = text;
    }
    return {};
}

} // namespace influence::server::config

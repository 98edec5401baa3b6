// SPDX-License-Identifier: Apache-2.0
#include "SocialProvider.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::social {

namespace {

Error unavailable(const QString &detail)
{
    return Error::unavailable(detail, 30);
}

} // namespace

QUrl SocialProvider::endpoint(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    if (basePath.endsWith(u'/')) {
        basePath.chop(1);
    }
    url.setPath(basePath + path);
    return url;
}

QNetworkRequest SocialProvider::bearer(const QUrl &url, const QString &accessToken)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    return request;
}

Result<QJsonObject> SocialProvider::answer(const net::Fetched &fetched, const QString &what)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(fetched.body, &error);
    QJsonObject object = document.object();
    if (fetched.status >= 500 || fetched.status == 429) {
        return unavailable(u"%1 answered HTTP %2"_s.arg(what).arg(fetched.status));
    }
    if (fetched.status < 200 || fetched.status > 299) {
        // RFC 6749 §5.2: {"error": "invalid_grant", …}; TikTok's API nests {"error": {"code"}}.
        const QJsonValue code = object.value(u"error"_s);
        const QString name =
                code.isObject() ? code.toObject().value(u"code"_s).toString() : code.toString();
        return Error::make(ErrorCode::BadRequest,
                u"%1 refused (HTTP %2, %3)"_s.arg(what)
                        .arg(fetched.status)
                        .arg(net::oauthErrorCode(name)));
    }
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return unavailable(u"%1 did not answer a JSON object"_s.arg(what));
    }
    return object;
}

Result<TokenSet> SocialProvider::parseTokens(
        const net::Fetched &fetched, const TokenSet &previous) const
{
    auto object = answer(fetched, u"the token endpoint of %1"_s.arg(m_settings.platform));
    if (!object) {
        return object.error();
    }
    // TikTok answers errors with HTTP 200 and an "error" member.
    if (object->contains(u"error"_s) && !object->value(u"access_token"_s).isString()) {
        return Error::make(ErrorCode::BadRequest,
                u"the token endpoint of %1 refused (%2)"_s.arg(m_settings.platform,
                        net::oauthErrorCode(object->value(u"error"_s).toString())));
    }
    TokenSet tokens;
    tokens.accessToken = object->value(u"access_token"_s).toString();
    if (tokens.accessToken.isEmpty()) {
        return unavailable(
                u"the token endpoint of %1 sent no access token"_s.arg(m_settings.platform));
    }
    tokens.refreshToken = object->value(u"refresh_token"_s).toString(previous.refreshToken);
    tokens.expiresIn = count(object->value(u"expires_in"_s)).value_or(0);
    tokens.refreshExpiresIn = count(object->value(u"refresh_expires_in"_s))
                                      .value_or(tokens.refreshToken == previous.refreshToken
                                                      ? previous.refreshExpiresIn
                                                      : 0);
    const QJsonValue scope = object->value(u"scope"_s);
    tokens.scopes = scope.isString() ? scope.toString() : previous.scopes;
    return tokens;
}

Result<MetricSnapshot> SocialProvider::parseMetrics(const net::Fetched &fetched) const
{
    auto profile = parseProfile(fetched);
    if (!profile) {
        return profile.error();
    }
    return profile->metrics;
}

Result<QList<MediaItem>> SocialProvider::parseMedia(const net::Fetched & /*fetched*/) const
{
    return QList<MediaItem>();
}

TokenFailure SocialProvider::classify(const Error &error)
{
    return error.code == ErrorCode::BadRequest ? TokenFailure::Refused : TokenFailure::Unavailable;
}

std::optional<qint64> count(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        // A count is whole: 1.5 likes is garbage, not one like.
        if (number >= 0 && number < 9.0e15 && number == std::floor(number)) {
            return static_cast<qint64>(number);
        }
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok && number >= 0) {
            return number;
        }
    }
    return std::nullopt;
}

QString postUrl(const QJsonValue &value)
{
    const QString url = value.toString();
    return url.startsWith(u"https://"_s) && url.size() <= 2048 && QUrl(url).isValid() ? url
                                                                                      : QString();
}

QDateTime platformTime(const QJsonValue &value)
{
    if (value.isDouble() || (value.isString() && !value.toString().contains(u'-'))) {
        const auto seconds = count(value);
        // Up to the year 9999; beyond it is garbage, not a publication time.
        if (!seconds || *seconds > 253'402'300'799) {
            return {};
        }
        return QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        return {}; // no zone: not a time we can place
    }
    return time.toUTC();
}

QString mediaId(const QJsonValue &value)
{
    if (value.isString()) {
        const QString id = value.toString();
        return id.size() <= 200 ? id : QString();
    }
    const auto number = count(value);
    return number ? QString::number(*number) : QString();
}

std::unique_ptr<SocialProvider> makeProvider(PlatformSettings settings)
{
    if (settings.platform == u"instagram"_s) {
        return makeInstagram(std::move(settings));
    }
    if (settings.platform == u"youtube"_s) {
        return makeYouTube(std::move(settings));
    }
    if (settings.platform == u"tiktok"_s) {
        return makeTikTok(std::move(settings));
    }
    return nullptr;
}

} // namespace influence::server::social

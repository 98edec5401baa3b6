// SPDX-License-Identifier: Apache-2.0
#include "TokenService.h"

#include "Crypto.h"
#include "common/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::crypto {

namespace {

Error invalidToken(const QString &why)
{
    return Error::make(ErrorCode::Unauthorized, u"The access token is not valid: "_s + why + u'.');
}

/// A NumericDate claim in whole seconds; nullopt unless a number a qint64 holds with room for
/// the clock skew (converting a larger double is undefined behaviour).
std::optional<qint64> seconds(const QJsonValue &value)
{
    constexpr double kLimit = 9.2e18;
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || number <= -kLimit || number >= kLimit) {
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

} // namespace

namespace jwt {

QByteArray hs256Signature(QByteArrayView signingInput, QByteArrayView key)
{
    return base64Url(hmacSha256(key, signingInput));
}

QByteArray signHs256(const QJsonObject &payload, QByteArrayView key)
{
    static const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray signingInput =
            header + '.' + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return signingInput + '.' + hs256Signature(signingInput, key);
}

Result<QJsonObject> verifyHs256(QByteArrayView token, QByteArrayView key)
{
    if (token.size() > 8192) {
        return invalidToken(u"too long"_s);
    }
    const qsizetype firstDot = token.indexOf('.');
    const qsizetype lastDot = token.lastIndexOf('.');
    if (firstDot <= 0 || lastDot == firstDot || lastDot == token.size() - 1
            || token.sliced(firstDot + 1, lastDot - firstDot - 1).contains('.')) {
        return invalidToken(u"malformed"_s);
    }
    bool ok = false;
    const QJsonDocument header = QJsonDocument::fromJson(fromBase64Url(token.first(firstDot), &ok));
    if (!ok || !header.isObject()) {
        return invalidToken(u"malformed header"_s);
    }
    // Pinned algorithm: the header is only checked, never obeyed.
    if (header.object().value(u"alg"_s).toString() != u"HS256"_s
            || header.object().contains(u"crit"_s)) {
        return invalidToken(u"unexpected algorithm"_s);
    }
    const QByteArrayView signingInput = token.first(lastDot);
    bool signatureOk = false;
    const QByteArray signature = fromBase64Url(token.sliced(lastDot + 1), &signatureOk);
    if (!signatureOk || !constantTimeEquals(signature, hmacSha256(key, signingInput))) {
        return invalidToken(u"bad signature"_s);
    }
    const QJsonDocument payload = QJsonDocument::fromJson(
            fromBase64Url(token.sliced(firstDot + 1, lastDot - firstDot - 1), &ok));
    if (!ok || !payload.isObject()) {
        return invalidToken(u"malformed payload"_s);
    }
    return payload.object();
}

} // namespace jwt

TokenService::TokenService(Settings settings)
    : m_settings(std::move(settings))
    , m_refreshKey(hmacSha256(m_settings.secret, "influence refresh token successor v1"))
{
    Q_ASSERT(m_settings.secret.size() >= 32);
}

QByteArray TokenService::issueAccessToken(const QUuid &userId, const QUuid &sessionId,
        common::UserRole role, const QDateTime &now) const
{
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject payload{
            {u"iss"_s, m_settings.issuer},
            {u"aud"_s, m_settings.audience},
            {u"sub"_s, common::validation::uuidText(userId)},
            {u"sid"_s, common::validation::uuidText(sessionId)},
            {u"role"_s, common::wireName(role)},
            {u"iat"_s, issuedAt},
            {u"exp"_s, issuedAt + m_settings.accessTokenLifetime.count()},
    };
    return jwt::signHs256(payload, m_settings.secret);
}

Result<AccessClaims> TokenService::verifyAccessToken(
        QByteArrayView token, const QDateTime &now) const
{
    auto payload = jwt::verifyHs256(token, m_settings.secret);
    if (!payload) {
        return payload.error();
    }
    const QJsonObject &claims = *payload;
    if (claims.value(u"iss"_s).toString() != m_settings.issuer) {
        return invalidToken(u"wrong issuer"_s);
    }
    const QJsonValue aud = claims.value(u"aud"_s);
    const bool audienceOk = aud.isString() ? aud.toString() == m_settings.audience
                                           : aud.toArray().contains(m_settings.audience);
    if (!audienceOk) {
        return invalidToken(u"wrong audience"_s);
    }
    const std::optional<qint64> exp = seconds(claims.value(u"exp"_s));
    if (!exp) {
        return invalidToken(u"no expiry"_s);
    }
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    if (*exp + m_settings.clockSkew.count() <= nowSeconds) {
        return invalidToken(u"expired"_s);
    }
    if (claims.contains(u"nbf"_s)) {
        const std::optional<qint64> nbf = seconds(claims.value(u"nbf"_s));
        if (!nbf || *nbf > nowSeconds + m_settings.clockSkew.count()) {
            return invalidToken(u"not valid yet"_s);
        }
    }
    const auto userId = common::validation::parseUuid(claims.value(u"sub"_s).toString());
    const auto sessionId = common::validation::parseUuid(claims.value(u"sid"_s).toString());
    const auto role = common::userRoleFromString(claims.value(u"role"_s).toString());
    if (!userId || !sessionId || !role) {
        return invalidToken(u"missing claims"_s);
    }
    return AccessClaims{*userId, *sessionId, *role, QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC)};
}

QByteArray TokenService::newRefreshToken() const
{
    return base64Url(randomBytes(32));
}

QByteArray TokenService::successorRefreshToken(const QUuid &parentId) const
{
    return base64Url(hmacSha256(m_refreshKey, parentId.toRfc4122()));
}

QByteArray TokenService::hashRefreshToken(QByteArrayView token)
{
    return sha256(token);
}

} // namespace influence::server::crypto

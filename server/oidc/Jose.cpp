// SPDX-License-Identifier: Apache-2.0
#include "Jose.h"

#include "core/crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::oidc::jose {

namespace {

constexpr qsizetype kMaxTokenBytes = qsizetype{16} * 1024;
constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;
constexpr qsizetype kP256CoordinateBytes = 32;

struct PkeyFree
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
struct BnFree
{
    void operator()(BIGNUM *p) const { BN_free(p); }
};
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, ParamFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;

Error failure(const QString &detail)
{
    // Whatever OpenSSL queued on this thread for the failed operation is of no further use.
    ERR_clear_error();
    return Error::make(ErrorCode::OidcFailed, detail);
}

const auto *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

/// A base64url member of a JWK, decoded; empty when missing or malformed.
QByteArray member(const QJsonObject &jwk, const QString &name)
{
    bool ok = false;
    const QByteArray decoded = crypto::fromBase64Url(jwk.value(name).toString().toLatin1(), &ok);
    return ok ? decoded : QByteArray();
}

BnPtr bignum(const QByteArray &bigEndian)
{
    return BnPtr(BN_bin2bn(bytes(bigEndian), static_cast<int>(bigEndian.size()), nullptr));
}

PkeyPtr keyFromParams(const char *type, const OSSL_PARAM *params)
{
    const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx
            || EVP_PKEY_fromdata_init(ctx.get()) != 1
            // OpenSSL takes the parameter array as non-const but does not change it.
            || EVP_PKEY_fromdata(
                       ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM *>(params))
                    != 1) {
        return {};
    }
    return PkeyPtr(key);
}

Result<PkeyPtr> rsaKey(const QJsonObject &jwk)
{
    QByteArray n = member(jwk, u"n"_s);
    const QByteArray e = member(jwk, u"e"_s);
    while (n.startsWith('\0')) {
        n.remove(0, 1);
    }
    const qsizetype bits = n.size() * 8;
    if (e.isEmpty() || e.size() > 8 || bits < kMinRsaBits || bits > kMaxRsaBits) {
        return failure(u"the provider's RSA key is malformed or shorter than 2048 bits"_s);
    }
    const BnPtr modulus = bignum(n);
    const BnPtr exponent = bignum(e);
    const ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!modulus || !exponent || !builder
            || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1
            || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
        return failure(u"cannot read the provider's RSA key"_s);
    }
    const ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyPtr key = params ? keyFromParams("RSA", params.get()) : PkeyPtr();
    if (!key) {
        return failure(u"cannot read the provider's RSA key"_s);
    }
    return key;
}

Result<PkeyPtr> ecKey(const QJsonObject &jwk)
{
    const QByteArray x = member(jwk, u"x"_s);
    const QByteArray y = member(jwk, u"y"_s);
    if (x.size() != kP256CoordinateBytes || y.size() != kP256CoordinateBytes) {
        return failure(u"the provider's P-256 key is malformed"_s);
    }
    // SEC 1 §2.3.3 uncompressed point: 0x04 || X || Y.
    const QByteArray point = QByteArray(1, '\x04') + x + y;
    static const QByteArray group = "P-256";
    const ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!builder
            || OSSL_PARAM_BLD_push_utf8_string(
                       builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.constData(), 0)
                    != 1
            || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY,
                       point.constData(), static_cast<size_t>(point.size()))
                    != 1) {
        return failure(u"cannot read the provider's P-256 key"_s);
    }
    const ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyPtr key = params ? keyFromParams("EC", params.get()) : PkeyPtr();
    if (!key) {
        return failure(u"the provider's P-256 key is not a point on the curve"_s);
    }
    // An invalid point must never be used for verification (invalid-curve attacks).
    const PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        return failure(u"the provider's P-256 key is not a point on the curve"_s);
    }
    return key;
}

/// JWS ES256 signatures are R || S, 32 bytes each (RFC 7518 §3.4); OpenSSL verifies DER.
Result<QByteArray> ecdsaDer(const QByteArray &raw)
{
    if (raw.size() != 2 * kP256CoordinateBytes) {
        return failure(u"the ID token's ES256 signature has the wrong length"_s);
    }
    EcdsaSigPtr signature(ECDSA_SIG_new());
    BnPtr r = bignum(raw.first(kP256CoordinateBytes));
    BnPtr s = bignum(raw.sliced(kP256CoordinateBytes));
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1) {
        return failure(u"cannot read the ID token's signature"_s);
    }
    // ECDSA_SIG_set0 took ownership of both numbers.
    (void)r.release();
    (void)s.release();
    const int length = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (length <= 0) {
        return failure(u"cannot read the ID token's signature"_s);
    }
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(signature.get(), &out) != length) {
        return failure(u"cannot read the ID token's signature"_s);
    }
    return der;
}

bool configureRsaPadding(EVP_PKEY_CTX *ctx, Algorithm algorithm)
{
    if (algorithm == Algorithm::Rs256) {
        return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1;
    }
    // RFC 7518 §3.5: MGF1 with SHA-256 and a salt as long as the hash.
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) == 1
            && EVP_PKEY_CTX_set_rsa_mgf1_md_name(ctx, "SHA256", nullptr) == 1;
}

Result<QJsonObject> decodeObject(QByteArrayView part, const QString &what)
{
    bool ok = false;
    const QByteArray json = crypto::fromBase64Url(part, &ok);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!ok || error.error != QJsonParseError::NoError || !document.isObject()) {
        return failure(u"the ID token's %1 is not a base64url JSON object"_s.arg(what));
    }
    return document.object();
}

/// A NumericDate claim (RFC 7519 §2) in whole seconds; nullopt when missing, not a number, or
/// beyond what seconds in a qint64 can hold (converting such a double is undefined behaviour).
std::optional<qint64> numericDate(const QJsonObject &payload, const QString &name)
{
    constexpr double kLimit = 9.2e18; // below 2^63, with room for the leeway
    const QJsonValue value = payload.value(name);
    const double seconds = value.toDouble();
    if (!value.isDouble() || !std::isfinite(seconds) || seconds <= -kLimit || seconds >= kLimit) {
        return std::nullopt;
    }
    return static_cast<qint64>(std::floor(seconds));
}

Result<void> checkAudience(const QJsonObject &payload, const QString &clientId)
{
    const QJsonValue aud = payload.value(u"aud"_s);
    QStringList audiences;
    if (aud.isString()) {
        audiences.append(aud.toString());
    } else if (aud.isArray()) {
        const QJsonArray entries = aud.toArray();
        for (const auto &entry : entries) {
            if (!entry.isString()) {
                return failure(u"the ID token's audience is malformed"_s);
            }
            audiences.append(entry.toString());
        }
    }
    if (!audiences.contains(clientId)) {
        return failure(u"the ID token was issued for another client (aud)"_s);
    }
    // OpenID Connect Core §3.1.3.7 items 4 and 5: with several audiences the authorized party
    // must be this client; whenever azp is present it must be.
    const QJsonValue azp = payload.value(u"azp"_s);
    if ((audiences.size() > 1 || !azp.isUndefined()) && azp.toString() != clientId) {
        return failure(u"the ID token was issued to another party (azp)"_s);
    }
    return {};
}

Result<void> checkTimes(const QJsonObject &payload, qint64 now, qint64 leeway)
{
    const auto exp = numericDate(payload, u"exp"_s);
    const auto iat = numericDate(payload, u"iat"_s);
    if (!exp || !iat) {
        return failure(u"the ID token lacks exp or iat"_s);
    }
    if (*exp <= now - leeway) {
        return failure(u"the ID token has expired"_s);
    }
    if (*iat > now + leeway) {
        return failure(u"the ID token was issued in the future (iat); check the clocks"_s);
    }
    if (payload.contains(u"nbf"_s)) {
        const auto nbf = numericDate(payload, u"nbf"_s);
        if (!nbf || *nbf > now + leeway) {
            return failure(u"the ID token is not valid yet (nbf)"_s);
        }
    }
    return {};
}

} // namespace

std::optional<Algorithm> algorithmFromName(const QString &name)
{
    if (name == u"RS256"_s) {
        return Algorithm::Rs256;
    }
    if (name == u"PS256"_s) {
        return Algorithm::Ps256;
    }
    if (name == u"ES256"_s) {
        return Algorithm::Es256;
    }
    return std::nullopt;
}

QString algorithmName(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::Rs256: return u"RS256"_s;
    case Algorithm::Ps256: return u"PS256"_s;
    case Algorithm::Es256: return u"ES256"_s;
    }
    return {};
}

Result<CompactJws> parseCompact(QByteArrayView token)
{
    if (token.isEmpty() || token.size() > kMaxTokenBytes) {
        return failure(u"the ID token is missing or too long"_s);
    }
    const qsizetype first = token.indexOf('.');
    const qsizetype last = token.lastIndexOf('.');
    if (first <= 0 || last == first || last == token.size() - 1
            || token.sliced(first + 1, last - first - 1).contains('.')) {
        return failure(u"the ID token is not a compact JWS"_s);
    }
    CompactJws jws;
    auto header = decodeObject(token.first(first), u"header"_s);
    if (!header) {
        return header.error();
    }
    jws.header = *header;
    const QString alg = jws.header.value(u"alg"_s).toString();
    const auto algorithm = algorithmFromName(alg);
    if (!algorithm) {
        return failure(
                u"the ID token's algorithm \"%1\" is not accepted (RS256, PS256 or ES256)"_s.arg(
                        alg.left(16)));
    }
    jws.algorithm = *algorithm;
    if (jws.header.contains(u"crit"_s)) {
        return failure(u"the ID token has critical header extensions"_s);
    }
    const QJsonValue kid = jws.header.value(u"kid"_s);
    if (!kid.isUndefined() && !kid.isString()) {
        return failure(u"the ID token's key id is malformed"_s);
    }
    jws.keyId = kid.toString();
    auto payload = decodeObject(token.sliced(first + 1, last - first - 1), u"payload"_s);
    if (!payload) {
        return payload.error();
    }
    jws.payload = *payload;
    bool ok = false;
    jws.signature = crypto::fromBase64Url(token.sliced(last + 1), &ok);
    if (!ok || jws.signature.isEmpty()) {
        return failure(u"the ID token's signature is malformed"_s);
    }
    jws.signingInput = token.first(last).toByteArray();
    return jws;
}

bool keyFits(const QJsonObject &jwk, Algorithm algorithm)
{
    const QString kty = jwk.value(u"kty"_s).toString();
    const bool typeFits = algorithm == Algorithm::Es256
            ? kty == u"EC"_s && jwk.value(u"crv"_s).toString() == u"P-256"_s
            : kty == u"RSA"_s;
    if (!typeFits) {
        return false;
    }
    if (jwk.contains(u"alg"_s) && jwk.value(u"alg"_s).toString() != algorithmName(algorithm)) {
        return false;
    }
    if (jwk.contains(u"use"_s) && jwk.value(u"use"_s).toString() != u"sig"_s) {
        return false;
    }
    if (jwk.contains(u"key_ops"_s)
            && !jwk.value(u"key_ops"_s).toArray().contains(QJsonValue(u"verify"_s))) {
        return false;
    }
    return true;
}

Result<void> verifySignature(const CompactJws &jws, const QJsonObject &jwk)
{
    if (!keyFits(jwk, jws.algorithm)) {
        return failure(u"the provider's key does not fit the ID token's algorithm"_s);
    }
    auto key = jws.algorithm == Algorithm::Es256 ? ecKey(jwk) : rsaKey(jwk);
    if (!key) {
        return key.error();
    }
    QByteArray signature = jws.signature;
    if (jws.algorithm == Algorithm::Es256) {
        auto der = ecdsaDer(jws.signature);
        if (!der) {
            return der.error();
        }
        signature = *der;
    }
    const MdCtxPtr md(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pkeyCtx = nullptr; // owned by md
    if (!md
            || EVP_DigestVerifyInit_ex(
                       md.get(), &pkeyCtx, "SHA256", nullptr, nullptr, key->get(), nullptr)
                    != 1
            || (jws.algorithm != Algorithm::Es256
                    && !configureRsaPadding(pkeyCtx, jws.algorithm))) {
        return failure(u"cannot set up signature verification"_s);
    }
    if (EVP_DigestVerify(md.get(), bytes(signature), static_cast<size_t>(signature.size()),
                bytes(jws.signingInput), static_cast<size_t>(jws.signingInput.size()))
            != 1) {
        return failure(u"the ID token's signature is not valid"_s);
    }
    return {};
}

Result<IdTokenClaims> validateClaims(
        const QJsonObject &payload, const IdTokenExpectations &expected)
{
    if (payload.value(u"iss"_s).toString() != expected.issuer) {
        return failure(u"the ID token comes from another issuer"_s);
    }
    if (auto audience = checkAudience(payload, expected.clientId); !audience) {
        return audience.error();
    }
    if (auto times = checkTimes(payload, expected.now, expected.leeway.count()); !times) {
        return times.error();
    }
    const QJsonValue nonce = payload.value(u"nonce"_s);
    if (!nonce.isString() || expected.nonce.isEmpty()
            || !crypto::constantTimeEquals(nonce.toString().toUtf8(), expected.nonce.toUtf8())) {
        return failure(u"the ID token's nonce does not match this sign-in"_s);
    }
    IdTokenClaims claims;
    claims.issuer = expected.issuer;
    claims.subject = payload.value(u"sub"_s).toString();
    if (claims.subject.isEmpty() || claims.subject.size() > 255) {
        return failure(u"the ID token has no valid subject"_s);
    }
    claims.email = payload.value(u"email"_s).toString().trimmed();
    claims.emailVerified = payload.value(u"email_verified"_s).toBool(false);
    claims.name = payload.value(u"name"_s).toString().simplified().left(100);
    return claims;
}

} // namespace influence::server::oidc::jose

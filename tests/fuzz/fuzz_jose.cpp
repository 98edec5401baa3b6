// SPDX-License-Identifier: Apache-2.0
// Fuzz target for JWT/JOSE: the platform's own HS256 access tokens (core/crypto/TokenService) and
// the sign-in providers' ID tokens, JWKS documents and claims (oidc/Jose). The first byte picks:
//   0: a compact token: parsed as an ID token and verified as an access token;
//   1: a JWKS document: each key tried against ID tokens of each algorithm with a junk signature;
//   2: an ID token, a newline, a JWKS document: the token verified with each key;
//   3: a claims object: checked as an ID token's, and as an access token's once signed with
//      the server's key.
// Whatever the input: a parsed compact JWS has an allowed algorithm, no "crit", and a signing
// input that is the token's first two parts; a token verifies with the HMAC key only when its
// signature is the key's over what was sent; no key verifies a junk signature, one that verifies
// fits the algorithm and no longer verifies a changed signing input; accepted claims have this
// issuer, a subject of 1 to 255 characters and a name of at most 100.
#include "core/crypto/TokenService.h"
#include "oidc/Jose.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace influence::server;
using namespace influence::server::oidc;

namespace {

const QByteArray kSecret = QByteArrayLiteral("fuzz-secret-fuzz-secret-fuzz-secret!");
constexpr qint64 kNow = 1'800'000'000;

const crypto::TokenService &tokens()
{
    static const crypto::TokenService service([] {
        crypto::TokenService::Settings settings;
        settings.secret = kSecret;
        settings.issuer = u"https://api.example.com"_s;
        return settings;
    }());
    return service;
}

QDateTime now()
{
    return QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC);
}

void checkCompact(QByteArrayView token)
{
    const auto jws = jose::parseCompact(token);
    if (jws) {
        if (jws->header.contains(u"crit"_s) || jws->signature.isEmpty()
                || !token.startsWith(jws->signingInput) || token.size() <= jws->signingInput.size()
                || token[jws->signingInput.size()] != '.' || jws->signingInput.count('.') != 1
                || !jose::algorithmFromName(jws->header.value(u"alg"_s).toString())) {
            std::abort();
        }
    }
    const auto payload = crypto::jwt::verifyHs256(token, kSecret);
    if (payload) {
        // Only a signature this key made over exactly what was sent verifies.
        const qsizetype last = token.lastIndexOf('.');
        if (last < 0
                || crypto::jwt::hs256Signature(token.first(last), kSecret)
                        != token.sliced(last + 1)) {
            std::abort();
        }
    }
    const auto claims = tokens().verifyAccessToken(token, now());
    if (claims && (!payload || claims->expiresAt.toSecsSinceEpoch() + 30 <= kNow)) {
        std::abort();
    }
    if (!claims && claims.error().httpStatus() != 401) {
        std::abort();
    }
}

QJsonArray keysOf(QByteArrayView document)
{
    const QJsonArray keys =
            QJsonDocument::fromJson(document.toByteArray()).object().value(u"keys"_s).toArray();
    QJsonArray objects;
    for (const QJsonValue key : keys) {
        if (key.isObject()) {
            objects.append(key);
        }
    }
    return objects;
}

void checkJwks(QByteArrayView document)
{
    const QJsonArray keys = keysOf(document);
    for (const QJsonValue key : keys) {
        const QJsonObject jwk = key.toObject();
        for (const auto algorithm :
                {jose::Algorithm::Rs256, jose::Algorithm::Ps256, jose::Algorithm::Es256}) {
            const bool fits = jose::keyFits(jwk, algorithm);
            const QString kty = jwk.value(u"kty"_s).toString();
            if (fits && kty != (algorithm == jose::Algorithm::Es256 ? u"EC"_s : u"RSA"_s)) {
                std::abort();
            }
            jose::CompactJws jws;
            jws.algorithm = algorithm;
            jws.signingInput = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0";
            jws.signature = QByteArray(algorithm == jose::Algorithm::Es256 ? 64 : 256, '\x5a');
            if (jose::verifySignature(jws, jwk)) {
                std::abort();
            }
        }
    }
}

void checkSigned(QByteArrayView input)
{
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0) {
        return;
    }
    auto jws = jose::parseCompact(input.first(newline));
    if (!jws) {
        return;
    }
    const QJsonArray keys = keysOf(input.sliced(newline + 1));
    for (const QJsonValue key : keys) {
        if (!jose::verifySignature(*jws, key.toObject())) {
            continue;
        }
        if (!jose::keyFits(key.toObject(), jws->algorithm)) {
            std::abort();
        }
        jose::CompactJws changed = *jws;
        changed.signingInput.append('A');
        if (jose::verifySignature(changed, key.toObject())) {
            std::abort();
        }
    }
}

void checkClaims(QByteArrayView input)
{
    const QJsonObject payload = QJsonDocument::fromJson(input.toByteArray()).object();
    jose::IdTokenExpectations expected;
    expected.issuer = u"https://id.example.com"_s;
    expected.clientId = u"influence"_s;
    expected.nonce = u"n-0S6_WzA2Mj"_s;
    expected.now = kNow;
    const auto claims = jose::validateClaims(payload, expected);
    if (claims
            && (claims->issuer != expected.issuer || claims->subject.isEmpty()
                    || claims->subject.size() > 255 || claims->name.size() > 100)) {
        std::abort();
    }
    // The same claims in an access token this server signed.
    const QByteArray token = crypto::jwt::signHs256(payload, kSecret);
    const auto access = tokens().verifyAccessToken(token, now());
    if (access && access->expiresAt.toSecsSinceEpoch() + 30 <= kNow) {
        std::abort();
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const QByteArrayView input(
            reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size) - 1);
    switch (data[0] % 4) {
    case 0: checkCompact(input); break;
    case 1: checkJwks(input); break;
    case 2: checkSigned(input); break;
    default: checkClaims(input); break;
    }
    return 0;
}

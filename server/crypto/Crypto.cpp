// SPDX-License-Identifier: Apache-2.0
#include "Crypto.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace influence::server::crypto {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1) {
        qFatal("OpenSSL's random generator failed");
    }
    return bytes;
}

QByteArray base64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(QByteArrayView text, bool *ok)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Padding is not allowed in the JWT/opaque-token forms: one spelling per value.
    const bool valid =
            decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && !text.contains('=');
    if (ok) {
        *ok = valid;
    }
    return valid ? decoded.decoded : QByteArray();
}

QByteArray sha256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return QMessageAuthenticationCode::hash(
            data.toByteArray(), key.toByteArray(), QCryptographicHash::Sha256);
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size()
            && CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

QString randomToken()
{
    return QString::fromLatin1(base64Url(randomBytes(32)));
}

QString pkceChallenge(const QString &verifier)
{
    return QString::fromLatin1(base64Url(sha256(verifier.toLatin1())));
}

} // namespace influence::server::crypto

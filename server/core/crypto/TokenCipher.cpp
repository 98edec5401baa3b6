// SPDX-License-Identifier: Apache-2.0
#include "TokenCipher.h"

#include "Crypto.h"

#include <QRegularExpression>
#include <QSet>

#include <memory>
#include <openssl/evp.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::crypto {

namespace {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

struct ContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_CIPHER_CTX, ContextFree>;

Error badKeys(const QString &detail)
{
    return Error::make(ErrorCode::BadRequest, detail);
}

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

} // namespace

Result<TokenCipher> TokenCipher::create(QList<Key> keys)
{
    if (keys.isEmpty()) {
        return badKeys(u"expected at least one key"_s);
    }
    static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]{1,32}$"_s);
    QSet<QString> ids;
    for (const Key &key : keys) {
        if (!idPattern.match(key.id).hasMatch()) {
            return badKeys(u"key ids are 1 to 32 letters, digits, '_' or '-'"_s);
        }
        if (key.secret.size() != kKeyBytes) {
            return badKeys(u"key \"%1\" is not 32 bytes (openssl rand -base64 32)"_s.arg(key.id));
        }
        if (ids.contains(key.id)) {
            return badKeys(u"key id \"%1\" appears twice"_s.arg(key.id));
        }
        ids.insert(key.id);
    }
    return TokenCipher(std::move(keys));
}

Result<QList<TokenCipher::Key>> TokenCipher::parseKeys(const QString &text)
{
    QList<Key> keys;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = item.indexOf(u':');
        if (colon <= 0) {
            return badKeys(u"expected id:base64key entries separated by commas"_s);
        }
        const auto decoded = QByteArray::fromBase64Encoding(
                item.mid(colon + 1).trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            return badKeys(u"the key of \"%1\" is not base64"_s.arg(item.left(colon).trimmed()));
        }
        keys.append({item.left(colon).trimmed(), *decoded});
    }
    if (keys.isEmpty()) {
        return badKeys(u"expected id:base64key entries separated by commas"_s);
    }
    return keys;
}

TokenCipher::Sealed TokenCipher::seal(QByteArrayView plaintext, QByteArrayView associatedData) const
{
    const Key &key = m_keys.first();
    QByteArray blob = randomBytes(kNonceBytes);
    blob.resize(kNonceBytes + plaintext.size() + kTagBytes);
    unsigned char *out = bytes(blob);
    const Context context(EVP_CIPHER_CTX_new());
    int written = 0;
    int finished = 0;
    // Every step can only fail on allocation or a programming error; abort rather than store a
    // value that cannot be read back.
    if (!context
            || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(key.secret), out)
                    != 1
            || EVP_EncryptUpdate(context.get(), nullptr, &written, bytes(associatedData),
                       static_cast<int>(associatedData.size()))
                    != 1
            || EVP_EncryptUpdate(context.get(), out + kNonceBytes, &written, bytes(plaintext),
                       static_cast<int>(plaintext.size()))
                    != 1
            || EVP_EncryptFinal_ex(context.get(), out + kNonceBytes + written, &finished) != 1
            || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                       out + kNonceBytes + plaintext.size())
                    != 1) {
        qFatal("AES-256-GCM encryption failed");
    }
    return {key.id, blob};
}

Result<QByteArray> TokenCipher::open(const Sealed &sealed, QByteArrayView associatedData) const
{
    const Key *key = nullptr;
    for (const Key &candidate : m_keys) {
        if (candidate.id == sealed.keyId) {
            key = &candidate;
        }
    }
    if (!key) {
        return Error::make(ErrorCode::Internal,
                u"the token was encrypted with key \"%1\", which is not configured"_s.arg(
                        sealed.keyId));
    }
    const QByteArray &blob = sealed.blob;
    if (blob.size() < kNonceBytes + kTagBytes) {
        return Error::make(ErrorCode::Internal, u"the encrypted token is truncated"_s);
    }
    const auto length = static_cast<int>(blob.size() - kNonceBytes - kTagBytes);
    QByteArray plaintext(length, Qt::Uninitialized);
    QByteArray tag = blob.right(kTagBytes);
    const Context context(EVP_CIPHER_CTX_new());
    int written = 0;
    int finished = 0;
    const bool ok = context
            && EVP_DecryptInit_ex(
                       context.get(), EVP_aes_256_gcm(), nullptr, bytes(key->secret), bytes(blob))
                    == 1
            && EVP_DecryptUpdate(context.get(), nullptr, &written, bytes(associatedData),
                       static_cast<int>(associatedData.size()))
                    == 1
            && EVP_DecryptUpdate(context.get(), bytes(plaintext), &written,
                       bytes(QByteArrayView(blob).sliced(kNonceBytes, length)), length)
                    == 1
            && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1
            && EVP_DecryptFinal_ex(context.get(), bytes(plaintext) + written, &finished) == 1;
    if (!ok) {
        return Error::make(ErrorCode::Internal, u"an encrypted token failed authentication"_s);
    }
    return plaintext;
}

} // namespace influence::server::crypto

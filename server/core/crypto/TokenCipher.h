// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace influence::server::crypto {

/// Encrypts secrets kept in the database (social-platform tokens) with AES-256-GCM (OpenSSL
/// EVP): a random 96-bit nonce per value (NIST SP 800-38D §8.2.2), a 128-bit tag, and associated
/// data that binds a ciphertext to its row, so that a value copied into another row does not
/// decrypt. Several keys may be configured: the first encrypts, all decrypt (rotation).
class TokenCipher
{
public:
    struct Key
    {
        QString id; ///< stored beside each ciphertext; 1–32 of [A-Za-z0-9_-]
        QByteArray secret; ///< 32 bytes
    };

    /// A value as stored: which key, and nonce (12 bytes) || ciphertext || tag (16 bytes).
    struct Sealed
    {
        QString keyId;
        QByteArray blob;
    };

    /// At least one key; ids unique, secrets 32 bytes (else an error naming the problem).
    static common::Result<TokenCipher> create(QList<Key> keys);
    /// "id1:base64key,id2:base64key" (TOKEN_ENCRYPTION_KEYS); empty text is an error.
    static common::Result<QList<Key>> parseKeys(const QString &text);

    QString currentKeyId() const { return m_keys.first().id; }
    Sealed seal(QByteArrayView plaintext, QByteArrayView associatedData) const;
    /// Fails for an unknown key id, a wrong associated data or any tampering.
    common::Result<QByteArray> open(const Sealed &sealed, QByteArrayView associatedData) const;

private:
    explicit TokenCipher(QList<Key> keys)
        : m_keys(std::move(keys))
    { }

    QList<Key> m_keys;
};

} // namespace influence::server::crypto

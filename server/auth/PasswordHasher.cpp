// SPDX-License-Identifier: Apache-2.0
#include "PasswordHasher.h"

#include "core/crypto/Crypto.h"

#include <QRegularExpression>

#include <argon2.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace influence::server::auth {

namespace {

constexpr uint32_t kSaltLength = 16;
constexpr uint32_t kHashLength = 32;

} // namespace

PasswordHasher::PasswordHasher(Argon2Parameters parameters)
    : m_parameters(parameters)
    , m_dummyHash(hash(QString::fromLatin1(crypto::base64Url(crypto::randomBytes(24)))))
{ }

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray salt = crypto::randomBytes(static_cast<int>(kSaltLength));
    const size_t encodedLength = argon2_encodedlen(m_parameters.iterations, m_parameters.memoryKiB,
            m_parameters.parallelism, kSaltLength, kHashLength, Argon2_id);
    std::vector<char> encoded(encodedLength);
    const int rc = argon2id_hash_encoded(m_parameters.iterations, m_parameters.memoryKiB,
            m_parameters.parallelism, utf8.constData(), static_cast<size_t>(utf8.size()),
            salt.constData(), kSaltLength, kHashLength, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) {
        qFatal("argon2id hashing failed: %s", argon2_error_message(rc));
    }
    return QString::fromLatin1(encoded.data());
}

bool PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    if (!encoded.startsWith(u"$argon2id$"_s)) {
        return false;
    }
    const QByteArray utf8 = password.toUtf8();
    const QByteArray hash = encoded.toLatin1();
    return argon2id_verify(hash.constData(), utf8.constData(), static_cast<size_t>(utf8.size()))
            == ARGON2_OK;
}

bool PasswordHasher::needsRehash(const QString &encoded) const
{
    static const QRegularExpression pattern(
            u"^\\$argon2id\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$"_s);
    const auto match = pattern.match(encoded);
    if (!match.hasMatch()) {
        return true;
    }
    const Argon2Parameters used{
            match.captured(2).toUInt(), match.captured(3).toUInt(), match.captured(4).toUInt()};
    return match.captured(1).toInt() != ARGON2_VERSION_13 || !(used == m_parameters);
}

void PasswordHasher::burnEquivalentTime(const QString &password) const
{
    (void)verify(password, m_dummyHash);
}

std::optional<QByteArray> PasswordHasher::rawArgon2id(const QByteArray &password,
        const QByteArray &salt, const QByteArray &secret, const QByteArray &associatedData,
        const Argon2Parameters &parameters, int tagLength)
{
    QByteArray tag(tagLength, Qt::Uninitialized);
    QByteArray pwd = password;
    QByteArray saltCopy = salt;
    QByteArray secretCopy = secret;
    QByteArray ad = associatedData;
    argon2_context context{};
    context.out = reinterpret_cast<uint8_t *>(tag.data());
    context.outlen = static_cast<uint32_t>(tagLength);
    context.pwd = reinterpret_cast<uint8_t *>(pwd.data());
    context.pwdlen = static_cast<uint32_t>(pwd.size());
    context.salt = reinterpret_cast<uint8_t *>(saltCopy.data());
    context.saltlen = static_cast<uint32_t>(saltCopy.size());
    context.secret =
            secretCopy.isEmpty() ? nullptr : reinterpret_cast<uint8_t *>(secretCopy.data());
    context.secretlen = static_cast<uint32_t>(secretCopy.size());
    context.ad = ad.isEmpty() ? nullptr : reinterpret_cast<uint8_t *>(ad.data());
    context.adlen = static_cast<uint32_t>(ad.size());
    context.t_cost = parameters.iterations;
    context.m_cost = parameters.memoryKiB;
    context.lanes = parameters.parallelism;
    context.threads = parameters.parallelism;
    context.version = ARGON2_VERSION_13;
    context.flags = ARGON2_DEFAULT_FLAGS;
    if (argon2_ctx(&context, Argon2_id) != ARGON2_OK) {
        return std::nullopt;
    }
    return tag;
}

} // namespace influence::server::auth

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace influence::server::auth {

/// Argon2id cost parameters (RFC 9106). The defaults are OWASP's minimum for argon2id:
/// 19 MiB of memory, 2 passes, 1 lane.
struct Argon2Parameters
{
    uint32_t memoryKiB = 19456;
    uint32_t iterations = 2;
    uint32_t parallelism = 1;

    friend bool operator==(const Argon2Parameters &, const Argon2Parameters &) = default;
};

/// Hashes and verifies passwords with argon2id through libargon2, in the PHC string format
/// ($argon2id$v=19$m=…,t=…,p=…$salt$hash). CPU- and memory-hungry by design (tens of
/// milliseconds): call it on a worker thread, never on an HTTP thread.
class PasswordHasher
{
public:
    explicit PasswordHasher(Argon2Parameters parameters = {});

    /// A new encoded hash with a random 16-byte salt.
    QString hash(const QString &password) const;
    /// Whether `password` matches `encoded` (false for anything malformed).
    bool verify(const QString &password, const QString &encoded) const;
    /// Whether `encoded` was made with other (e.g. older, weaker) parameters than the current
    /// ones, so it should be replaced at the next successful login.
    bool needsRehash(const QString &encoded) const;
    /// Spends the same effort as verify() without a real hash, so that unknown accounts take as
    /// long to refuse as wrong passwords.
    void burnEquivalentTime(const QString &password) const;

    const Argon2Parameters &parameters() const { return m_parameters; }

    /// The raw argon2id tag (RFC 9106 §3), with optional secret and associated data; exposed for
    /// the test vectors of RFC 9106 §5.3.
    static std::optional<QByteArray> rawArgon2id(const QByteArray &password, const QByteArray &salt,
            const QByteArray &secret, const QByteArray &associatedData,
            const Argon2Parameters &parameters, int tagLength);

private:
    Argon2Parameters m_parameters;
    QString m_dummyHash;
};

} // namespace influence::server::auth

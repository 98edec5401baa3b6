// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace influence::common {

/// A PostgreSQL write-ahead-log position (pg_lsn) in its text form "X/Y": two hexadecimal
/// numbers of up to 8 digits each, the high and low 32 bits. It travels in the
/// Influence-Wal-Position header for read-your-writes on the read replicas: the server stamps
/// its writes' answers with it (server/core/db/ReplicaPool), ApiClient sends the newest back.
struct WalPosition
{
    quint64 value = 0;

    /// Parses the text form strictly (what pg_lsn's output gives); nullopt for anything else.
    static std::optional<WalPosition> parse(QByteArrayView text);
    /// The text form, as PostgreSQL writes it ("0/16B3748").
    QByteArray toText() const;

    friend bool operator==(WalPosition a, WalPosition b) { return a.value == b.value; }
    friend bool operator<(WalPosition a, WalPosition b) { return a.value < b.value; }
    friend bool operator<=(WalPosition a, WalPosition b) { return a.value <= b.value; }
};

/// The header a write's response carries and a later read may send back.
inline constexpr char kWalPositionHeader[] = "influence-wal-position";

} // namespace influence::common

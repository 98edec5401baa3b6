// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the Influence-Wal-Position header parser (common/WalPosition, shared by the
// server and ApiClient): whatever the input, an accepted position prints back as text that parses
// to the same position, and that text is what PostgreSQL's pg_lsn output looks like (upper-case
// hex, no leading zeros).
#include "common/WalPosition.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using influence::common::WalPosition;

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto position = WalPosition::parse(input);
    if (!position) {
        return 0;
    }
    const QByteArray text = position->toText();
    const auto again = WalPosition::parse(text);
    if (!again || !(*again == *position) || text.size() > 17 || text.toUpper() != text) {
        std::abort();
    }
    // Accepted input is exactly two hex parts of at most 8 digits around one slash.
    const qsizetype slash = input.indexOf('/');
    if (slash < 1 || slash > 8 || input.size() - slash - 1 < 1 || input.size() - slash - 1 > 8) {
        std::abort();
    }
    return 0;
}

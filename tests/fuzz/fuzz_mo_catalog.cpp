// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the gettext catalog reader (common/MoCatalog) the desktop uses for country
// names: whatever the bytes, it answers a catalog or an Error, never reads outside them, and a
// catalog it accepts holds no empty message.
#include "common/MoCatalog.h"

#include <cstdint>
#include <cstdlib>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto catalog = influence::common::readMoCatalog(input);
    if (catalog) {
        for (auto it = catalog->cbegin(); it != catalog->cend(); ++it) {
            if (it.key().isEmpty() || it.value().isEmpty()) {
                std::abort();
            }
        }
    }
    return 0;
}

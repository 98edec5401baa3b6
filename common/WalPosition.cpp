// SPDX-License-Identifier: Apache-2.0
#include "WalPosition.h"

namespace influence::common {

namespace {

/// Reads 1 to 8 hexadecimal digits; nullopt for an empty, longer or non-hex part.
std::optional<quint32> hexPart(QByteArrayView part)
{
    if (part.isEmpty() || part.size() > 8) {
        return std::nullopt;
    }
    quint32 value = 0;
    for (const char ch : part) {
        quint32 digit = 0;
        if (ch >= '0' && ch <= '9') {
            digit = static_cast<quint32>(ch - '0');
        } else if (ch >= 'A' && ch <= 'F') {
            digit = static_cast<quint32>(ch - 'A' + 10);
        } else if (ch >= 'a' && ch <= 'f') {
            digit = static_cast<quint32>(ch - 'a' + 10);
        } else {
            return std::nullopt;
        }
        value = (value << 4U) | digit;
    }
    return value;
}

} // namespace

std::optional<WalPosition> WalPosition::parse(QByteArrayView text)
{
    const qsizetype slash = text.indexOf('/');
    if (slash < 0) {
        return std::nullopt;
    }
    const auto high = hexPart(text.first(slash));
    const auto low = hexPart(text.sliced(slash + 1));
    if (!high || !low) {
        return std::nullopt;
    }
    return WalPosition{(static_cast<quint64>(*high) << 32U) | *low};
}

QByteArray WalPosition::toText() const
{
    QByteArray text = QByteArray::number(static_cast<quint32>(value >> 32U), 16).toUpper();
    text.append('/');
    text.append(QByteArray::number(static_cast<quint32>(value & 0xFFFFFFFFU), 16).toUpper());
    return text;
}

} // namespace influence::common

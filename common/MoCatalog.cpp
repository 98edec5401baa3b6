// SPDX-License-Identifier: Apache-2.0
#include "MoCatalog.h"

#include <QtEndian>

#include <optional>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

constexpr quint32 kMagic = 0x950412deU;
constexpr qsizetype kHeaderSize = 20;
/// iso_3166-1 has about 250 entries, iso_639-3 about 8 000: far below.
constexpr quint32 kMaxEntries = 1'000'000;

Error notACatalog(const QString &why)
{
    return Error::make(ErrorCode::InvalidResponse, u"Not a message catalog: "_s + why);
}

class Reader
{
public:
    explicit Reader(QByteArrayView file)
        : m_file(file)
    { }

    bool readMagic()
    {
        if (m_file.size() < kHeaderSize) {
            return false;
        }
        const auto little = qFromLittleEndian<quint32>(m_file.data());
        if (little == kMagic) {
            m_bigEndian = false;
            return true;
        }
        if (qFromBigEndian<quint32>(m_file.data()) == kMagic) {
            m_bigEndian = true;
            return true;
        }
        return false;
    }

    std::optional<quint32> word(qsizetype offset) const
    {
        if (offset < 0 || offset > m_file.size() - 4) {
            return std::nullopt;
        }
        const char *at = m_file.data() + offset;
        return m_bigEndian ? qFromBigEndian<quint32>(at) : qFromLittleEndian<quint32>(at);
    }

    /// The string of table entry `index` of the table at `table`: its bytes, without the NUL.
    std::optional<QByteArrayView> string(quint32 table, quint32 index) const
    {
        const qsizetype entry = qsizetype{table} + qsizetype{index} * 8;
        const auto length = word(entry);
        const auto offset = word(entry + 4);
        if (!length || !offset || qsizetype{*offset} + qsizetype{*length} >= m_file.size()) {
            return std::nullopt;
        }
        return m_file.sliced(*offset, *length);
    }

private:
    QByteArrayView m_file;
    bool m_bigEndian = false;
};

} // namespace

Result<QHash<QString, QString>> readMoCatalog(QByteArrayView file)
{
    Reader reader(file);
    if (!reader.readMagic()) {
        return notACatalog(u"no magic number"_s);
    }
    const auto revision = reader.word(4);
    const auto count = reader.word(8);
    const auto originals = reader.word(12);
    const auto translations = reader.word(16);
    if (!revision || (*revision >> 16) > 1) {
        return notACatalog(u"unknown major revision"_s);
    }
    if (!count || !originals || !translations || *count > kMaxEntries) {
        return notACatalog(u"bad header"_s);
    }
    QHash<QString, QString> messages;
    messages.reserve(static_cast<qsizetype>(*count));
    for (quint32 i = 0; i < *count; ++i) {
        const auto original = reader.string(*originals, i);
        const auto translation = reader.string(*translations, i);
        if (!original || !translation) {
            return notACatalog(u"a table points outside the file"_s);
        }
        QByteArrayView id = *original;
        if (const qsizetype context = id.indexOf('\x04'); context >= 0) {
            id = id.sliced(context + 1);
        }
        // Plural forms are NUL-separated: the first of each is the singular.
        if (const qsizetype nul = id.indexOf('\0'); nul >= 0) {
            id = id.first(nul);
        }
        QByteArrayView text = *translation;
        if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
            text = text.first(nul);
        }
        if (id.isEmpty() || text.isEmpty()) {
            continue;
        }
        messages.insert(QString::fromUtf8(id), QString::fromUtf8(text));
    }
    return messages;
}

} // namespace influence::common

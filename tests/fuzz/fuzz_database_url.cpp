// SPDX-License-Identifier: Apache-2.0
// Fuzz target for DATABASE_URL (core/db/DatabaseUrl): whatever the text, an accepted URL names
// at least one and at most kMaxHosts servers, a port from 1 to 65535 for each, no host with a
// comma (libpq's list separator) and a database; the libpq strings made from it keep every value
// quoted (no option can be smuggled in); and the URL it writes parses back to the same thing.
#include "core/db/DatabaseUrl.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using influence::server::db::DatabaseUrl;

namespace {

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

/// A libpq conninfo string: key=value pairs, values single-quoted with \' and \\ escapes; true
/// when it is well formed and every key is one of `keys`.
bool wellFormed(const QString &conninfo, QChar separator, const QStringList &keys)
{
    qsizetype i = 0;
    const qsizetype n = conninfo.size();
    while (i < n) {
        const qsizetype equals = conninfo.indexOf(u'=', i);
        if (equals < 0 || !keys.contains(conninfo.mid(i, equals - i))) {
            return false;
        }
        i = equals + 1;
        if (i < n && conninfo.at(i) == u'\'') {
            ++i;
            while (i < n && conninfo.at(i) != u'\'') {
                i += conninfo.at(i) == u'\\' ? 2 : 1;
            }
            if (i >= n) {
                return false;
            }
            ++i;
        } else {
            while (i < n && conninfo.at(i) != separator) {
                if (conninfo.at(i) == u'\'' || conninfo.at(i) == u'\\' || conninfo.at(i) == u' ') {
                    return false;
                }
                ++i;
            }
        }
        if (i < n) {
            if (conninfo.at(i) != separator) {
                return false;
            }
            ++i;
        }
    }
    return true;
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(
            QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    const auto url = DatabaseUrl::parse(input);
    if (!url) {
        return 0;
    }
    check(!url->hosts.isEmpty() && url->hosts.size() <= DatabaseUrl::kMaxHosts);
    check(url->ports.size() == url->hosts.size());
    for (const QString &host : url->hosts) {
        check(!host.isEmpty() && !host.contains(u','));
    }
    for (const int port : url->ports) {
        check(port >= 1 && port <= 65535);
    }
    check(!url->database.isEmpty());

    QStringList keys{u"host"_s, u"port"_s, u"dbname"_s, u"user"_s, u"password"_s,
            u"connect_timeout"_s, u"application_name"_s};
    for (auto it = url->options.cbegin(); it != url->options.cend(); ++it) {
        keys.append(it.key());
        // QPSQL turns every ';' of its option string into a separator.
        check(!it.value().contains(u';'));
    }
    check(wellFormed(url->libpqConnectionString(), u' ', keys));
    check(wellFormed(url->connectOptions(5), u';', keys));

    const auto again = DatabaseUrl::parse(url->toUrlString());
    check(bool(again));
    check(again->hosts == url->hosts && again->ports == url->ports);
    check(again->user == url->user && again->password == url->password);
    check(again->database == url->database && again->options == url->options);
    // The redacted URL is the same URL with the password replaced.
    const auto redacted = DatabaseUrl::parse(url->redacted());
    check(bool(redacted) && redacted->hosts == url->hosts);
    check(redacted->password == (url->password.isEmpty() ? QString() : u"redacted"_s));
    return 0;
}

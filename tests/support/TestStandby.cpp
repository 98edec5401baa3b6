// SPDX-License-Identifier: Apache-2.0
#include "TestStandby.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <array>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using influence::server::db::ManagedPostgres;

namespace influence::tests {

namespace {

/// The newest installed PostgreSQL's bin directory (as ManagedPostgres picks it).
QString newestBinDir()
{
    const QDir root(u"/usr/lib/postgresql"_s);
    int best = 0;
    for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int version = entry.toInt(&ok);
        if (ok && version > best && QFile::exists(root.filePath(entry + u"/bin/pg_basebackup"_s))) {
            best = version;
        }
    }
    return best == 0 ? QString() : root.filePath(QString::number(best) + u"/bin"_s);
}

} // namespace

std::unique_ptr<ManagedPostgres> startStandby(
        const ManagedPostgres &primary, QTemporaryDir &directory, QString *error)
{
    const QString binDir = newestBinDir();
    if (binDir.isEmpty()) {
        *error = u"pg_basebackup is not installed"_s;
        return nullptr;
    }
    // The account PostgreSQL runs as (when we are root) must traverse the directory and own the
    // cluster directory, as ManagedPostgres arranges for its own.
    ::chmod(QFile::encodeName(directory.path()).constData(), 0711);
    const QString clusterDir = directory.path() + u"/postgres"_s;
    const QByteArray clusterPath = QFile::encodeName(clusterDir);
    if (::mkdir(clusterPath.constData(), 0700) != 0) {
        *error = u"cannot create "_s + clusterDir;
        return nullptr;
    }
    uid_t uid = ::geteuid();
    gid_t gid = ::getegid();
    const bool asRoot = uid == 0;
    if (asRoot) {
        passwd entry{};
        passwd *account = nullptr;
        std::array<char, 4096> buffer{};
        if (::getpwnam_r("postgres", &entry, buffer.data(), buffer.size(), &account) != 0
                || !account) {
            *error = u"no postgres account to run the standby as"_s;
            return nullptr;
        }
        uid = account->pw_uid;
        gid = account->pw_gid;
        if (::chown(clusterPath.constData(), uid, gid) != 0) {
            *error = u"cannot hand the standby's directory to postgres"_s;
            return nullptr;
        }
    }

    const auto source = primary.url(u"postgres"_s);
    QProcess backup;
    backup.setProgram(binDir + u"/pg_basebackup"_s);
    backup.setArguments({u"-D"_s, clusterDir, u"-R"_s, u"-X"_s, u"stream"_s, u"-c"_s, u"fast"_s,
            u"-h"_s, source.hosts.value(0), u"-p"_s, QString::number(source.ports.value(0)),
            u"-U"_s, source.user});
    backup.setWorkingDirectory(clusterDir);
    backup.setProcessChannelMode(QProcess::MergedChannels);
    if (asRoot) {
        backup.setChildProcessModifier([uid, gid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
                ::_exit(126);
            }
        });
    }
    backup.start();
    if (!backup.waitForFinished(120'000) || backup.exitStatus() != QProcess::NormalExit
            || backup.exitCode() != 0) {
        *error = u"pg_basebackup failed: "_s + QString::fromLocal8Bit(backup.readAll());
        return nullptr;
    }

    // The primary's socket lives in its cluster directory, and pg_basebackup copies the socket's
    // lock file (a regular file) with it: the standby would take it for another postmaster's.
    // Its log is the primary's too.
    QFile::remove(clusterDir + u"/.s.PGSQL.5432.lock"_s);
    QFile::remove(clusterDir + u"/server.log"_s);

    // The copy has PG_VERSION, so ManagedPostgres starts it as it is (no initdb); standby.signal
    // and primary_conninfo from -R make it a standby.
    ManagedPostgres::Options options;
    options.dataDir = directory.path();
    options.database = u"postgres"_s;
    options.settings = {u"hot_standby=on"_s, u"fsync=off"_s, u"max_connections=200"_s,
            u"shared_buffers=32MB"_s};
    auto started = ManagedPostgres::start(options);
    if (!started) {
        *error = started.error().detail;
        return nullptr;
    }
    return std::move(*started);
}

} // namespace influence::tests

// SPDX-License-Identifier: Apache-2.0
#include "ManagedPostgres.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVersionNumber>

#include <array>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

Q_LOGGING_CATEGORY(lcManagedPg, "influence.db.managed")

namespace influence::server::db {

namespace {

constexpr int kMinimumMajorVersion = 14;
constexpr int kSocketPathLimit = 100; // sun_path is 108 bytes; keep a margin
const QString kSuperuser = u"influence"_s;

Error failure(const QString &detail)
{
    return Error::make(ErrorCode::ServiceUnavailable, u"private PostgreSQL: "_s + detail);
}

QString newestBinDir()
{
    const QDir root(u"/usr/lib/postgresql"_s);
    QVersionNumber best;
    QString bestDir;
    for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber version = QVersionNumber::fromString(entry);
        const QString bin = root.filePath(entry) + u"/bin"_s;
        if (version.majorVersion() >= kMinimumMajorVersion && version > best
                && QFileInfo(bin + u"/pg_ctl"_s).isExecutable()) {
            best = version;
            bestDir = bin;
        }
    }
    return bestDir;
}

/// Whether `uid`/`gid` may search (traverse) every directory from / down to `path`.
QString unreachableAncestor(const QString &path, uid_t uid, gid_t gid)
{
    QString current;
    const QStringList parts = QDir::cleanPath(path).split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        current += u'/' + part;
        struct stat info
        {
        };
        if (::stat(QFile::encodeName(current).constData(), &info) != 0) {
            break; // does not exist yet: created later with the right owner
        }
        mode_t needed = S_IXOTH;
        if (info.st_uid == uid) {
            needed = S_IXUSR;
        } else if (info.st_gid == gid) {
            needed = S_IXGRP;
        }
        if ((info.st_mode & needed) == 0) {
            return current;
        }
    }
    return {};
}

bool validIdentifier(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z_][a-z0-9_]{0,62}$"_s);
    return pattern.match(name).hasMatch();
}

} // namespace

ManagedPostgres::~ManagedPostgres()
{
    if (m_startedHere && m_running) {
        if (auto stopped = stop(); !stopped) {
            qCWarning(lcManagedPg, "%s", qPrintable(stopped.error().detail));
        }
    }
}

Result<std::unique_ptr<ManagedPostgres>> ManagedPostgres::start(const Options &options)
{
    std::unique_ptr<ManagedPostgres> pg(new ManagedPostgres);
    pg->m_options = options;
    pg->m_binDir = options.binDir.isEmpty() ? newestBinDir() : options.binDir;
    if (pg->m_binDir.isEmpty()) {
        return failure(
                u"no PostgreSQL %1 or newer is installed (looked in /usr/lib/postgresql); "
                "install the postgresql package or set DATABASE_URL"_s.arg(kMinimumMajorVersion));
    }
    if (!validIdentifier(options.database)) {
        return failure(u"invalid database name \"%1\""_s.arg(options.database));
    }
    const QString dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(options.dataDir));
    pg->m_clusterDir = dataDir + u"/postgres"_s;

    for (auto step : {&ManagedPostgres::chooseAccount, &ManagedPostgres::prepareDirectories,
                 &ManagedPostgres::initializeCluster}) {
        if (auto done = (pg.get()->*step)(); !done) {
            return done.error();
        }
    }
    // Another server process may be stopping the instance right now (it started it and is
    // shutting down): then wait for that and start it again.
    Result<void> ready;
    for (int attempt = 0; attempt < 20; ++attempt) {
        ready = pg->startOrReuse();
        if (ready) {
            ready = pg->createDatabase(options.database);
        }
        if (ready
                || (!ready.error().detail.contains(u"shutting down"_s)
                        && !ready.error().detail.contains(u"starting up"_s))) {
            break;
        }
        pg->m_running = false;
        QThread::msleep(500);
    }
    if (!ready) {
        return ready.error();
    }
    return pg;
}

Result<void> ManagedPostgres::chooseAccount()
{
    if (::geteuid() != 0) {
        m_uid = ::geteuid();
        m_gid = ::getegid();
        return {};
    }
    // PostgreSQL refuses to run as root: run it as an unprivileged account instead.
    const QByteArray user = m_options.runAsUser.toLocal8Bit();
    passwd entry{};
    passwd *account = nullptr;
    std::array<char, 4096> buffer{};
    if (::getpwnam_r(user.constData(), &entry, buffer.data(), buffer.size(), &account) != 0
            || !account || account->pw_uid == 0) {
        return failure(u"PostgreSQL refuses to run as root and there is no unprivileged "
                       "account \"%1\" to run it as; install the postgresql package, run the "
                       "server as another user, or set DATABASE_URL"_s.arg(m_options.runAsUser));
    }
    m_uid = account->pw_uid;
    m_gid = account->pw_gid;
    m_dropPrivileges = true;
    return {};
}

Result<void> ManagedPostgres::prepareDirectories()
{
    const QString dataDir = QFileInfo(m_clusterDir).path();
    if (!QDir().mkpath(dataDir)) {
        return failure(u"cannot create the data directory %1"_s.arg(dataDir));
    }
    if (m_dropPrivileges) {
        // The data directory stays root's, but the PostgreSQL account must be able to traverse it.
        const QString blocked = unreachableAncestor(m_clusterDir, m_uid, m_gid);
        if (!blocked.isEmpty()) {
            return failure(u"the account \"%1\" that runs PostgreSQL cannot reach %2 because %3 "
                           "is not searchable for it; set DATA_DIR to a directory such as "
                           "/var/local/influence-server, or set DATABASE_URL"_s.arg(
                                   m_options.runAsUser, m_clusterDir, blocked));
        }
    }
    const QByteArray clusterPath = QFile::encodeName(m_clusterDir);
    if (!QFileInfo::exists(m_clusterDir) && ::mkdir(clusterPath.constData(), 0700) != 0) {
        return failure(u"cannot create %1"_s.arg(m_clusterDir));
    }
    if (m_dropPrivileges && ::chown(clusterPath.constData(), m_uid, m_gid) != 0) {
        return failure(u"cannot hand %1 to the PostgreSQL account"_s.arg(m_clusterDir));
    }
    // The socket lives in the cluster directory unless that path is too long for sun_path.
    m_socketDir = m_clusterDir;
    if (QFile::encodeName(m_socketDir + u"/.s.PGSQL.5432"_s).size() > kSocketPathLimit) {
        const QByteArray hash =
                QCryptographicHash::hash(clusterPath, QCryptographicHash::Sha256).toHex().left(12);
        m_socketDir = u"/tmp/influence-pg-"_s + QString::fromLatin1(hash);
        const QByteArray socketPath = QFile::encodeName(m_socketDir);
        ::mkdir(socketPath.constData(), 0700);
        if (m_dropPrivileges && ::chown(socketPath.constData(), m_uid, m_gid) != 0) {
            return failure(u"cannot hand %1 to the PostgreSQL account"_s.arg(m_socketDir));
        }
    }
    return {};
}

Result<void> ManagedPostgres::initializeCluster()
{
    if (QFileInfo::exists(m_clusterDir + u"/PG_VERSION"_s)) {
        return {};
    }
    qCInfo(lcManagedPg, "creating a private PostgreSQL cluster in %s", qPrintable(m_clusterDir));
    return runTool(u"initdb"_s,
            {u"-D"_s, m_clusterDir, u"-U"_s, kSuperuser, u"--auth=trust"_s, u"--encoding=UTF8"_s,
                    u"--locale=C"_s, u"--no-instructions"_s},
            120'000);
}

Result<void> ManagedPostgres::startOrReuse()
{
    // pg_ctl status: 0 running, 3 not running, 4 no usable data directory.
    if (!runTool(u"pg_ctl"_s, {u"status"_s, u"-D"_s, m_clusterDir}, 10'000)) {
        return startServer();
    }
    qCInfo(lcManagedPg, "reusing the running private PostgreSQL in %s", qPrintable(m_clusterDir));
    m_running = true;
    // Its socket directory is line 5 of postmaster.pid.
    QFile pidFile(m_clusterDir + u"/postmaster.pid"_s);
    if (pidFile.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = pidFile.readAll().split('\n');
        if (lines.size() > 4 && !lines.at(4).trimmed().isEmpty()) {
            m_socketDir = QFile::decodeName(lines.at(4).trimmed());
        }
    }
    return {};
}

Result<void> ManagedPostgres::startServer()
{
    QStringList settings{
            u"listen_addresses=''"_s,
            u"unix_socket_directories='%1'"_s.arg(m_socketDir),
            u"unix_socket_permissions=0700"_s,
    };
    settings += m_options.settings;
    QString serverOptions;
    for (const QString &setting : settings) {
        serverOptions += u" -c "_s + setting;
    }
    if (auto ok = runTool(u"pg_ctl"_s,
                {u"start"_s, u"-D"_s, m_clusterDir, u"-w"_s, u"-t"_s, u"60"_s, u"-l"_s,
                        m_clusterDir + u"/server.log"_s, u"-o"_s, serverOptions.trimmed()},
                90'000);
            !ok) {
        return failure(ok.error().detail + u"\n"_s + serverLogTail());
    }
    m_startedHere = true;
    m_running = true;
    qCInfo(lcManagedPg, "started private PostgreSQL (socket in %s)", qPrintable(m_socketDir));
    return {};
}

Result<void> ManagedPostgres::stop()
{
    if (!m_running) {
        return {};
    }
    auto ok = runTool(
            u"pg_ctl"_s, {u"stop"_s, u"-D"_s, m_clusterDir, u"-m"_s, u"fast"_s, u"-w"_s}, 60'000);
    if (ok) {
        m_running = false;
    }
    return ok;
}

Result<void> ManagedPostgres::restart()
{
    if (m_running) {
        if (auto stopped = stop(); !stopped) {
            return stopped;
        }
    }
    return startServer();
}

DatabaseUrl ManagedPostgres::url(const QString &database) const
{
    DatabaseUrl url = DatabaseUrl::forServer(
            m_socketDir, 5432, database.isEmpty() ? m_options.database : database);
    url.user = kSuperuser;
    return url;
}

Result<void> ManagedPostgres::createDatabase(const QString &name) const
{
    if (!validIdentifier(name)) {
        return failure(u"invalid database name \"%1\""_s.arg(name));
    }
    const QString connectionName = u"influence-managed-"_s + QUuid::createUuid().toString();
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        url(u"postgres"_s).applyTo(db, 10);
        if (!db.open()) {
            result = failure(u"cannot connect: "_s + db.lastError().text());
        } else {
            QSqlQuery exists(db);
            exists.prepare(u"SELECT 1 FROM pg_database WHERE datname = :name"_s);
            exists.bindValue(u":name"_s, name);
            if (!exists.exec()) {
                result = failure(exists.lastError().text());
            } else if (!exists.next()) {
                // CREATE DATABASE takes no parameters; the name was checked to be a plain
                // identifier above.
                QSqlQuery create(db);
                if (!create.exec(u"CREATE DATABASE \"%1\""_s.arg(name))
                        && create.lastError().nativeErrorCode() != u"42P04"_s) {
                    result = failure(create.lastError().text());
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

Result<void> ManagedPostgres::runTool(
        const QString &tool, const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    process.setProgram(m_binDir + u'/' + tool);
    process.setArguments(arguments);
    process.setWorkingDirectory(m_clusterDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.remove(u"PGDATA"_s);
    process.setProcessEnvironment(env);
    if (m_dropPrivileges) {
        const uid_t uid = m_uid;
        const gid_t gid = m_gid;
        // Runs in the child between fork and exec: only async-signal-safe calls.
        process.setChildProcessModifier([uid, gid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
                ::_exit(126);
            }
        });
    }
    process.start();
    if (!process.waitForStarted(10'000)) {
        return failure(u"cannot run %1: %2"_s.arg(process.program(), process.errorString()));
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        return failure(u"%1 did not finish in time"_s.arg(tool));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
        return failure(u"%1 %2 failed (exit code %3): %4"_s.arg(tool, arguments.value(0))
                               .arg(process.exitCode())
                               .arg(output.right(2000)));
    }
    return {};
}

QString ManagedPostgres::serverLogTail() const
{
    QFile log(m_clusterDir + u"/server.log"_s);
    if (!log.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray content = log.readAll();
    return u"server log (last lines):\n"_s + QString::fromLocal8Bit(content.right(2000));
}

} // namespace influence::server::db

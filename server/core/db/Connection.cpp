// SPDX-License-Identifier: Apache-2.0
#include "Connection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

Q_LOGGING_CATEGORY(lcDb, "influence.db")

namespace influence::server::db {

namespace {

std::atomic<quint64> g_connectionCounter{0};

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

struct ThreadConnections
{
    std::vector<std::pair<const ConnectionSettings *, std::unique_ptr<Connection>>> connections;
};

} // namespace

Connection::Connection(std::shared_ptr<const ConnectionSettings> settings, QString name)
    : m_settings(std::move(settings))
    , m_name(std::move(name))
{ }

Connection::~Connection()
{
    m_statements.clear();
    m_dynamic.clear();
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
}

Connection &Connection::forThread(const std::shared_ptr<const ConnectionSettings> &settings)
{
    // QThreadStorage deletes the object in its own thread when the thread finishes, which is
    // where QtSql requires the connection to be closed.
    static QThreadStorage<ThreadConnections *> storage;
    if (!storage.hasLocalData()) {
        storage.setLocalData(new ThreadConnections);
    }
    ThreadConnections *local = storage.localData();
    for (auto &[key, connection] : local->connections) {
        if (key == settings.get()) {
            return *connection;
        }
    }
    const QString name = u"influence-db-%1"_s.arg(g_connectionCounter.fetch_add(1));
    local->connections.emplace_back(settings.get(), std::make_unique<Connection>(settings, name));
    return *local->connections.back().second;
}

QVariant Connection::nativeHandle() const
{
    const QSqlDatabase db = database();
    return db.isOpen() ? db.driver()->handle() : QVariant();
}

Error Connection::failNative(const QString &sqlState, const QString &message)
{
    const QSqlError error(QString(), message, QSqlError::StatementError, sqlState);
    return fail(DbError::fromSqlError(error, sessionState()));
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

DbError::Session Connection::sessionState() const
{
    return database().isOpen() ? DbError::Session::Open : DbError::Session::Closed;
}

Result<void> Connection::ensureOpen()
{
    if (m_open) {
        return {};
    }
    const qint64 lastFailure = m_settings->lastConnectFailure->load();
    if (lastFailure != 0 && steadyMs() - lastFailure < m_settings->reconnectBackoff.count()) {
        return fail(DbError::connectFailed(u"database unreachable (recent connect failed)"_s));
    }

    if (!QSqlDatabase::contains(m_name)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        m_settings->url.applyTo(db, static_cast<int>(m_settings->connectTimeout.count()));
        // numeric arrives as exact text instead of a lossy double (QPSQL's default policy
        // converts it to double).
        db.setNumericalPrecisionPolicy(QSql::HighPrecision);
    }
    QSqlDatabase db = database();
    if (!db.open()) {
        m_settings->lastConnectFailure->store(steadyMs());
        const QString message = db.lastError().text();
        db.close();
        // While the database is down every worker fails this way: say so every few seconds, not
        // for each attempt.
        static std::atomic<qint64> lastWarning{0};
        const qint64 now = steadyMs();
        if (now - lastWarning.load() > 5000) {
            lastWarning.store(now);
            qCWarning(lcDb, "cannot connect to PostgreSQL: %s", qPrintable(message.simplified()));
        }
        return fail(DbError::connectFailed(message));
    }
    m_settings->lastConnectFailure->store(0);
    m_open = true;
    // Session settings as statements, not startup options, so they also work through poolers.
    if (auto ok = setStatementTimeout(m_settings->statementTimeout); !ok) {
        reset();
        return ok.error();
    }
    m_lastFailure.reset();
    return {};
}

Result<void> Connection::setStatementTimeout(std::chrono::milliseconds timeout)
{
    static const SqlStatement setup(u"SELECT set_config('statement_timeout', :timeout, false), "
                                    "set_config('TimeZone', 'UTC', false), "
                                    "set_config('client_min_messages', 'warning', false)"_s);
    auto query = run(setup, {{u":timeout"_s, QString::number(timeout.count())}});
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

Result<QSqlQuery *> Connection::prepared(const SqlStatement &statement)
{
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    const auto index = static_cast<std::size_t>(statement.id());
    if (index >= m_statements.size()) {
        m_statements.resize(index + 1);
    }
    std::unique_ptr<QSqlQuery> &slot = m_statements[index];
    if (!slot) {
        auto query = std::make_unique<QSqlQuery>(database());
        query->setForwardOnly(true);
        if (!query->prepare(statement.sql())) {
            return fail(DbError::fromSqlError(query->lastError(), sessionState()));
        }
        slot = std::move(query);
    }
    return slot.get();
}

Result<void> Connection::exec(QSqlQuery &query)
{
    if (query.exec()) {
        m_lastFailure.reset();
        return {};
    }
    return fail(DbError::fromSqlError(query.lastError(), sessionState()));
}

Result<QSqlQuery *> Connection::run(const SqlStatement &statement, Binds binds)
{
    auto query = prepared(statement);
    if (!query) {
        return query.error();
    }
    for (const auto &[name, value] : binds) {
        (*query)->bindValue(name, value);
    }
    if (auto ok = exec(**query); !ok) {
        return ok.error();
    }
    return *query;
}

Result<QSqlQuery *> Connection::runDynamic(
        const QString &sql, const QList<std::pair<QString, QVariant>> &binds)
{
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    auto found = std::find_if(m_dynamic.begin(), m_dynamic.end(), [&sql](const auto &entry) {
        return entry.first == sql;
    });
    if (found == m_dynamic.end()) {
        auto query = std::make_unique<QSqlQuery>(database());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            return fail(DbError::fromSqlError(query->lastError(), sessionState()));
        }
        if (m_dynamic.size() >= static_cast<std::size_t>(kDynamicCacheSize)) {
            m_dynamic.erase(m_dynamic.begin());
        }
        m_dynamic.emplace_back(sql, std::move(query));
        found = std::prev(m_dynamic.end());
    } else if (std::next(found) != m_dynamic.end()) {
        std::rotate(found, std::next(found), m_dynamic.end());
        found = std::prev(m_dynamic.end());
    }
    QSqlQuery &query = *found->second;
    for (const auto &[name, value] : binds) {
        query.bindValue(name, value);
    }
    if (auto ok = exec(query); !ok) {
        return ok.error();
    }
    return &query;
}

Result<QVariant> Connection::scalar(const SqlStatement &statement, Binds binds)
{
    auto query = run(statement, binds);
    if (!query) {
        return query.error();
    }
    QVariant value = (*query)->next() ? (*query)->value(0) : QVariant();
    (*query)->finish();
    return value;
}

Result<void> Connection::execDirect(const QString &sql)
{
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    QSqlQuery query(database());
    if (query.exec(sql)) {
        m_lastFailure.reset();
        return {};
    }
    return fail(DbError::fromSqlError(query.lastError(), sessionState()));
}

Result<void> Connection::begin()
{
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    if (!database().transaction()) {
        return fail(DbError::fromSqlError(database().lastError(), sessionState()));
    }
    m_lastFailure.reset();
    return {};
}

Result<void> Connection::commit()
{
    if (!database().commit()) {
        // After a failed statement the commit reports no SQLSTATE; keep the statement's error.
        DbError error = DbError::fromSqlError(database().lastError(), sessionState());
        if (m_lastFailure && error.sqlState.isEmpty()) {
            error = *m_lastFailure;
        }
        return fail(error);
    }
    return {};
}

void Connection::rollback()
{
    if (m_open && !database().rollback()) {
        const DbError error = DbError::fromSqlError(database().lastError(), sessionState());
        if (error.isConnectionProblem()) {
            reset();
        }
    }
}

void Connection::reset()
{
    m_statements.clear();
    m_dynamic.clear();
    if (QSqlDatabase::contains(m_name)) {
        QSqlDatabase db = database();
        db.close();
    }
    m_open = false;
}

Error Connection::fail(const DbError &error)
{
    m_lastFailure = error;
    if (error.kind == DbErrorKind::ConnectionLost) {
        qCWarning(lcDb, "lost the database connection (%s): %s", qPrintable(error.sqlState),
                qPrintable(error.message.simplified()));
        reset();
    }
    return error.toApiError();
}

qint64 toInt64(const QVariant &value)
{
    return value.toLongLong();
}

} // namespace influence::server::db

// SPDX-License-Identifier: Apache-2.0
#include "Metrics.h"

#include "HttpContext.h"
#include "Request.h"
#include "Responder.h"
#include "Response.h"
#include "core/crypto/Crypto.h"
#include "core/db/DbPool.h"
#include "core/db/ReplicaPool.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;

namespace influence::server::http {

namespace {

constexpr int kClasses = 5; // 1xx … 5xx
constexpr size_t kBucketCount = Metrics::kBuckets.size();

int classIndex(int status)
{
    return qBound(1, status / 100, kClasses) - 1;
}

/// A label value: backslash, double quote and line feed escaped.
QByteArray labelValue(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 10);
}

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void gauge(QByteArray &out, const char *name, const char *help, double value,
        const char *type = "gauge")
{
    header(out, name, type, help);
    out += name;
    out += ' ';
    out += number(value);
    out += '\n';
}

qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * ::sysconf(_SC_PAGESIZE) : 0;
}

qint64 openFds()
{
    return QDir(u"/proc/self/fd"_s)
            .entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)
            .size();
}

} // namespace

struct Metrics::Series
{
    struct Class
    {
        std::atomic<quint64> count{0};
        std::atomic<quint64> sumNs{0};
        /// Non-cumulative: a request counts in the first bucket it fits; +Inf is `count`.
        std::array<std::atomic<quint64>, kBucketCount> buckets{};
    };
    std::array<Class, kClasses> classes;
};

QByteArray Metrics::gaugeText(const char *name, const char *help, double value)
{
    QByteArray out;
    gauge(out, name, help, value);
    return out;
}

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

void Metrics::enable(const Router &router)
{
    m_router = &router;
    // One more for the requests no route matched.
    m_series = std::make_unique<Series[]>(static_cast<size_t>(router.routes().size()) + 1);
}

void Metrics::addCollector(Collector collector)
{
    m_collectors.append(std::move(collector));
}

void Metrics::record(const Router::Route *route, int status, qint64 nanoseconds)
{
    if (!m_series) {
        return;
    }
    const qsizetype index =
            route ? route - m_router->routes().constData() : m_router->routes().size();
    Series::Class &c = m_series[static_cast<size_t>(index)].classes[classIndex(status)];
    c.count.fetch_add(1, std::memory_order_relaxed);
    c.sumNs.fetch_add(
            static_cast<quint64>(qMax<qint64>(0, nanoseconds)), std::memory_order_relaxed);
    const double seconds = static_cast<double>(nanoseconds) / 1e9;
    for (size_t b = 0; b < kBucketCount; ++b) {
        if (seconds <= kBuckets[b]) {
            c.buckets[b].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
}

QByteArray Metrics::renderRequests() const
{
    QByteArray counts;
    QByteArray histograms;
    const auto &routes = m_router->routes();
    for (qsizetype i = 0; i <= routes.size(); ++i) {
        const QByteArray labels = i < routes.size() ? "method=\"" + methodName(routes[i].method)
                        + "\",route=\"" + labelValue(routes[i].pathTemplate.toUtf8()) + '"'
                                                    : QByteArray(R"(method="",route="unmatched")");
        for (int k = 0; k < kClasses; ++k) {
            const Series::Class &c = m_series[static_cast<size_t>(i)].classes[k];
            const quint64 count = c.count.load(std::memory_order_relaxed);
            if (count == 0) {
                continue;
            }
            const QByteArray series = labels + ",status=\"" + QByteArray::number(k + 1) + "xx\"";
            counts += "influence_http_requests_total{" + series + "} " + QByteArray::number(count)
                    + '\n';
            quint64 cumulative = 0;
            for (size_t b = 0; b < kBucketCount; ++b) {
                cumulative += c.buckets[b].load(std::memory_order_relaxed);
                histograms += "influence_http_request_duration_seconds_bucket{" + series + ",le=\""
                        + number(kBuckets[b]) + "\"} " + QByteArray::number(cumulative) + '\n';
            }
            // Read apart from the buckets: +Inf must not be below the last bucket.
            const quint64 total = qMax(count, cumulative);
            histograms += "influence_http_request_duration_seconds_bucket{" + series
                    + ",le=\"+Inf\"} " + QByteArray::number(total) + '\n';
            histograms += "influence_http_request_duration_seconds_sum{" + series + "} "
                    + number(static_cast<double>(c.sumNs.load(std::memory_order_relaxed)) / 1e9)
                    + '\n';
            histograms += "influence_http_request_duration_seconds_count{" + series + "} "
                    + QByteArray::number(total) + '\n';
        }
    }
    QByteArray out;
    header(out, "influence_http_requests_total", "counter",
            "Answered requests per route pattern and status class.");
    out += counts;
    header(out, "influence_http_request_duration_seconds", "histogram",
            "Time from a request's arrival to its answer being written.");
    out += histograms;
    return out;
}

namespace {

/// One series per replica, labelled with its index and its URL (without the password).
template<class Value>
void perReplica(QByteArray &out, const char *name, const char *type, const char *help,
        const QList<db::ReplicaPool::Status> &replicas, Value value)
{
    header(out, name, type, help);
    for (qsizetype i = 0; i < replicas.size(); ++i) {
        out += name;
        out += "{replica=\"";
        out += QByteArray::number(i);
        out += "\",url=\"";
        out += labelValue(replicas[i].name.toUtf8());
        out += "\"} ";
        out += number(value(replicas[i]));
        out += '\n';
    }
}

void renderReplicas(QByteArray &out, const db::ReplicaPool &pool)
{
    gauge(out, "influence_db_replica_pool_size", "Read replica worker threads.", pool.threads());
    gauge(out, "influence_db_replica_pool_in_use", "Read replica workers running a task.",
            pool.busy());
    gauge(out, "influence_db_replica_pool_queue_length", "Tasks waiting for a replica worker.",
            pool.queued());
    const QList<db::ReplicaPool::Status> replicas = pool.status();
    perReplica(out, "influence_db_replica_up", "gauge", "1 when the replica answers its checks.",
            replicas, [](const db::ReplicaPool::Status &r) {
                return r.up ? 1.0 : 0.0;
            });
    perReplica(out, "influence_db_replica_usable", "gauge",
            "1 when the replica takes reads (up and within DATABASE_REPLICA_MAX_LAG_MS).", replicas,
            [](const db::ReplicaPool::Status &r) {
                return r.usable ? 1.0 : 0.0;
            });
    perReplica(out, "influence_db_replica_lag_seconds", "gauge",
            "How far the replica's replay lags behind the primary; -1 when unknown.", replicas,
            [](const db::ReplicaPool::Status &r) {
                return r.lagMs < 0 ? -1.0 : static_cast<double>(r.lagMs) / 1000.0;
            });
    perReplica(out, "influence_db_replica_tasks_total", "counter",
            "Read tasks started on the replica.", replicas, [](const db::ReplicaPool::Status &r) {
                return static_cast<double>(r.tasks);
            });
    header(out, "influence_db_replica_fallbacks_total", "counter",
            "Reads meant for a replica that ran on the primary, by reason.");
    const std::pair<const char *, db::ReplicaFallback> reasons[] = {
            {"no_replica", db::ReplicaFallback::NoReplica},
            {"wait_timed_out", db::ReplicaFallback::WaitTimedOut},
            {"replica_failed", db::ReplicaFallback::ReplicaFailed}};
    for (const auto &[label, reason] : reasons) {
        out += "influence_db_replica_fallbacks_total{reason=\"";
        out += label;
        out += "\"} ";
        out += number(static_cast<double>(pool.fallbacks(reason)));
        out += '\n';
    }
}

} // namespace

QByteArray Metrics::render(const HttpContext &context, db::Connection &c) const
{
    QByteArray out = m_series ? renderRequests() : QByteArray();
    gauge(out, "influence_http_requests_in_flight", "Requests being handled.",
            context.inFlight.load());
    gauge(out, "influence_http_connections", "Open client connections.",
            context.connections.load());
    if (const db::DbPool *pool = context.dbPool) {
        gauge(out, "influence_db_pool_size", "Database worker threads (connections).",
                pool->threads());
        gauge(out, "influence_db_pool_in_use", "Database workers running a task.", pool->busy());
        gauge(out, "influence_db_pool_queue_length", "Tasks waiting for a database worker.",
                pool->queued());
        gauge(out, "influence_db_pool_tasks_total", "Tasks started on a database worker.",
                static_cast<double>(pool->started()), "counter");
        gauge(out, "influence_db_pool_wait_seconds_total",
                "Time tasks waited for a database worker, in total.",
                static_cast<double>(pool->waitedNanoseconds()) / 1e9, "counter");
    }
    if (const db::ReplicaPool *replicas = context.dbPool ? context.dbPool->replicas() : nullptr) {
        renderReplicas(out, *replicas);
    }
    gauge(out, "process_resident_memory_bytes", "Resident memory size in bytes.",
            static_cast<double>(residentBytes()));
    gauge(out, "process_open_fds", "Open file descriptors.", static_cast<double>(openFds()));
    for (const Collector &collector : m_collectors) {
        out += collector(c);
    }
    return out;
}

void addMetricsRoute(HttpContext &context, const QByteArray &token)
{
    Q_ASSERT(!token.isEmpty());
    context.router.get(u"/metrics"_s,
            [&context, expected = QByteArray("Bearer " + token)](
                    const Request &request, const Responder &out) {
                if (!crypto::constantTimeEquals(request.header("authorization"), expected)) {
                    Response refused = Response::fromError(Error::make(
                            ErrorCode::Unauthorized, u"The metrics need their bearer token."_s));
                    out.send(std::move(refused));
                    return;
                }
                out.runOnDbPool([&context](db::Connection &c) {
                    Response response;
                    response.contentType = kMetricsContentType;
                    response.body = context.metrics.render(context, c);
                    return response;
                });
            });
}

} // namespace influence::server::http

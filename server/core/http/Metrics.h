// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Router.h"

#include <QByteArray>
#include <QList>

#include <array>
#include <atomic>
#include <functional>
#include <memory>

namespace influence::server::db {
class Connection;
class DbPool;
} // namespace influence::server::db

namespace influence::server::http {

struct HttpContext;

/// Counters for GET /metrics, in Prometheus' text exposition format 0.0.4: requests and their
/// latency per route pattern (never the raw path) and status class. Counting is lock-free: one
/// block of relaxed atomics per route, found by the route's index in the router, and histograms
/// with fixed buckets. Off (nothing counted) until enable().
class Metrics
{
public:
    /// Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> kBuckets{
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};

    /// Text added to the output on a database worker (a gauge read with cheap SQL).
    using Collector = std::function<QByteArray(db::Connection &)>;

    Metrics();
    ~Metrics();
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    /// Starts counting for the router's routes; call once after every route is added, before
    /// the HTTP threads start.
    void enable(const Router &router);
    bool enabled() const { return m_series != nullptr; }
    void addCollector(Collector collector);

    /// One gauge's HELP, TYPE and sample lines, for a collector.
    static QByteArray gaugeText(const char *name, const char *help, double value);

    /// Counts one answered request; `route` is the router's route, or null for one no route
    /// matched (404, 405, OPTIONS, refused by the guard). Thread-safe, lock-free.
    void record(const Router::Route *route, int status, qint64 nanoseconds);

    /// The whole exposition: request series, the context's gauges, the pool's, the process's,
    /// and the collectors' (run with `c`).
    QByteArray render(const HttpContext &context, db::Connection &c) const;

private:
    struct Series;
    QByteArray renderRequests() const;

    const Router *m_router = nullptr;
    std::unique_ptr<Series[]> m_series;
    QList<Collector> m_collectors;
};

/// Adds GET /metrics to the context's router, answered only with `Authorization: Bearer
/// <token>` (401 otherwise); the token must not be empty.
void addMetricsRoute(HttpContext &context, const QByteArray &token);

/// The exposition's content type.
inline constexpr char kMetricsContentType[] = "text/plain; version=0.0.4; charset=utf-8";

} // namespace influence::server::http

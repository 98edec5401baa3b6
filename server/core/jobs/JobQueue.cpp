// SPDX-License-Identifier: Apache-2.0
#include "JobQueue.h"

#include "core/db/Connection.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace influence::server::jobs {

namespace {
const db::SqlStatement kEnqueue(
        u"SELECT job_enqueue(:kind, CAST(:payload AS jsonb), :queue, CAST(:runAt AS timestamptz), "
        "CAST(:priority AS integer), CAST(:maxAttempts AS integer), CAST(:uniqueKey AS text))"_s);
// Only the rows of the partial indexes: cheap however many jobs have succeeded.
const db::SqlStatement kDepth(
        u"SELECT queue, state, count(*) FROM jobs "
        "WHERE state IN ('queued', 'running', 'dead') GROUP BY queue, state ORDER BY 1, 2"_s);
} // namespace

QByteArray metricsText(db::Connection &connection)
{
    auto query = connection.run(kDepth, {});
    if (!query) {
        return {};
    }
    QByteArray depth;
    QByteArray dead;
    while ((*query)->next()) {
        // Queue names match ^[a-z][a-z0-9_]*$ (a CHECK): safe as label values.
        const QByteArray queue = (*query)->value(0).toString().toLatin1();
        const QByteArray state = (*query)->value(1).toString().toLatin1();
        const QByteArray count = QByteArray::number((*query)->value(2).toLongLong());
        if (state == "dead") {
            dead += "influence_jobs_dead{queue=\"" + queue + "\"} " + count + '\n';
        } else {
            depth += "influence_jobs{queue=\"" + queue + "\",state=\"" + state + "\"} " + count
                    + '\n';
        }
    }
    (*query)->finish();
    return "# HELP influence_jobs Jobs queued or running per queue.\n"
           "# TYPE influence_jobs gauge\n"
            + depth
            + "# HELP influence_jobs_dead Jobs that failed for good per queue.\n"
              "# TYPE influence_jobs_dead gauge\n"
            + dead;
}

common::Result<std::optional<qint64>> enqueue(db::Connection &connection, const NewJob &job)
{
    const QVariant noText(QMetaType::fromType<QString>());
    const auto id = connection.scalar(kEnqueue,
            {{u":kind"_s, job.kind},
                    {u":payload"_s,
                            QString::fromUtf8(
                                    QJsonDocument(job.payload).toJson(QJsonDocument::Compact))},
                    {u":queue"_s, job.queue},
                    {u":runAt"_s,
                            job.runAt.isValid()
                                    ? QVariant(job.runAt.toUTC().toString(Qt::ISODateWithMs))
                                    : noText},
                    {u":priority"_s, job.priority}, {u":maxAttempts"_s, job.maxAttempts},
                    {u":uniqueKey"_s, job.uniqueKey.isEmpty() ? noText : QVariant(job.uniqueKey)}});
    if (!id) {
        return id.error();
    }
    if (id->isNull()) {
        return std::optional<qint64>();
    }
    return std::optional<qint64>(db::toInt64(*id));
}

} // namespace influence::server::jobs

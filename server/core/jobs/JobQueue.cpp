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
} // namespace

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

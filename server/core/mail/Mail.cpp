// SPDX-License-Identifier: Apache-2.0
#include "Mail.h"

#include "core/db/Connection.h"

using namespace Qt::StringLiterals;

namespace influence::server::mail {

namespace {
// Ten attempts over about three hours with the default backoff (core/jobs/JobWorker.h).
const db::SqlStatement kEnqueue(
        u"WITH queued AS (INSERT INTO mail_outbox (recipient, subject, body_text) "
        "                 VALUES (:to, :subject, :body) RETURNING id) "
        "SELECT job_enqueue('mail.send', jsonb_build_object('id', id), 'mail', now(), 0, 10) "
        "FROM queued"_s);
} // namespace

common::Result<void> enqueue(db::Connection &connection, const MailMessage &message)
{
    auto query = connection.run(kEnqueue,
            {{u":to"_s, message.to}, {u":subject"_s, message.subject.left(200)},
                    {u":body"_s, message.body}});
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

} // namespace influence::server::mail

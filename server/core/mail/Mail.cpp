// SPDX-License-Identifier: Apache-2.0
#include "Mail.h"

#include "core/db/Connection.h"

using namespace Qt::StringLiterals;

namespace influence::server::mail {

namespace {
const db::SqlStatement kEnqueue(
        u"WITH queued AS (INSERT INTO mail_outbox (recipient, subject, body_text) "
        "                 VALUES (:to, :subject, :body) RETURNING id) "
        "SELECT pg_notify('mail_outbox', id::text) FROM queued"_s);
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

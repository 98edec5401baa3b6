// SPDX-License-Identifier: Apache-2.0
#include "MailJob.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace influence::server::mail {

namespace {
const db::SqlStatement kPending(u"SELECT recipient, subject, body_text FROM mail_outbox "
                                "WHERE id = CAST(:id AS uuid) AND sent_at IS NULL "
                                "AND gave_up_at IS NULL"_s);
const db::SqlStatement kSent(u"UPDATE mail_outbox SET sent_at = now(), last_error = NULL, "
                             "  attempts = attempts + 1 WHERE id = CAST(:id AS uuid)"_s);
const db::SqlStatement kFailed(
        u"UPDATE mail_outbox SET last_error = :error, attempts = attempts + 1, "
        "  gave_up_at = CASE WHEN :last THEN now() END WHERE id = CAST(:id AS uuid)"_s);
} // namespace

jobs::Handler sendJobHandler(MailSender sender)
{
    return [sender = std::move(sender)](const jobs::Job &job) -> common::Result<void> {
        const QString id = job.payload.value(u"id"_s).toString();
        auto query = job.connection.run(kPending, {{u":id"_s, id}});
        if (!query) {
            return query.error();
        }
        if (!(*query)->next()) {
            return {}; // sent by an earlier run, or gone
        }
        const MailMessage message{(*query)->value(0).toString(), (*query)->value(1).toString(),
                (*query)->value(2).toString()};
        (*query)->finish();
        auto sent = sender(message);
        if (sent) {
            const auto marked = job.connection.run(kSent, {{u":id"_s, id}});
            if (!marked) {
                return marked.error();
            }
            (*marked)->finish();
            return {};
        }
        const auto marked = job.connection.run(kFailed,
                {{u":error"_s, sent.error().detail.left(1000)}, {u":last"_s, job.isLastAttempt()},
                        {u":id"_s, id}});
        if (marked) {
            (*marked)->finish();
        }
        return sent;
    };
}

} // namespace influence::server::mail

// SPDX-License-Identifier: Apache-2.0
#include "Housekeeping.h"

using namespace Qt::StringLiterals;

namespace influence::server::jobs {

namespace {
const QStringList kHousekeeping{
        u"DELETE FROM auth_oidc_states WHERE expires_at < now()"_s,
        u"DELETE FROM auth_rate_limits WHERE window_start < now() - interval '1 hour'"_s,
        u"DELETE FROM auth_login_failures WHERE last_failure_at < now() - interval '1 day' "
        "AND (locked_until IS NULL OR locked_until < now())"_s,
        u"DELETE FROM auth_email_tokens WHERE expires_at < now() - interval '7 days'"_s,
        u"DELETE FROM auth_sessions WHERE expires_at < now() - interval '30 days' "
        "OR revoked_at < now() - interval '30 days'"_s,
        u"DELETE FROM mail_outbox WHERE sent_at < now() - interval '30 days' "
        "OR gave_up_at < now() - interval '30 days'"_s,
        // Idempotency-Key answers are promised for 24 hours (core/http/Idempotency.h).
        u"DELETE FROM idempotency_keys WHERE created_at < now() - interval '25 hours'"_s,
        // Stripe retries an event for up to 3 days; its id is remembered for longer.
        u"DELETE FROM provider_events WHERE received_at < now() - interval '30 days'"_s,
        u"SELECT job_prune(interval '1 day', interval '30 days')"_s,
};
} // namespace

common::Result<void> houseKeep(const Job &job)
{
    for (const QString &sql : kHousekeeping) {
        if (auto done = job.connection.execDirect(sql); !done) {
            return done;
        }
    }
    return {};
}

} // namespace influence::server::jobs

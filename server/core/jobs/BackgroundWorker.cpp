// SPDX-License-Identifier: Apache-2.0
#include "BackgroundWorker.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJobs, "influence.jobs")

namespace influence::server::jobs {

namespace {

constexpr int kMaxAttempts = 10;

// Claims due messages by pushing their next attempt into the future (a lease), so that the
// sending happens outside any transaction and other workers skip them meanwhile.
const db::SqlStatement kClaimMail(
        u"UPDATE mail_outbox SET next_attempt_at = now() + interval '5 minutes', "
        "                        attempts = attempts + 1 "
        "WHERE id IN (SELECT id FROM mail_outbox "
        "             WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= now() "
        "             ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED) "
        "RETURNING id, recipient, subject, body_text, attempts"_s);
const db::SqlStatement kMailSent(
        u"UPDATE mail_outbox SET sent_at = now(), last_error = NULL WHERE id = :id"_s);
// Retry after 1, 2, 4 … minutes; give up after kMaxAttempts.
const db::SqlStatement kMailFailed(u"UPDATE mail_outbox SET last_error = :error, "
                                   "  next_attempt_at = now() + make_interval(mins => power(2, "
                                   "least(attempts - 1, 10))::int), "
                                   "  gave_up_at = CASE WHEN attempts >= :max THEN now() END "
                                   "WHERE id = :id"_s);

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
};

} // namespace

BackgroundWorker::BackgroundWorker(
        std::shared_ptr<const db::ConnectionSettings> settings, MailSender sender)
    : m_settings(std::move(settings))
    , m_sender(std::move(sender))
{
    m_thread.setObjectName(u"background"_s);
}

BackgroundWorker::~BackgroundWorker()
{
    stop();
}

void BackgroundWorker::start()
{
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(this, &BackgroundWorker::run, Qt::QueuedConnection);
}

void BackgroundWorker::stop()
{
    if (!m_thread.isRunning()) {
        return;
    }
    QMetaObject::invokeMethod(
            this,
            [this] {
                delete m_poll;
                delete m_housekeeping;
                m_poll = nullptr;
                m_housekeeping = nullptr;
                m_connection.reset(); // closed in the thread that opened it
                moveToThread(QCoreApplication::instance() ? QCoreApplication::instance()->thread()
                                                          : nullptr);
            },
            Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundWorker::wake()
{
    QMetaObject::invokeMethod(this, &BackgroundWorker::sendDueMail, Qt::QueuedConnection);
}

void BackgroundWorker::run()
{
    // Connection names are process-wide; several servers may run in one process (tests).
    static std::atomic<int> counter{0};
    m_connection = std::make_unique<db::Connection>(
            m_settings, u"influence-background-%1"_s.arg(counter.fetch_add(1)));
    m_poll = new QTimer(this);
    m_poll->setInterval(30'000);
    connect(m_poll, &QTimer::timeout, this, &BackgroundWorker::sendDueMail);
    m_poll->start();
    m_housekeeping = new QTimer(this);
    m_housekeeping->setInterval(10 * 60'000);
    connect(m_housekeeping, &QTimer::timeout, this, &BackgroundWorker::houseKeep);
    m_housekeeping->start();
    sendDueMail();
}

void BackgroundWorker::subscribe()
{
    // LISTEN needs the connection open; a reconnect (QPSQL opens a new session after the server
    // restarted) loses the subscription, so it is made again.
    QSqlDatabase db = QSqlDatabase::database(m_connection->name(), false);
    if (!db.isOpen() || db.driver()->subscribedToNotifications().contains(u"mail_outbox"_s)) {
        return;
    }
    if (db.driver()->subscribeToNotification(u"mail_outbox"_s)) {
        connect(db.driver(), &QSqlDriver::notification, this, &BackgroundWorker::sendDueMail,
                Qt::UniqueConnection);
    }
}

void BackgroundWorker::sendDueMail()
{
    if (!m_connection || !m_connection->ensureOpen()) {
        return;
    }
    subscribe();
    for (;;) {
        auto query = m_connection->run(kClaimMail);
        if (!query) {
            return;
        }
        struct Claimed
        {
            QString id;
            mail::MailMessage message;
            int attempts = 0;
        };
        QList<Claimed> batch;
        while ((*query)->next()) {
            batch.append({(*query)->value(0).toString(),
                    {(*query)->value(1).toString(), (*query)->value(2).toString(),
                            (*query)->value(3).toString()},
                    (*query)->value(4).toInt()});
        }
        (*query)->finish();
        if (batch.isEmpty()) {
            return;
        }
        for (const Claimed &claimed : batch) {
            const auto sent = m_sender(claimed.message);
            if (sent) {
                (void)m_connection->run(kMailSent, {{u":id"_s, claimed.id}});
            } else {
                qCWarning(lcJobs, "mail %s (attempt %d) not sent: %s", qPrintable(claimed.id),
                        claimed.attempts, qPrintable(sent.error().detail));
                (void)m_connection->run(kMailFailed,
                        {{u":error"_s, sent.error().detail.left(1000)}, {u":id"_s, claimed.id},
                                {u":max"_s, kMaxAttempts}});
            }
        }
    }
}

void BackgroundWorker::houseKeep()
{
    if (!m_connection || !m_connection->ensureOpen()) {
        return;
    }
    for (const QString &sql : kHousekeeping) {
        (void)m_connection->execDirect(sql);
    }
}

} // namespace influence::server::jobs

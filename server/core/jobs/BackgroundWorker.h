// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/Connection.h"
#include "core/mail/Mail.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

namespace influence::server::jobs {

/// Delivers one message; an error means "try again later".
using MailSender = std::function<common::Result<void>(const mail::MailMessage &)>;

/// Work that runs beside the request handling, on a thread of its own with its own database
/// connection: sending the mail outbox (woken by NOTIFY mail_outbox, with a poll as a safety
/// net), and housekeeping (expired sessions, tokens, login states and counters). Several server
/// processes may run it at once: rows are claimed with FOR UPDATE SKIP LOCKED.
class BackgroundWorker : public QObject
{
    Q_OBJECT

public:
    BackgroundWorker(std::shared_ptr<const db::ConnectionSettings> settings, MailSender sender);
    ~BackgroundWorker() override;

    /// Starts the thread.
    void start();
    /// Stops it, finishing the message being sent.
    void stop();

    /// Processes due mail now (tests and start-up); runs in the worker's thread.
    void wake();

private:
    void run();
    void sendDueMail();
    void houseKeep();
    void subscribe();

    std::shared_ptr<const db::ConnectionSettings> m_settings;
    MailSender m_sender;
    QThread m_thread;
    std::unique_ptr<db::Connection> m_connection;
    QTimer *m_poll = nullptr;
    QTimer *m_housekeeping = nullptr;
    bool m_subscribed = false;
};

} // namespace influence::server::jobs

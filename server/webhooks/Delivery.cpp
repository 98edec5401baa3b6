// SPDX-License-Identifier: Apache-2.0
#include "Delivery.h"

#include "CurlPost.h"
#include "Targets.h"
#include "core/crypto/Crypto.h"
#include "core/db/JsonRows.h"
#include "core/net/HttpFetcher.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

Q_LOGGING_CATEGORY(lcWebhooks, "influence.webhooks")

namespace influence::server::webhooks {

namespace {

// The previous secret only while it still signs.
const SqlStatement kLoad(
        u"SELECT d.status, d.payload::text, e.id, e.url, e.enabled, e.secret_key_id, "
        "e.secret_blob, CASE WHEN e.previous_expires_at > now() THEN e.previous_key_id END, "
        "CASE WHEN e.previous_expires_at > now() THEN e.previous_blob END "
        "FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id "
        "WHERE d.id = :id"_s);
const SqlStatement kSucceeded(u"SELECT webhook_attempt_succeeded(:id, :code)"_s);
const SqlStatement kFailed(
        u"SELECT webhook_attempt_failed(:id, :code, :error, CAST(:retry AS integer[]), :max, "
        "make_interval(hours => :hours))"_s);
const SqlStatement kEndpointDisabled(
        u"UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, "
        "last_error = 'the endpoint is disabled' WHERE id = :id AND status = 'pending'"_s);

struct Loaded
{
    QString status;
    QByteArray body;
    QUuid endpoint;
    QString url;
    bool enabled = false;
    QList<crypto::TokenCipher::Sealed> secrets; ///< current first
};

Result<std::optional<Loaded>> load(Connection &c, const QString &id)
{
    auto row = c.run(kLoad, {{u":id"_s, id}});
    if (!row) {
        return row.error();
    }
    QSqlQuery &q = **row;
    if (!q.next()) {
        return std::optional<Loaded>();
    }
    Loaded loaded{q.value(0).toString(), q.value(1).toString().toUtf8(), q.value(2).toUuid(),
            q.value(3).toString(), q.value(4).toBool(),
            {{q.value(5).toString(), q.value(6).toByteArray()}}};
    if (!q.value(8).isNull()) {
        loaded.secrets.append({q.value(7).toString(), q.value(8).toByteArray()});
    }
    q.finish();
    return std::optional(std::move(loaded));
}

QString retryLiteral(const QList<int> &seconds)
{
    QStringList parts;
    for (const int s : seconds) {
        parts.append(QString::number(s));
    }
    return u"{"_s + parts.join(u',') + u"}"_s;
}

} // namespace

QByteArray signature(QByteArrayView key, QByteArrayView id, qint64 timestamp, QByteArrayView body)
{
    QByteArray content;
    content.reserve(id.size() + body.size() + 24);
    content.append(id).append('.').append(QByteArray::number(timestamp)).append('.').append(body);
    return "v1," + crypto::hmacSha256(key, content).toBase64();
}

namespace {

/// The `webhook-signature` value: one entry per secret that signs now (current first).
QByteArray signaturesFor(
        const Context &context, const Loaded &delivery, const QString &id, qint64 timestamp)
{
    QByteArrayList signatures;
    for (const auto &sealed : delivery.secrets) {
        if (const auto key =
                        context.cipher->open(sealed, secretAssociatedData(delivery.endpoint))) {
            signatures.append(signature(*key, id.toLatin1(), timestamp, delivery.body));
        }
    }
    return signatures.join(' ');
}

/// One attempt: the target resolved and checked again (the address behind a name may have
/// moved), then sent to a checked address.
Outcome attempt(const Context &context, const Loaded &delivery, const QString &id)
{
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    const QByteArray signatures = signaturesFor(context, delivery, id, timestamp);
    if (signatures.isEmpty()) {
        return {0, u"the endpoint's secret cannot be decrypted (encryption keys?)"_s};
    }
    // Resolved once: the connection goes only to the addresses checked here (DNS rebinding).
    const QUrl url(delivery.url);
    const auto addresses = resolveTarget(url, context.settings.allowLocalTargets);
    if (!addresses) {
        return {0, addresses.error().detail};
    }
    return postPinned(url, *addresses,
            {{"webhook-id", id.toLatin1()}, {"webhook-timestamp", QByteArray::number(timestamp)},
                    {"webhook-signature", signatures}},
            delivery.body, context.settings.timeout, context.settings.caFile);
}

Result<void> record(Connection &c, const Context &context, const QString &id,
        const Loaded &delivery, const Outcome &outcome)
{
    if (outcome.error.isEmpty()) {
        if (auto recorded = c.scalar(kSucceeded, {{u":id"_s, id}, {u":code"_s, outcome.status}});
                !recorded) {
            return recorded.error();
        }
        return {};
    }
    const auto recorded = c.scalar(kFailed,
            {{u":id"_s, id},
                    {u":code"_s,
                            outcome.status ? QVariant(outcome.status)
                                           : QVariant(QMetaType::fromType<int>())},
                    {u":error"_s, outcome.error},
                    {u":retry"_s, retryLiteral(context.settings.retrySeconds)},
                    {u":max"_s, context.settings.disableAfterFailures},
                    {u":hours"_s, static_cast<int>(context.settings.disableAfter.count())}});
    if (!recorded) {
        return recorded.error();
    }
    qCInfo(lcWebhooks, "delivery %s to %s failed (%s): %s", qPrintable(id),
            qPrintable(net::withoutQuery(QUrl(delivery.url))), qPrintable(outcome.error),
            qPrintable(recorded->toString()));
    return {};
}

} // namespace

jobs::Handler deliverJobHandler(ContextPtr context)
{
    return [context = std::move(context)](const jobs::Job &job) -> Result<void> {
        Connection &c = job.connection;
        const QString id = job.payload.value(u"delivery"_s).toString();
        const auto loaded = load(c, id);
        if (!loaded) {
            return loaded.error();
        }
        if (!*loaded || (*loaded)->status != u"pending"_s) {
            return {}; // deleted, delivered or given up meanwhile
        }
        if (!(*loaded)->enabled) {
            if (auto skipped = db::affected(c, kEndpointDisabled, {{u":id"_s, id}}); !skipped) {
                return skipped.error();
            }
            return {};
        }
        return record(c, *context, id, **loaded, attempt(*context, **loaded, id));
    };
}

} // namespace influence::server::webhooks

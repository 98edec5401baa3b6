// SPDX-License-Identifier: Apache-2.0
#include "Webhooks.h"

#include "Targets.h"
#include "brands/BrandOwned.h"
#include "campaigns/Campaigns.h"
#include "core/crypto/Crypto.h"
#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::webhooks {

namespace {

const SqlStatement kRead(
        u"SELECT api_webhook_json(e)::text FROM webhook_endpoints e WHERE e.id = :id"_s);
const SqlStatement kInsert(
        u"INSERT INTO webhook_endpoints AS e (id, brand_id, url, description, events, "
        "secret_key_id, secret_blob, created_by) "
        "VALUES (:id, :brand, :url, coalesce(:description, ''), "
        "CAST(coalesce(:events, '{}') AS text[]), :keyId, :blob, :user) "
        "RETURNING api_webhook_json(e)::text"_s);
const SqlStatement kUpdate(
        u"UPDATE webhook_endpoints AS e SET url = coalesce(:url, e.url), "
        "description = coalesce(:description, e.description), "
        "events = coalesce(CAST(:events AS text[]), e.events), "
        "enabled = coalesce(:enabled, e.enabled), "
        "disabled_reason = CASE WHEN coalesce(:enabled2, e.enabled) THEN NULL "
        "  WHEN e.enabled THEN 'disabled by staff' ELSE e.disabled_reason END, "
        "consecutive_failures = CASE WHEN :enabled3 AND NOT e.enabled THEN 0 "
        "  ELSE e.consecutive_failures END, "
        "failing_since = CASE WHEN :enabled4 AND NOT e.enabled THEN NULL ELSE e.failing_since END, "
        "updated_at = now() WHERE e.id = :id RETURNING api_webhook_json(e)::text"_s);
const SqlStatement kDelete(u"DELETE FROM webhook_endpoints WHERE id = :id"_s);
const SqlStatement kRotate(
        u"UPDATE webhook_endpoints AS e SET previous_key_id = e.secret_key_id, "
        "previous_blob = e.secret_blob, "
        "previous_expires_at = now() + make_interval(secs => :overlap), "
        "secret_key_id = :keyId, secret_blob = :blob, secret_rotated_at = now(), "
        "updated_at = now() WHERE e.id = :id RETURNING api_webhook_json(e)::text"_s);
const SqlStatement kReplay(
        u"WITH again AS (UPDATE webhook_deliveries AS d SET status = 'pending', attempts = 0, "
        "  next_attempt_at = now(), last_error = NULL, delivered_at = NULL "
        "  WHERE d.id = :delivery AND d.endpoint_id = :id "
        "  RETURNING d.id, api_webhook_delivery_json(d)::text AS json) "
        "SELECT again.json, "
        "  job_enqueue('webhooks.deliver', jsonb_build_object('delivery', again.id), 'webhooks') "
        "FROM again"_s);
// The delivery is read by a statement of its own: the one that inserts it cannot see it.
const SqlStatement kTest(u"SELECT webhook_enqueue(:id, 'webhook.test', jsonb_build_object("
                         "'type', 'webhook.test', 'timestamp', api_time(now()), "
                         "'data', jsonb_build_object('endpointId', CAST(:id2 AS uuid))))"_s);
const SqlStatement kDelivery(
        u"SELECT api_webhook_delivery_json(d)::text FROM webhook_deliveries d WHERE d.id = :id"_s);

using brands::Intent;

const brands::BrandOwned kOwned(u"webhook_endpoints"_s,
        {u"No such webhook endpoint."_s, u"Webhooks are the brand's side's."_s,
                u"Only the brand's staff change its webhooks."_s});

Result<QUuid> access(Connection &c, const Principal &p, const QUuid &id, Intent intent)
{
    return kOwned.access(c, p, id, intent);
}

QVariant nullableText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullableBool(const std::optional<bool> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<bool>());
}

/// A text[] literal of event types (checked by isEventType: no quotes or commas to escape).
QVariant eventsLiteral(const std::optional<QStringList> &events)
{
    if (!events) {
        return QVariant(QMetaType::fromType<QString>());
    }
    return QString(u"{"_s + events->join(u',') + u"}"_s);
}

struct NewSecret
{
    QString text; ///< whsec_…, shown once
    crypto::TokenCipher::Sealed sealed;
};

NewSecret newSecret(const Context &context, const QUuid &id)
{
    const QByteArray raw = crypto::randomBytes(24);
    return {u"whsec_"_s + QString::fromLatin1(raw.toBase64()),
            context.cipher->seal(raw, secretAssociatedData(id))};
}

/// The endpoint's JSON with its new secret.
Result<QByteArray> withSecret(const QByteArray &json, const QString &secret)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    object.insert(u"secret"_s, secret);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray secretAssociatedData(const QUuid &endpoint)
{
    return "webhook:" + endpoint.toByteArray(QUuid::WithoutBraces);
}

bool isEventType(const QString &type)
{
    static const QRegularExpression pattern(
            u"^(deal\\.[a-z]+(_[a-z]+)*|webhook\\.test|rule\\.fired)$"_s);
    return type.size() <= 80 && pattern.match(type).hasMatch();
}

Result<QByteArray> list(
        Connection &c, const Principal &p, const std::optional<QUuid> &brand, const db::Page &page)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    const QVariant brandValue = brand ? QVariant(brand->toString(QUuid::WithoutBraces))
                                      : QVariant(QMetaType::fromType<QString>());
    return db::runPage(c,
            u"SELECT api_webhook_json(e)::text, e.seq FROM webhook_endpoints e "
            "WHERE (CAST(:admin AS boolean) OR acts_for_brand(:user, e.brand_id)) "
            "AND (CAST(:brand AS uuid) IS NULL OR e.brand_id = CAST(:brand2 AS uuid)) "
            "AND e.seq < :after ORDER BY e.seq DESC LIMIT :limit"_s,
            {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":brand"_s, brandValue},
                    {u":brand2"_s, brandValue}},
            page);
}

Result<QByteArray> create(Connection &c, const Principal &p, const Context &context,
        const EndpointInput &input, const std::optional<QUuid> &brand)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    if (auto checked = checkTarget(QUrl(*input.url), context.settings.allowLocalTargets);
            !checked) {
        return checked.error();
    }
    const QUuid id = QUuid::createUuid();
    const NewSecret secret = newSecret(context, id);
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto owner = campaigns::brandFor(tx, p, brand);
        if (!owner) {
            return owner.error();
        }
        const auto created = db::json(tx, kInsert,
                {{u":id"_s, id}, {u":brand"_s, *owner}, {u":url"_s, *input.url},
                        {u":description"_s, nullableText(input.description)},
                        {u":events"_s, eventsLiteral(input.events)},
                        {u":keyId"_s, secret.sealed.keyId}, {u":blob"_s, secret.sealed.blob},
                        {u":user"_s, p.userId()}});
        if (!created) {
            return created.error();
        }
        return withSecret(*created, secret.text);
    });
}

Result<QByteArray> read(Connection &c, const Principal &p, const QUuid &id)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    return db::json(c, kRead, {{u":id"_s, id}});
}

Result<QByteArray> update(Connection &c, const Principal &p, const Context &context,
        const QUuid &id, const EndpointInput &input)
{
    if (input.url) {
        if (auto checked = checkTarget(QUrl(*input.url), context.settings.allowLocalTargets);
                !checked) {
            return checked.error();
        }
    }
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        const QVariant enabled = nullableBool(input.enabled);
        return db::json(tx, kUpdate,
                {{u":url"_s, nullableText(input.url)},
                        {u":description"_s, nullableText(input.description)},
                        {u":events"_s, eventsLiteral(input.events)}, {u":enabled"_s, enabled},
                        {u":enabled2"_s, enabled}, {u":enabled3"_s, enabled},
                        {u":enabled4"_s, enabled}, {u":id"_s, id}});
    });
}

Result<void> remove(Connection &c, const Principal &p, const QUuid &id)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        if (auto done = db::affected(tx, kDelete, {{u":id"_s, id}}); !done) {
            return done.error();
        }
        return {};
    });
}

Result<QByteArray> rotateSecret(
        Connection &c, const Principal &p, const Context &context, const QUuid &id)
{
    const NewSecret secret = newSecret(context, id);
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        const auto rotated = db::json(tx, kRotate,
                {{u":overlap"_s, static_cast<double>(context.settings.secretOverlap.count())},
                        {u":keyId"_s, secret.sealed.keyId}, {u":blob"_s, secret.sealed.blob},
                        {u":id"_s, id}});
        if (!rotated) {
            return rotated.error();
        }
        return withSecret(*rotated, secret.text);
    });
}

Result<QByteArray> deliveries(
        Connection &c, const Principal &p, const QUuid &id, const db::Page &page)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    return db::runPage(c,
            u"SELECT api_webhook_delivery_json(d)::text, d.seq FROM webhook_deliveries d "
            "WHERE d.endpoint_id = :id AND d.seq < :after ORDER BY d.seq DESC LIMIT :limit"_s,
            {{u":id"_s, id}}, page);
}

Result<QByteArray> replay(
        Connection &c, const Principal &p, const QUuid &id, const QString &deliveryId)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        auto replayed =
                db::optionalJson(tx, kReplay, {{u":delivery"_s, deliveryId}, {u":id"_s, id}});
        if (!replayed) {
            return replayed.error();
        }
        if (!*replayed) {
            return Error::notFound(u"No such delivery of this endpoint."_s);
        }
        return std::move(**replayed);
    });
}

Result<QByteArray> sendTest(Connection &c, const Principal &p, const QUuid &id)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        const auto sent = tx.scalar(kTest, {{u":id"_s, id}, {u":id2"_s, id}});
        if (!sent) {
            return sent.error();
        }
        return db::json(tx, kDelivery, {{u":id"_s, sent->toString()}});
    });
}

} // namespace influence::server::webhooks

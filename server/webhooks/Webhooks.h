// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WebhookSettings.h"
#include "common/Result.h"
#include "core/crypto/TokenCipher.h"
#include "core/db/Pages.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <optional>

/// Webhooks: a brand's endpoints, their secrets, their delivery log (0020_webhooks.sql). The
/// brand's staff (acts_for_brand) manage them; administrators read them; another brand's endpoint
/// is 404, creators get 403. Endpoints answer api_webhook_json (with "secret" once, on create and
/// rotation), deliveries api_webhook_delivery_json.
namespace influence::server::webhooks {

constexpr qsizetype kMaxDescription = 500;
constexpr int kMaxEvents = 50;

/// What the routes and the delivery job share: the settings and the cipher that seals secrets.
struct Context
{
    WebhookSettings settings;
    std::shared_ptr<const crypto::TokenCipher> cipher;
};
using ContextPtr = std::shared_ptr<const Context>;

struct EndpointInput
{
    std::optional<QString> url; ///< required to create; checked (parseTargetUrl) already
    std::optional<QString> description;
    std::optional<QStringList> events; ///< empty: all
    std::optional<bool> enabled;
};

/// Whether `type` is an event type endpoints may filter on (deal.<kind> of the deal timeline,
/// webhook.test).
bool isEventType(const QString &type);
/// What binds a sealed secret to its endpoint (TokenCipher associated data).
QByteArray secretAssociatedData(const QUuid &endpoint);

common::Result<QByteArray> list(db::Connection &c, const http::Principal &p,
        const std::optional<QUuid> &brand, const db::Page &page);
/// `brand` names the brand when the caller acts for several. The target is resolved and refused
/// when not public (unless allowed).
common::Result<QByteArray> create(db::Connection &c, const http::Principal &p,
        const Context &context, const EndpointInput &input, const std::optional<QUuid> &brand);
common::Result<QByteArray> read(db::Connection &c, const http::Principal &p, const QUuid &id);
/// Enabling again forgets the failures that disabled it.
common::Result<QByteArray> update(db::Connection &c, const http::Principal &p,
        const Context &context, const QUuid &id, const EndpointInput &input);
common::Result<void> remove(db::Connection &c, const http::Principal &p, const QUuid &id);
/// A new secret (answered once); the previous one signs too for settings.secretOverlap.
common::Result<QByteArray> rotateSecret(
        db::Connection &c, const http::Principal &p, const Context &context, const QUuid &id);

/// The endpoint's deliveries, newest first.
common::Result<QByteArray> deliveries(
        db::Connection &c, const http::Principal &p, const QUuid &id, const db::Page &page);
/// Sends the delivery again (same webhook-id), from a fresh schedule.
common::Result<QByteArray> replay(
        db::Connection &c, const http::Principal &p, const QUuid &id, const QString &deliveryId);
/// A webhook.test delivery to this endpoint alone, whatever its filter.
common::Result<QByteArray> sendTest(db::Connection &c, const http::Principal &p, const QUuid &id);

} // namespace influence::server::webhooks

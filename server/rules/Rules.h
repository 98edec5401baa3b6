// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "RuleDefinition.h"
#include "core/db/Pages.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

/// Automation rules of a brand (0022_rules.sql): CRUD, templates, firing history and the dry
/// run. The brand's owner and staff (acts_for_brand) manage them, administrators read them,
/// another brand's rule is 404 and creators get 403. Rules answer api_rule_json, firings
/// api_rule_firing_json.
namespace influence::server::rules {

/// What the routes and the firing job share.
struct Context
{
    /// Starts {{deal.url}} and the links in staff notifications.
    QString appUrl;
};
using ContextPtr = std::shared_ptr<const Context>;

common::Result<QByteArray> list(db::Connection &c, const http::Principal &p,
        const std::optional<QUuid> &brand, const db::Page &page);
/// `brand` names the brand when the caller acts for several.
common::Result<QByteArray> create(db::Connection &c, const http::Principal &p,
        const RuleDefinition &rule, const std::optional<QUuid> &brand);
common::Result<QByteArray> read(db::Connection &c, const http::Principal &p, const QUuid &id);
/// The PATCH body's members over the stored rule, checked as a whole.
common::Result<QByteArray> update(
        db::Connection &c, const http::Principal &p, const QUuid &id, const QJsonObject &patch);
common::Result<void> remove(db::Connection &c, const http::Principal &p, const QUuid &id);

/// The rule's firings, newest first.
common::Result<QByteArray> firings(
        db::Connection &c, const http::Principal &p, const QUuid &id, const db::Page &page);

/// What `rule` would have done over the last 30 days for the brand (named or the caller's only
/// one). Reads only.
common::Result<QByteArray> dryRun(db::Connection &c, const http::Principal &p,
        const Context &context, const RuleDefinition &rule, const std::optional<QUuid> &brand);
/// The same for a saved rule.
common::Result<QByteArray> dryRunSaved(
        db::Connection &c, const http::Principal &p, const Context &context, const QUuid &id);

/// {"items": [{code, name, description, rule}]}.
common::Result<QByteArray> templates(const http::Principal &p);

} // namespace influence::server::rules

// SPDX-License-Identifier: Apache-2.0
#include "Rules.h"

#include "RuleTemplates.h"
#include "brands/BrandOwned.h"
#include "campaigns/Campaigns.h"
#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::rules {

namespace {

const SqlStatement kRead(u"SELECT api_rule_json(r)::text FROM rules r WHERE r.id = :id"_s);
const SqlStatement kInsert(
        u"INSERT INTO rules AS r (brand_id, name, template, trigger_type, trigger_params, "
        "delay_minutes, conditions, actions, enabled, created_by) "
        "VALUES (:brand, :name, :template, :triggerType, CAST(:params AS jsonb), :delay, "
        "CAST(:conditions AS jsonb), CAST(:actions AS jsonb), :enabled, :user) "
        "RETURNING api_rule_json(r)::text"_s);
const SqlStatement kUpdate(
        u"UPDATE rules AS r SET name = :name, template = :template, trigger_type = :triggerType, "
        "trigger_params = CAST(:params AS jsonb), delay_minutes = :delay, "
        "conditions = CAST(:conditions AS jsonb), actions = CAST(:actions AS jsonb), "
        "enabled = :enabled WHERE r.id = :id RETURNING api_rule_json(r)::text"_s);
const SqlStatement kDelete(u"DELETE FROM rules WHERE id = :id"_s);
const SqlStatement kActsFor(u"SELECT acts_for_brand(:user, :brand)"_s);
const SqlStatement kShortlistOfBrand(
        u"SELECT EXISTS (SELECT 1 FROM shortlists WHERE id = :id AND brand_id = :brand)"_s);
const SqlStatement kDryRun(
        u"SELECT api_rule_dry_run_json(:brand, CAST(:rule AS uuid), :triggerType, "
        "CAST(:params AS jsonb), CAST(:conditions AS jsonb), CAST(:actions AS jsonb), "
        ":appUrl)::text"_s);
const SqlStatement kStored(u"SELECT brand_id, trigger_type, trigger_params::text, "
                           "conditions::text, actions::text FROM rules WHERE id = :id"_s);

using brands::Intent;

const brands::BrandOwned kOwned(u"rules"_s,
        {u"No such rule."_s, u"Rules are the brand's side's."_s,
                u"Only the brand's staff change its rules."_s});

QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString text(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariant nullableText(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

Result<QUuid> access(Connection &c, const Principal &p, const QUuid &id, Intent intent)
{
    return kOwned.access(c, p, id, intent);
}

/// The shortlists of shortlist.add actions must be the brand's (422 at their field otherwise).
Result<void> checkShortlists(Connection &c, const RuleDefinition &rule, const QUuid &brand)
{
    QList<common::FieldError> errors;
    for (const auto &[path, id] : shortlistsOf(rule)) {
        const auto found = c.scalar(kShortlistOfBrand, {{u":id"_s, id}, {u":brand"_s, brand}});
        if (!found) {
            return found.error();
        }
        if (!found->toBool()) {
            errors.append({path, u"not_found"_s, u"No shortlist of this brand with this id."_s});
        }
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return {};
}

Result<QByteArray> runDryRun(Connection &c, const Context &context, const QUuid &brand,
        const std::optional<QUuid> &rule, const QString &triggerType, const QString &params,
        const QString &conditions, const QString &actions)
{
    return db::json(c, kDryRun,
            {{u":brand"_s, brand},
                    {u":rule"_s,
                            rule ? QVariant(rule->toString(QUuid::WithoutBraces))
                                 : QVariant(QMetaType::fromType<QString>())},
                    {u":triggerType"_s, triggerType}, {u":params"_s, params},
                    {u":conditions"_s, conditions}, {u":actions"_s, actions},
                    {u":appUrl"_s, context.appUrl}});
}

} // namespace

Result<QByteArray> list(
        Connection &c, const Principal &p, const std::optional<QUuid> &brand, const db::Page &page)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    std::optional<QUuid> scope = brand;
    if (!scope && !p.isAdmin()) {
        const auto only = campaigns::brandFor(c, p, std::nullopt);
        if (!only) {
            return only.error();
        }
        scope = *only;
    }
    const QVariant brandValue = scope ? QVariant(scope->toString(QUuid::WithoutBraces))
                                      : QVariant(QMetaType::fromType<QString>());
    return db::runPage(c,
            u"SELECT api_rule_json(r)::text, r.seq FROM rules r "
            "WHERE (CAST(:admin AS boolean) OR acts_for_brand(:user, r.brand_id)) "
            "AND (CAST(:brand AS uuid) IS NULL OR r.brand_id = CAST(:brand2 AS uuid)) "
            "AND r.seq < :after ORDER BY r.seq DESC LIMIT :limit"_s,
            {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":brand"_s, brandValue},
                    {u":brand2"_s, brandValue}},
            page);
}

Result<QByteArray> create(Connection &c, const Principal &p, const RuleDefinition &rule,
        const std::optional<QUuid> &brand)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto owner = campaigns::brandFor(tx, p, brand);
        if (!owner) {
            return owner.error();
        }
        // Administrators read rules; only the brand's people write them.
        const auto actsFor = tx.scalar(kActsFor, {{u":user"_s, p.userId()}, {u":brand"_s, *owner}});
        if (!actsFor) {
            return actsFor.error();
        }
        if (!actsFor->toBool()) {
            return Error::make(ErrorCode::Forbidden, u"Only the brand's staff create its rules."_s);
        }
        if (auto checked = checkShortlists(tx, rule, *owner); !checked) {
            return checked.error();
        }
        return db::json(tx, kInsert,
                {{u":brand"_s, *owner}, {u":name"_s, rule.name},
                        {u":template"_s, nullableText(rule.templateCode)},
                        {u":triggerType"_s, rule.triggerType},
                        {u":params"_s, text(rule.triggerParams)}, {u":delay"_s, rule.delayMinutes},
                        {u":conditions"_s, text(rule.conditions)},
                        {u":actions"_s, text(rule.actions)}, {u":enabled"_s, rule.enabled},
                        {u":user"_s, p.userId()}});
    });
}

Result<QByteArray> read(Connection &c, const Principal &p, const QUuid &id)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    return db::json(c, kRead, {{u":id"_s, id}});
}

Result<QByteArray> update(
        Connection &c, const Principal &p, const QUuid &id, const QJsonObject &patch)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto brand = access(tx, p, id, Intent::Write);
        if (!brand) {
            return brand.error();
        }
        const auto stored = db::json(tx, kRead, {{u":id"_s, id}});
        if (!stored) {
            return stored.error();
        }
        const auto rule = parseRuleDefinition(
                mergedForUpdate(QJsonDocument::fromJson(*stored).object(), patch));
        if (!rule) {
            return rule.error();
        }
        if (auto checked = checkShortlists(tx, *rule, *brand); !checked) {
            return checked.error();
        }
        return db::json(tx, kUpdate,
                {{u":name"_s, rule->name}, {u":template"_s, nullableText(rule->templateCode)},
                        {u":triggerType"_s, rule->triggerType},
                        {u":params"_s, text(rule->triggerParams)},
                        {u":delay"_s, rule->delayMinutes},
                        {u":conditions"_s, text(rule->conditions)},
                        {u":actions"_s, text(rule->actions)}, {u":enabled"_s, rule->enabled},
                        {u":id"_s, id}});
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

Result<QByteArray> firings(Connection &c, const Principal &p, const QUuid &id, const db::Page &page)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    return db::runPage(c,
            u"SELECT api_rule_firing_json(f)::text, f.seq FROM rule_firings f "
            "WHERE f.rule_id = :id AND f.seq < :after ORDER BY f.seq DESC LIMIT :limit"_s,
            {{u":id"_s, id}}, page);
}

Result<QByteArray> dryRun(Connection &c, const Principal &p, const Context &context,
        const RuleDefinition &rule, const std::optional<QUuid> &brand)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    const auto owner = campaigns::brandFor(c, p, brand);
    if (!owner) {
        return owner.error();
    }
    if (auto checked = checkShortlists(c, rule, *owner); !checked) {
        return checked.error();
    }
    return runDryRun(c, context, *owner, std::nullopt, rule.triggerType, text(rule.triggerParams),
            text(rule.conditions), text(rule.actions));
}

Result<QByteArray> dryRunSaved(
        Connection &c, const Principal &p, const Context &context, const QUuid &id)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    auto row = c.run(kStored, {{u":id"_s, id}});
    if (!row) {
        return row.error();
    }
    if (!(*row)->next()) {
        return Error::notFound(u"No such rule."_s);
    }
    const QSqlQuery &q = **row;
    const QUuid brand = q.value(0).toUuid();
    const QString triggerType = q.value(1).toString();
    const QString params = q.value(2).toString();
    const QString conditions = q.value(3).toString();
    const QString actions = q.value(4).toString();
    (*row)->finish();
    return runDryRun(c, context, brand, id, triggerType, params, conditions, actions);
}

Result<QByteArray> templates(const Principal &p)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    return QJsonDocument(QJsonObject{{u"items"_s, ruleTemplates()}}).toJson(QJsonDocument::Compact);
}

} // namespace influence::server::rules

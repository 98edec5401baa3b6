// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "Result.h"
#include "RuleTypes.h"

#include <QFuture>
#include <QList>
#include <QString>

/// Typed calls of the automation rules API layered on ApiClient::send.
namespace influence::common {

/// The rule calls. Holds no state but the client; copy it freely.
class RulesApi
{
public:
    explicit RulesApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/rules: the rules of `brandId` (empty: the user's only brand).
    QFuture<Result<RulePage<Rule>>> rules(
            const QString &brandId, int limit, const QString &cursor) const;
    /// GET /api/v1/rules/{id}
    QFuture<Result<Rule>> rule(const QString &id) const;
    /// POST /api/v1/rules: a new rule of `brandId` (empty: the user's only brand), made from
    /// the template `templateCode` (empty: none).
    QFuture<Result<Rule>> create(const RuleDefinition &definition, const QString &templateCode,
            const QString &brandId = {}) const;
    /// PATCH /api/v1/rules/{id}: the whole definition.
    QFuture<Result<Rule>> update(const QString &id, const RuleDefinition &definition) const;
    /// PATCH /api/v1/rules/{id} with only `enabled`.
    QFuture<Result<Rule>> setEnabled(const QString &id, bool enabled) const;
    /// DELETE /api/v1/rules/{id}
    QFuture<Result<JsonReply>> remove(const QString &id) const;
    /// GET /api/v1/rules/templates
    QFuture<Result<QList<RuleTemplate>>> templates() const;
    /// POST /api/v1/rules/dry-run: what an unsaved rule would have done over the last 30 days.
    QFuture<Result<RuleDryRun>> dryRun(
            const RuleDefinition &definition, const QString &brandId = {}) const;
    /// POST /api/v1/rules/{id}/dry-run: the same for a saved rule.
    QFuture<Result<RuleDryRun>> dryRun(const QString &id) const;
    /// GET /api/v1/rules/{id}/firings: newest first.
    QFuture<Result<RulePage<RuleFiring>>> firings(
            const QString &id, int limit, const QString &cursor) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

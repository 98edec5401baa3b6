// SPDX-License-Identifier: Apache-2.0
#include "RulesApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

QString rulePath(const QString &id, const QString &rest = {})
{
    return u"/api/v1/rules/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + rest;
}

QUrlQuery pageQuery(int limit, const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty()) {
        query.addQueryItem(u"cursor"_s, cursor);
    }
    return query;
}

} // namespace

QFuture<Result<RulePage<Rule>>> RulesApi::rules(
        const QString &brandId, int limit, const QString &cursor) const
{
    QUrlQuery query = pageQuery(limit, cursor);
    if (!brandId.isEmpty()) {
        query.addQueryItem(u"brand"_s, brandId);
    }
    return readObject<RulePage<Rule>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/rules"_s, query),
            RulePage<Rule>::fromJson);
}

QFuture<Result<Rule>> RulesApi::rule(const QString &id) const
{
    return readObject<Rule>(m_client->send(ApiClient::Method::Get, rulePath(id)), Rule::fromJson);
}

QFuture<Result<Rule>> RulesApi::create(
        const RuleDefinition &definition, const QString &templateCode, const QString &brandId) const
{
    QJsonObject body = definition.toJson();
    if (!templateCode.isEmpty()) {
        body.insert(u"template"_s, templateCode);
    }
    if (!brandId.isEmpty()) {
        body.insert(u"brandId"_s, brandId);
    }
    return readObject<Rule>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/rules"_s, {}, QJsonDocument(body)),
            Rule::fromJson);
}

QFuture<Result<Rule>> RulesApi::update(const QString &id, const RuleDefinition &definition) const
{
    return readObject<Rule>(m_client->send(ApiClient::Method::Patch, rulePath(id), {},
                                    QJsonDocument(definition.toJson())),
            Rule::fromJson);
}

QFuture<Result<Rule>> RulesApi::setEnabled(const QString &id, bool enabled) const
{
    return readObject<Rule>(m_client->send(ApiClient::Method::Patch, rulePath(id), {},
                                    QJsonDocument(QJsonObject{{u"enabled"_s, enabled}})),
            Rule::fromJson);
}

QFuture<Result<JsonReply>> RulesApi::remove(const QString &id) const
{
    return m_client->send(ApiClient::Method::Delete, rulePath(id));
}

QFuture<Result<QList<RuleTemplate>>> RulesApi::templates() const
{
    return readObject<QList<RuleTemplate>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/rules/templates"_s),
            [](const QJsonObject &json) -> Result<QList<RuleTemplate>> {
                auto page = RulePage<RuleTemplate>::fromJson(json);
                if (!page) {
                    return page.error();
                }
                return std::move(page->items);
            });
}

QFuture<Result<RuleDryRun>> RulesApi::dryRun(
        const RuleDefinition &definition, const QString &brandId) const
{
    QJsonObject body = definition.toJson();
    if (!brandId.isEmpty()) {
        body.insert(u"brandId"_s, brandId);
    }
    return readObject<RuleDryRun>(m_client->send(ApiClient::Method::Post,
                                          u"/api/v1/rules/dry-run"_s, {}, QJsonDocument(body)),
            RuleDryRun::fromJson);
}

QFuture<Result<RuleDryRun>> RulesApi::dryRun(const QString &id) const
{
    return readObject<RuleDryRun>(
            m_client->send(ApiClient::Method::Post, rulePath(id, u"/dry-run"_s), {},
                    QJsonDocument(QJsonObject{})),
            RuleDryRun::fromJson);
}

QFuture<Result<RulePage<RuleFiring>>> RulesApi::firings(
        const QString &id, int limit, const QString &cursor) const
{
    return readObject<RulePage<RuleFiring>>(
            m_client->send(
                    ApiClient::Method::Get, rulePath(id, u"/firings"_s), pageQuery(limit, cursor)),
            RulePage<RuleFiring>::fromJson);
}

} // namespace influence::common

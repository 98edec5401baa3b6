// SPDX-License-Identifier: Apache-2.0
#include "ShortlistsApi.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

QString listPath(const QString &id, const QString &rest = {})
{
    return u"/api/v1/shortlists/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + rest;
}

QString memberPath(const QString &id, const QString &influencerId)
{
    return listPath(
            id, u"/members/"_s + QString::fromLatin1(QUrl::toPercentEncoding(influencerId)));
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

QJsonDocument inputJson(const ShortlistInput &input)
{
    QJsonObject body;
    if (input.name) {
        body.insert(u"name"_s, *input.name);
    }
    if (input.description) {
        body.insert(u"description"_s, *input.description);
    }
    if (!input.brandId.isEmpty()) {
        body.insert(u"brandId"_s, input.brandId);
    }
    return QJsonDocument(body);
}

} // namespace

QFuture<Result<ShortlistPage<Shortlist>>> ShortlistsApi::lists(
        int limit, const QString &cursor, const QString &brandId) const
{
    QUrlQuery query = pageQuery(limit, cursor);
    if (!brandId.isEmpty()) {
        query.addQueryItem(u"brand"_s, brandId);
    }
    return readObject<ShortlistPage<Shortlist>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/shortlists"_s, query),
            ShortlistPage<Shortlist>::fromJson);
}

QFuture<Result<Shortlist>> ShortlistsApi::create(const ShortlistInput &input) const
{
    return readObject<Shortlist>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/shortlists"_s, {}, inputJson(input)),
            Shortlist::fromJson);
}

QFuture<Result<Shortlist>> ShortlistsApi::update(
        const QString &id, const ShortlistInput &input) const
{
    return readObject<Shortlist>(
            m_client->send(ApiClient::Method::Patch, listPath(id), {}, inputJson(input)),
            Shortlist::fromJson);
}

QFuture<Result<JsonReply>> ShortlistsApi::remove(const QString &id) const
{
    return m_client->send(ApiClient::Method::Delete, listPath(id));
}

QFuture<Result<ShortlistPage<ShortlistMember>>> ShortlistsApi::members(
        const QString &id, int limit, const QString &cursor) const
{
    return readObject<ShortlistPage<ShortlistMember>>(
            m_client->send(
                    ApiClient::Method::Get, listPath(id, u"/members"_s), pageQuery(limit, cursor)),
            ShortlistPage<ShortlistMember>::fromJson);
}

QFuture<Result<ShortlistMember>> ShortlistsApi::putMember(
        const QString &id, const QString &influencerId, const std::optional<QString> &note) const
{
    QJsonObject body;
    if (note) {
        body.insert(u"note"_s, *note);
    }
    return readObject<ShortlistMember>(
            m_client->send(
                    ApiClient::Method::Put, memberPath(id, influencerId), {}, QJsonDocument(body)),
            ShortlistMember::fromJson);
}

QFuture<Result<JsonReply>> ShortlistsApi::removeMember(
        const QString &id, const QString &influencerId) const
{
    return m_client->send(ApiClient::Method::Delete, memberPath(id, influencerId));
}

QFuture<Result<QList<ShortlistInviteResult>>> ShortlistsApi::invite(
        const QString &id, const ShortlistInvitation &invitation) const
{
    QJsonObject body{
            {u"campaignId"_s, invitation.campaignId}, {u"offer"_s, offerJson(invitation.offer)}};
    if (!invitation.message.isEmpty()) {
        body.insert(u"message"_s, invitation.message);
    }
    return readObject<QList<ShortlistInviteResult>>(
            m_client->send(
                    ApiClient::Method::Post, listPath(id, u"/invite"_s), {}, QJsonDocument(body)),
            [](const QJsonObject &json) -> Result<QList<ShortlistInviteResult>> {
                QList<ShortlistInviteResult> results;
                for (const auto &value : json.value(u"results"_s).toArray()) {
                    auto result = ShortlistInviteResult::fromJson(value.toObject());
                    if (!result) {
                        return result.error();
                    }
                    results.append(std::move(*result));
                }
                return results;
            });
}

} // namespace influence::common

// SPDX-License-Identifier: Apache-2.0
#include "CampaignTargetsApi.h"

#include "ApiClient.h"

#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

QString campaignPath(const QString &id)
{
    return u"/api/v1/campaigns/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

QFuture<Result<CampaignTargets>> CampaignTargetsApi::targets(const QString &campaignId) const
{
    return readObject<CampaignTargets>(
            m_client->send(ApiClient::Method::Get, campaignPath(campaignId)),
            [](const QJsonObject &json) -> Result<CampaignTargets> {
                auto targets = collab::validateCampaignTargets(json);
                if (!targets) {
                    return Error::make(ErrorCode::InvalidResponse,
                            u"A campaign has invalid targets: "_s + targets.error().detail);
                }
                return *targets;
            });
}

QFuture<Result<Campaign>> CampaignTargetsApi::create(
        const CampaignInput &input, const CampaignTargets &targets) const
{
    QJsonObject body = campaignJson(input);
    body.insert(u"targets"_s, collab::targetsJson(targets));
    return readObject<Campaign>(m_client->send(ApiClient::Method::Post, u"/api/v1/campaigns"_s, {},
                                        QJsonDocument(body)),
            Campaign::fromJson);
}

QFuture<Result<Campaign>> CampaignTargetsApi::update(
        const QString &campaignId, const CampaignInput &input, const CampaignTargets &targets) const
{
    QJsonObject body = campaignJson(input);
    body.insert(u"targets"_s, collab::targetsJson(targets));
    return readObject<Campaign>(m_client->send(ApiClient::Method::Patch, campaignPath(campaignId),
                                        {}, QJsonDocument(body)),
            Campaign::fromJson);
}

} // namespace influence::common

// SPDX-License-Identifier: Apache-2.0
#include "ShortlistTypes.h"

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, what);
}

QDateTime timestamp(const QJsonObject &json, const QString &field)
{
    return QDateTime::fromString(json.value(field).toString(), Qt::ISODateWithMs);
}

} // namespace

Result<Shortlist> Shortlist::fromJson(const QJsonObject &json)
{
    Shortlist list;
    list.id = json.value(u"id"_s).toString();
    list.name = json.value(u"name"_s).toString();
    if (list.id.isEmpty() || list.name.isEmpty()) {
        return invalid(u"A shortlist has no id or name."_s);
    }
    list.brandId = json.value(u"brandId"_s).toString();
    list.description = json.value(u"description"_s).toString();
    list.memberCount = json.value(u"memberCount"_s).toInt();
    list.createdBy = json.value(u"createdBy"_s).toString();
    list.createdAt = timestamp(json, u"createdAt"_s);
    list.updatedAt = timestamp(json, u"updatedAt"_s);
    return list;
}

Result<ShortlistMember> ShortlistMember::fromJson(const QJsonObject &json)
{
    auto influencer = DiscoveryItem::fromJson(json.value(u"influencer"_s).toObject());
    if (!influencer) {
        return influencer.error();
    }
    ShortlistMember member;
    member.influencer = std::move(*influencer);
    member.note = json.value(u"note"_s).toString();
    member.addedBy = json.value(u"addedBy"_s).toString();
    member.addedAt = timestamp(json, u"addedAt"_s);
    return member;
}

Result<ShortlistInviteResult> ShortlistInviteResult::fromJson(const QJsonObject &json)
{
    ShortlistInviteResult result;
    result.influencerId = json.value(u"influencerId"_s).toString();
    const QString status = json.value(u"status"_s).toString();
    if (result.influencerId.isEmpty() || (status != u"invited"_s && status != u"skipped"_s)) {
        return invalid(u"An invitation result has no creator or status."_s);
    }
    result.invited = status == u"invited"_s;
    result.code = json.value(u"code"_s).toString();
    result.dealId = json.value(u"dealId"_s).toString();
    return result;
}

} // namespace influence::common

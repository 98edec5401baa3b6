// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DiscoveryApi.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

/// What the shortlist routes answer (/api/v1/shortlists…), read from their JSON.
namespace influence::common {

/// A brand's named list of creators, shared with the brand's staff.
struct Shortlist
{
    QString id;
    QString brandId;
    QString name;
    QString description;
    int memberCount = 0;
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;

    static Result<Shortlist> fromJson(const QJsonObject &json);
};

/// A creator on a list (as discovery lists them) with the brand's note.
struct ShortlistMember
{
    DiscoveryItem influencer;
    QString note;
    QString addedBy;
    QDateTime addedAt;

    static Result<ShortlistMember> fromJson(const QJsonObject &json);
};

/// What inviting a whole list did for one creator.
struct ShortlistInviteResult
{
    QString influencerId;
    bool invited = false;
    QString code; ///< why a skipped creator was skipped (deal_exists, …)
    QString dealId; ///< the new deal of an invited creator

    static Result<ShortlistInviteResult> fromJson(const QJsonObject &json);
};

/// A page of `items` whose each is read by T::fromJson; nextCursor empty on the last page.
template<class T>
struct ShortlistPage
{
    QList<T> items;
    QString nextCursor;

    static Result<ShortlistPage> fromJson(const QJsonObject &json)
    {
        if (!json.value(QStringLiteral("items")).isArray()) {
            return Error::make(ErrorCode::InvalidResponse, QStringLiteral("A list has no items."));
        }
        ShortlistPage page;
        for (const auto &value : json.value(QStringLiteral("items")).toArray()) {
            auto item = T::fromJson(value.toObject());
            if (!item) {
                return item.error();
            }
            page.items.append(std::move(*item));
        }
        page.nextCursor = json.value(QStringLiteral("nextCursor")).toString();
        return page;
    }
};

} // namespace influence::common

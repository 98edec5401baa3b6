// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "CollabApi.h"
#include "Result.h"
#include "ShortlistTypes.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <optional>

/// Typed calls of the shortlist API layered on ApiClient::send.
namespace influence::common {

/// A new list, or the changes to one (unset: unchanged).
struct ShortlistInput
{
    std::optional<QString> name;
    std::optional<QString> description;
    /// create only: the brand the list is for (empty: the user's only brand).
    QString brandId;
};

/// Inviting every creator of a list to a campaign with one first offer.
struct ShortlistInvitation
{
    QString campaignId;
    OfferInput offer; ///< in the campaign's currency
    QString message;
};

/// The shortlist calls. Holds no state but the client; copy it freely.
class ShortlistsApi
{
public:
    explicit ShortlistsApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/shortlists: the lists of the brands the user acts for (of `brandId` only
    /// when given), newest first.
    QFuture<Result<ShortlistPage<Shortlist>>> lists(
            int limit, const QString &cursor, const QString &brandId = {}) const;
    /// POST /api/v1/shortlists
    QFuture<Result<Shortlist>> create(const ShortlistInput &input) const;
    /// PATCH /api/v1/shortlists/{id}
    QFuture<Result<Shortlist>> update(const QString &id, const ShortlistInput &input) const;
    /// DELETE /api/v1/shortlists/{id}
    QFuture<Result<JsonReply>> remove(const QString &id) const;
    /// GET /api/v1/shortlists/{id}/members, in the order they were added.
    QFuture<Result<ShortlistPage<ShortlistMember>>> members(
            const QString &id, int limit, const QString &cursor) const;
    /// PUT /api/v1/shortlists/{id}/members/{influencerId}: adds the creator or changes the note
    /// (no note: adds with none, or keeps the one there).
    QFuture<Result<ShortlistMember>> putMember(const QString &id, const QString &influencerId,
            const std::optional<QString> &note = std::nullopt) const;
    /// DELETE /api/v1/shortlists/{id}/members/{influencerId}
    QFuture<Result<JsonReply>> removeMember(const QString &id, const QString &influencerId) const;
    /// POST /api/v1/shortlists/{id}/invite: what became of each creator.
    QFuture<Result<QList<ShortlistInviteResult>>> invite(
            const QString &id, const ShortlistInvitation &invitation) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common

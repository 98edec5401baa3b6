// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Result.h"
#include "core/db/Pages.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

/// Shortlists: a brand's named lists of creators with a note per creator, shared with every
/// member of the brand's staff (acts_for_brand), read by administrators. Another brand's list is
/// 404 (its existence is not told), creators get 403. Lists answer api_shortlist_json, members
/// api_shortlist_member_json (the creator as discovery's item, 0017_shortlists.sql).
namespace influence::server::shortlists {

constexpr qsizetype kMaxName = 120;
constexpr qsizetype kMaxText = 2000; ///< a description, a note

struct ListQuery
{
    std::optional<QUuid> brand; ///< only this brand's lists
    db::Page page;
};

struct ShortlistInput
{
    std::optional<QString> name; ///< required to create
    std::optional<QString> description;
};

/// The lists of the brands the caller acts for (administrators: every brand's), newest first.
common::Result<QByteArray> list(
        db::Connection &c, const http::Principal &p, const ListQuery &query);
/// `brand` names the brand when the caller acts for several; 409 name_taken.
common::Result<QByteArray> create(db::Connection &c, const http::Principal &p,
        const ShortlistInput &input, const std::optional<QUuid> &brand);
common::Result<QByteArray> read(db::Connection &c, const http::Principal &p, const QUuid &id);
/// Changes the name and/or description given; 409 name_taken.
common::Result<QByteArray> update(
        db::Connection &c, const http::Principal &p, const QUuid &id, const ShortlistInput &input);
/// Deletes the list and its members.
common::Result<void> remove(db::Connection &c, const http::Principal &p, const QUuid &id);

/// The list's members in the order they were added.
common::Result<QByteArray> members(
        db::Connection &c, const http::Principal &p, const QUuid &id, const db::Page &page);
/// Every member (for CSV), at most `max`.
common::Result<QList<QByteArray>> allMembers(
        db::Connection &c, const http::Principal &p, const QUuid &id, int max);

/// Adds a creator (created: true) or changes their note (a missing note leaves it as it is).
struct PutResult
{
    QByteArray json;
    bool created = false;
};
common::Result<PutResult> putMember(db::Connection &c, const http::Principal &p, const QUuid &id,
        const QUuid &influencer, const std::optional<QString> &note);
common::Result<void> removeMember(
        db::Connection &c, const http::Principal &p, const QUuid &id, const QUuid &influencer);

struct ListInvitation
{
    QUuid campaign;
    common::OfferInput offer;
    QString message;
};
/// Invites every member to a campaign as POST /campaigns/{id}/invitations does (deals::invite),
/// each in its own transaction: `{"results":[{influencerId, status, code?, dealId?}]}`. A
/// campaign the caller cannot invite to fails the whole request before anyone is invited.
common::Result<QByteArray> invite(db::Connection &c, const http::Principal &p, const QUuid &id,
        const ListInvitation &invitation);

} // namespace influence::server::shortlists

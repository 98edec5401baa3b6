// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DealAccess.h"
#include "core/db/Pages.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

/// Deals: one creator in one campaign, started by an invitation (brand) or an application
/// (creator), negotiated through offers, then accepted (terms frozen, deliverables created),
/// in progress and completed, or declined / withdrawn / cancelled. Every change locks the deal
/// row first (SELECT … FOR UPDATE), so two concurrent transitions cannot both succeed: the
/// second sees the state the first left. Each answers the deal in full (api_deal_detail_json).
namespace influence::server::deals {

struct ListQuery
{
    std::optional<QUuid> campaign;
    QStringList states;
    bool overdueOnly = false;
    QString creator; ///< part of the creator's display name, any case (empty: every creator)
    db::Page page;
};

enum class Answer { Accept, Decline };
enum class Action { Start, Complete, Withdraw, Cancel };

/// The brand's side invites a creator with a first offer (campaign active).
common::Result<QByteArray> invite(db::Connection &c, const http::Principal &p,
        const QUuid &campaign, const QUuid &influencer, const common::OfferInput &offer,
        const QString &message);
/// A creator applies to a public active campaign before its deadline, optionally proposing terms.
common::Result<QByteArray> apply(db::Connection &c, const http::Principal &p, const QUuid &campaign,
        const std::optional<common::OfferInput> &offer, const QString &message);
common::Result<QByteArray> list(
        db::Connection &c, const http::Principal &p, const ListQuery &query);
common::Result<QByteArray> read(db::Connection &c, const http::Principal &p, const QUuid &id);
/// A (counter-)offer by the side that did not make the open one; the open one is countered.
common::Result<QByteArray> makeOffer(db::Connection &c, const http::Principal &p, const QUuid &deal,
        const common::OfferInput &offer);
/// Accepting or declining the latest open offer, by the side that did not make it.
common::Result<QByteArray> answer(db::Connection &c, const http::Principal &p, const QUuid &deal,
        const QUuid &offer, Answer answer);
common::Result<QByteArray> act(
        db::Connection &c, const http::Principal &p, const QUuid &deal, Action action);

/// Inserts an offer (the next sequence number) for `side`; the caller records the event.
common::Result<void> insertOffer(db::Connection &c, const QUuid &deal, common::DealSide side,
        const QUuid &author, const common::OfferInput &offer);
/// The deal in full.
common::Result<QByteArray> detail(db::Connection &c, const QUuid &deal);

} // namespace influence::server::deals

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/Pages.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QUuid>

#include <functional>
#include <optional>

/// Reading the ledger (0010_money.sql): a campaign's budget as its balances, the entries, and
/// the administrator's check that the books balance.
namespace influence::server::money {

/// budget = committed + paid + remaining, per deal too; the brand's side and administrators only
/// (404 for anyone else).
common::Result<QByteArray> campaignBudget(
        db::Connection &c, const http::Principal &p, const QUuid &campaign);

struct EntryQuery
{
    std::optional<QUuid> campaign;
    std::optional<QUuid> deal;
    std::optional<qint64> account;
    db::Page page;
};
/// Entries of the campaigns the caller's brands own (all for an administrator), oldest first.
common::Result<QByteArray> entries(
        db::Connection &c, const http::Principal &p, const EntryQuery &query);
/// Every matching entry as rows of JSON, each given to `row` as it is read (a
/// streamed CSV export), until `row` answers false.
common::Result<void> eachEntry(db::Connection &c, const http::Principal &p, const EntryQuery &query,
        const std::function<bool(const QByteArray &)> &row);

/// Checks every transfer (two entries summing to zero, of its amount), every account (its
/// balance is the sum of its entries and its last entry's balance, never below its limit), every
/// currency (balances sum to zero) and every campaign (its budget is what its accounts hold).
/// Administrators only. {"ok", "transfers", "accounts", "entries", "problems": [...]}
common::Result<QByteArray> verify(db::Connection &c, const http::Principal &p);

} // namespace influence::server::money

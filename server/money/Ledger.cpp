// SPDX-License-Identifier: Apache-2.0
#include "Ledger.h"

#include "core/db/JsonRows.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Binds;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::money {

namespace {

const SqlStatement kBudget(
        u"SELECT api_campaign_budget_json(c)::text FROM campaigns c WHERE c.id = :id "
        "AND (CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id))"_s);

// Each check selects one problem per row: {"problem": <code>, …what it concerns}.
const SqlStatement kVerify(
        u"WITH problems AS ("
        // a transfer is two entries, debit and credit of its amount
        "  SELECT jsonb_build_object('problem', 'unbalanced_transfer', 'transferId', t.id) AS p "
        "  FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id "
        "  GROUP BY t.id, t.amount_minor, t.debit_account_id, t.credit_account_id "
        "  HAVING count(e.id) <> 2 OR coalesce(sum(e.amount_minor), 1) <> 0 "
        "      OR bool_or(e.account_id = t.debit_account_id AND e.amount_minor <> -t.amount_minor) "
        "      OR bool_or(e.account_id = t.credit_account_id AND e.amount_minor <> t.amount_minor) "
        "      OR bool_or(e.account_id NOT IN (t.debit_account_id, t.credit_account_id)) "
        "  UNION ALL "
        // an account's balance is the replay of its entries, and its last entry's balance
        "  SELECT jsonb_build_object('problem', 'balance_mismatch', 'accountId', a.id, "
        "         'balanceMinor', a.balance_minor, 'replayedMinor', coalesce(r.total, 0)) "
        "  FROM ledger_accounts a LEFT JOIN ("
        "    SELECT e.account_id, sum(e.amount_minor) AS total, "
        "           (array_agg(e.balance_after_minor ORDER BY e.id DESC))[1] AS last "
        "    FROM ledger_entries e GROUP BY e.account_id) r ON r.account_id = a.id "
        "  WHERE a.balance_minor <> coalesce(r.total, 0) "
        "     OR a.balance_minor <> coalesce(r.last, 0) "
        "  UNION ALL "
        "  SELECT jsonb_build_object('problem', 'below_limit', 'accountId', a.id) "
        "  FROM ledger_accounts a "
        "  WHERE a.min_balance_minor IS NOT NULL AND a.balance_minor < a.min_balance_minor "
        "  UNION ALL "
        // double entry: all balances of a currency sum to zero
        "  SELECT jsonb_build_object('problem', 'currency_not_zero', 'currency', a.currency, "
        "         'sumMinor', sum(a.balance_minor)) "
        "  FROM ledger_accounts a GROUP BY a.currency HAVING sum(a.balance_minor) <> 0 "
        "  UNION ALL "
        // a campaign's budget is what its accounts hold
        "  SELECT jsonb_build_object('problem', 'budget_mismatch', 'campaignId', c.id, "
        "         'budgetMinor', c.budget_minor, 'accountsMinor', coalesce(sum(a.balance_minor), "
        "0)) "
        "  FROM campaigns c LEFT JOIN ledger_accounts a ON a.campaign_id = c.id "
        "       AND a.currency = c.currency "
        "  GROUP BY c.id, c.budget_minor HAVING c.budget_minor <> coalesce(sum(a.balance_minor), 0)"
        ") SELECT jsonb_build_object('ok', NOT EXISTS (SELECT 1 FROM problems), "
        "  'transfers', (SELECT count(*) FROM ledger_transfers), "
        "  'entries', (SELECT count(*) FROM ledger_entries), "
        "  'accounts', (SELECT count(*) FROM ledger_accounts), "
        "  'problems', coalesce((SELECT jsonb_agg(p) FROM (SELECT p FROM problems LIMIT 100) x), "
        "                       '[]'))::text"_s);

QString entryWhere(const Principal &p, const EntryQuery &query, Binds &binds)
{
    QStringList where;
    if (!p.isAdmin()) {
        where << u"acts_for_brand(:user, a.brand_id)"_s;
        binds << std::pair(u":user"_s, p.userId());
    }
    if (query.campaign) {
        where << u"t.campaign_id = :campaign"_s;
        binds << std::pair(u":campaign"_s, *query.campaign);
    }
    if (query.deal) {
        where << u"t.deal_id = :deal"_s;
        binds << std::pair(u":deal"_s, *query.deal);
    }
    if (query.account) {
        where << u"a.id = :account"_s;
        binds << std::pair(u":account"_s, *query.account);
    }
    where << u"e.id > :after"_s;
    return QString(u"SELECT api_ledger_entry_json(e)::text, e.id FROM ledger_entries e "
                   "JOIN ledger_accounts a ON a.id = e.account_id "
                   "JOIN ledger_transfers t ON t.id = e.transfer_id WHERE "_s
            + where.join(u" AND "_s) + u" ORDER BY e.id LIMIT :limit"_s);
}

} // namespace

Result<QByteArray> campaignBudget(Connection &c, const Principal &p, const QUuid &campaign)
{
    auto json = db::optionalJson(c, kBudget,
            {{u":id"_s, campaign}, {u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}});
    if (!json) {
        return json.error();
    }
    if (!json->has_value()) {
        return Error::notFound(u"No such campaign."_s);
    }
    return std::move(**json);
}

Result<QByteArray> entries(Connection &c, const Principal &p, const EntryQuery &query)
{
    Binds binds;
    const QString sql = entryWhere(p, query, binds);
    return db::runPage(c, sql, binds, query.page);
}

Result<void> eachEntry(Connection &c, const Principal &p, const EntryQuery &query,
        const std::function<bool(const QByteArray &)> &row)
{
    Binds binds;
    const QString sql = entryWhere(p, query, binds);
    return db::forEachRow(c, sql, binds, db::Page::Order::OldestFirst, row);
}

Result<QByteArray> verify(Connection &c, const Principal &p)
{
    if (!p.isAdmin()) {
        return Error::make(ErrorCode::Forbidden, u"Only administrators verify the ledger."_s);
    }
    return db::json(c, kVerify, {});
}

} // namespace influence::server::money

// SPDX-License-Identifier: Apache-2.0
#include "Earnings.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::money {

namespace {

// Per deal: the fee split into what is not yet payable (expected), scheduled, due (due, approved
// or failed: owed now), late, processing and paid; then totals per currency.
const SqlStatement kEarnings(
        u"WITH per AS ("
        "  SELECT d.id, d.seq, d.terms ->> 'currency' AS currency, "
        "         (d.terms ->> 'feeMinor')::bigint AS fee, c.name AS campaign, "
        "         b.company_name AS brand, "
        "         (d.terms ->> 'feeMinor')::bigint - coalesce(sum(p.amount_minor), 0) AS expected, "
        "         coalesce(sum(p.amount_minor) FILTER (WHERE payout_state(p) = 'scheduled'), 0) "
        "           AS scheduled, "
        "         coalesce(sum(p.amount_minor) FILTER (WHERE payout_state(p) IN "
        "           ('due', 'approved', 'failed')), 0) AS due, "
        "         coalesce(sum(p.amount_minor) FILTER (WHERE payout_late(p)), 0) AS late, "
        "         coalesce(sum(p.amount_minor) FILTER (WHERE p.state = 'processing'), 0) "
        "           AS processing, "
        "         coalesce(sum(p.amount_minor) FILTER (WHERE p.state = 'paid'), 0) AS paid, "
        "         min(p.due_on) FILTER (WHERE p.state NOT IN ('paid', 'cancelled')) AS next_due "
        "  FROM deals d JOIN campaigns c ON c.id = d.campaign_id "
        "  JOIN brand_details b ON b.user_id = d.brand_id "
        "  LEFT JOIN payouts p ON p.deal_id = d.id "
        "  WHERE d.influencer_id = :user AND d.state IN ('accepted', 'in_progress', 'completed') "
        "  GROUP BY d.id, d.seq, c.name, b.company_name) "
        "SELECT jsonb_build_object("
        "  'totals', coalesce((SELECT jsonb_agg(jsonb_build_object('currency', t.currency, "
        "      'expectedMinor', t.expected, 'scheduledMinor', t.scheduled, 'dueMinor', t.due, "
        "      'lateMinor', t.late, 'processingMinor', t.processing, 'paidMinor', t.paid) "
        "      ORDER BY t.currency) "
        "    FROM (SELECT currency, sum(expected) AS expected, sum(scheduled) AS scheduled, "
        "                 sum(due) AS due, sum(late) AS late, sum(processing) AS processing, "
        "                 sum(paid) AS paid FROM per GROUP BY currency) t), '[]'), "
        "  'deals', coalesce((SELECT jsonb_agg(jsonb_build_object('dealId', per.id, "
        "      'campaignName', per.campaign, 'brandName', per.brand, 'feeMinor', per.fee, "
        "      'currency', per.currency, 'expectedMinor', per.expected, "
        "      'scheduledMinor', per.scheduled, 'dueMinor', per.due, 'lateMinor', per.late, "
        "      'processingMinor', per.processing, 'paidMinor', per.paid, "
        "      'nextDueDate', api_date(per.next_due)) ORDER BY per.seq DESC) FROM per), '[]'), "
        "  'readiness', (SELECT jsonb_build_object('ready', cardinality(m) = 0, "
        "      'missing', to_jsonb(m)) FROM payout_missing(:user) AS m))::text"_s);
const SqlStatement kAccount(u"SELECT api_payout_account_json(:user)::text"_s);
const SqlStatement kIsCreator(u"SELECT 1 FROM influencer_details WHERE user_id = :user"_s);
// A new account id is not enabled until the provider says so; the tax form is what the creator
// declares (the document goes to the provider, never here).
const SqlStatement kUpsert(
        u"INSERT INTO payout_accounts (influencer_id, account_id, tax_form, "
        "tax_form_received_on) VALUES (:user, :account, :form, CAST(:received AS date)) "
        "ON CONFLICT (influencer_id) DO UPDATE SET account_id = EXCLUDED.account_id, "
        "payouts_enabled = payout_accounts.payouts_enabled "
        "  AND payout_accounts.account_id IS NOT DISTINCT FROM EXCLUDED.account_id, "
        "tax_form = EXCLUDED.tax_form, tax_form_received_on = EXCLUDED.tax_form_received_on"_s);
const SqlStatement kAudit(
        u"SELECT set_config('influence.actor', CAST(:user AS text), true), "
        "audit('payout_account.changed', 'payout_account', :user, NULL, NULL, "
        "jsonb_build_object('accountId', CAST(:account AS text), 'taxForm', CAST(:form AS text), "
        "'taxFormReceivedOn', CAST(:received AS text)))"_s);

Result<void> requireCreator(Connection &c, const Principal &p)
{
    const auto creator = c.scalar(kIsCreator, {{u":user"_s, p.userId()}});
    if (!creator) {
        return creator.error();
    }
    if (creator->isNull()) {
        return Error::make(ErrorCode::Forbidden, u"Only creators have earnings."_s);
    }
    return {};
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

Result<QByteArray> earnings(Connection &c, const Principal &p)
{
    if (auto creator = requireCreator(c, p); !creator) {
        return creator.error();
    }
    return db::json(c, kEarnings, {{u":user"_s, p.userId()}});
}

Result<QByteArray> payoutAccount(Connection &c, const Principal &p)
{
    if (auto creator = requireCreator(c, p); !creator) {
        return creator.error();
    }
    return db::json(c, kAccount, {{u":user"_s, p.userId()}});
}

Result<QByteArray> setPayoutAccount(
        Connection &c, const Principal &p, const PayoutAccountInput &input)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        if (auto creator = requireCreator(tx, p); !creator) {
            return creator.error();
        }
        const QVariant received = input.taxFormReceivedOn
                ? QVariant(input.taxFormReceivedOn->toString(Qt::ISODate))
                : QVariant(QMetaType::fromType<QString>());
        const Connection::Binds binds{{u":user"_s, p.userId()},
                {u":account"_s, nullableText(input.accountId)},
                {u":form"_s, nullableText(input.taxForm)}, {u":received"_s, received}};
        for (const auto *statement : {&kUpsert, &kAudit}) {
            auto done = tx.run(*statement, binds);
            if (!done) {
                return done.error();
            }
            (*done)->finish();
        }
        return db::json(tx, kAccount, {{u":user"_s, p.userId()}});
    });
}

} // namespace influence::server::money

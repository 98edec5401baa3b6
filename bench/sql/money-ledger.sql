-- SPDX-License-Identifier: Apache-2.0
-- bench/money's ledger scenario: :clients + 1 pairs of accounts (pair 0 to :clients - 1: one per
-- pgbench client; pair :clients: the hot pair every client shares). A pair is two brands'
-- funding accounts in a currency of its own (XA…, the key allows one per brand and currency),
-- given a limit of 0 so that ledger_transfer's limit check runs, the debit one funded through
-- ledger_transfer by a third brand (no limit), so the ledger still verifies afterwards.
-- Account ids are consecutive: pair n is (first + 2n, first + 2n + 1); the query at the end
-- prints `first` and fails unless that holds.
-- psql -v clients=16 -f money-ledger.sql
\set ON_ERROR_STOP 1
WITH u AS (
    INSERT INTO users (email, role, status, display_name)
    SELECT 'bench-money-ledger-' || x || '@example.com', 'brand', 'active', 'Ledger ' || x
    FROM unnest(ARRAY['debit', 'credit', 'funder']) x
    RETURNING id, display_name
)
INSERT INTO brand_details (user_id, company_name) SELECT id, display_name FROM u;
CREATE TEMPORARY TABLE bench_pairs AS
SELECT n, 'X' || chr(65 + n / 26) || chr(65 + n % 26) AS currency
FROM generate_series(0, :clients) n;
INSERT INTO ledger_accounts (kind, brand_id, currency, min_balance_minor)
SELECT 'brand_funding', b.user_id, p.currency, 0
FROM bench_pairs p
CROSS JOIN LATERAL (SELECT ord, user_id FROM (VALUES (1, 'debit'), (2, 'credit')) s(ord, who)
                    JOIN users u ON u.email = 'bench-money-ledger-' || s.who || '@example.com'
                    JOIN brand_details b ON b.user_id = u.id) b
ORDER BY p.n, b.ord;
SELECT ledger_transfer(ledger_account('brand_funding', f.id, NULL, NULL, p.currency), a.id,
                       1000000000000, 'adjustment', NULL, NULL, NULL, NULL)
FROM bench_pairs p
JOIN users d ON d.email = 'bench-money-ledger-debit@example.com'
JOIN users f ON f.email = 'bench-money-ledger-funder@example.com'
JOIN ledger_accounts a ON a.brand_id = d.id AND a.kind = 'brand_funding' AND a.currency = p.currency
\g /dev/null
SELECT CASE WHEN bool_and(a.id = f.first + 2 * p.n AND c.id = f.first + 2 * p.n + 1)
            THEN f.first END
FROM bench_pairs p
JOIN users du ON du.email = 'bench-money-ledger-debit@example.com'
JOIN users cu ON cu.email = 'bench-money-ledger-credit@example.com'
JOIN ledger_accounts a ON a.brand_id = du.id AND a.currency = p.currency
JOIN ledger_accounts c ON c.brand_id = cu.id AND c.currency = p.currency
CROSS JOIN (SELECT min(a2.id) AS first FROM ledger_accounts a2
            JOIN users u2 ON u2.id = a2.brand_id
            WHERE u2.email = 'bench-money-ledger-debit@example.com') f
GROUP BY f.first;

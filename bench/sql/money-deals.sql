-- SPDX-License-Identifier: Apache-2.0
-- bench/money: :deals creators, each with a deal in campaign :campaign (brand :brand) that is
-- negotiating over the creator's one open offer of :fee EUR minor units (as
-- tests/api/tst_api_money.cpp hundredConcurrentAcceptsCommitExactlyTen builds them: the accepts
-- are what is measured), and the queue bench/money's contenders take them from: line k of
-- :pairs_file and row k of bench_money_queue are the same deal. :tag keeps the two campaigns'
-- creators apart.
-- psql -v campaign=… -v brand=… -v deals=… -v fee=… -v tag=… -f money-deals.sql
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS bench_money_queue (
    campaign_id uuid NOT NULL,
    k           integer NOT NULL,
    deal_id     uuid NOT NULL,
    offer_id    uuid NOT NULL,
    PRIMARY KEY (campaign_id, k)
);
WITH u AS (
    INSERT INTO users (email, role, status, display_name)
    SELECT 'bench-money-' || :'tag' || '-' || g || '@example.com', 'influencer', 'active',
           'Bench money ' || g
    FROM generate_series(1, :deals) g
    RETURNING id, display_name
), i AS (
    INSERT INTO influencer_details (user_id, display_name)
    SELECT id, display_name FROM u RETURNING user_id
), d AS (
    INSERT INTO deals (campaign_id, brand_id, influencer_id, origin, state)
    SELECT :'campaign', :'brand', user_id, 'application', 'negotiating' FROM i RETURNING id
)
INSERT INTO offers (deal_id, sequence, made_by, deliverables, fee_minor, currency)
SELECT id, 1, 'creator',
       jsonb_build_array(jsonb_build_object('type', 'reel', 'platform', 'instagram',
                                            'quantity', 1,
                                            'dueDate', (current_date + 14)::text)),
       :fee, 'EUR'
FROM d;
-- A random order, the same for both contenders' shapes (each campaign has its own deals).
INSERT INTO bench_money_queue (campaign_id, k, deal_id, offer_id)
SELECT :'campaign', row_number() OVER (ORDER BY md5(o.deal_id::text)), o.deal_id, o.id
FROM offers o JOIN deals d ON d.id = o.deal_id
WHERE d.campaign_id = :'campaign' AND o.status = 'open';

-- SPDX-License-Identifier: Apache-2.0
-- bench/money's pgbench baseline for POST /api/v1/deals/{id}/offers/{offerId}/accept: what
-- influence-server runs for one accept by the brand, as one SQL function. The statements are
-- those of server/deals/DealAccess.cpp (kDealAccessLocked) and server/deals/Deals.cpp answer()
-- (kOfferToAnswer, kAnswerOffer, kAccept, kCreateDeliverables, timeline's kRecordEvent, kDetail),
-- in the order a statement log of the server showed them (log_statement = 'all' on the
-- database): the session check on its own, then BEGIN, those six, COMMIT. The server checks the
-- access and the offer's answers in C++ between statements; here the function does the same
-- checks. The accept's UPDATE fires the money triggers of 0010_money.sql (the reservation
-- through ledger_transfer, MB001 when the budget is spent): that refusal is caught (a
-- subtransaction, so the whole accept rolls back as the server's transaction does) and
-- reported, so that pgbench's clients do not abort.
-- The session check pgbench runs first (bench/money inlines :session and :user):
-- pgbench: SELECT u.id, u.email, u.email_verified_at IS NOT NULL, u.role, u.status, u.display_name, u.created_at FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = :session AND s.user_id = :user AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active';
CREATE OR REPLACE FUNCTION bench_accept(p_deal uuid, p_offer uuid, p_user uuid) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    access record;
    answerable record;
    detail text;
BEGIN
    -- The deal, locked, and the actor for the money triggers (kDealAccessLocked).
    SELECT d.state, d.campaign_id, d.brand_id, d.influencer_id, c.status, c.currency,
           acts_for_brand(p_user, d.brand_id) AS brand_side,
           set_config('influence.actor', CAST(p_user AS text), true)
    INTO access
    FROM deals d JOIN campaigns c ON c.id = d.campaign_id WHERE d.id = p_deal FOR UPDATE OF d;
    IF NOT FOUND OR NOT access.brand_side THEN
        RETURN 'not_found';
    END IF;
    -- kOfferToAnswer: exists, latest, open, made by the other side.
    SELECT o.status, o.made_by,
           o.sequence = (SELECT max(x.sequence) FROM offers x WHERE x.deal_id = p_deal) AS latest
    INTO answerable FROM offers o WHERE o.id = p_offer AND o.deal_id = p_deal;
    IF NOT FOUND OR NOT answerable.latest OR answerable.status <> 'open'
       OR access.state NOT IN ('invited', 'applied', 'negotiating')
       OR answerable.made_by = 'brand' THEN
        RETURN 'illegal_transition';
    END IF;
    BEGIN
        -- kAnswerOffer
        UPDATE offers SET status = 'accepted', responded_at = now(), responded_by = p_user
        WHERE id = p_offer;
        -- kAccept (the money triggers reserve the fee here)
        UPDATE deals d SET state = 'accepted', accepted_offer_id = o.id,
            terms = jsonb_build_object('offerId', o.id, 'sequence', o.sequence,
              'madeBy', o.made_by, 'deliverables', o.deliverables, 'feeMinor', o.fee_minor,
              'currency', o.currency, 'usageRights', o.usage_rights,
              'maxRevisions', o.max_revisions, 'paymentTerms', o.payment_terms,
              'agreedAt', api_time(now()),
              'campaign', jsonb_build_object('id', c.id, 'name', c.name, 'brief', c.brief,
                 'objective', c.objective, 'usageRights', c.usage_rights)),
            brand_accepted_at = CASE WHEN o.made_by = 'brand' THEN o.created_at ELSE now() END,
            brand_accepted_by = CASE WHEN o.made_by = 'brand' THEN o.author_id ELSE p_user END,
            creator_accepted_at = CASE WHEN o.made_by = 'creator' THEN o.created_at ELSE now() END
        FROM offers o, campaigns c WHERE d.id = p_deal AND o.id = p_offer AND c.id = d.campaign_id;
        -- kCreateDeliverables
        INSERT INTO deliverables (deal_id, position, type, platform, due_on, max_revisions)
        SELECT o.deal_id, row_number() OVER (ORDER BY l.ord, g.n), l.item->>'type',
               l.item->>'platform', CAST(l.item->>'dueDate' AS date), o.max_revisions
        FROM offers o, jsonb_array_elements(o.deliverables) WITH ORDINALITY AS l(item, ord),
             generate_series(1, CAST(l.item->>'quantity' AS integer)) AS g(n)
        WHERE o.id = p_offer;
        -- timeline::record (kRecordEvent)
        PERFORM record_deal_event(p_deal, p_user, 'offer.accepted',
            jsonb_build_object('by', 'brand', 'offerId', p_offer), CAST('creator' AS text),
            'deal', p_deal);
        -- kDetail: the answer's body
        SELECT api_deal_detail_json(d)::text INTO detail FROM deals d WHERE d.id = p_deal;
        RETURN 'accepted';
    EXCEPTION WHEN SQLSTATE 'MB001' THEN
        RETURN 'budget_exceeded';
    END;
END;
$$;

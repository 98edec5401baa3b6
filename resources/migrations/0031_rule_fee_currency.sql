-- SPDX-License-Identifier: Apache-2.0
-- 0031: a rule's fee condition names its currency (issue 22).
--
-- {"field": "feeMinor", "op": "gte", "value": 50000} compared minor units whatever the deal's
-- currency: 50000 is 500.00 EUR but 50000 JPY (about 300 EUR) and 50.000 KWD, and one brand may
-- run campaigns in several currencies. The condition now carries "currency"; a deal in another
-- currency does not meet it (there is no exchange rate to compare with), and the reason says so
-- ("condition feeMinor gte 50000 EUR not met"). The server refuses a fee condition without one.
-- A rule stored before keeps working: its fee conditions get the currency of the brand's
-- campaigns (the most used one; EUR for a brand without campaigns), which is what the desktop's
-- editor showed them in.

UPDATE rules r
SET conditions = (
    SELECT jsonb_agg(CASE WHEN c ->> 'field' = 'feeMinor' AND NOT c ? 'currency'
                          THEN c || jsonb_build_object('currency', coalesce(
                                   (SELECT k.currency FROM campaigns k WHERE k.brand_id = r.brand_id
                                    GROUP BY k.currency ORDER BY count(*) DESC, k.currency
                                    LIMIT 1), 'EUR'))
                          ELSE c END ORDER BY n)
    FROM jsonb_array_elements(r.conditions) WITH ORDINALITY AS e(c, n))
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(r.conditions) c
              WHERE c ->> 'field' = 'feeMinor' AND NOT c ? 'currency');

-- Why the conditions do not hold for an event ("condition platform in [instagram] not met"), or
-- NULL when they all do. Platform and deliverable type are the deliverable's (the post's for a
-- post), for deal-wide events any of the deal's deliverables'.
CREATE OR REPLACE FUNCTION rule_conditions_reason(p_conditions jsonb, p_type text, p_params jsonb,
                                       p_deal uuid, p_campaign uuid, p_object uuid, p_data jsonb)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    cond jsonb;
    field text;
    op text;
    val jsonb;
    platforms text[];
    types text[];
    fee bigint;
    fee_currency text;
    ok boolean;
BEGIN
    SELECT coalesce(array_agg(DISTINCT dl.platform), '{}'), coalesce(array_agg(DISTINCT dl.type), '{}')
    INTO platforms, types
    FROM deliverables dl
    WHERE (p_type LIKE 'deliverable.%' AND dl.id = p_object)
       OR (p_type NOT LIKE 'deliverable.%' AND p_type <> 'post.views_above' AND dl.deal_id = p_deal);
    IF p_type = 'post.views_above' THEN
        SELECT ARRAY[p.platform], ARRAY[p.kind] INTO platforms, types FROM posts p WHERE p.id = p_object;
    END IF;
    SELECT coalesce(o.fee_minor, l.fee_minor), coalesce(o.currency, l.currency)
    INTO fee, fee_currency
    FROM deals d
    LEFT JOIN offers o ON o.id = d.accepted_offer_id
    LEFT JOIN LATERAL (SELECT x.fee_minor, x.currency FROM offers x WHERE x.deal_id = d.id
                       ORDER BY x.sequence DESC LIMIT 1) l ON true
    WHERE d.id = p_deal;
    FOR cond IN SELECT * FROM jsonb_array_elements(p_conditions) LOOP
        field := cond ->> 'field';
        op := cond ->> 'op';
        val := cond -> 'value';
        ok := CASE field
            WHEN 'campaignId' THEN p_campaign::text IN (SELECT jsonb_array_elements_text(val))
            WHEN 'platform' THEN platforms && ARRAY(SELECT jsonb_array_elements_text(val))
            WHEN 'deliverableType' THEN types && ARRAY(SELECT jsonb_array_elements_text(val))
            WHEN 'feeMinor' THEN
                fee_currency = coalesce(cond ->> 'currency', fee_currency)
                AND CASE op WHEN 'gte' THEN fee >= (val #>> '{}')::bigint
                            ELSE fee <= (val #>> '{}')::bigint END
            WHEN 'stillInState' THEN
                rule_still_in_state(p_type, p_deal, p_campaign, p_object, p_data, p_params)
            ELSE false
        END;
        IF NOT coalesce(ok, false) THEN
            RETURN left('condition ' || field || ' ' || op || ' '
                        || CASE jsonb_typeof(val)
                               WHEN 'array' THEN '[' || (SELECT string_agg(v, ', ')
                                                         FROM jsonb_array_elements_text(val) v) || ']'
                               ELSE val #>> '{}' END
                        || coalesce(' ' || (cond ->> 'currency'), '')
                        || ' not met', 1000);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

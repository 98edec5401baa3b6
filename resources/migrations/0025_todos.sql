-- What is waiting for a person, for the desktop's Home page: offers the other side made, drafts
-- to review (brand side) or to rework (creator), and overdue deliverables of running deals.
-- Each group has its total and its first p_limit items, earliest due first, so that Home is
-- right for an agency with thousands of deals without reading them all.
--
-- The deals are the person's own (a creator) or those of the brands they act for: the owner's
-- and those whose staff they are, as the deal list's access rule (server/deals/Deals.cpp).
CREATE FUNCTION api_todos_json(p_user uuid, p_creator boolean, p_limit integer) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH mine AS (
        SELECT d.id, d.campaign_id, d.influencer_id, d.state FROM deals d
        WHERE p_creator AND d.influencer_id = p_user
          AND d.state IN ('invited', 'applied', 'negotiating', 'accepted', 'in_progress')
        UNION ALL
        SELECT d.id, d.campaign_id, d.influencer_id, d.state FROM deals d
        WHERE NOT p_creator
          AND d.brand_id IN (SELECT p_user UNION ALL
                             SELECT m.brand_id FROM brand_members m WHERE m.member_id = p_user)
          AND d.state IN ('invited', 'applied', 'negotiating', 'accepted', 'in_progress')),
    named AS (
        SELECT mine.*, c.name AS campaign_name, i.display_name AS creator_name,
               b.company_name AS brand_name
        FROM mine JOIN campaigns c ON c.id = mine.campaign_id
        JOIN influencer_details i ON i.user_id = mine.influencer_id
        LEFT JOIN brand_details b ON b.user_id = c.brand_id),
    offers_waiting AS (
        SELECT n.id AS deal_id, n.campaign_name, n.creator_name, n.brand_name, o.fee_minor,
               o.currency,
               (SELECT min(CAST(l ->> 'dueDate' AS date))
                FROM jsonb_array_elements(o.deliverables) l) AS due_on
        FROM named n JOIN offers o ON o.deal_id = n.id
        WHERE o.status = 'open' AND o.made_by = CASE WHEN p_creator THEN 'brand' ELSE 'creator' END),
    work AS (
        SELECT n.id AS deal_id, n.campaign_name, n.creator_name, dl.id AS deliverable_id,
               dl.type, dl.platform, dl.due_on, dl.status,
               dl.status <> 'live' AND dl.due_on < (now() AT TIME ZONE 'UTC')::date AS overdue,
               jsonb_build_object('dealId', n.id, 'campaignName', n.campaign_name,
                                  'creatorName', n.creator_name, 'brandName', n.brand_name,
                                  'deliverableId', dl.id,
                                  'type', dl.type, 'platform', dl.platform,
                                  'dueDate', api_date(dl.due_on), 'status', dl.status) AS j
        FROM named n JOIN deliverables dl ON dl.deal_id = n.id
        WHERE n.state IN ('accepted', 'in_progress')),
    groups AS (
        SELECT 1 AS position, 'offer_waiting' AS kind, count(*) AS total,
               coalesce((SELECT jsonb_agg(x.j ORDER BY x.due_on NULLS LAST, x.deal_id)
                         FROM (SELECT w.due_on, w.deal_id, jsonb_build_object(
                                   'dealId', w.deal_id, 'campaignName', w.campaign_name,
                                   'creatorName', w.creator_name, 'brandName', w.brand_name,
                                   'feeMinor', w.fee_minor,
                                   'currency', w.currency, 'dueDate', api_date(w.due_on)) AS j
                               FROM offers_waiting w
                               ORDER BY w.due_on NULLS LAST, w.deal_id LIMIT p_limit) x),
                        '[]') AS items
        FROM offers_waiting
        UNION ALL
        SELECT 2, CASE WHEN p_creator THEN 'draft_to_rework' ELSE 'draft_to_review' END,
               count(*), coalesce((SELECT jsonb_agg(x.j ORDER BY x.due_on, x.deliverable_id)
                                   FROM (SELECT w.due_on, w.deliverable_id, w.j
                                         FROM work w
                                         WHERE w.status = CASE WHEN p_creator THEN 'changes_requested'
                                                               ELSE 'in_review' END
                                         ORDER BY w.due_on, w.deliverable_id LIMIT p_limit) x), '[]')
        FROM work WHERE status = CASE WHEN p_creator THEN 'changes_requested' ELSE 'in_review' END
        UNION ALL
        SELECT 3, 'overdue', count(*),
               coalesce((SELECT jsonb_agg(x.j ORDER BY x.due_on, x.deliverable_id)
                         FROM (SELECT w.due_on, w.deliverable_id, w.j
                               FROM work w WHERE w.overdue
                               ORDER BY w.due_on, w.deliverable_id LIMIT p_limit) x), '[]')
        FROM work WHERE overdue)
    SELECT jsonb_build_object('groups', jsonb_agg(jsonb_build_object(
               'kind', g.kind, 'total', g.total, 'items', g.items) ORDER BY g.position))
    FROM groups g
$$;

COMMENT ON FUNCTION api_todos_json(uuid, boolean, integer) IS
    'GET /api/v1/me/todos: offers waiting, drafts to review or rework, overdue deliverables; '
    'per group its total and the first p_limit items, earliest due first.';

-- A campaign as its reader may see it. Creators see a campaign's brief, targeting and dates,
-- never its budget: knowing what a brand has to spend would weaken the brand's hand in every
-- negotiation. The brand's side and admins see everything, progress included.
--
-- api_campaign_json(c, false) stays the whole row without progress: the campaign PATCH merges
-- its patch into that (Campaigns.cpp), and the budget must survive the merge.
CREATE FUNCTION api_campaign_view_json(c campaigns, brand_side boolean) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN brand_side THEN api_campaign_json(c, true)
                ELSE api_campaign_json(c, false) - 'budgetMinor' END
$$;

COMMENT ON FUNCTION api_campaign_view_json(campaigns, boolean) IS
    'A campaign as its reader may see it: creators (brand_side false) without its budget.';

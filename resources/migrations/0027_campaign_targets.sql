-- 0027: a campaign's KPI targets (issue 20): the views, engagements and reach it should reach and
-- the most it should pay per engagement (CPE) and per thousand views (CPM), in minor units of
-- the campaign's currency. Each is optional; the campaign forecast gives the chance of reaching
-- them (server/forecast/CampaignForecast.cpp).
ALTER TABLE campaigns
    ADD COLUMN target_views        bigint CHECK (target_views BETWEEN 1 AND 1000000000000),
    ADD COLUMN target_engagements  bigint CHECK (target_engagements BETWEEN 1 AND 1000000000000),
    ADD COLUMN target_reach        bigint CHECK (target_reach BETWEEN 1 AND 1000000000000),
    ADD COLUMN target_max_cpe_minor bigint CHECK (target_max_cpe_minor BETWEEN 1 AND 1000000000),
    ADD COLUMN target_max_cpm_minor bigint CHECK (target_max_cpm_minor BETWEEN 1 AND 1000000000);

-- api_campaign_json gains `targets` without restating 0005's body: the old function keeps its
-- body under a new name and the new one adds the field. Every caller names api_campaign_json in
-- a plain SQL or C++ text, resolved at call time, so all of them get the targets; the campaign
-- PATCH merges its patch into api_campaign_json(c, false), so the targets survive a merge.
ALTER FUNCTION api_campaign_json(campaigns, boolean) RENAME TO api_campaign_base_json;

CREATE FUNCTION api_campaign_json(c campaigns, progress boolean) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT api_campaign_base_json(c, progress) || jsonb_build_object('targets',
        jsonb_build_object('views', c.target_views, 'engagements', c.target_engagements,
                           'reach', c.target_reach, 'maxCpeMinor', c.target_max_cpe_minor,
                           'maxCpmMinor', c.target_max_cpm_minor))
$$;

-- Targets are the brand's like the budget (0024_campaign_privacy.sql): a creator who knew
-- the views a brand hopes for, or the most it pays per engagement, would price to them.
CREATE OR REPLACE FUNCTION api_campaign_view_json(c campaigns, brand_side boolean) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN brand_side THEN api_campaign_json(c, true)
                ELSE api_campaign_json(c, false) - 'budgetMinor' - 'targets' END
$$;

COMMENT ON FUNCTION api_campaign_view_json(campaigns, boolean) IS
    'A campaign as its reader may see it: creators (brand_side false) without its budget and targets.';

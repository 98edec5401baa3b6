-- SPDX-License-Identifier: Apache-2.0
-- 0011: posts and their figures, the raw data behind analytics.
--
-- A post is a creator's published piece of content on a platform: one of their recent posts as
-- the platform lists it, or the post that fulfils a live deliverable (deliverable_id; the
-- campaign is derived from it). Posts come from the daily sync (source 'platform'), from brand
-- staff or the creator typing in what no API gives (Stories: 'manual'), or from a bulk import
-- ('import').
--
-- post_metrics holds one row per post and UTC day: the post's LIFETIME totals as of that day
-- (platforms report totals, not increments). The figures of one day are the difference to the
-- post's previous row. A figure the platform does not give is NULL, never 0. The source and an
-- optional evidence URL (a screenshot of Story insights, say) are kept with each row.

CREATE TABLE posts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    influencer_id  uuid NOT NULL REFERENCES influencer_details (user_id) ON DELETE CASCADE,
    -- The account it was published from, where known (a deliverable's post may be on an account
    -- that was never connected).
    account_id     uuid REFERENCES connected_accounts (id) ON DELETE SET NULL,
    platform       text NOT NULL
                   CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitch', 'x', 'facebook',
                                       'pinterest', 'linkedin', 'snapchat')),
    -- The platform's id of the post; NULL for posts entered by hand without one.
    external_id    text CHECK (external_id IS NULL OR char_length(external_id) BETWEEN 1 AND 200),
    kind           text NOT NULL
                   CHECK (kind IN ('post', 'story', 'reel', 'video', 'short', 'livestream', 'blog')),
    url            text CHECK (url IS NULL OR (char_length(url) <= 2048 AND url ~ '^https://')),
    caption        text NOT NULL DEFAULT '' CHECK (char_length(caption) <= 5000),
    published_at   timestamptz NOT NULL,
    deliverable_id uuid UNIQUE REFERENCES deliverables (id) ON DELETE SET NULL,
    -- Derived from deliverable_id by posts_campaign (never written directly).
    campaign_id    uuid REFERENCES campaigns (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (platform, external_id)
);
CREATE INDEX posts_influencer_idx ON posts (influencer_id, published_at DESC);
CREATE INDEX posts_account_idx ON posts (account_id, published_at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX posts_campaign_idx ON posts (campaign_id, influencer_id) WHERE campaign_id IS NOT NULL;
CREATE TRIGGER posts_updated_at BEFORE UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The campaign follows the deliverable; a post can only fulfil a deliverable of its own creator
-- on the deliverable's platform.
CREATE FUNCTION posts_campaign() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    d record;
BEGIN
    IF NEW.deliverable_id IS NULL THEN
        NEW.campaign_id := NULL;
        RETURN NEW;
    END IF;
    SELECT dl.platform, de.campaign_id, de.influencer_id INTO d
    FROM deliverables dl JOIN deals de ON de.id = dl.deal_id
    WHERE dl.id = NEW.deliverable_id;
    IF NOT FOUND OR d.influencer_id <> NEW.influencer_id OR d.platform <> NEW.platform THEN
        RAISE EXCEPTION 'a post fulfils only a deliverable of its creator on its platform'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'posts_deliverable_match';
    END IF;
    NEW.campaign_id := d.campaign_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER posts_campaign BEFORE INSERT OR UPDATE OF deliverable_id, influencer_id, platform
    ON posts FOR EACH ROW EXECUTE FUNCTION posts_campaign();

CREATE TABLE post_metrics (
    post_id       uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    day           date NOT NULL,
    views         bigint CHECK (views >= 0),
    impressions   bigint CHECK (impressions >= 0),
    reach         bigint CHECK (reach >= 0),
    likes         bigint CHECK (likes >= 0),
    comments      bigint CHECK (comments >= 0),
    shares        bigint CHECK (shares >= 0),
    saves         bigint CHECK (saves >= 0),
    clicks        bigint CHECK (clicks >= 0),
    watch_seconds bigint CHECK (watch_seconds >= 0),
    source        text NOT NULL CHECK (source IN ('platform', 'manual', 'import')),
    evidence_url  text CHECK (evidence_url IS NULL
                              OR (char_length(evidence_url) <= 2048 AND evidence_url ~ '^https://')),
    entered_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    captured_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, day)
);
-- Rows arrive in day order: a BRIN index serves range scans over all posts at a tiny size.
CREATE INDEX post_metrics_day_brin ON post_metrics USING brin (day);

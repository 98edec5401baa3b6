-- SPDX-License-Identifier: Apache-2.0
-- 0012: analytics. A daily rollup of post figures per campaign, creator and platform, kept by
-- triggers, so that dashboards never aggregate raw post_metrics per request; EMV tables (what an
-- action is worth, per platform, in minor units of a currency); the JSON of the analytics routes.
--
-- post_metrics (0011) holds LIFETIME totals per post and day. The rollup holds INCREMENTS: the
-- row of day D of (campaign, creator, platform) sums, over the group's posts that have a row on
-- D, that row minus the post's previous row (NULL figures count as 0). Increments telescope: the
-- sum over the days of a period equals, per post, its latest row on or before the period's end
-- minus its latest row before the period's start, the per-post figures the routes show.
--
-- Maintenance is statement-level with transition tables, so that a COPY of a million rows runs
-- the refresh once: the changed rows give, per post, the range of days whose increments may have
-- changed (from its first changed day to the first existing day after its last changed one: that
-- next row's increment changes too); the posts' groups and ranges are then recomputed from the
-- raw rows in one set-based INSERT … ON CONFLICT DO UPDATE, reading each post's rows once in
-- PK order (a window over the range plus the one row before it), and rows of the ranges that no
-- post contributes to any more are deleted. Moving a post to another deliverable or deleting it
-- recomputes its old and new groups whole (a group is one creator in one campaign on one
-- platform: a few posts). Posts without a campaign are not rolled up: a creator's own analytics
-- read the creator's few posts through their indexes.

CREATE TABLE post_rollup_daily (
    campaign_id   uuid NOT NULL,
    day           date NOT NULL,
    influencer_id uuid NOT NULL,
    platform      text NOT NULL,
    -- Posts with a row on this day (the rollup row goes when none is left).
    posts         integer NOT NULL CHECK (posts > 0),
    views         bigint NOT NULL,
    impressions   bigint NOT NULL,
    reach         bigint NOT NULL,
    likes         bigint NOT NULL,
    comments      bigint NOT NULL,
    shares        bigint NOT NULL,
    saves         bigint NOT NULL,
    clicks        bigint NOT NULL,
    watch_seconds bigint NOT NULL,
    captured_at   timestamptz NOT NULL,
    -- A group's days are one range of the key (the refresh); no foreign keys (their checks
    -- would cost a lookup per rollup row in a bulk load): deleting a post, a campaign's link or
    -- a creator goes through the posts triggers below.
    PRIMARY KEY (campaign_id, influencer_id, platform, day)
);
-- A campaign's period (the dashboards).
CREATE INDEX post_rollup_daily_campaign_day_idx ON post_rollup_daily (campaign_id, day);

-- Recomputes the rollup rows of groups (campaign, creator, platform) over day ranges [lo, hi]
-- (given as parallel arrays; '-infinity'/'infinity' for a whole group) from the raw rows. Two
-- statements: first the rows that no post contributes to any more go (checked against the raw
-- rows through their indexes, so only rows that existed before pay for it: a bulk load of new
-- days finds none), then every group-day of the ranges is written from the raw rows.
CREATE FUNCTION post_rollup_refresh(p_campaigns uuid[], p_influencers uuid[], p_platforms text[],
                                    p_los date[], p_his date[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM post_rollup_daily d
    USING (SELECT t.campaign_id, t.influencer_id, t.platform, min(t.lo) AS lo, max(t.hi) AS hi
           FROM unnest(p_campaigns, p_influencers, p_platforms, p_los, p_his)
                AS t(campaign_id, influencer_id, platform, lo, hi)
           GROUP BY 1, 2, 3) g
    WHERE d.campaign_id = g.campaign_id AND d.influencer_id = g.influencer_id
      AND d.platform = g.platform AND d.day BETWEEN g.lo AND g.hi
      AND NOT EXISTS (SELECT 1 FROM posts p JOIN post_metrics m ON m.post_id = p.id
                      WHERE p.campaign_id = d.campaign_id AND p.influencer_id = d.influencer_id
                        AND p.platform = d.platform AND m.day = d.day);

    WITH g AS (
        SELECT t.campaign_id, t.influencer_id, t.platform, min(t.lo) AS lo, max(t.hi) AS hi
        FROM unnest(p_campaigns, p_influencers, p_platforms, p_los, p_his)
             AS t(campaign_id, influencer_id, platform, lo, hi)
        GROUP BY 1, 2, 3),
    r AS (
        SELECT g.campaign_id, g.influencer_id, g.platform, g.lo, m.day, m.captured_at,
               coalesce(m.views, 0) - coalesce(lag(m.views) OVER w, 0) AS views,
               coalesce(m.impressions, 0) - coalesce(lag(m.impressions) OVER w, 0) AS impressions,
               coalesce(m.reach, 0) - coalesce(lag(m.reach) OVER w, 0) AS reach,
               coalesce(m.likes, 0) - coalesce(lag(m.likes) OVER w, 0) AS likes,
               coalesce(m.comments, 0) - coalesce(lag(m.comments) OVER w, 0) AS comments,
               coalesce(m.shares, 0) - coalesce(lag(m.shares) OVER w, 0) AS shares,
               coalesce(m.saves, 0) - coalesce(lag(m.saves) OVER w, 0) AS saves,
               coalesce(m.clicks, 0) - coalesce(lag(m.clicks) OVER w, 0) AS clicks,
               coalesce(m.watch_seconds, 0) - coalesce(lag(m.watch_seconds) OVER w, 0)
                   AS watch_seconds
        FROM g
        JOIN posts p ON p.campaign_id = g.campaign_id AND p.influencer_id = g.influencer_id
                    AND p.platform = g.platform
        JOIN post_metrics m ON m.post_id = p.id AND m.day <= g.hi
             -- from the post's last row before the range (its previous figures) on
             AND m.day >= coalesce((SELECT max(x.day) FROM post_metrics x
                                    WHERE x.post_id = p.id AND x.day < g.lo), g.lo)
        WINDOW w AS (PARTITION BY p.id ORDER BY m.day))
    INSERT INTO post_rollup_daily AS d
        (campaign_id, influencer_id, platform, day, posts, views, impressions, reach, likes,
         comments, shares, saves, clicks, watch_seconds, captured_at)
    SELECT r.campaign_id, r.influencer_id, r.platform, r.day, count(*)::integer,
           sum(r.views)::bigint, sum(r.impressions)::bigint, sum(r.reach)::bigint,
           sum(r.likes)::bigint, sum(r.comments)::bigint, sum(r.shares)::bigint,
           sum(r.saves)::bigint, sum(r.clicks)::bigint, sum(r.watch_seconds)::bigint,
           max(r.captured_at)
    FROM r WHERE r.day >= r.lo
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (campaign_id, influencer_id, platform, day) DO UPDATE SET
        posts = EXCLUDED.posts, views = EXCLUDED.views, impressions = EXCLUDED.impressions,
        reach = EXCLUDED.reach, likes = EXCLUDED.likes, comments = EXCLUDED.comments,
        shares = EXCLUDED.shares, saves = EXCLUDED.saves, clicks = EXCLUDED.clicks,
        watch_seconds = EXCLUDED.watch_seconds, captured_at = EXCLUDED.captured_at
    WHERE (d.posts, d.views, d.impressions, d.reach, d.likes, d.comments, d.shares, d.saves,
           d.clicks, d.watch_seconds, d.captured_at)
          IS DISTINCT FROM
          (EXCLUDED.posts, EXCLUDED.views, EXCLUDED.impressions, EXCLUDED.reach, EXCLUDED.likes,
           EXCLUDED.comments, EXCLUDED.shares, EXCLUDED.saves, EXCLUDED.clicks,
           EXCLUDED.watch_seconds, EXCLUDED.captured_at);
$$;

-- The rollup for changed rows of post_metrics, given per post as the range of changed days.
CREATE FUNCTION post_rollup_refresh_posts(p_posts uuid[], p_los date[], p_his date[])
RETURNS void
LANGUAGE sql AS $$
    SELECT post_rollup_refresh(array_agg(p.campaign_id), array_agg(p.influencer_id),
                               array_agg(p.platform), array_agg(c.lo), array_agg(
        -- the first row after the last changed day: its increment changes too
        coalesce((SELECT min(m.day) FROM post_metrics m WHERE m.post_id = c.post_id
                  AND m.day > c.hi), c.hi)))
    FROM unnest(p_posts, p_los, p_his) AS c(post_id, lo, hi)
    JOIN posts p ON p.id = c.post_id
    WHERE p.campaign_id IS NOT NULL
    HAVING count(*) > 0;
$$;

CREATE FUNCTION post_metrics_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    posts uuid[];
    los date[];
    his date[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(x.post_id), array_agg(x.lo), array_agg(x.hi) INTO posts, los, his
        FROM (SELECT post_id, min(day) AS lo, max(day) AS hi FROM new_rows GROUP BY post_id) x;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(x.post_id), array_agg(x.lo), array_agg(x.hi) INTO posts, los, his
        FROM (SELECT post_id, min(day) AS lo, max(day) AS hi FROM old_rows GROUP BY post_id) x;
    ELSE
        SELECT array_agg(x.post_id), array_agg(x.lo), array_agg(x.hi) INTO posts, los, his
        FROM (SELECT post_id, min(day) AS lo, max(day) AS hi
              FROM (SELECT post_id, day FROM new_rows UNION ALL
                    SELECT post_id, day FROM old_rows) u
              GROUP BY post_id) x;
    END IF;
    IF posts IS NOT NULL THEN
        PERFORM post_rollup_refresh_posts(posts, los, his);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER post_metrics_rollup_insert AFTER INSERT ON post_metrics
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_rollup();
CREATE TRIGGER post_metrics_rollup_update AFTER UPDATE ON post_metrics
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_rollup();
CREATE TRIGGER post_metrics_rollup_delete AFTER DELETE ON post_metrics
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_rollup();

-- TRUNCATE has no transition table; nothing is left to roll up.
CREATE FUNCTION post_metrics_rollup_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM post_rollup_daily;
    RETURN NULL;
END;
$$;
CREATE TRIGGER post_metrics_rollup_truncate AFTER TRUNCATE ON post_metrics
    FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_rollup_truncate();

-- A post that moves to another deliverable (so campaign), creator or platform, or is deleted:
-- its old and new groups are recomputed whole.
CREATE FUNCTION posts_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM post_rollup_refresh(array_agg(o.campaign_id), array_agg(o.influencer_id),
                                    array_agg(o.platform), array_agg('-infinity'::date),
                                    array_agg('infinity'::date))
        FROM old_rows o WHERE o.campaign_id IS NOT NULL HAVING count(*) > 0;
    ELSE
        PERFORM post_rollup_refresh(array_agg(g.campaign_id), array_agg(g.influencer_id),
                                    array_agg(g.platform), array_agg('-infinity'::date),
                                    array_agg('infinity'::date))
        FROM (SELECT o.campaign_id, o.influencer_id, o.platform
              FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.campaign_id, o.influencer_id, o.platform)
                    IS DISTINCT FROM (n.campaign_id, n.influencer_id, n.platform)
              UNION
              SELECT n.campaign_id, n.influencer_id, n.platform
              FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.campaign_id, o.influencer_id, o.platform)
                    IS DISTINCT FROM (n.campaign_id, n.influencer_id, n.platform)) g
        WHERE g.campaign_id IS NOT NULL HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER posts_rollup_update AFTER UPDATE ON posts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION posts_rollup();
CREATE TRIGGER posts_rollup_delete AFTER DELETE ON posts
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION posts_rollup();

-- Figures that exist already.
SELECT post_rollup_refresh(array_agg(g.campaign_id), array_agg(g.influencer_id),
                           array_agg(g.platform), array_agg('-infinity'::date),
                           array_agg('infinity'::date))
FROM (SELECT DISTINCT campaign_id, influencer_id, platform FROM posts
      WHERE campaign_id IS NOT NULL) g
HAVING count(*) > 0;

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

-- Per-post totals -----------------------------------------------------------------------------

-- Estimated reach of a post the platform gives no reach for: the followers of its account on
-- the day it was published (its snapshot, else the account's current count) times the
-- platform's reach factor (our defaults, CreatorIQ-style: instagram 0.30, tiktok 0.25,
-- youtube 0.20, others 0.15).
CREATE FUNCTION post_estimated_reach(p posts) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT round(coalesce(
               (SELECT am.followers FROM account_metrics am
                WHERE am.account_id = a.id
                  AND am.day <= (p.published_at AT TIME ZONE 'UTC')::date
                ORDER BY am.day DESC LIMIT 1), a.followers, 0)
           * CASE p.platform WHEN 'instagram' THEN 0.30 WHEN 'tiktok' THEN 0.25
                             WHEN 'youtube' THEN 0.20 ELSE 0.15 END)::bigint
    FROM (SELECT 1) x
    LEFT JOIN LATERAL (SELECT c.id, c.followers FROM connected_accounts c
                       WHERE c.id = p.account_id
                          OR (p.account_id IS NULL AND c.influencer_id = p.influencer_id
                              AND c.platform = p.platform)
                       ORDER BY c.id = p.account_id DESC, c.followers DESC LIMIT 1) a ON true
$$;

-- One row per post of a campaign: its latest lifetime figures (its newest row of post_metrics;
-- zeros and no day while it has none), and, where that row gives no reach, its estimated reach
-- (post_estimated_reach: followers at publication x the platform's factor, fixed when the post's
-- figures or its publication change). Kept by the same triggers as the rollup, so that the
-- dashboards read "top posts" in index order, and the estimated reach and post counts of a
-- period from the posts' publication days, never per post from post_metrics.
CREATE TABLE post_totals (
    post_id         uuid PRIMARY KEY,
    campaign_id     uuid NOT NULL,
    influencer_id   uuid NOT NULL,
    platform        text NOT NULL,
    published_day   date NOT NULL,  -- UTC
    day             date,           -- of the newest row; NULL: no figures yet
    views           bigint NOT NULL,
    impressions     bigint NOT NULL,
    reach           bigint,         -- the newest row's; NULL: the platform gave none
    likes           bigint NOT NULL,
    comments        bigint NOT NULL,
    shares          bigint NOT NULL,
    saves           bigint NOT NULL,
    clicks          bigint NOT NULL,
    watch_seconds   bigint NOT NULL,
    engagements     bigint NOT NULL,
    estimated_reach bigint,         -- set exactly when reach is NULL
    captured_at     timestamptz
);
-- Top posts of a campaign.
CREATE INDEX post_totals_top_idx ON post_totals (campaign_id, engagements DESC, post_id);
-- Post counts and estimated reach of a campaign's period (index-only).
CREATE INDEX post_totals_published_idx ON post_totals (campaign_id, published_day)
    INCLUDE (influencer_id, estimated_reach, captured_at, engagements);
-- A creator's groups and posts (the overview's top creators).
CREATE INDEX post_totals_influencer_idx ON post_totals (influencer_id, campaign_id, platform)
    INCLUDE (published_day, estimated_reach);

-- Per campaign, platform and day: the sums of post_rollup_daily's rows (the increments of the
-- campaign's posts) and of the posts published that day (UTC): how many, how many with an
-- estimated reach (post_totals.estimated_reach) and its sum; captured_at is the newest of those
-- rows' (a post published in a period has its figures up to the period's end in it, so this
-- covers the estimated posts' figures too). The dashboards' KPIs and series read this: a
-- campaign's 30 days are at most 30 rows a platform however many posts it has.
CREATE TABLE campaign_rollup_daily (
    campaign_id     uuid NOT NULL,
    day             date NOT NULL,
    platform        text NOT NULL,
    published       integer NOT NULL,
    estimated       integer NOT NULL,
    estimated_reach bigint NOT NULL,
    views           bigint NOT NULL,
    impressions     bigint NOT NULL,
    reach           bigint NOT NULL,
    likes           bigint NOT NULL,
    comments        bigint NOT NULL,
    shares          bigint NOT NULL,
    saves           bigint NOT NULL,
    clicks          bigint NOT NULL,
    watch_seconds   bigint NOT NULL,
    captured_at     timestamptz,
    PRIMARY KEY (campaign_id, day, platform)
);
-- Post counts up to a day.
CREATE INDEX campaign_rollup_daily_published_idx ON campaign_rollup_daily (campaign_id, day)
    INCLUDE (published) WHERE published > 0;

-- Recomputes the rows of campaigns' platforms over day ranges [lo, hi] (parallel arrays) from
-- post_rollup_daily and post_totals, which the callers have written already.
CREATE FUNCTION campaign_rollup_refresh(p_campaigns uuid[], p_platforms text[], p_los date[],
                                        p_his date[]) RETURNS void
LANGUAGE sql AS $$
    WITH g AS (
        SELECT t.campaign_id, t.platform, min(t.lo) AS lo, max(t.hi) AS hi
        FROM unnest(p_campaigns, p_platforms, p_los, p_his) AS t(campaign_id, platform, lo, hi)
        GROUP BY 1, 2),
    f AS (
        SELECT r.campaign_id, r.platform, r.day, sum(r.views)::bigint AS views,
               sum(r.impressions)::bigint AS impressions, sum(r.reach)::bigint AS reach,
               sum(r.likes)::bigint AS likes, sum(r.comments)::bigint AS comments,
               sum(r.shares)::bigint AS shares, sum(r.saves)::bigint AS saves,
               sum(r.clicks)::bigint AS clicks, sum(r.watch_seconds)::bigint AS watch_seconds,
               max(r.captured_at) AS captured_at
        FROM g JOIN post_rollup_daily r ON r.campaign_id = g.campaign_id
             AND r.platform = g.platform AND r.day BETWEEN g.lo AND g.hi
        GROUP BY 1, 2, 3),
    e AS (
        SELECT t.campaign_id, t.platform, t.published_day AS day, count(*)::integer AS published,
               count(t.estimated_reach)::integer AS estimated,
               coalesce(sum(t.estimated_reach), 0)::bigint AS estimated_reach
        FROM g JOIN post_totals t ON t.campaign_id = g.campaign_id
             AND t.platform = g.platform AND t.published_day BETWEEN g.lo AND g.hi
        GROUP BY 1, 2, 3),
    n AS (
        SELECT campaign_id, day, platform, coalesce(e.published, 0) AS published,
               coalesce(e.estimated, 0) AS estimated,
               coalesce(e.estimated_reach, 0) AS estimated_reach,
               coalesce(f.views, 0) AS views, coalesce(f.impressions, 0) AS impressions,
               coalesce(f.reach, 0) AS reach, coalesce(f.likes, 0) AS likes,
               coalesce(f.comments, 0) AS comments, coalesce(f.shares, 0) AS shares,
               coalesce(f.saves, 0) AS saves, coalesce(f.clicks, 0) AS clicks,
               coalesce(f.watch_seconds, 0) AS watch_seconds,
               f.captured_at
        FROM f FULL JOIN e USING (campaign_id, platform, day)),
    gone AS (
        DELETE FROM campaign_rollup_daily d USING g
        WHERE d.campaign_id = g.campaign_id AND d.platform = g.platform
          AND d.day BETWEEN g.lo AND g.hi
          AND NOT EXISTS (SELECT 1 FROM n WHERE n.campaign_id = d.campaign_id
                                            AND n.platform = d.platform AND n.day = d.day))
    INSERT INTO campaign_rollup_daily AS d
        (campaign_id, day, platform, published, estimated, estimated_reach, views, impressions,
         reach, likes, comments, shares, saves, clicks, watch_seconds, captured_at)
    SELECT * FROM n
    ON CONFLICT (campaign_id, day, platform) DO UPDATE SET
        published = EXCLUDED.published, estimated = EXCLUDED.estimated,
        estimated_reach = EXCLUDED.estimated_reach, views = EXCLUDED.views,
        impressions = EXCLUDED.impressions, reach = EXCLUDED.reach, likes = EXCLUDED.likes,
        comments = EXCLUDED.comments, shares = EXCLUDED.shares, saves = EXCLUDED.saves,
        clicks = EXCLUDED.clicks, watch_seconds = EXCLUDED.watch_seconds,
        captured_at = EXCLUDED.captured_at
    WHERE (d.published, d.estimated, d.estimated_reach, d.views, d.impressions, d.reach, d.likes,
           d.comments, d.shares, d.saves, d.clicks, d.watch_seconds, d.captured_at)
          IS DISTINCT FROM
          (EXCLUDED.published, EXCLUDED.estimated, EXCLUDED.estimated_reach, EXCLUDED.views,
           EXCLUDED.impressions, EXCLUDED.reach, EXCLUDED.likes, EXCLUDED.comments,
           EXCLUDED.shares, EXCLUDED.saves, EXCLUDED.clicks, EXCLUDED.watch_seconds,
           EXCLUDED.captured_at);
$$;

-- Locks the campaigns whose rollup rows a statement rewrites, for the rest of the transaction:
-- up to 64 campaigns an exclusive advisory lock each (class 1912, in key order) under a SHARED
-- lock on the one key of class 1913; more campaigns (a bulk load) that key EXCLUSIVELY instead,
-- so the lock table does not fill. Everyone takes the class-1913 key first, so a bulk load waits
-- for every writer of single campaigns and they for it, and no cycle can form.
CREATE FUNCTION analytics_lock_campaigns(p_campaigns uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    keys integer[] := ARRAY(SELECT DISTINCT hashtext(c::text)
                            FROM unnest(p_campaigns) AS c WHERE c IS NOT NULL ORDER BY 1);
BEGIN
    IF cardinality(keys) = 0 THEN
        RETURN;
    END IF;
    IF cardinality(keys) > 64 THEN
        PERFORM pg_advisory_xact_lock(1913, 0);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(1913, 0);
        PERFORM pg_advisory_xact_lock(1912, k) FROM unnest(keys) AS k ORDER BY k;
    END IF;
END;
$$;

-- Rewrites the totals of posts from posts and their newest rows (a primary-key lookup each);
-- posts without a campaign (or gone) lose theirs; then the campaign rows of their publication
-- days. It takes the campaigns' locks as post_rollup_refresh does (again, when called after it:
-- they are held until commit), so that two new posts of one campaign-day cannot each count the
-- day without the other.
CREATE FUNCTION post_totals_refresh(p_posts uuid[]) RETURNS void
LANGUAGE sql AS $$
    SELECT analytics_lock_campaigns(ARRAY(SELECT p.campaign_id FROM posts p
                                          WHERE p.id = ANY (p_posts)));

    DELETE FROM post_totals t
    WHERE t.post_id = ANY (p_posts)
      AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = t.post_id AND p.campaign_id IS NOT NULL);

    INSERT INTO post_totals AS t
        (post_id, campaign_id, influencer_id, platform, published_day, day, views, impressions,
         reach, likes, comments, shares, saves, clicks, watch_seconds, engagements,
         estimated_reach, captured_at)
    SELECT p.id, p.campaign_id, p.influencer_id, p.platform,
           (p.published_at AT TIME ZONE 'UTC')::date, m.day, coalesce(m.views, 0),
           coalesce(m.impressions, 0), m.reach, coalesce(m.likes, 0), coalesce(m.comments, 0),
           coalesce(m.shares, 0), coalesce(m.saves, 0), coalesce(m.clicks, 0),
           coalesce(m.watch_seconds, 0),
           coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0)
           + coalesce(m.saves, 0),
           CASE WHEN m.reach IS NULL THEN post_estimated_reach(p) END, m.captured_at
    FROM posts p
    LEFT JOIN LATERAL (SELECT * FROM post_metrics x WHERE x.post_id = p.id
                       ORDER BY x.day DESC LIMIT 1) m ON true
    WHERE p.id = ANY (p_posts) AND p.campaign_id IS NOT NULL
    ON CONFLICT (post_id) DO UPDATE SET
        campaign_id = EXCLUDED.campaign_id, influencer_id = EXCLUDED.influencer_id,
        platform = EXCLUDED.platform, published_day = EXCLUDED.published_day,
        day = EXCLUDED.day, views = EXCLUDED.views, impressions = EXCLUDED.impressions,
        reach = EXCLUDED.reach, likes = EXCLUDED.likes, comments = EXCLUDED.comments,
        shares = EXCLUDED.shares, saves = EXCLUDED.saves, clicks = EXCLUDED.clicks,
        watch_seconds = EXCLUDED.watch_seconds, engagements = EXCLUDED.engagements,
        estimated_reach = EXCLUDED.estimated_reach, captured_at = EXCLUDED.captured_at
    WHERE (t.campaign_id, t.influencer_id, t.platform, t.published_day, t.day, t.views,
           t.impressions, t.reach, t.likes, t.comments, t.shares, t.saves, t.clicks,
           t.watch_seconds, t.estimated_reach, t.captured_at)
          IS DISTINCT FROM
          (EXCLUDED.campaign_id, EXCLUDED.influencer_id, EXCLUDED.platform,
           EXCLUDED.published_day, EXCLUDED.day, EXCLUDED.views, EXCLUDED.impressions,
           EXCLUDED.reach, EXCLUDED.likes, EXCLUDED.comments, EXCLUDED.shares, EXCLUDED.saves,
           EXCLUDED.clicks, EXCLUDED.watch_seconds, EXCLUDED.estimated_reach,
           EXCLUDED.captured_at);

    SELECT campaign_rollup_refresh(array_agg(t.campaign_id), array_agg(t.platform),
                                   array_agg(t.published_day), array_agg(t.published_day))
    FROM post_totals t WHERE t.post_id = ANY (p_posts)
    HAVING count(*) > 0;
$$;

-- Recomputes the rollup rows of groups (campaign, creator, platform) over day ranges [lo, hi]
-- (given as parallel arrays; '-infinity'/'infinity' for a whole group) from the raw rows.
--
-- First the campaigns are locked (analytics_lock_campaigns): two transactions writing rows of
-- one group would otherwise each recompute it from a snapshot without the other's rows, and the
-- later commit would leave the rollup short. Each
-- statement of this (volatile) function takes a new snapshot, so what follows the lock sees
-- every transaction that held it. Then the rows that no post contributes to any more go (checked
-- against the raw rows through their indexes, so only rows that existed before pay for it: a bulk
-- load of new days finds none), and every group-day of the ranges is written from the raw rows.
CREATE FUNCTION post_rollup_refresh(p_campaigns uuid[], p_influencers uuid[], p_platforms text[],
                                    p_los date[], p_his date[]) RETURNS void
LANGUAGE sql AS $$
    SELECT analytics_lock_campaigns(p_campaigns);

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

    SELECT campaign_rollup_refresh(p_campaigns, p_platforms, p_los, p_his);
$$;

-- The rollup and the totals for changed rows of post_metrics, given per post as the range of
-- changed days.
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

    SELECT post_totals_refresh(p_posts);
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

-- TRUNCATE has no transition table; nothing is left to roll up, the posts have no figures.
CREATE FUNCTION post_metrics_rollup_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM post_rollup_daily;
    DELETE FROM campaign_rollup_daily;
    PERFORM post_totals_refresh(ARRAY(SELECT t.post_id FROM post_totals t));
    RETURN NULL;
END;
$$;
CREATE TRIGGER post_metrics_rollup_truncate AFTER TRUNCATE ON post_metrics
    FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_rollup_truncate();

-- A post that moves to another deliverable (so campaign), creator or platform, or is deleted:
-- its old and new groups are recomputed whole; its totals follow (also a new post, and one
-- whose publication or account changes: its estimated reach).
CREATE FUNCTION posts_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM post_totals_refresh(array_agg(n.id))
        FROM new_rows n WHERE n.campaign_id IS NOT NULL HAVING count(*) > 0;
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM post_totals t USING old_rows o WHERE t.post_id = o.id;
        PERFORM campaign_rollup_refresh(array_agg(o.campaign_id), array_agg(o.platform),
                                        array_agg((o.published_at AT TIME ZONE 'UTC')::date),
                                        array_agg((o.published_at AT TIME ZONE 'UTC')::date))
        FROM old_rows o WHERE o.campaign_id IS NOT NULL HAVING count(*) > 0;
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
        PERFORM post_totals_refresh(array_agg(n.id))
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.campaign_id, o.influencer_id, o.platform, o.published_at, o.account_id)
              IS DISTINCT FROM (n.campaign_id, n.influencer_id, n.platform, n.published_at,
                                n.account_id)
        HAVING count(*) > 0;
        -- the publication days the posts left
        PERFORM campaign_rollup_refresh(array_agg(o.campaign_id), array_agg(o.platform),
                                        array_agg((o.published_at AT TIME ZONE 'UTC')::date),
                                        array_agg((o.published_at AT TIME ZONE 'UTC')::date))
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.campaign_id IS NOT NULL
          AND (o.campaign_id, o.platform, o.published_at)
              IS DISTINCT FROM (n.campaign_id, n.platform, n.published_at)
        HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER posts_rollup_insert AFTER INSERT ON posts
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION posts_rollup();
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
SELECT post_totals_refresh(ARRAY(SELECT p.id FROM posts p WHERE p.campaign_id IS NOT NULL));

-- EMV tables -----------------------------------------------------------------------------------

-- What an action is worth, per platform, in minor units of the table's currency (decimals: a
-- view is worth a fraction of a cent). A brand has at most one table per currency; the built-in
-- defaults (brand_id NULL) exist for EUR, USD and GBP. EMV uses the brand's table for the
-- campaign's currency, else the default (README: "Analytics: what each figure means").
CREATE TABLE emv_tables (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    brand_id   uuid REFERENCES brand_details (user_id) ON DELETE CASCADE,
    currency   char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX emv_tables_brand_key ON emv_tables (brand_id, currency)
    WHERE brand_id IS NOT NULL;
CREATE UNIQUE INDEX emv_tables_default_key ON emv_tables (currency) WHERE brand_id IS NULL;

CREATE TABLE emv_rates (
    table_id              uuid NOT NULL REFERENCES emv_tables (id) ON DELETE CASCADE,
    platform              text NOT NULL
                          CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitch', 'x',
                                              'facebook', 'pinterest', 'linkedin', 'snapchat')),
    per_mille_impressions numeric(14, 4) NOT NULL CHECK (per_mille_impressions >= 0),
    per_view              numeric(14, 4) NOT NULL CHECK (per_view >= 0),
    per_like              numeric(14, 4) NOT NULL CHECK (per_like >= 0),
    per_comment           numeric(14, 4) NOT NULL CHECK (per_comment >= 0),
    per_share             numeric(14, 4) NOT NULL CHECK (per_share >= 0),
    per_save              numeric(14, 4) NOT NULL CHECK (per_save >= 0),
    per_click             numeric(14, 4) NOT NULL CHECK (per_click >= 0),
    PRIMARY KEY (table_id, platform)
);

-- Our defaults (README): the same numbers in each currency, in minor units (500 = 5.00 per
-- 1 000 impressions). Round values at the low end of what paid media on each platform costs.
WITH t AS (
    INSERT INTO emv_tables (currency, name)
    VALUES ('EUR', 'Influence defaults (EUR)'), ('USD', 'Influence defaults (USD)'),
           ('GBP', 'Influence defaults (GBP)')
    RETURNING id)
INSERT INTO emv_rates (table_id, platform, per_mille_impressions, per_view, per_like,
                       per_comment, per_share, per_save, per_click)
SELECT t.id, r.*
FROM t, (VALUES ('instagram', 500, 2, 10, 50, 60, 50, 100),
                ('tiktok', 400, 1, 5, 30, 40, 30, 80),
                ('youtube', 800, 3, 10, 60, 60, 30, 120),
                ('facebook', 600, 2, 8, 40, 50, 30, 90),
                ('x', 400, 1, 5, 30, 40, 20, 70),
                ('twitch', 500, 3, 5, 30, 40, 20, 80),
                ('pinterest', 300, 1, 5, 30, 40, 40, 80),
                ('linkedin', 900, 4, 20, 100, 100, 50, 250),
                ('snapchat', 300, 1, 5, 30, 40, 20, 70))
     AS r(platform, per_mille_impressions, per_view, per_like, per_comment, per_share, per_save,
          per_click);

-- The table EMV uses for a brand's figures in a currency; NULL when there is none.
CREATE FUNCTION emv_table_for(p_brand uuid, p_currency text) RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT t.id FROM emv_tables t
    WHERE t.currency = p_currency AND (t.brand_id = p_brand OR t.brand_id IS NULL)
    ORDER BY t.brand_id IS NULL LIMIT 1
$$;

-- The exact value (numeric minor units) of figures under a table's rates for a platform.
CREATE FUNCTION emv_value(p_table uuid, p_platform text, p_impressions bigint, p_views bigint,
                          p_likes bigint, p_comments bigint, p_shares bigint, p_saves bigint,
                          p_clicks bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT p_impressions * r.per_mille_impressions / 1000 + p_views * r.per_view
           + p_likes * r.per_like + p_comments * r.per_comment + p_shares * r.per_share
           + p_saves * r.per_save + p_clicks * r.per_click
    FROM emv_rates r WHERE r.table_id = p_table AND r.platform = p_platform
$$;

CREATE FUNCTION api_emv_table_ref_json(p_table uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', t.id, 'name', t.name, 'currency', t.currency,
                              'custom', t.brand_id IS NOT NULL, 'updatedAt', api_time(t.updated_at))
    FROM emv_tables t WHERE t.id = p_table
$$;

CREATE FUNCTION api_emv_table_json(t emv_tables) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT api_emv_table_ref_json(t.id) || jsonb_build_object(
        'brandId', t.brand_id,
        'rates', coalesce((SELECT jsonb_agg(jsonb_build_object(
                               'platform', r.platform,
                               'perMilleImpressionsMinor', r.per_mille_impressions,
                               'perViewMinor', r.per_view, 'perLikeMinor', r.per_like,
                               'perCommentMinor', r.per_comment, 'perShareMinor', r.per_share,
                               'perSaveMinor', r.per_save, 'perClickMinor', r.per_click)
                               ORDER BY r.platform)
                           FROM emv_rates r WHERE r.table_id = t.id), '[]'))
$$;

-- Per-post figures ---------------------------------------------------------------------------

-- Posts with their figures in a period: per post, its latest row on or before `p_to` minus its
-- latest row before `p_from` (two primary-key lookups). The reach is the platform's, or, where
-- its latest row gives none, the estimate for a post published within the period (estimated =
-- true); EMV (numeric) under the table of the post's campaign (p_tables: campaign id -> table;
-- none: NULL). Posts published after the period are left out.
CREATE TYPE analytics_post AS (
    post posts, views bigint, impressions bigint, reach bigint, estimated boolean, likes bigint,
    comments bigint, shares bigint, saves bigint, clicks bigint, watch_seconds bigint,
    engagements bigint, emv numeric, captured_at timestamptz, source text, evidence_url text);

CREATE FUNCTION analytics_posts(p_posts uuid[], p_from date, p_to date, p_tables jsonb)
RETURNS SETOF analytics_post
LANGUAGE sql STABLE AS $$
    SELECT f.p, f.views, f.impressions,
           CASE WHEN f.has_reach THEN f.reach WHEN f.fresh THEN post_estimated_reach(f.p)
                ELSE 0 END,
           NOT f.has_reach AND f.fresh,
           f.likes, f.comments, f.shares, f.saves, f.clicks, f.watch_seconds,
           f.likes + f.comments + f.shares + f.saves,
           f.impressions * r.per_mille_impressions / 1000 + f.views * r.per_view
           + f.likes * r.per_like + f.comments * r.per_comment + f.shares * r.per_share
           + f.saves * r.per_save + f.clicks * r.per_click,
           f.captured_at, f.source, f.evidence_url
    FROM (SELECT p, (p.published_at AT TIME ZONE 'UTC')::date BETWEEN p_from AND p_to AS fresh,
                 coalesce(a.views, 0) - coalesce(b.views, 0) AS views,
                 coalesce(a.impressions, 0) - coalesce(b.impressions, 0) AS impressions,
                 coalesce(a.reach, 0) - coalesce(b.reach, 0) AS reach,
                 coalesce(a.likes, 0) - coalesce(b.likes, 0) AS likes,
                 coalesce(a.comments, 0) - coalesce(b.comments, 0) AS comments,
                 coalesce(a.shares, 0) - coalesce(b.shares, 0) AS shares,
                 coalesce(a.saves, 0) - coalesce(b.saves, 0) AS saves,
                 coalesce(a.clicks, 0) - coalesce(b.clicks, 0) AS clicks,
                 coalesce(a.watch_seconds, 0) - coalesce(b.watch_seconds, 0) AS watch_seconds,
                 a.reach IS NOT NULL AS has_reach, a.captured_at, a.source, a.evidence_url
          FROM posts p
          LEFT JOIN LATERAL (SELECT * FROM post_metrics m WHERE m.post_id = p.id
                             AND m.day <= p_to ORDER BY m.day DESC LIMIT 1) a ON true
          LEFT JOIN LATERAL (SELECT * FROM post_metrics m WHERE m.post_id = p.id
                             AND m.day < p_from ORDER BY m.day DESC LIMIT 1) b ON true
          WHERE p.id = ANY (p_posts)
            AND (p.published_at AT TIME ZONE 'UTC')::date <= p_to) f
    LEFT JOIN emv_rates r ON r.table_id = (p_tables ->> (f.p).campaign_id::text)::uuid
                         AND r.platform = (f.p).platform
$$;

-- A ratio as the API shows it: NULL when the divisor is 0.
CREATE FUNCTION analytics_ratio(p_a numeric, p_b numeric, p_scale integer) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_b IS NULL OR p_b = 0 THEN NULL ELSE round(p_a / p_b, p_scale) END
$$;

CREATE FUNCTION analytics_post_json(x analytics_post) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', (x.post).id, 'influencerId', (x.post).influencer_id,
        'displayName', (SELECT i.display_name FROM influencer_details i
                        WHERE i.user_id = (x.post).influencer_id),
        'platform', (x.post).platform, 'kind', (x.post).kind, 'url', (x.post).url,
        'caption', left((x.post).caption, 140), 'publishedAt', api_time((x.post).published_at),
        'deliverableId', (x.post).deliverable_id, 'campaignId', (x.post).campaign_id,
        'views', x.views, 'impressions', x.impressions, 'reach', x.reach,
        'reachEstimated', x.estimated, 'engagements', x.engagements, 'likes', x.likes,
        'comments', x.comments, 'shares', x.shares, 'saves', x.saves, 'clicks', x.clicks,
        'watchSeconds', x.watch_seconds,
        'engagementRate', analytics_ratio(x.engagements, x.reach, 6),
        'emvMinor', round(x.emv)::bigint, 'source', x.source, 'evidenceUrl', x.evidence_url,
        'dataAsOf', api_time(x.captured_at))
$$;

-- The KPIs of summed figures, spend (committed, paid), budget and EMV (numeric; NULL: none).
CREATE FUNCTION analytics_kpis_json(p_posts bigint, p_reach bigint, p_estimated boolean,
                                    p_impressions bigint, p_views bigint, p_likes bigint,
                                    p_comments bigint, p_shares bigint, p_saves bigint,
                                    p_clicks bigint, p_watch bigint, p_committed bigint,
                                    p_paid bigint, p_budget bigint, p_emv numeric)
RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'posts', p_posts, 'reach', p_reach, 'reachEstimated', p_estimated,
        'impressions', p_impressions, 'views', p_views, 'engagements', e.n,
        'likes', p_likes, 'comments', p_comments, 'shares', p_shares, 'saves', p_saves,
        'clicks', p_clicks, 'watchSeconds', p_watch,
        'engagementRate', analytics_ratio(e.n, p_reach, 6),
        'spendCommittedMinor', p_committed, 'spendPaidMinor', p_paid,
        'spendMinor', p_committed + p_paid, 'budgetMinor', p_budget,
        'cpeMinor', analytics_ratio(p_committed + p_paid, e.n, 2),
        'cpmMinor', analytics_ratio((p_committed + p_paid) * 1000, p_impressions, 2),
        'cpvMinor', analytics_ratio(p_committed + p_paid, p_views, 2),
        'emvMinor', round(p_emv)::bigint,
        'roi', analytics_ratio(round(p_emv) - (p_committed + p_paid), p_committed + p_paid, 4))
    FROM (SELECT p_likes + p_comments + p_shares + p_saves AS n) e
$$;

-- The first day of the interval (day, week from Monday, month) a day falls in.
CREATE FUNCTION analytics_bucket(p_day date, p_interval text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE p_interval WHEN 'day' THEN p_day ELSE date_trunc(p_interval, p_day)::date END
$$;

-- Campaign figures ---------------------------------------------------------------------------

-- KPIs, series, per-creator and per-post figures of campaigns in a period. The KPIs and the
-- series read campaign_rollup_daily (a row per campaign, platform and day); the creators read
-- post_rollup_daily and post_totals. Money figures (spend, budget, EMV and what derives from
-- them) count only the campaigns in p_money. Spend of a period: what the deals accepted in it
-- (their reservation) committed and paid. Without p_detail only the KPIs. With p_max_posts
-- (the overview's top lists) the posts are the p_max_posts with the most engagements in the
-- period among the 50 (at least 10 x p_max_posts) with the most engagements to date, and the
-- creators likewise among the 10 (at least 2 x p_max_posts) with the most engagements to date,
-- so that the answer does not read the period's figures of every post and creator; without it,
-- every post and creator.
CREATE FUNCTION analytics_campaigns_json(p_campaigns uuid[], p_money uuid[], p_from date,
                                         p_to date, p_interval text, p_detail boolean,
                                         p_max_posts integer) RETURNS jsonb
LANGUAGE sql STABLE
-- No JIT here or in the other analytics JSON functions: compiling a query whose estimates pass
-- jit_above_cost took 200 of the 270 ms a 200-post campaign's answer took.
SET jit = off AS $$
    WITH ct AS (
        SELECT c.id, c.brand_id, c.currency, c.budget_minor, c.id = ANY (p_money) AS money,
               emv_table_for(c.brand_id, c.currency) AS emv
        FROM campaigns c WHERE c.id = ANY (p_campaigns)),
    croll AS (
        SELECT r.* FROM ct JOIN campaign_rollup_daily r ON r.campaign_id = ct.id
        WHERE r.day BETWEEN p_from AND p_to),
    -- the candidates of the top lists: posts with the most engagements to date
    cposts AS (
        SELECT t.post_id, t.influencer_id, t.engagements
        FROM unnest(p_campaigns) AS c(id)
        CROSS JOIN LATERAL (SELECT t.post_id, t.influencer_id, t.engagements FROM post_totals t
                            WHERE t.campaign_id = c.id AND t.published_day <= p_to
                            ORDER BY t.engagements DESC, t.post_id
                            LIMIT greatest(p_max_posts * 10, 50)) t
        WHERE p_detail AND p_max_posts IS NOT NULL
        ORDER BY t.engagements DESC, t.post_id
        LIMIT greatest(p_max_posts * 10, 50)),
    -- the candidates of top creators: those with the most engagements to date (index-only)
    cand AS (
        SELECT t.influencer_id FROM post_totals t
        WHERE p_detail AND p_max_posts IS NOT NULL AND t.campaign_id = ANY (p_campaigns)
          AND t.published_day <= p_to
        GROUP BY 1 ORDER BY sum(t.engagements) DESC, 1 LIMIT greatest(p_max_posts * 2, 10)),
    -- the creators' groups: every one, or the candidates'
    groups AS (
        SELECT DISTINCT t.campaign_id, t.influencer_id, t.platform
        FROM post_totals t
        WHERE p_detail AND p_max_posts IS NULL AND t.campaign_id = ANY (p_campaigns)
        UNION ALL
        SELECT DISTINCT t.campaign_id, t.influencer_id, t.platform
        FROM cand JOIN post_totals t ON t.influencer_id = cand.influencer_id
        WHERE t.campaign_id = ANY (p_campaigns)),
    -- per campaign, creator and platform: the figures, and their EMV (linear in them)
    rollg AS (
        SELECT x.*, CASE WHEN ct.money THEN emv_value(ct.emv, x.platform, x.impressions,
                         x.views, x.likes, x.comments, x.shares, x.saves, x.clicks) END AS emv
        FROM (SELECT g.campaign_id, g.influencer_id, g.platform,
                     sum(r.reach)::bigint AS reach, sum(r.impressions)::bigint AS impressions,
                     sum(r.views)::bigint AS views, sum(r.likes)::bigint AS likes,
                     sum(r.comments)::bigint AS comments, sum(r.shares)::bigint AS shares,
                     sum(r.saves)::bigint AS saves, sum(r.clicks)::bigint AS clicks,
                     sum(r.watch_seconds)::bigint AS watch_seconds
              FROM groups g
              JOIN post_rollup_daily r ON r.campaign_id = g.campaign_id
                   AND r.influencer_id = g.influencer_id AND r.platform = g.platform
                   AND r.day BETWEEN p_from AND p_to
              GROUP BY 1, 2, 3) x
        JOIN ct ON ct.id = x.campaign_id),
    -- the creators' posts published by the period's end (index-only)
    pt AS (
        SELECT t.influencer_id, t.published_day, t.estimated_reach
        FROM post_totals t
        WHERE p_detail AND p_max_posts IS NULL AND t.campaign_id = ANY (p_campaigns)
          AND t.published_day <= p_to
        UNION ALL
        SELECT t.influencer_id, t.published_day, t.estimated_reach
        FROM cand JOIN post_totals t ON t.influencer_id = cand.influencer_id
        WHERE t.campaign_id = ANY (p_campaigns) AND t.published_day <= p_to),
    pp AS (
        SELECT x.*, x AS item
        FROM analytics_posts(
            CASE WHEN NOT p_detail THEN '{}'
                 WHEN p_max_posts IS NULL
                 THEN ARRAY(SELECT p.id FROM posts p WHERE p.campaign_id = ANY (p_campaigns))
                 ELSE ARRAY(SELECT cposts.post_id FROM cposts) END,
            p_from, p_to, (SELECT jsonb_object_agg(ct.id, ct.emv) FROM ct WHERE ct.money)) x),
    spend AS (
        SELECT d.influencer_id,
               coalesce(sum(a.balance_minor) FILTER (
                   WHERE a.kind IN ('deal_reserved', 'creator_payable', 'provider_clearing')), 0)
                   AS committed,
               coalesce(sum(a.balance_minor) FILTER (WHERE a.kind = 'paid_out'), 0) AS paid
        FROM ct JOIN deals d ON d.campaign_id = ct.id
        JOIN ledger_accounts a ON a.deal_id = d.id AND a.currency = ct.currency
        WHERE ct.money
          AND EXISTS (SELECT 1 FROM ledger_transfers t
                      WHERE t.campaign_id = ct.id AND t.deal_id = d.id AND t.cause = 'reservation'
                        AND (t.created_at AT TIME ZONE 'UTC')::date BETWEEN p_from AND p_to)
        GROUP BY d.influencer_id),
    ppc AS (
        SELECT pt.influencer_id, count(*) AS posts,
               coalesce(sum(pt.estimated_reach) FILTER (WHERE pt.published_day >= p_from), 0)
                   AS est_reach,
               bool_or(pt.estimated_reach IS NOT NULL AND pt.published_day >= p_from)
                   AS estimated
        FROM pt GROUP BY 1),
    creators AS (
        SELECT i.influencer_id, coalesce(q.posts, 0) AS posts,
               coalesce(r.reach, 0) + coalesce(q.est_reach, 0) AS reach,
               coalesce(q.estimated, false) AS estimated,
               coalesce(r.impressions, 0) AS impressions, coalesce(r.views, 0) AS views,
               coalesce(r.likes, 0) AS likes, coalesce(r.comments, 0) AS comments,
               coalesce(r.shares, 0) AS shares, coalesce(r.saves, 0) AS saves,
               coalesce(r.clicks, 0) AS clicks, coalesce(r.watch_seconds, 0) AS watch_seconds,
               coalesce(r.emv, 0) AS emv,
               coalesce(s.committed, 0) AS committed, coalesce(s.paid, 0) AS paid
        FROM (SELECT ppc.influencer_id FROM ppc UNION SELECT rollg.influencer_id FROM rollg
              UNION SELECT spend.influencer_id FROM spend
              WHERE p_detail AND (p_max_posts IS NULL
                                  OR spend.influencer_id IN (SELECT cand.influencer_id
                                                             FROM cand))) i
        LEFT JOIN (SELECT g.influencer_id, sum(g.reach) AS reach,
                          sum(g.impressions) AS impressions, sum(g.views) AS views,
                          sum(g.likes) AS likes, sum(g.comments) AS comments,
                          sum(g.shares) AS shares, sum(g.saves) AS saves,
                          sum(g.clicks) AS clicks, sum(g.watch_seconds) AS watch_seconds,
                          sum(g.emv) AS emv
                   FROM rollg g GROUP BY 1) r ON r.influencer_id = i.influencer_id
        LEFT JOIN spend s ON s.influencer_id = i.influencer_id
        LEFT JOIN ppc q ON q.influencer_id = i.influencer_id),
    -- the KPIs' figures per campaign and platform (EMV is linear in them)
    cfig AS (
        SELECT x.*, CASE WHEN ct.money THEN emv_value(ct.emv, x.platform, x.impressions,
                         x.views, x.likes, x.comments, x.shares, x.saves, x.clicks) END AS emv
        FROM (SELECT croll.campaign_id, croll.platform,
                     sum(croll.reach + croll.estimated_reach)::bigint AS reach,
                     sum(croll.estimated)::bigint AS estimated,
                     sum(croll.impressions)::bigint AS impressions,
                     sum(croll.views)::bigint AS views, sum(croll.likes)::bigint AS likes,
                     sum(croll.comments)::bigint AS comments, sum(croll.shares)::bigint AS shares,
                     sum(croll.saves)::bigint AS saves, sum(croll.clicks)::bigint AS clicks,
                     sum(croll.watch_seconds)::bigint AS watch_seconds
              FROM croll GROUP BY 1, 2) x
        JOIN ct ON ct.id = x.campaign_id),
    series AS (
        SELECT b.start, coalesce(x.views, 0) AS views,
               coalesce(x.impressions, 0) AS impressions, coalesce(x.reach, 0) AS reach,
               coalesce(x.likes, 0) AS likes, coalesce(x.comments, 0) AS comments,
               coalesce(x.shares, 0) AS shares, coalesce(x.saves, 0) AS saves,
               coalesce(x.clicks, 0) AS clicks
        FROM generate_series(analytics_bucket(p_from, p_interval), p_to,
                             ('1 ' || p_interval)::interval) AS b(start)
        LEFT JOIN (SELECT analytics_bucket(croll.day, p_interval) AS start,
                          sum(croll.views) AS views, sum(croll.impressions) AS impressions,
                          sum(croll.reach + croll.estimated_reach) AS reach,
                          sum(croll.likes) AS likes, sum(croll.comments) AS comments,
                          sum(croll.shares) AS shares, sum(croll.saves) AS saves,
                          sum(croll.clicks) AS clicks
                   FROM croll WHERE p_detail GROUP BY 1) x ON x.start = b.start::date)
    SELECT jsonb_build_object(
        'dataAsOf', api_time((SELECT max(croll.captured_at) FROM croll)),
        'kpis', (SELECT analytics_kpis_json(
                     (SELECT coalesce(sum(r.published), 0) FROM ct
                      JOIN campaign_rollup_daily r ON r.campaign_id = ct.id
                      WHERE r.published > 0 AND r.day <= p_to)::bigint,
                     coalesce(sum(f.reach), 0)::bigint, coalesce(sum(f.estimated), 0) > 0,
                     coalesce(sum(f.impressions), 0)::bigint, coalesce(sum(f.views), 0)::bigint,
                     coalesce(sum(f.likes), 0)::bigint, coalesce(sum(f.comments), 0)::bigint,
                     coalesce(sum(f.shares), 0)::bigint, coalesce(sum(f.saves), 0)::bigint,
                     coalesce(sum(f.clicks), 0)::bigint, coalesce(sum(f.watch_seconds), 0)::bigint,
                     (SELECT coalesce(sum(s.committed), 0) FROM spend s)::bigint,
                     (SELECT coalesce(sum(s.paid), 0) FROM spend s)::bigint,
                     (SELECT coalesce(sum(ct.budget_minor), 0) FROM ct WHERE ct.money)::bigint,
                     CASE WHEN EXISTS (SELECT 1 FROM ct WHERE ct.money AND ct.emv IS NOT NULL)
                          THEN coalesce(sum(f.emv), 0) END)
                 FROM cfig f),
        'series', CASE WHEN p_detail THEN (SELECT jsonb_agg(jsonb_build_object(
                       'start', api_date(s.start::date), 'views', s.views,
                       'impressions', s.impressions, 'reach', s.reach,
                       'engagements', s.likes + s.comments + s.shares + s.saves,
                       'likes', s.likes, 'comments', s.comments, 'shares', s.shares,
                       'saves', s.saves, 'clicks', s.clicks) ORDER BY s.start)
                   FROM series s) END,
        'creators', CASE WHEN p_detail THEN coalesce((SELECT jsonb_agg(jsonb_build_object(
                        'influencerId', c.influencer_id,
                        'displayName', (SELECT i.display_name FROM influencer_details i
                                        WHERE i.user_id = c.influencer_id),
                        'posts', c.posts, 'reach', c.reach, 'reachEstimated', c.estimated,
                        'impressions', c.impressions, 'views', c.views,
                        'engagements', c.likes + c.comments + c.shares + c.saves,
                        'likes', c.likes, 'comments', c.comments, 'shares', c.shares,
                        'saves', c.saves, 'clicks', c.clicks, 'watchSeconds', c.watch_seconds,
                        'engagementRate', analytics_ratio(c.likes + c.comments + c.shares + c.saves,
                                                          c.reach, 6),
                        'spendMinor', c.committed + c.paid,
                        'cpeMinor', analytics_ratio(c.committed + c.paid,
                                                    c.likes + c.comments + c.shares + c.saves, 2),
                        'emvMinor', round(c.emv)::bigint)
                        ORDER BY c.likes + c.comments + c.shares + c.saves DESC, c.influencer_id)
                    FROM creators c), '[]') END,
        'posts', CASE WHEN p_detail THEN coalesce((
                     SELECT jsonb_agg(analytics_post_json(x.item) ORDER BY x.engagements DESC,
                                                                     (x.post).id)
                     FROM (SELECT * FROM pp ORDER BY pp.engagements DESC, (pp.post).id
                           LIMIT p_max_posts) x), '[]') END)
$$;

CREATE FUNCTION api_analytics_campaign_json(c campaigns, p_from date, p_to date, p_interval text)
RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    SELECT jsonb_build_object(
        'campaignId', c.id, 'campaignName', c.name, 'currency', c.currency,
        'from', api_date(p_from), 'to', api_date(p_to), 'interval', p_interval,
        'emvTable', api_emv_table_ref_json(emv_table_for(c.brand_id, c.currency)))
        || analytics_campaigns_json(ARRAY[c.id], ARRAY[c.id], p_from, p_to, p_interval, true,
                                    NULL)
$$;

-- The brand dashboard: the campaigns of the brands the user acts for (or one of them), money
-- figures in one currency (default: that of most campaigns), the previous period of the same
-- length, spend against budget per campaign, top creators and posts, and what waits for the
-- brand. NULL when the user acts for no brand.
CREATE FUNCTION api_analytics_overview_json(p_user uuid, p_campaign uuid, p_currency text,
                                            p_from date, p_to date, p_interval text)
RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    WITH brands AS (
        SELECT b.user_id AS id, b.user_id = p_user AS own FROM brand_details b
        WHERE acts_for_brand(p_user, b.user_id)),
    cs AS (
        SELECT c.* FROM campaigns c JOIN brands b ON b.id = c.brand_id
        WHERE p_campaign IS NULL OR c.id = p_campaign),
    cur AS (
        SELECT coalesce(p_currency, (SELECT cs.currency FROM cs GROUP BY cs.currency
                                     ORDER BY count(*) DESC, cs.currency LIMIT 1), 'EUR')
               AS currency),
    main AS MATERIALIZED (
        SELECT analytics_campaigns_json(ARRAY(SELECT cs.id FROM cs),
                                        ARRAY(SELECT cs.id FROM cs, cur
                                              WHERE cs.currency = cur.currency),
                                        p_from, p_to, p_interval, true, 5) AS j),
    prev AS MATERIALIZED (
        SELECT analytics_campaigns_json(ARRAY(SELECT cs.id FROM cs),
                                        ARRAY(SELECT cs.id FROM cs, cur
                                              WHERE cs.currency = cur.currency),
                                        p_from - (p_to - p_from + 1), p_from - 1, p_interval,
                                        false, 0) -> 'kpis' AS k),
    deals AS (SELECT d.* FROM deals d JOIN cs ON cs.id = d.campaign_id)
    SELECT jsonb_build_object(
        'from', api_date(p_from), 'to', api_date(p_to), 'interval', p_interval,
        'previousFrom', api_date(p_from - (p_to - p_from + 1)), 'previousTo', api_date(p_from - 1),
        'currency', cur.currency,
        'currencies', coalesce((SELECT jsonb_agg(DISTINCT cs.currency) FROM cs), '[]'),
        'dataAsOf', main.j -> 'dataAsOf',
        'emvTable', api_emv_table_ref_json(emv_table_for(
            (SELECT b.id FROM brands b ORDER BY b.own DESC, b.id LIMIT 1), cur.currency)),
        'kpis', main.j -> 'kpis', 'previousKpis', prev.k, 'series', main.j -> 'series',
        'campaigns', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'id', cs.id, 'name', cs.name, 'status', cs.status, 'currency', cs.currency,
                       'budgetMinor', cs.budget_minor,
                       'committedMinor', (b.j ->> 'committedMinor')::bigint,
                       'paidMinor', (b.j ->> 'paidMinor')::bigint,
                       'remainingMinor', (b.j ->> 'remainingMinor')::bigint,
                       'views', coalesce(r.views, 0),
                       'engagements', coalesce(r.engagements, 0),
                       'emvMinor', round(r.emv)::bigint) ORDER BY cs.seq DESC)
            FROM cs
            CROSS JOIN LATERAL (SELECT api_campaign_budget_json(cs) AS j) b
            LEFT JOIN LATERAL (
                SELECT sum(x.views) AS views,
                       sum(x.likes + x.comments + x.shares + x.saves) AS engagements,
                       sum(emv_value(emv_table_for(cs.brand_id, cs.currency), x.platform,
                                     x.impressions, x.views, x.likes, x.comments, x.shares,
                                     x.saves, x.clicks)) AS emv
                FROM (SELECT y.platform, sum(y.impressions)::bigint AS impressions,
                             sum(y.views)::bigint AS views, sum(y.likes)::bigint AS likes,
                             sum(y.comments)::bigint AS comments,
                             sum(y.shares)::bigint AS shares, sum(y.saves)::bigint AS saves,
                             sum(y.clicks)::bigint AS clicks
                      FROM campaign_rollup_daily y
                      WHERE y.campaign_id = cs.id AND y.day BETWEEN p_from AND p_to
                      GROUP BY y.platform) x) r ON true),
            '[]'),
        'topCreators', coalesce((SELECT jsonb_agg(e) FROM (
            SELECT e FROM jsonb_array_elements(main.j -> 'creators') WITH ORDINALITY AS t(e, n)
            ORDER BY t.n LIMIT 5) x), '[]'),
        'topPosts', coalesce((SELECT jsonb_agg(e) FROM (
            SELECT e FROM jsonb_array_elements(main.j -> 'posts') WITH ORDINALITY AS t(e, n)
            ORDER BY t.n LIMIT 5) x), '[]'),
        'todos', jsonb_build_object(
            'draftsToReview', (SELECT count(*) FROM deliverables dl JOIN deals d ON d.id = dl.deal_id
                               WHERE dl.status = 'in_review'
                                 AND d.state IN ('accepted', 'in_progress')),
            'overdueDeliverables', (SELECT count(*) FROM deliverables dl
                                    JOIN deals d ON d.id = dl.deal_id
                                    WHERE dl.status <> 'live'
                                      AND dl.due_on < (now() AT TIME ZONE 'UTC')::date
                                      AND d.state IN ('accepted', 'in_progress')),
            'offersWaiting', (SELECT count(*) FROM offers o JOIN deals d ON d.id = o.deal_id
                              WHERE o.status = 'open' AND o.made_by = 'creator'),
            'payoutsDue', (SELECT count(*) FROM payouts p JOIN cs ON cs.id = p.campaign_id
                           WHERE payout_state(p) = 'due')))
    FROM main, prev, cur
    WHERE EXISTS (SELECT 1 FROM brands)
$$;

-- A creator's own analytics: their posts' figures in the period (read per post through the
-- indexes: a creator has few posts), their accounts with engagement, growth and daily series.
CREATE FUNCTION api_analytics_creator_json(d influencer_details, p_from date, p_to date,
                                           p_interval text)
RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    WITH pp AS (
        SELECT x.*, x AS item FROM analytics_posts(
            ARRAY(SELECT p.id FROM posts p WHERE p.influencer_id = d.user_id),
            p_from, p_to,
            (SELECT jsonb_object_agg(c.id, emv_table_for(c.brand_id, c.currency))
             FROM campaigns c WHERE c.id IN (SELECT p.campaign_id FROM posts p
                                             WHERE p.influencer_id = d.user_id))) x),
    days AS (
        -- each post's daily increments in the period (its rows from the one before `from` on)
        SELECT m.day,
               coalesce(m.views, 0) - coalesce(lag(m.views) OVER w, 0) AS views,
               coalesce(m.impressions, 0) - coalesce(lag(m.impressions) OVER w, 0) AS impressions,
               coalesce(m.reach, 0) - coalesce(lag(m.reach) OVER w, 0) AS reach,
               coalesce(m.likes, 0) - coalesce(lag(m.likes) OVER w, 0) AS likes,
               coalesce(m.comments, 0) - coalesce(lag(m.comments) OVER w, 0) AS comments,
               coalesce(m.shares, 0) - coalesce(lag(m.shares) OVER w, 0) AS shares,
               coalesce(m.saves, 0) - coalesce(lag(m.saves) OVER w, 0) AS saves,
               coalesce(m.clicks, 0) - coalesce(lag(m.clicks) OVER w, 0) AS clicks
        FROM pp JOIN post_metrics m ON m.post_id = (pp.post).id AND m.day <= p_to
             AND m.day >= coalesce((SELECT max(x.day) FROM post_metrics x
                                    WHERE x.post_id = (pp.post).id AND x.day < p_from), p_from)
        WINDOW w AS (PARTITION BY m.post_id ORDER BY m.day)),
    series AS (
        SELECT b.start, coalesce(x.views, 0) AS views,
               coalesce(x.impressions, 0) AS impressions, coalesce(x.reach, 0) AS reach,
               coalesce(x.likes, 0) AS likes, coalesce(x.comments, 0) AS comments,
               coalesce(x.shares, 0) AS shares, coalesce(x.saves, 0) AS saves,
               coalesce(x.clicks, 0) AS clicks
        FROM generate_series(analytics_bucket(p_from, p_interval), p_to,
                             ('1 ' || p_interval)::interval) AS b(start)
        LEFT JOIN (SELECT analytics_bucket(y.day, p_interval) AS start,
                          sum(y.views) AS views, sum(y.impressions) AS impressions,
                          sum(y.reach) AS reach, sum(y.likes) AS likes,
                          sum(y.comments) AS comments, sum(y.shares) AS shares,
                          sum(y.saves) AS saves, sum(y.clicks) AS clicks
                   FROM days y WHERE y.day >= p_from GROUP BY 1) x ON x.start = b.start::date),
    accounts AS (
        SELECT a.* FROM connected_accounts a
        WHERE a.influencer_id = d.user_id AND a.status <> 'disconnected')
    SELECT jsonb_build_object(
        'influencerId', d.user_id, 'displayName', d.display_name,
        'from', api_date(p_from), 'to', api_date(p_to), 'interval', p_interval,
        'dataAsOf', api_time(greatest(
            (SELECT max(pp.captured_at) FROM pp),
            (SELECT max(am.captured_at) FROM accounts a
             JOIN LATERAL (SELECT m.captured_at FROM account_metrics m WHERE m.account_id = a.id
                           ORDER BY m.day DESC LIMIT 1) am ON true))),
        'kpis', (SELECT jsonb_build_object(
                     'posts', count(*), 'reach', coalesce(sum(pp.reach), 0),
                     'reachEstimated', coalesce(bool_or(pp.estimated), false),
                     'impressions', coalesce(sum(pp.impressions), 0),
                     'views', coalesce(sum(pp.views), 0),
                     'engagements', coalesce(sum(pp.engagements), 0),
                     'engagementRate', analytics_ratio(sum(pp.engagements), sum(pp.reach), 6),
                     'followers', d.total_followers, 'growth30d', d.growth_30d)
                 FROM pp),
        'accounts', coalesce((SELECT jsonb_agg(jsonb_build_object(
            'id', a.id, 'platform', a.platform, 'handle', a.handle, 'followers', a.followers,
            'engagementRate', a.engagement_rate,
            'engagementBasis', CASE WHEN a.platform IN ('youtube', 'tiktok', 'twitch')
                                    THEN 'views' ELSE 'followers' END,
            'growth30d', a.growth_30d,
            'dataAsOf', api_time(coalesce(
                (SELECT max(m.captured_at) FROM account_metrics m
                 WHERE m.account_id = a.id AND m.day <= p_to AND m.day >= p_from),
                a.last_synced_at)),
            'series', coalesce((SELECT jsonb_agg(jsonb_build_object(
                                    'day', api_date(m.day), 'followers', m.followers,
                                    'views', m.views, 'reach', m.reach,
                                    'engagementRate', m.engagement_rate) ORDER BY m.day)
                                FROM account_metrics m
                                WHERE m.account_id = a.id AND m.day BETWEEN p_from AND p_to),
                               '[]')) ORDER BY a.platform, lower(a.handle))
            FROM accounts a), '[]'),
        'series', (SELECT jsonb_agg(jsonb_build_object(
                       'start', api_date(s.start::date), 'views', s.views,
                       'impressions', s.impressions,
                       'reach', s.reach + coalesce((SELECT sum(pp.reach) FROM pp
                                                    WHERE pp.estimated
                                                      AND analytics_bucket(((pp.post).published_at
                                                          AT TIME ZONE 'UTC')::date, p_interval)
                                                          = s.start::date), 0),
                       'engagements', s.likes + s.comments + s.shares + s.saves,
                       'likes', s.likes, 'comments', s.comments, 'shares', s.shares,
                       'saves', s.saves, 'clicks', s.clicks) ORDER BY s.start)
                   FROM series s),
        'posts', coalesce((SELECT jsonb_agg(analytics_post_json(x.item)
                                            ORDER BY (x.post).published_at DESC)
                           FROM (SELECT * FROM pp ORDER BY (pp.post).published_at DESC
                                 LIMIT 50) x), '[]'))
$$;

-- A post's daily history (lifetime totals per day, as stored) with its all-time figures.
CREATE FUNCTION api_post_metrics_json(p posts) RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    SELECT jsonb_build_object(
        'post', (SELECT analytics_post_json(x)
                 FROM analytics_posts(ARRAY[p.id], '-infinity', 'infinity',
                                      (SELECT jsonb_build_object(c.id,
                                                  emv_table_for(c.brand_id, c.currency))
                                       FROM campaigns c WHERE c.id = p.campaign_id)) x),
        'days', coalesce((SELECT jsonb_agg(jsonb_build_object(
                              'day', api_date(m.day), 'views', m.views,
                              'impressions', m.impressions, 'reach', m.reach, 'likes', m.likes,
                              'comments', m.comments, 'shares', m.shares, 'saves', m.saves,
                              'clicks', m.clicks, 'watchSeconds', m.watch_seconds,
                              'source', m.source, 'evidenceUrl', m.evidence_url,
                              'enteredBy', m.entered_by, 'capturedAt', api_time(m.captured_at))
                              ORDER BY m.day)
                          FROM post_metrics m WHERE m.post_id = p.id), '[]'))
$$;

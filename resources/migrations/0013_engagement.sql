-- SPDX-License-Identifier: Apache-2.0
-- 0013: an account's engagement rate and 30-day growth, computed from stored data (its posts'
-- figures in post_metrics, its snapshots in account_metrics) by one function that the daily sync
-- and the demo-data generator share, and the posts the daily sync reads from the platforms.

-- When the daily sync last read the account's recent posts: an account connected today gets its
-- posts in the next round rather than tomorrow.
ALTER TABLE connected_accounts ADD COLUMN posts_synced_at timestamptz;

-- Whose engagement is measured against views rather than followers: video platforms, where
-- most views come from people who do not follow the channel.
CREATE FUNCTION engagement_basis(platform text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN platform = 'youtube' THEN 'views' ELSE 'followers' END
$$;

-- An account's engagement rate and 30-day growth as of the UTC day `as_of`:
--
--   engagements(post) = likes + comments + shares + saves of the post's newest post_metrics row
--                       on or before as_of (a NULL figure counts as 0; clicks are no engagement)
--   instagram, tiktok and every other platform (basis 'followers'):
--       rate(post) = engagements(post) / followers of the account on as_of
--   youtube (basis 'views'):
--       rate(post) = engagements(post) / views(post)   (posts without views are left out)
--   engagement_rate = mean of rate(post) over the account's posts published on as_of or in the
--       89 days before (90 UTC days), at most the 12 newest of those that have figures; NULL
--       when there is none
--   growth_30d = followers on as_of / followers of the newest snapshot at least 30 days older
--       (day <= as_of - 30) - 1; NULL without such a snapshot or when it counted 0
--
-- "Followers on as_of" is the account_metrics row of that day, else connected_accounts.followers.
-- Rates are fractions (0.034 = 3.4 %).
CREATE FUNCTION account_figures(accounts uuid[], as_of date)
RETURNS TABLE (account_id uuid, basis text, engagement_rate real, growth_30d real)
LANGUAGE sql STABLE AS $$
    SELECT a.id, engagement_basis(a.platform),
           (SELECT avg(r.engagements::double precision
                       / nullif(CASE WHEN engagement_basis(a.platform) = 'views' THEN r.views
                                     ELSE f.followers_now END, 0))::real
            FROM (SELECT coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0)
                         + coalesce(m.saves, 0) AS engagements, m.views
                  FROM posts p
                  CROSS JOIN LATERAL (SELECT * FROM post_metrics pm
                                      WHERE pm.post_id = p.id AND pm.day <= as_of
                                      ORDER BY pm.day DESC LIMIT 1) m
                  WHERE p.account_id = a.id
                    AND p.published_at >= (as_of - 89)::timestamp AT TIME ZONE 'UTC'
                    AND p.published_at < (as_of + 1)::timestamp AT TIME ZONE 'UTC'
                  ORDER BY p.published_at DESC LIMIT 12) r),
           CASE WHEN f.followers_then > 0
                THEN (f.followers_now::double precision / f.followers_then - 1)::real END
    FROM connected_accounts a
    CROSS JOIN LATERAL (
        SELECT coalesce((SELECT m.followers FROM account_metrics m
                         WHERE m.account_id = a.id AND m.day = as_of),
                        a.followers) AS followers_now,
               (SELECT m.followers FROM account_metrics m
                WHERE m.account_id = a.id AND m.day <= as_of - 30
                ORDER BY m.day DESC LIMIT 1) AS followers_then) f
    WHERE a.id = ANY (accounts)
$$;

-- Stores account_figures() of `accounts` as of `as_of`: on connected_accounts (whose triggers
-- refresh the creators' aggregates and note them for discovery's index) and, where the account
-- has a snapshot of that day, as that day's account_metrics.engagement_rate. Rows whose figures
-- did not change are not written.
CREATE FUNCTION refresh_account_figures(accounts uuid[], as_of date) RETURNS void
LANGUAGE sql AS $$
    WITH f AS MATERIALIZED (SELECT * FROM account_figures(accounts, as_of)),
    day_rows AS (
        UPDATE account_metrics m SET engagement_rate = f.engagement_rate
        FROM f
        WHERE m.account_id = f.account_id AND m.day = as_of
          AND m.engagement_rate IS DISTINCT FROM f.engagement_rate
        RETURNING 1)
    UPDATE connected_accounts c SET engagement_rate = f.engagement_rate, growth_30d = f.growth_30d
    FROM f
    WHERE c.id = f.account_id
      AND (c.engagement_rate, c.growth_30d) IS DISTINCT FROM (f.engagement_rate, f.growth_30d);
$$;

-- A post's URL as deliverables and posts are matched on: a trailing slash does not count.
CREATE FUNCTION post_url_key(url text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT rtrim(url, '/')
$$;

-- The items of store_platform_posts(), one per external id, those without an id or a
-- publication time left out, URLs that are no https URL dropped.
CREATE FUNCTION platform_post_items(items jsonb)
RETURNS TABLE (external_id text, kind text, url text, caption text, published_at timestamptz,
               views bigint, impressions bigint, reach bigint, likes bigint, comments bigint,
               shares bigint, saves bigint)
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (i."externalId") i."externalId", i.kind,
           CASE WHEN char_length(i.url) <= 2048 AND i.url ~ '^https://' THEN i.url END,
           left(coalesce(i.caption, ''), 5000), i."publishedAt", i.views, i.impressions, i.reach,
           i.likes, i.comments, i.shares, i.saves
    FROM jsonb_to_recordset(items) AS i("externalId" text, kind text, url text, caption text,
        "publishedAt" timestamptz, views bigint, impressions bigint, reach bigint, likes bigint,
        comments bigint, shares bigint, saves bigint)
    WHERE char_length(i."externalId") BETWEEN 1 AND 200 AND i."publishedAt" IS NOT NULL
    ORDER BY i."externalId"
$$;

-- The recent posts of a connected account as its platform listed them on `as_of`: `items` is a
-- JSON array of {"externalId", "kind", "url", "caption", "publishedAt", "views", "impressions",
-- "reach", "likes", "comments", "shares", "saves"} (figures null where the platform gives none).
-- Each post is inserted or updated (by platform and external id), and its lifetime totals become
-- its post_metrics row of as_of (source 'platform'; a row of that day entered by hand or imported
-- is kept; a post without any figure gets none). A post entered by hand without a platform id (a
-- deliverable's post) becomes the platform's post when its URL matches; a post whose URL equals
-- the live URL of a live deliverable of the same creator on the same platform that no post
-- fulfils yet is linked to it (posts_campaign derives the campaign). Answers the number of
-- post_metrics rows written.
CREATE FUNCTION store_platform_posts(account uuid, items jsonb, as_of date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    stored integer;
BEGIN
    SELECT id, influencer_id, platform INTO a FROM connected_accounts WHERE id = account;
    IF NOT FOUND OR jsonb_typeof(items) <> 'array' THEN
        RETURN 0;
    END IF;
    -- A deliverable's post typed in before the sync saw it: the same post, now with its id.
    UPDATE posts p SET external_id = i.external_id, account_id = a.id
    FROM platform_post_items(items) i
    WHERE p.influencer_id = a.influencer_id AND p.platform = a.platform
      AND p.external_id IS NULL AND i.url IS NOT NULL
      AND post_url_key(p.url) = post_url_key(i.url)
      AND (SELECT count(*) FROM posts q
           WHERE q.influencer_id = a.influencer_id AND q.platform = a.platform
             AND q.external_id IS NULL AND post_url_key(q.url) = post_url_key(i.url)) = 1
      AND NOT EXISTS (SELECT 1 FROM posts q
                      WHERE q.platform = a.platform AND q.external_id = i.external_id);

    INSERT INTO posts AS p (influencer_id, account_id, platform, external_id, kind, url, caption,
                            published_at)
    SELECT a.influencer_id, a.id, a.platform, i.external_id, coalesce(i.kind, 'post'), i.url,
           i.caption, i.published_at
    FROM platform_post_items(items) i
    ON CONFLICT (platform, external_id) DO UPDATE
        SET account_id = EXCLUDED.account_id, kind = EXCLUDED.kind,
            url = coalesce(EXCLUDED.url, p.url), caption = EXCLUDED.caption,
            published_at = EXCLUDED.published_at
        WHERE p.influencer_id = EXCLUDED.influencer_id
          AND (p.account_id, p.kind, p.url, p.caption, p.published_at)
              IS DISTINCT FROM (EXCLUDED.account_id, EXCLUDED.kind,
                                coalesce(EXCLUDED.url, p.url), EXCLUDED.caption,
                                EXCLUDED.published_at);

    -- Live deliverables this account's posts fulfil (oldest deliverable first for a shared URL).
    UPDATE posts p SET deliverable_id = d.id
    FROM (SELECT DISTINCT ON (post_url_key(dl.live_url)) dl.id, post_url_key(dl.live_url) AS url
          FROM deliverables dl JOIN deals de ON de.id = dl.deal_id
          WHERE de.influencer_id = a.influencer_id AND dl.platform = a.platform
            AND dl.status = 'live'
            AND NOT EXISTS (SELECT 1 FROM posts q WHERE q.deliverable_id = dl.id)
          ORDER BY post_url_key(dl.live_url), dl.live_at, dl.id) d
    WHERE p.influencer_id = a.influencer_id AND p.platform = a.platform
      AND p.deliverable_id IS NULL AND post_url_key(p.url) = d.url
      AND p.external_id IN (SELECT external_id FROM platform_post_items(items));

    INSERT INTO post_metrics AS m (post_id, day, views, impressions, reach, likes, comments,
                                   shares, saves, source)
    SELECT p.id, as_of, i.views, i.impressions, i.reach, i.likes, i.comments, i.shares, i.saves,
           'platform'
    FROM platform_post_items(items) i
    JOIN posts p ON p.platform = a.platform AND p.external_id = i.external_id
                AND p.influencer_id = a.influencer_id
    -- A post whose figures did not come (a failed statistics call) gets no row of all NULLs.
    WHERE coalesce(i.views, i.impressions, i.reach, i.likes, i.comments, i.shares, i.saves)
          IS NOT NULL
    ON CONFLICT (post_id, day) DO UPDATE
        SET views = EXCLUDED.views, impressions = EXCLUDED.impressions, reach = EXCLUDED.reach,
            likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
            saves = EXCLUDED.saves, captured_at = now()
        WHERE m.source = 'platform';
    GET DIAGNOSTICS stored = ROW_COUNT;
    RETURN stored;
END;
$$;

-- A deliverable that goes live after the sync has seen its post: linked at once rather than at
-- the next sync (the oldest matching post of the creator on the platform that fulfils nothing).
CREATE FUNCTION deliverables_link_post() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM posts WHERE deliverable_id = NEW.id) THEN
        UPDATE posts SET deliverable_id = NEW.id
        WHERE id = (SELECT p.id FROM posts p JOIN deals de ON de.id = NEW.deal_id
                    WHERE p.influencer_id = de.influencer_id AND p.platform = NEW.platform
                      AND p.deliverable_id IS NULL
                      AND post_url_key(p.url) = post_url_key(NEW.live_url)
                    ORDER BY p.published_at, p.id LIMIT 1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deliverables_link_post AFTER UPDATE OF status, live_url ON deliverables
    FOR EACH ROW WHEN (NEW.status = 'live' AND NEW.live_url IS NOT NULL)
    EXECUTE FUNCTION deliverables_link_post();

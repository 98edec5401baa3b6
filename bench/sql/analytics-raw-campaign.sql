-- bench/analytics: what GET /api/v1/analytics/campaigns/{id} answers, computed from the raw rows
-- (the baseline the rollups are measured against): every post of the campaign, each day's
-- increment as its row minus the post's previous row, summed per day of the period (the
-- series), then over the period (the KPIs). :campaign, :from and :to are inlined by the script.
WITH d AS (
    SELECT m.day,
           m.views - coalesce(lag(m.views) OVER w, 0) AS views,
           m.impressions - coalesce(lag(m.impressions) OVER w, 0) AS impressions,
           m.reach - coalesce(lag(m.reach) OVER w, 0) AS reach,
           (coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0) + coalesce(m.saves, 0))
             - coalesce(lag(coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0)
                            + coalesce(m.saves, 0)) OVER w, 0) AS engagements,
           m.clicks - coalesce(lag(m.clicks) OVER w, 0) AS clicks,
           m.watch_seconds - coalesce(lag(m.watch_seconds) OVER w, 0) AS watch_seconds
    FROM post_metrics m JOIN posts p ON p.id = m.post_id
    WHERE p.campaign_id = :campaign AND m.day <= :to
    WINDOW w AS (PARTITION BY m.post_id ORDER BY m.day)),
series AS (
    SELECT day, sum(views) AS views, sum(impressions) AS impressions, sum(reach) AS reach,
           sum(engagements) AS engagements, sum(clicks) AS clicks, sum(watch_seconds) AS watch_seconds
    FROM d WHERE day >= :from GROUP BY day)
SELECT jsonb_build_object(
    'kpis', (SELECT jsonb_build_object('views', sum(views), 'impressions', sum(impressions),
                                       'reach', sum(reach), 'engagements', sum(engagements),
                                       'clicks', sum(clicks), 'watchSeconds', sum(watch_seconds))
             FROM series),
    'series', (SELECT jsonb_agg(to_jsonb(series) ORDER BY day) FROM series));

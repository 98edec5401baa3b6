-- bench/analytics: what GET /api/v1/analytics/overview answers for a brand, from the raw rows:
-- every post of the brand's campaigns, daily increments (row minus the post's previous row)
-- summed per day over the period and the period before it (the comparison), then per period.
-- :brand, :from and :to are inlined by the script.
WITH d AS (
    SELECT m.day,
           m.views - coalesce(lag(m.views) OVER w, 0) AS views,
           m.impressions - coalesce(lag(m.impressions) OVER w, 0) AS impressions,
           m.reach - coalesce(lag(m.reach) OVER w, 0) AS reach,
           (coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0) + coalesce(m.saves, 0))
             - coalesce(lag(coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0)
                            + coalesce(m.saves, 0)) OVER w, 0) AS engagements
    FROM post_metrics m JOIN posts p ON p.id = m.post_id
    JOIN campaigns c ON c.id = p.campaign_id
    WHERE c.brand_id = :brand AND m.day <= :to
    WINDOW w AS (PARTITION BY m.post_id ORDER BY m.day)),
series AS (
    SELECT day, sum(views) AS views, sum(impressions) AS impressions, sum(reach) AS reach,
           sum(engagements) AS engagements
    FROM d WHERE day >= :from - 30 GROUP BY day)
SELECT jsonb_build_object(
    'kpis', (SELECT jsonb_build_object('views', sum(views), 'engagements', sum(engagements))
             FROM series WHERE day >= :from),
    'previousKpis', (SELECT jsonb_build_object('views', sum(views), 'engagements', sum(engagements))
                     FROM series WHERE day < :from),
    'series', (SELECT jsonb_agg(to_jsonb(series) ORDER BY day) FROM series WHERE day >= :from));

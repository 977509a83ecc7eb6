-- Sales: stages, quotas, upsell, pipeline (METRICS.md §4): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: stage_duration_days
-- by: pipeline, stage
SELECT p.label AS period, e.pipeline, e.stage,
  AVG((epoch(e.exited_at) - epoch(e.entered_at)) / 86400.0) AS stage_duration_days,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(e.exited_at) - epoch(e.entered_at)) / 86400.0) AS stage_duration_days_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(e.exited_at) - epoch(e.entered_at)) / 86400.0) AS stage_duration_days_p90
FROM periods p JOIN stage_entries e ON e.exited_at >= p.p_start AND e.exited_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = e.customer_id
WHERE TRUE
GROUP BY p.label, e.pipeline, e.stage;

-- metric: stage_duration_days
-- by: pipeline, stage, region
SELECT p.label AS period, e.pipeline, e.stage, c.region AS region,
  AVG((epoch(e.exited_at) - epoch(e.entered_at)) / 86400.0) AS stage_duration_days,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(e.exited_at) - epoch(e.entered_at)) / 86400.0) AS stage_duration_days_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(e.exited_at) - epoch(e.entered_at)) / 86400.0) AS stage_duration_days_p90
FROM periods p JOIN stage_entries e ON e.exited_at >= p.p_start AND e.exited_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = e.customer_id
WHERE TRUE AND c.known
GROUP BY p.label, e.pipeline, e.stage, c.region;

-- metric: stage_conversion
-- by: pipeline, stage
SELECT p.label AS period, e.pipeline, e.stage,
  COUNT(DISTINCT CASE WHEN d.status = 'won' OR EXISTS (
      SELECT 1 FROM stage_entries x WHERE x.deal_id = e.deal_id AND x.seq > e.seq AND x.stage_rank > e.stage_rank)
    THEN e.deal_id END) / NULLIF(COUNT(DISTINCT e.deal_id), 0) AS stage_conversion
FROM periods p JOIN stage_entries e ON e.entered_at >= p.p_start AND e.entered_at < p.p_end
JOIN deals d ON d.deal_id = e.deal_id
LEFT JOIN acquired c ON c.customer_id = e.customer_id
WHERE TRUE
GROUP BY p.label, e.pipeline, e.stage;

-- metric: stage_conversion
-- by: pipeline, stage, region
SELECT p.label AS period, e.pipeline, e.stage, c.region AS region,
  COUNT(DISTINCT CASE WHEN d.status = 'won' OR EXISTS (
      SELECT 1 FROM stage_entries x WHERE x.deal_id = e.deal_id AND x.seq > e.seq AND x.stage_rank > e.stage_rank)
    THEN e.deal_id END) / NULLIF(COUNT(DISTINCT e.deal_id), 0) AS stage_conversion
FROM periods p JOIN stage_entries e ON e.entered_at >= p.p_start AND e.entered_at < p.p_end
JOIN deals d ON d.deal_id = e.deal_id
LEFT JOIN acquired c ON c.customer_id = e.customer_id
WHERE TRUE AND c.known
GROUP BY p.label, e.pipeline, e.stage, c.region;

-- metric: quota_attainment
-- by: total
SELECT p.label AS period,
  SUM((SELECT COALESCE(SUM(d.amount_base), 0) FROM deals d
       WHERE d.owner_id = q.rep_id AND d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end
         AND CAST(d.closed_at AS DATE) >= q.period_start AND CAST(d.closed_at AS DATE) < q.period_end))
  / NULLIF(SUM(q.amount_base * (LEAST(q.period_end, CAST(p.p_end AS DATE)) - GREATEST(q.period_start, CAST(p.p_start AS DATE)))
               / (q.period_end - q.period_start)), 0) AS quota_attainment
FROM periods p JOIN quotas q ON q.period_start < CAST(p.p_end AS DATE) AND CAST(p.p_start AS DATE) < q.period_end
LEFT JOIN reps r ON r.rep_id = q.rep_id
GROUP BY p.label;

-- metric: quota_attainment
-- by: rep_id
SELECT p.label AS period, q.rep_id AS rep_id,
  SUM((SELECT COALESCE(SUM(d.amount_base), 0) FROM deals d
       WHERE d.owner_id = q.rep_id AND d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end
         AND CAST(d.closed_at AS DATE) >= q.period_start AND CAST(d.closed_at AS DATE) < q.period_end))
  / NULLIF(SUM(q.amount_base * (LEAST(q.period_end, CAST(p.p_end AS DATE)) - GREATEST(q.period_start, CAST(p.p_start AS DATE)))
               / (q.period_end - q.period_start)), 0) AS quota_attainment
FROM periods p JOIN quotas q ON q.period_start < CAST(p.p_end AS DATE) AND CAST(p.p_start AS DATE) < q.period_end
LEFT JOIN reps r ON r.rep_id = q.rep_id
GROUP BY p.label, q.rep_id;

-- metric: quota_attainment
-- by: team
SELECT p.label AS period, COALESCE(q.team, r.team) AS team,
  SUM((SELECT COALESCE(SUM(d.amount_base), 0) FROM deals d
       WHERE d.owner_id = q.rep_id AND d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end
         AND CAST(d.closed_at AS DATE) >= q.period_start AND CAST(d.closed_at AS DATE) < q.period_end))
  / NULLIF(SUM(q.amount_base * (LEAST(q.period_end, CAST(p.p_end AS DATE)) - GREATEST(q.period_start, CAST(p.p_start AS DATE)))
               / (q.period_end - q.period_start)), 0) AS quota_attainment
FROM periods p JOIN quotas q ON q.period_start < CAST(p.p_end AS DATE) AND CAST(p.p_start AS DATE) < q.period_end
LEFT JOIN reps r ON r.rep_id = q.rep_id
GROUP BY p.label, COALESCE(q.team, r.team);

-- metric: upsell_rate
-- by: total
SELECT p.label AS period,
  COUNT(*) FILTER (WHERE u.customer_id IS NOT NULL OR (COALESCE(me.mrr, 0) > ms.mrr AND ms.mrr > 0)) / COUNT(*) AS upsell_rate
FROM periods p JOIN active_at s ON s.t = p.p_start
LEFT JOIN mrr_at ms ON ms.customer_id = s.customer_id AND ms.t = p.p_start
LEFT JOIN mrr_at me ON me.customer_id = s.customer_id AND me.t = p.p_end
LEFT JOIN (SELECT DISTINCT x.label, d.customer_id FROM deals d JOIN periods x ON d.closed_at >= x.p_start AND d.closed_at < x.p_end
           WHERE d.status = 'won' AND d.type = 'upsell') u ON u.label = p.label AND u.customer_id = s.customer_id
WHERE TRUE
GROUP BY p.label;

-- metric: upsell_rate
-- by: region
SELECT p.label AS period, s.region AS region,
  COUNT(*) FILTER (WHERE u.customer_id IS NOT NULL OR (COALESCE(me.mrr, 0) > ms.mrr AND ms.mrr > 0)) / COUNT(*) AS upsell_rate
FROM periods p JOIN active_at s ON s.t = p.p_start
LEFT JOIN mrr_at ms ON ms.customer_id = s.customer_id AND ms.t = p.p_start
LEFT JOIN mrr_at me ON me.customer_id = s.customer_id AND me.t = p.p_end
LEFT JOIN (SELECT DISTINCT x.label, d.customer_id FROM deals d JOIN periods x ON d.closed_at >= x.p_start AND d.closed_at < x.p_end
           WHERE d.status = 'won' AND d.type = 'upsell') u ON u.label = p.label AND u.customer_id = s.customer_id
WHERE TRUE AND s.known
GROUP BY p.label, s.region;

-- metric: pipeline_value
-- by: total
SELECT p.label AS period,
  (SELECT SUM(d.amount_base * COALESCE((
      SELECT ps.probability FROM pipeline_stages ps WHERE ps.pipeline = d.pipeline AND ps.stage = COALESCE((
        SELECT e.stage FROM stage_entries e WHERE e.deal_id = d.deal_id AND e.entered_at < p.p_end
          AND COALESCE(e.exited_at, TIMESTAMP 'infinity') >= p.p_end
        ORDER BY e.entered_at DESC, e.stage_rank DESC LIMIT 1), d.stage)), 1))
    FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id
    WHERE d.created_at < p.p_end AND (d.closed_at IS NULL OR d.closed_at >= p.p_end)) AS pipeline_value
FROM periods p;

-- metric: pipeline_value
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT SUM(d.amount_base * COALESCE((
      SELECT ps.probability FROM pipeline_stages ps WHERE ps.pipeline = d.pipeline AND ps.stage = COALESCE((
        SELECT e.stage FROM stage_entries e WHERE e.deal_id = d.deal_id AND e.entered_at < p.p_end
          AND COALESCE(e.exited_at, TIMESTAMP 'infinity') >= p.p_end
        ORDER BY e.entered_at DESC, e.stage_rank DESC LIMIT 1), d.stage)), 1))
    FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id
    WHERE d.created_at < p.p_end AND (d.closed_at IS NULL OR d.closed_at >= p.p_end) AND c.known AND c.region IS NOT DISTINCT FROM g.region) AS pipeline_value
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

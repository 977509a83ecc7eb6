-- Sales (METRICS.md §4): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: close_rate
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end)
  / NULLIF((SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.created_at < p.p_end AND (d.created_at >= p.p_start OR d.closed_at IS NULL OR d.closed_at >= p.p_start)), 0) AS close_rate
FROM periods p;

-- metric: close_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region)
  / NULLIF((SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.created_at < p.p_end AND (d.created_at >= p.p_start OR d.closed_at IS NULL OR d.closed_at >= p.p_start) AND c.known AND c.region IS NOT DISTINCT FROM g.region), 0) AS close_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: win_rate
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end)
  / NULLIF((SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.status IN ('won', 'lost') AND d.closed_at >= p.p_start AND d.closed_at < p.p_end), 0) AS win_rate
FROM periods p;

-- metric: win_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region)
  / NULLIF((SELECT COUNT(*) FROM deals d LEFT JOIN acquired c ON c.customer_id = d.customer_id WHERE d.status IN ('won', 'lost') AND d.closed_at >= p.p_start AND d.closed_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region), 0) AS win_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: lead_conversion_rate
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM leads l LEFT JOIN acquired c ON c.customer_id = l.customer_id WHERE l.status = 'converted' AND l.created_at >= p.p_start AND l.created_at < p.p_end)
  / NULLIF((SELECT COUNT(*) FROM leads l LEFT JOIN acquired c ON c.customer_id = l.customer_id WHERE l.created_at >= p.p_start AND l.created_at < p.p_end), 0) AS lead_conversion_rate
FROM periods p;

-- metric: lead_conversion_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM leads l LEFT JOIN acquired c ON c.customer_id = l.customer_id WHERE l.status = 'converted' AND l.created_at >= p.p_start AND l.created_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region)
  / NULLIF((SELECT COUNT(*) FROM leads l LEFT JOIN acquired c ON c.customer_id = l.customer_id WHERE l.created_at >= p.p_start AND l.created_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region), 0) AS lead_conversion_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: sales_cycle_days
-- by: total
SELECT p.label AS period,
  AVG((epoch(d.closed_at) - epoch(COALESCE(l.created_at, d.created_at))) / 86400.0) AS sales_cycle_days,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(d.closed_at) - epoch(COALESCE(l.created_at, d.created_at))) / 86400.0) AS sales_cycle_days_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(d.closed_at) - epoch(COALESCE(l.created_at, d.created_at))) / 86400.0) AS sales_cycle_days_p90
FROM periods p JOIN deals d ON d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end
LEFT JOIN leads l ON l.lead_id = d.lead_id LEFT JOIN acquired c ON c.customer_id = d.customer_id
WHERE TRUE
GROUP BY p.label;

-- metric: sales_cycle_days
-- by: region
SELECT p.label AS period, g.region AS region,
  AVG((epoch(d.closed_at) - epoch(COALESCE(l.created_at, d.created_at))) / 86400.0) AS sales_cycle_days,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(d.closed_at) - epoch(COALESCE(l.created_at, d.created_at))) / 86400.0) AS sales_cycle_days_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(d.closed_at) - epoch(COALESCE(l.created_at, d.created_at))) / 86400.0) AS sales_cycle_days_p90
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g JOIN deals d ON d.status = 'won' AND d.closed_at >= p.p_start AND d.closed_at < p.p_end
LEFT JOIN leads l ON l.lead_id = d.lead_id LEFT JOIN acquired c ON c.customer_id = d.customer_id
WHERE TRUE AND c.known AND c.region IS NOT DISTINCT FROM g.region
GROUP BY p.label, g.region;

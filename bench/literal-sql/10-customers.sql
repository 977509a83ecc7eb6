-- The customer base (METRICS.md §1): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: new_customers
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end) AS new_customers
FROM periods p;

-- metric: new_customers
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region) AS new_customers
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: churned_customers
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)) AS churned_customers
FROM periods p;

-- metric: churned_customers
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start AND s.known AND s.region IS NOT DISTINCT FROM g.region
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)) AS churned_customers
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: customer_churn_rate
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end))
  / NULLIF((SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start), 0) AS customer_churn_rate
FROM periods p;

-- metric: customer_churn_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start AND s.known AND s.region IS NOT DISTINCT FROM g.region
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end))
  / NULLIF((SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start AND s.known AND s.region IS NOT DISTINCT FROM g.region), 0) AS customer_churn_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: customer_retention_rate
-- by: total
SELECT p.label AS period,
  ((SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end) - (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end))
  / NULLIF((SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start), 0) AS customer_retention_rate
FROM periods p;

-- metric: customer_retention_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  ((SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end AND e.known AND e.region IS NOT DISTINCT FROM g.region) - (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region))
  / NULLIF((SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start AND s.known AND s.region IS NOT DISTINCT FROM g.region), 0) AS customer_retention_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: reactivated_customers
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end AND e.acquired_at < p.p_start
    AND NOT EXISTS (SELECT 1 FROM active_at s WHERE s.customer_id = e.customer_id AND s.t = p.p_start)) AS reactivated_customers
FROM periods p;

-- metric: reactivated_customers
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end AND e.known AND e.region IS NOT DISTINCT FROM g.region AND e.acquired_at < p.p_start
    AND NOT EXISTS (SELECT 1 FROM active_at s WHERE s.customer_id = e.customer_id AND s.t = p.p_start)) AS reactivated_customers
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: net_customer_change
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end) - (SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)) AS net_customer_change
FROM periods p;

-- metric: net_customer_change
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region) - (SELECT COUNT(*) FROM active_at s WHERE s.t = p.p_start AND s.known AND s.region IS NOT DISTINCT FROM g.region
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)) AS net_customer_change
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: customer_base_growth_rate
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end)
  / NULLIF((SELECT COUNT(*) FROM acquired c WHERE c.acquired_at < p.p_start), 0) AS customer_base_growth_rate
FROM periods p;

-- metric: customer_base_growth_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end AND c.known AND c.region IS NOT DISTINCT FROM g.region)
  / NULLIF((SELECT COUNT(*) FROM acquired c WHERE c.acquired_at < p.p_start AND c.known AND c.region IS NOT DISTINCT FROM g.region), 0) AS customer_base_growth_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: active_purchase_rate
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end
    AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = e.customer_id AND o.ordered_at >= p.p_start AND o.ordered_at < p.p_end))
  / NULLIF((SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end), 0) AS active_purchase_rate
FROM periods p;

-- metric: active_purchase_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end AND e.known AND e.region IS NOT DISTINCT FROM g.region
    AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = e.customer_id AND o.ordered_at >= p.p_start AND o.ordered_at < p.p_end))
  / NULLIF((SELECT COUNT(*) FROM active_at e WHERE e.t = p.p_end AND e.known AND e.region IS NOT DISTINCT FROM g.region), 0) AS active_purchase_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

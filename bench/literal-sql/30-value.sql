-- Customer value and acquisition cost (METRICS.md §3): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: avg_purchase_value
-- by: total
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE
  GROUP BY p.label, p.p_start, p.p_end)
SELECT w.label AS period,
  w.revenue / NULLIF(w.orders, 0) AS avg_purchase_value
FROM w;

-- metric: avg_purchase_value
-- by: region
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, o.region AS region, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE AND o.known
  GROUP BY p.label, p.p_start, p.p_end, o.region)
SELECT w.label AS period, w.region AS region,
  w.revenue / NULLIF(w.orders, 0) AS avg_purchase_value
FROM w;

-- metric: purchase_frequency
-- by: total
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE
  GROUP BY p.label, p.p_start, p.p_end)
SELECT w.label AS period,
  w.orders / NULLIF(w.buyers, 0) AS purchase_frequency
FROM w;

-- metric: purchase_frequency
-- by: region
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, o.region AS region, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE AND o.known
  GROUP BY p.label, p.p_start, p.p_end, o.region)
SELECT w.label AS period, w.region AS region,
  w.orders / NULLIF(w.buyers, 0) AS purchase_frequency
FROM w;

-- metric: customer_value
-- by: total
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE
  GROUP BY p.label, p.p_start, p.p_end)
SELECT w.label AS period,
  w.revenue / NULLIF(w.buyers, 0) AS customer_value
FROM w;

-- metric: customer_value
-- by: region
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, o.region AS region, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE AND o.known
  GROUP BY p.label, p.p_start, p.p_end, o.region)
SELECT w.label AS period, w.region AS region,
  w.revenue / NULLIF(w.buyers, 0) AS customer_value
FROM w;

-- metric: customer_lifespan_years
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM active_at_window_start s WHERE s.t = p.p_end - INTERVAL 365 DAY)
  / NULLIF((SELECT COUNT(*) FROM active_at_window_start s WHERE s.t = p.p_end - INTERVAL 365 DAY
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)), 0) AS customer_lifespan_years
FROM periods p;

-- metric: customer_lifespan_years
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM active_at_window_start s WHERE s.t = p.p_end - INTERVAL 365 DAY AND s.known AND s.region IS NOT DISTINCT FROM g.region)
  / NULLIF((SELECT COUNT(*) FROM active_at_window_start s WHERE s.t = p.p_end - INTERVAL 365 DAY AND s.known AND s.region IS NOT DISTINCT FROM g.region
    AND NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)), 0) AS customer_lifespan_years
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: clv
-- by: total
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE
  GROUP BY p.label, p.p_start, p.p_end),
b AS (
  SELECT p.label, COUNT(*) AS at_start,
         COUNT(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)) AS churned
  FROM periods p JOIN active_at_window_start s ON s.t = p.p_end - INTERVAL 365 DAY
  WHERE TRUE
  GROUP BY p.label)
SELECT w.label AS period,
  (CAST(w.revenue AS DOUBLE) / NULLIF(w.buyers, 0)) / NULLIF(CAST(b.churned AS DOUBLE) / NULLIF(b.at_start, 0), 0) AS clv
FROM w LEFT JOIN b ON b.label = w.label;

-- metric: clv
-- by: region
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, o.region AS region, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE AND o.known
  GROUP BY p.label, p.p_start, p.p_end, o.region),
b AS (
  SELECT p.label, s.region AS region, COUNT(*) AS at_start,
         COUNT(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)) AS churned
  FROM periods p JOIN active_at_window_start s ON s.t = p.p_end - INTERVAL 365 DAY
  WHERE TRUE AND s.known
  GROUP BY p.label, s.region)
SELECT w.label AS period, w.region AS region,
  (CAST(w.revenue AS DOUBLE) / NULLIF(w.buyers, 0)) / NULLIF(CAST(b.churned AS DOUBLE) / NULLIF(b.at_start, 0), 0) AS clv
FROM w LEFT JOIN b ON b.label = w.label AND b.region IS NOT DISTINCT FROM w.region;

-- metric: cac
-- by: total
SELECT p.label AS period,
  COALESCE((SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(p.p_end AS DATE)) - GREATEST(s.span_start, CAST(p.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(p.p_end AS DATE) AND s.span_end > CAST(p.p_start AS DATE) AND s.span_end > s.span_start), 0)
  / NULLIF((SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end), 0) AS cac
FROM periods p;

-- metric: cac_payback_months
-- by: total
SELECT p.label AS period,
  (CAST(COALESCE((SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(p.p_end AS DATE)) - GREATEST(s.span_start, CAST(p.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(p.p_end AS DATE) AND s.span_end > CAST(p.p_start AS DATE) AND s.span_end > s.span_start), 0) AS DOUBLE) / NULLIF((SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end), 0))
  / NULLIF(CAST((SELECT COALESCE(SUM(o.amount), 0) FROM acquired c JOIN order_rows o ON o.customer_id = c.customer_id
    WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end AND o.ordered_at >= c.acquired_at AND o.ordered_at < c.acquired_at + INTERVAL 90 DAY) AS DOUBLE) / NULLIF((SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= p.p_start AND c.acquired_at < p.p_end), 0) / 3, 0) AS cac_payback_months
FROM periods p;

-- metric: ltv_to_cac
-- by: total
WITH w AS (
  SELECT p.label, p.p_start, p.p_end, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
  FROM periods p JOIN order_rows o ON o.ordered_at >= p.p_end - INTERVAL 365 DAY AND o.ordered_at < p.p_end
  WHERE TRUE
  GROUP BY p.label, p.p_start, p.p_end),
b AS (
  SELECT p.label, COUNT(*) AS at_start,
         COUNT(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM active_at e WHERE e.customer_id = s.customer_id AND e.t = p.p_end)) AS churned
  FROM periods p JOIN active_at_window_start s ON s.t = p.p_end - INTERVAL 365 DAY
  WHERE TRUE
  GROUP BY p.label)
SELECT w.label AS period,
  ((CAST(w.revenue AS DOUBLE) / NULLIF(w.buyers, 0)) / NULLIF(CAST(b.churned AS DOUBLE) / NULLIF(b.at_start, 0), 0))
  / NULLIF((CAST(COALESCE((SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(w.p_end AS DATE)) - GREATEST(s.span_start, CAST(w.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(w.p_end AS DATE) AND s.span_end > CAST(w.p_start AS DATE) AND s.span_end > s.span_start), 0) AS DOUBLE) / NULLIF((SELECT COUNT(*) FROM acquired c WHERE c.acquired_at >= w.p_start AND c.acquired_at < w.p_end), 0)), 0) AS ltv_to_cac
FROM w LEFT JOIN b ON b.label = w.label;

-- Revenue (METRICS.md §2): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: revenue
-- by: total
SELECT p.label AS period,
  (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end) AS revenue
FROM periods p;

-- metric: revenue
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end AND o.known AND o.region IS NOT DISTINCT FROM g.region) AS revenue
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: net_new_revenue
-- by: total
SELECT p.label AS period,
  (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end
    AND o.order_id = (SELECT f.order_id FROM orders f WHERE f.customer_id = o.customer_id ORDER BY f.ordered_at, f.order_id LIMIT 1)) AS net_new_revenue
FROM periods p;

-- metric: net_new_revenue
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end AND o.known AND o.region IS NOT DISTINCT FROM g.region
    AND o.order_id = (SELECT f.order_id FROM orders f WHERE f.customer_id = o.customer_id ORDER BY f.ordered_at, f.order_id LIMIT 1)) AS net_new_revenue
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: expansion_revenue
-- by: total
SELECT p.label AS period,
  (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end AND o.acquired_at < p.p_start) AS expansion_revenue
FROM periods p;

-- metric: expansion_revenue
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end AND o.known AND o.region IS NOT DISTINCT FROM g.region AND o.acquired_at < p.p_start) AS expansion_revenue
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: expansion_revenue_rate
-- by: total
SELECT p.label AS period,
  CASE WHEN p.label = (SELECT MIN(label) FROM periods) THEN NULL ELSE (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end AND o.acquired_at < p.p_start)
  / NULLIF((SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.prev_start AND o.ordered_at < p.prev_end AND o.acquired_at < p.prev_start), 0) END AS expansion_revenue_rate
FROM periods p;

-- metric: expansion_revenue_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  CASE WHEN p.label = (SELECT MIN(label) FROM periods) THEN NULL ELSE (SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end AND o.known AND o.region IS NOT DISTINCT FROM g.region AND o.acquired_at < p.p_start)
  / NULLIF((SELECT COALESCE(SUM(o.amount), 0) FROM order_rows o WHERE o.ordered_at >= p.prev_start AND o.ordered_at < p.prev_end AND o.known AND o.region IS NOT DISTINCT FROM g.region AND o.acquired_at < p.prev_start), 0) END AS expansion_revenue_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: revenue_concentration_top20
-- by: total
SELECT p.label AS period,
  (SELECT SUM(CASE WHEN 100 * (r.rank_no - 1) < 20 * r.paying THEN r.revenue ELSE 0 END) / NULLIF(SUM(r.revenue), 0)
    FROM (SELECT x.revenue, ROW_NUMBER() OVER (ORDER BY x.revenue DESC, x.customer_id) AS rank_no, COUNT(*) OVER () AS paying
          FROM (SELECT o.customer_id, SUM(o.amount) AS revenue FROM order_rows o
                WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end GROUP BY o.customer_id) x
          WHERE x.revenue > 0) r) AS revenue_concentration_top20
FROM periods p;

-- metric: revenue_concentration_top20
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT SUM(CASE WHEN 100 * (r.rank_no - 1) < 20 * r.paying THEN r.revenue ELSE 0 END) / NULLIF(SUM(r.revenue), 0)
    FROM (SELECT x.revenue, ROW_NUMBER() OVER (ORDER BY x.revenue DESC, x.customer_id) AS rank_no, COUNT(*) OVER () AS paying
          FROM (SELECT o.customer_id, SUM(o.amount) AS revenue FROM order_rows o
                WHERE o.ordered_at >= p.p_start AND o.ordered_at < p.p_end AND o.known AND o.region IS NOT DISTINCT FROM g.region GROUP BY o.customer_id) x
          WHERE x.revenue > 0) r) AS revenue_concentration_top20
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: mrr
-- by: total
SELECT p.label AS period,
  (SELECT COALESCE(SUM(m.mrr), 0) FROM mrr_at m WHERE m.t = p.p_end) AS mrr
FROM periods p;

-- metric: mrr
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COALESCE(SUM(m.mrr), 0) FROM mrr_at m WHERE m.t = p.p_end AND m.known AND m.region IS NOT DISTINCT FROM g.region) AS mrr
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: mrr_new
-- by: total
SELECT m.label AS period,
  SUM(CASE WHEN m.s <= 0 AND m.e > 0 AND NOT m.paid_before THEN m.e ELSE 0 END) AS mrr_new
FROM mrr_change m
WHERE TRUE
GROUP BY m.label;

-- metric: mrr_new
-- by: region
SELECT m.label AS period, m.region AS region,
  SUM(CASE WHEN m.s <= 0 AND m.e > 0 AND NOT m.paid_before THEN m.e ELSE 0 END) AS mrr_new
FROM mrr_change m
WHERE TRUE AND m.known
GROUP BY m.label, m.region;

-- metric: mrr_expansion
-- by: total
SELECT m.label AS period,
  SUM(CASE WHEN m.s > 0 AND m.e > m.s THEN m.e - m.s ELSE 0 END) AS mrr_expansion
FROM mrr_change m
WHERE TRUE
GROUP BY m.label;

-- metric: mrr_expansion
-- by: region
SELECT m.label AS period, m.region AS region,
  SUM(CASE WHEN m.s > 0 AND m.e > m.s THEN m.e - m.s ELSE 0 END) AS mrr_expansion
FROM mrr_change m
WHERE TRUE AND m.known
GROUP BY m.label, m.region;

-- metric: mrr_contraction
-- by: total
SELECT m.label AS period,
  SUM(CASE WHEN m.s > 0 AND m.e > 0 AND m.e < m.s THEN m.s - m.e ELSE 0 END) AS mrr_contraction
FROM mrr_change m
WHERE TRUE
GROUP BY m.label;

-- metric: mrr_contraction
-- by: region
SELECT m.label AS period, m.region AS region,
  SUM(CASE WHEN m.s > 0 AND m.e > 0 AND m.e < m.s THEN m.s - m.e ELSE 0 END) AS mrr_contraction
FROM mrr_change m
WHERE TRUE AND m.known
GROUP BY m.label, m.region;

-- metric: mrr_churned
-- by: total
SELECT m.label AS period,
  SUM(CASE WHEN m.s > 0 AND m.e <= 0 THEN m.s ELSE 0 END) AS mrr_churned
FROM mrr_change m
WHERE TRUE
GROUP BY m.label;

-- metric: mrr_churned
-- by: region
SELECT m.label AS period, m.region AS region,
  SUM(CASE WHEN m.s > 0 AND m.e <= 0 THEN m.s ELSE 0 END) AS mrr_churned
FROM mrr_change m
WHERE TRUE AND m.known
GROUP BY m.label, m.region;

-- metric: mrr_reactivation
-- by: total
SELECT m.label AS period,
  SUM(CASE WHEN m.s <= 0 AND m.e > 0 AND m.paid_before THEN m.e ELSE 0 END) AS mrr_reactivation
FROM mrr_change m
WHERE TRUE
GROUP BY m.label;

-- metric: mrr_reactivation
-- by: region
SELECT m.label AS period, m.region AS region,
  SUM(CASE WHEN m.s <= 0 AND m.e > 0 AND m.paid_before THEN m.e ELSE 0 END) AS mrr_reactivation
FROM mrr_change m
WHERE TRUE AND m.known
GROUP BY m.label, m.region;

-- metric: net_revenue_retention
-- by: total
SELECT m.label AS period,
  (SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END) + SUM(CASE WHEN m.s > 0 AND m.e > m.s THEN m.e - m.s ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e > 0 AND m.e < m.s THEN m.s - m.e ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e <= 0 THEN m.s ELSE 0 END))
  / NULLIF(SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END), 0) AS net_revenue_retention
FROM mrr_change m
WHERE TRUE
GROUP BY m.label;

-- metric: net_revenue_retention
-- by: region
SELECT m.label AS period, m.region AS region,
  (SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END) + SUM(CASE WHEN m.s > 0 AND m.e > m.s THEN m.e - m.s ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e > 0 AND m.e < m.s THEN m.s - m.e ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e <= 0 THEN m.s ELSE 0 END))
  / NULLIF(SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END), 0) AS net_revenue_retention
FROM mrr_change m
WHERE TRUE AND m.known
GROUP BY m.label, m.region;

-- metric: gross_revenue_retention
-- by: total
SELECT m.label AS period,
  (SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e > 0 AND m.e < m.s THEN m.s - m.e ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e <= 0 THEN m.s ELSE 0 END))
  / NULLIF(SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END), 0) AS gross_revenue_retention
FROM mrr_change m
WHERE TRUE
GROUP BY m.label;

-- metric: gross_revenue_retention
-- by: region
SELECT m.label AS period, m.region AS region,
  (SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e > 0 AND m.e < m.s THEN m.s - m.e ELSE 0 END) - SUM(CASE WHEN m.s > 0 AND m.e <= 0 THEN m.s ELSE 0 END))
  / NULLIF(SUM(CASE WHEN m.s > 0 THEN m.s ELSE 0 END), 0) AS gross_revenue_retention
FROM mrr_change m
WHERE TRUE AND m.known
GROUP BY m.label, m.region;

-- metric: renewal_rate
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM subscriptions t LEFT JOIN acquired c ON c.customer_id = t.customer_id
    WHERE t.end_at >= p.p_start AND t.end_at < p.p_end AND (t.canceled_at IS NULL OR t.canceled_at >= t.end_at)
      AND EXISTS (SELECT 1 FROM subscriptions n WHERE n.subscription_id = t.subscription_id AND n.term_id <> t.term_id
                  AND n.start_at >= t.end_at - INTERVAL 30 DAY AND n.start_at <= t.end_at + INTERVAL 30 DAY))
  / NULLIF((SELECT COUNT(*) FROM subscriptions t LEFT JOIN acquired c ON c.customer_id = t.customer_id
    WHERE t.end_at >= p.p_start AND t.end_at < p.p_end AND (t.canceled_at IS NULL OR t.canceled_at >= t.end_at)), 0) AS renewal_rate
FROM periods p;

-- metric: renewal_rate
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM subscriptions t LEFT JOIN acquired c ON c.customer_id = t.customer_id
    WHERE t.end_at >= p.p_start AND t.end_at < p.p_end AND (t.canceled_at IS NULL OR t.canceled_at >= t.end_at) AND c.known AND c.region IS NOT DISTINCT FROM g.region
      AND EXISTS (SELECT 1 FROM subscriptions n WHERE n.subscription_id = t.subscription_id AND n.term_id <> t.term_id
                  AND n.start_at >= t.end_at - INTERVAL 30 DAY AND n.start_at <= t.end_at + INTERVAL 30 DAY))
  / NULLIF((SELECT COUNT(*) FROM subscriptions t LEFT JOIN acquired c ON c.customer_id = t.customer_id
    WHERE t.end_at >= p.p_start AND t.end_at < p.p_end AND (t.canceled_at IS NULL OR t.canceled_at >= t.end_at) AND c.known AND c.region IS NOT DISTINCT FROM g.region), 0) AS renewal_rate
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- Marketing: campaigns by region (METRICS.md §6): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: campaign_leads
-- by: campaign_id, region
SELECT p.label AS period, l.campaign_id AS campaign_id, c.region AS region, COUNT(*) AS campaign_leads
FROM periods p JOIN leads l ON l.campaign_id IS NOT NULL AND l.created_at >= p.p_start AND l.created_at < p.p_end
LEFT JOIN customers c ON c.customer_id = l.customer_id
GROUP BY p.label, l.campaign_id, c.region;

-- metric: campaign_converted_leads
-- by: campaign_id, region
SELECT p.label AS period, l.campaign_id AS campaign_id, c.region AS region, COUNT(*) AS campaign_converted_leads
FROM periods p JOIN leads l ON l.campaign_id IS NOT NULL AND l.created_at >= p.p_start AND l.created_at < p.p_end AND l.status = 'converted'
LEFT JOIN customers c ON c.customer_id = l.customer_id
GROUP BY p.label, l.campaign_id, c.region;

-- metric: campaign_conversion_rate
-- by: campaign_id, region
SELECT p.label AS period, l.campaign_id AS campaign_id, c.region AS region, COUNT(*) FILTER (WHERE l.status = 'converted') / COUNT(*) AS campaign_conversion_rate
FROM periods p JOIN leads l ON l.campaign_id IS NOT NULL AND l.created_at >= p.p_start AND l.created_at < p.p_end
LEFT JOIN customers c ON c.customer_id = l.customer_id
GROUP BY p.label, l.campaign_id, c.region;

-- metric: campaign_customers
-- by: campaign_id, region
SELECT p.label AS period, f.campaign_id AS campaign_id, c.region AS region, COUNT(*) AS campaign_customers
FROM periods p JOIN first_touch f ON f.acquired_at >= p.p_start AND f.acquired_at < p.p_end
JOIN customers c ON c.customer_id = f.customer_id
GROUP BY p.label, f.campaign_id, c.region;

-- metric: campaign_revenue
-- by: campaign_id, region
SELECT p.label AS period, f.campaign_id AS campaign_id, c.region AS region,
  COALESCE(SUM(o.amount), 0) AS campaign_revenue
FROM periods p JOIN first_touch f ON f.acquired_at >= p.p_start AND f.acquired_at < p.p_end
JOIN customers c ON c.customer_id = f.customer_id
LEFT JOIN order_rows o ON o.customer_id = f.customer_id AND o.ordered_at >= f.acquired_at AND o.ordered_at < f.acquired_at + INTERVAL 90 DAY
GROUP BY p.label, f.campaign_id, c.region;

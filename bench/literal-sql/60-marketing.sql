-- Marketing (METRICS.md §6): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: email_list_growth_rate
-- by: total
SELECT p.label AS period,
  (SELECT COALESCE(SUM(CASE WHEN e.event = 'subscribed' THEN 1 ELSE -1 END), 0) FROM email_events e
   WHERE e."at" >= p.p_start AND e."at" < p.p_end)
  / NULLIF((SELECT COUNT(*) FROM (
      SELECT e.list_id, lower(e.email) AS email, arg_max(e.event, e."at") AS last_event FROM email_events e
      WHERE e."at" < p.p_start GROUP BY e.list_id, lower(e.email)) m WHERE m.last_event = 'subscribed'), 0) AS email_list_growth_rate
FROM periods p;

-- metric: email_list_growth_rate
-- by: list_id
SELECT p.label AS period, k.list_id AS list_id,
  (SELECT COALESCE(SUM(CASE WHEN e.event = 'subscribed' THEN 1 ELSE -1 END), 0) FROM email_events e
   WHERE e."at" >= p.p_start AND e."at" < p.p_end AND e.list_id = k.list_id)
  / NULLIF((SELECT COUNT(*) FROM (
      SELECT e.list_id, lower(e.email) AS email, arg_max(e.event, e."at") AS last_event FROM email_events e
      WHERE e."at" < p.p_start AND e.list_id = k.list_id GROUP BY e.list_id, lower(e.email)) m WHERE m.last_event = 'subscribed'), 0) AS email_list_growth_rate
FROM periods p CROSS JOIN (SELECT DISTINCT list_id FROM email_events) k;

-- metric: campaign_spend
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  COALESCE((SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(p.p_end AS DATE)) - GREATEST(s.span_start, CAST(p.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(p.p_end AS DATE) AND s.span_end > CAST(p.p_start AS DATE) AND s.span_end > s.span_start AND s.campaign_id = k.campaign_id), 0) AS campaign_spend
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_leads
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  (SELECT COUNT(*) FROM leads l WHERE l.campaign_id = k.campaign_id AND l.created_at >= p.p_start AND l.created_at < p.p_end) AS campaign_leads
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_converted_leads
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  (SELECT COUNT(*) FROM leads l WHERE l.campaign_id = k.campaign_id AND l.created_at >= p.p_start AND l.created_at < p.p_end AND l.status = 'converted') AS campaign_converted_leads
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_conversion_rate
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  (SELECT COUNT(*) FROM leads l WHERE l.campaign_id = k.campaign_id AND l.created_at >= p.p_start AND l.created_at < p.p_end AND l.status = 'converted')
  / NULLIF((SELECT COUNT(*) FROM leads l WHERE l.campaign_id = k.campaign_id AND l.created_at >= p.p_start AND l.created_at < p.p_end), 0) AS campaign_conversion_rate
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_customers
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  (SELECT COUNT(*) FROM first_touch f WHERE f.campaign_id = k.campaign_id AND f.acquired_at >= p.p_start AND f.acquired_at < p.p_end) AS campaign_customers
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_cost_per_lead
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  (SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(p.p_end AS DATE)) - GREATEST(s.span_start, CAST(p.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(p.p_end AS DATE) AND s.span_end > CAST(p.p_start AS DATE) AND s.span_end > s.span_start AND s.campaign_id = k.campaign_id)
  / NULLIF((SELECT COUNT(*) FROM leads l WHERE l.campaign_id = k.campaign_id AND l.created_at >= p.p_start AND l.created_at < p.p_end), 0) AS campaign_cost_per_lead
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_cac
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  (SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(p.p_end AS DATE)) - GREATEST(s.span_start, CAST(p.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(p.p_end AS DATE) AND s.span_end > CAST(p.p_start AS DATE) AND s.span_end > s.span_start AND s.campaign_id = k.campaign_id)
  / NULLIF((SELECT COUNT(*) FROM first_touch f WHERE f.campaign_id = k.campaign_id AND f.acquired_at >= p.p_start AND f.acquired_at < p.p_end), 0) AS campaign_cac
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_revenue
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  (SELECT COALESCE(SUM(o.amount), 0) FROM first_touch f JOIN order_rows o ON o.customer_id = f.customer_id
    WHERE f.campaign_id = k.campaign_id AND f.acquired_at >= p.p_start AND f.acquired_at < p.p_end
      AND o.ordered_at >= f.acquired_at AND o.ordered_at < f.acquired_at + INTERVAL 90 DAY) AS campaign_revenue
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- metric: campaign_roi
-- by: campaign_id
SELECT p.label AS period, k.campaign_id AS campaign_id,
  ((SELECT COALESCE(SUM(o.amount), 0) FROM first_touch f JOIN order_rows o ON o.customer_id = f.customer_id
    WHERE f.campaign_id = k.campaign_id AND f.acquired_at >= p.p_start AND f.acquired_at < p.p_end
      AND o.ordered_at >= f.acquired_at AND o.ordered_at < f.acquired_at + INTERVAL 90 DAY) - (SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(p.p_end AS DATE)) - GREATEST(s.span_start, CAST(p.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(p.p_end AS DATE) AND s.span_end > CAST(p.p_start AS DATE) AND s.span_end > s.span_start AND s.campaign_id = k.campaign_id))
  / NULLIF((SELECT SUM(s.amount_base * (LEAST(s.span_end, CAST(p.p_end AS DATE)) - GREATEST(s.span_start, CAST(p.p_start AS DATE))) / (s.span_end - s.span_start))
    FROM spend_spans s WHERE s.span_start < CAST(p.p_end AS DATE) AND s.span_end > CAST(p.p_start AS DATE) AND s.span_end > s.span_start AND s.campaign_id = k.campaign_id), 0) AS campaign_roi
FROM periods p CROSS JOIN (SELECT campaign_id FROM campaigns UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
                           UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL) k;

-- The literal SQL of METRICS.md (issue 10's report baseline), run by bench/literal-sql.ts.
--
-- What a user who read METRICS.md would write against the canonical tables:
-- one statement per metric and grouping (the total, `--by region`, and the
-- built-in breakdowns), no cleverness. The definitions METRICS.md names once
-- and uses everywhere (acquired_at(c), active(c, t), MRR at t, a signed order
-- amount) are plain views here, so every statement re-derives them; only the
-- list of report periods is a table.
--
-- The bench datasets' settings are written in: timezone UTC (TIMESTAMP
-- columns are then local time), activity `auto`, inactivity_days 365,
-- renewal_grace_days 30, new_revenue_window `first_order`, monthly periods.

-- Periods: from the month of the earliest customers.created_at to the month of
-- the latest recorded event (a term's end_at excluded).
CREATE OR REPLACE TEMP TABLE periods AS
WITH bounds AS (
  SELECT CAST(date_trunc('month', (SELECT MIN(created_at) FROM customers)) AS TIMESTAMP) AS first_month,
         CAST(date_trunc('month', (SELECT MAX(t) FROM (
           SELECT MAX(created_at) AS t FROM customers UNION ALL SELECT MAX(acquired_at) FROM customers
           UNION ALL SELECT MAX(ordered_at) FROM orders
           UNION ALL SELECT MAX(start_at) FROM subscriptions UNION ALL SELECT MAX(canceled_at) FROM subscriptions
           UNION ALL SELECT MAX(created_at) FROM deals UNION ALL SELECT MAX(closed_at) FROM deals
           UNION ALL SELECT MAX(entered_at) FROM deal_stages
           UNION ALL SELECT MAX(created_at) FROM leads UNION ALL SELECT MAX(converted_at) FROM leads
           UNION ALL SELECT MAX(created_at) FROM tickets UNION ALL SELECT MAX(first_response_at) FROM tickets
           UNION ALL SELECT MAX(resolved_at) FROM tickets
           UNION ALL SELECT MAX(sent_at) FROM survey_responses UNION ALL SELECT MAX(responded_at) FROM survey_responses
           UNION ALL SELECT MAX("at") FROM email_events
           UNION ALL SELECT MAX(start_at) FROM campaigns UNION ALL SELECT MAX(end_at) FROM campaigns
         ) x)) AS TIMESTAMP) AS last_month
),
months AS (SELECT unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH)) AS m FROM bounds)
SELECT strftime(m, '%Y-%m') AS label, m AS p_start, m + INTERVAL 1 MONTH AS p_end,
       m - INTERVAL 1 MONTH AS prev_start, m AS prev_end
FROM months;

-- acquired_at(c): the explicit one, else the earliest of the first won deal,
-- the first order and the first term. `known`: the row is a customer (segments
-- count only rows of known customers).
CREATE OR REPLACE TEMP VIEW acquired AS
SELECT c.customer_id, c.region, c.acquisition_channel, TRUE AS known,
       COALESCE(c.acquired_at, LEAST(d.first_won, o.first_order, s.first_term)) AS acquired_at,
       s.first_term IS NOT NULL AS has_terms
FROM customers c
LEFT JOIN (SELECT customer_id, MIN(closed_at) AS first_won FROM deals WHERE status = 'won' GROUP BY customer_id) d
  ON d.customer_id = c.customer_id
LEFT JOIN (SELECT customer_id, MIN(ordered_at) AS first_order FROM orders GROUP BY customer_id) o
  ON o.customer_id = c.customer_id
LEFT JOIN (SELECT customer_id, MIN(start_at) AS first_term FROM subscriptions GROUP BY customer_id) s
  ON s.customer_id = c.customer_id;

-- active(c, t) at every period boundary t, evaluated just before t; mode
-- `auto`: the subscription rule for a customer who ever had a term (a term
-- with start_at < t ≤ min(end_at, canceled_at)), else the purchase rule
-- (acquired before t, and an order or the acquisition itself in [t − 365 d, t)).
CREATE OR REPLACE TEMP VIEW active_at AS
SELECT DISTINCT c.customer_id, c.region, c.known, c.acquired_at, i.t
FROM acquired c
JOIN subscriptions s ON s.customer_id = c.customer_id
JOIN (SELECT p_start AS t FROM periods UNION SELECT p_end FROM periods) i
  ON s.start_at < i.t AND i.t <= LEAST(COALESCE(s.end_at, TIMESTAMP 'infinity'), COALESCE(s.canceled_at, TIMESTAMP 'infinity'))
WHERE c.acquired_at IS NOT NULL AND c.has_terms
UNION
SELECT c.customer_id, c.region, c.known, c.acquired_at, i.t
FROM acquired c
JOIN (SELECT customer_id, ordered_at AS at FROM orders UNION ALL SELECT customer_id, acquired_at FROM acquired) e
  ON e.customer_id = c.customer_id
JOIN (SELECT p_start AS t FROM periods UNION SELECT p_end FROM periods) i
  ON e.at >= i.t - INTERVAL 365 DAY AND e.at < i.t
WHERE c.acquired_at IS NOT NULL AND NOT c.has_terms AND c.acquired_at < i.t;

-- An order in the base currency, a refund counting −|amount|, with its customer.
CREATE OR REPLACE TEMP VIEW order_rows AS
SELECT o.order_id, o.customer_id, o.ordered_at, o.type,
       CASE WHEN o.type = 'refund' THEN -ABS(o.amount_base) ELSE o.amount_base END AS amount,
       c.region, c.acquired_at, c.customer_id IS NOT NULL AS known
FROM orders o LEFT JOIN acquired c ON c.customer_id = o.customer_id;

-- MRR of a customer at every period boundary t: terms with start_at < t ≤ min(end_at, canceled_at).
CREATE OR REPLACE TEMP VIEW mrr_at AS
SELECT s.customer_id, c.region, c.customer_id IS NOT NULL AS known, i.t,
       SUM(s.amount_base / CASE s.interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END) AS mrr
FROM subscriptions s JOIN (SELECT p_start AS t FROM periods UNION SELECT p_end FROM periods) i
  ON s.start_at < i.t AND i.t <= LEAST(COALESCE(s.end_at, TIMESTAMP 'infinity'), COALESCE(s.canceled_at, TIMESTAMP 'infinity'))
LEFT JOIN customers c ON c.customer_id = s.customer_id
GROUP BY s.customer_id, c.region, c.customer_id, i.t;

-- Per period and customer with a term: MRR at start (s) and at end (e), and
-- whether a paid term began before the period.
CREATE OR REPLACE TEMP VIEW mrr_change AS
SELECT p.label, x.customer_id, c.region, c.customer_id IS NOT NULL AS known,
       COALESCE(ms.mrr, 0) AS s, COALESCE(me.mrr, 0) AS e,
       EXISTS (SELECT 1 FROM subscriptions t WHERE t.customer_id = x.customer_id AND t.amount_base > 0 AND t.start_at < p.p_start) AS paid_before
FROM periods p CROSS JOIN (SELECT DISTINCT customer_id FROM subscriptions) x
LEFT JOIN customers c ON c.customer_id = x.customer_id
LEFT JOIN mrr_at ms ON ms.customer_id = x.customer_id AND ms.t = p.p_start
LEFT JOIN mrr_at me ON me.customer_id = x.customer_id AND me.t = p.p_end;

-- active(c, t) at the start of each value window W = [end − 365 d, end) (§3), the same rule as active_at.
CREATE OR REPLACE TEMP VIEW active_at_window_start AS
SELECT DISTINCT c.customer_id, c.region, c.known, c.acquired_at, i.t
FROM acquired c
JOIN subscriptions s ON s.customer_id = c.customer_id
JOIN (SELECT p_end - INTERVAL 365 DAY AS t FROM periods) i
  ON s.start_at < i.t AND i.t <= LEAST(COALESCE(s.end_at, TIMESTAMP 'infinity'), COALESCE(s.canceled_at, TIMESTAMP 'infinity'))
WHERE c.acquired_at IS NOT NULL AND c.has_terms
UNION
SELECT c.customer_id, c.region, c.known, c.acquired_at, i.t
FROM acquired c
JOIN (SELECT customer_id, ordered_at AS at FROM orders UNION ALL SELECT customer_id, acquired_at FROM acquired) e
  ON e.customer_id = c.customer_id
JOIN (SELECT p_end - INTERVAL 365 DAY AS t FROM periods) i
  ON e.at >= i.t - INTERVAL 365 DAY AND e.at < i.t
WHERE c.acquired_at IS NOT NULL AND NOT c.has_terms AND c.acquired_at < i.t;

-- A spend row's local days [span_start, span_end): a `date` row is that one day.
CREATE OR REPLACE TEMP VIEW spend_spans AS
SELECT s.*, COALESCE(s."date", s.period_start) AS span_start,
       CASE WHEN s."date" IS NOT NULL THEN s."date" + 1 ELSE COALESCE(s.period_end, s.period_start + 1) END AS span_end
FROM spend s WHERE s."date" IS NOT NULL OR s.period_start IS NOT NULL;

-- Stage order per pipeline: pipeline_stages position, then stages seen only in
-- deal_stages in first-entered order.
CREATE OR REPLACE TEMP VIEW stage_order AS
SELECT x.pipeline, x.stage,
       ROW_NUMBER() OVER (PARTITION BY x.pipeline ORDER BY ps.position NULLS LAST, x.first_entered NULLS LAST, x.stage) AS stage_rank
FROM (
  SELECT pipeline, stage, MIN(first_entered) AS first_entered FROM (
    SELECT pipeline, stage, CAST(NULL AS TIMESTAMP) AS first_entered FROM pipeline_stages
    UNION ALL
    SELECT d.pipeline, s.stage, MIN(s.entered_at) FROM deal_stages s JOIN deals d ON d.deal_id = s.deal_id GROUP BY d.pipeline, s.stage
  ) u GROUP BY pipeline, stage
) x LEFT JOIN pipeline_stages ps ON ps.pipeline = x.pipeline AND ps.stage = x.stage;

-- A deal's stage entries in order (ties: stage position, then name); an
-- entry's exit is the deal's next entry, else its closed_at.
CREATE OR REPLACE TEMP VIEW stage_entries AS
SELECT s.deal_id, d.customer_id, d.pipeline, s.stage, so.stage_rank, s.entered_at,
       ROW_NUMBER() OVER h AS seq,
       COALESCE(LEAD(s.entered_at) OVER h, d.closed_at) AS exited_at
FROM deal_stages s JOIN deals d ON d.deal_id = s.deal_id
LEFT JOIN pipeline_stages ps ON ps.pipeline = d.pipeline AND ps.stage = s.stage
LEFT JOIN stage_order so ON so.pipeline = d.pipeline AND so.stage = s.stage
WINDOW h AS (PARTITION BY s.deal_id ORDER BY s.entered_at, ps.position NULLS LAST, s.stage);

-- Survey rows with their scale (defaults: nps 0..10, ces and csat 1..5).
CREATE OR REPLACE TEMP VIEW survey_scored AS
SELECT r.*, CAST(COALESCE(r.scale_min, CASE r.survey WHEN 'nps' THEN 0 ELSE 1 END) AS DOUBLE) AS lo,
       CAST(COALESCE(r.scale_max, CASE r.survey WHEN 'nps' THEN 10 ELSE 5 END) AS DOUBLE) AS hi
FROM survey_responses r;

-- A customer's campaign: that of their earliest converted lead (first touch).
CREATE OR REPLACE TEMP VIEW first_touch AS
SELECT f.customer_id, f.campaign_id, c.acquired_at FROM (
  SELECT l.customer_id, l.campaign_id, ROW_NUMBER() OVER (PARTITION BY l.customer_id ORDER BY l.created_at, l.lead_id) AS rn
  FROM leads l WHERE l.status = 'converted' AND l.customer_id IS NOT NULL
) f JOIN acquired c ON c.customer_id = f.customer_id
WHERE f.rn = 1 AND f.campaign_id IS NOT NULL;

-- Service and satisfaction (METRICS.md §5): the literal statements, one per metric and grouping; the definitions they share are the views of 00-setup.sql.

-- metric: avg_resolution_hours
-- by: total
SELECT p.label AS period,
  AVG((epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_p90
FROM periods p JOIN tickets t ON t.resolved_at >= p.p_start AND t.resolved_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE
GROUP BY p.label;

-- metric: avg_resolution_hours
-- by: assignee_id
SELECT p.label AS period, t.assignee_id AS assignee_id,
  AVG((epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_p90
FROM periods p JOIN tickets t ON t.resolved_at >= p.p_start AND t.resolved_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE
GROUP BY p.label, t.assignee_id;

-- metric: avg_resolution_hours
-- by: channel
SELECT p.label AS period, t.channel AS channel,
  AVG((epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_p90
FROM periods p JOIN tickets t ON t.resolved_at >= p.p_start AND t.resolved_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE
GROUP BY p.label, t.channel;

-- metric: avg_resolution_hours
-- by: region
SELECT p.label AS period, c.region AS region,
  AVG((epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.resolved_at) - epoch(t.created_at)) / 3600.0) AS avg_resolution_hours_p90
FROM periods p JOIN tickets t ON t.resolved_at >= p.p_start AND t.resolved_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE AND c.known
GROUP BY p.label, c.region;

-- metric: first_response_hours
-- by: total
SELECT p.label AS period,
  AVG((epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_p90
FROM periods p JOIN tickets t ON t.first_response_at >= p.p_start AND t.first_response_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE
GROUP BY p.label;

-- metric: first_response_hours
-- by: assignee_id
SELECT p.label AS period, t.assignee_id AS assignee_id,
  AVG((epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_p90
FROM periods p JOIN tickets t ON t.first_response_at >= p.p_start AND t.first_response_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE
GROUP BY p.label, t.assignee_id;

-- metric: first_response_hours
-- by: channel
SELECT p.label AS period, t.channel AS channel,
  AVG((epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_p90
FROM periods p JOIN tickets t ON t.first_response_at >= p.p_start AND t.first_response_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE
GROUP BY p.label, t.channel;

-- metric: first_response_hours
-- by: region
SELECT p.label AS period, c.region AS region,
  AVG((epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY (epoch(t.first_response_at) - epoch(t.created_at)) / 3600.0) AS first_response_hours_p90
FROM periods p JOIN tickets t ON t.first_response_at >= p.p_start AND t.first_response_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = t.customer_id
WHERE TRUE AND c.known
GROUP BY p.label, c.region;

-- metric: open_tickets
-- by: total
SELECT p.label AS period,
  (SELECT COUNT(*) FROM tickets t LEFT JOIN acquired c ON c.customer_id = t.customer_id WHERE t.created_at < p.p_end AND (t.resolved_at IS NULL OR t.resolved_at >= p.p_end)) AS open_tickets
FROM periods p;

-- metric: open_tickets
-- by: region
SELECT p.label AS period, g.region AS region,
  (SELECT COUNT(*) FROM tickets t LEFT JOIN acquired c ON c.customer_id = t.customer_id WHERE t.created_at < p.p_end AND (t.resolved_at IS NULL OR t.resolved_at >= p.p_end) AND c.known AND c.region IS NOT DISTINCT FROM g.region) AS open_tickets
FROM periods p CROSS JOIN (SELECT DISTINCT region FROM customers) g;

-- metric: nps
-- by: total
SELECT period,
  100.0 * (np - nd) / n AS nps, np AS nps_promoters, np / n AS nps_promoters_share, nq AS nps_passives, nq / n AS nps_passives_share,
  nd AS nps_detractors, nd / n AS nps_detractors_share,
  100 * SQRT(GREATEST((np / n + nd / n) - (np / n - nd / n) ** 2, 0) / n) AS nps_standard_error,
  100.0 * (np - nd) / n - 1.959963984540054 * 100 * SQRT(GREATEST((np / n + nd / n) - (np / n - nd / n) ** 2, 0) / n) AS nps_ci_low,
  100.0 * (np - nd) / n + 1.959963984540054 * 100 * SQRT(GREATEST((np / n + nd / n) - (np / n - nd / n) ** 2, 0) / n) AS nps_ci_high
FROM (
  SELECT p.label AS period,
    CAST(COUNT(*) FILTER (WHERE s10 >= 9) AS DOUBLE) AS np, CAST(COUNT(*) FILTER (WHERE s10 >= 7 AND s10 < 9) AS DOUBLE) AS nq,
    CAST(COUNT(*) FILTER (WHERE s10 < 7) AS DOUBLE) AS nd, CAST(COUNT(*) AS DOUBLE) AS n
  FROM periods p JOIN (SELECT r.*, CASE WHEN r.hi = 10 AND r.lo IN (0, 1) THEN r.score
    WHEN r.lo = 1 AND r.hi = 5 THEN CASE WHEN r.score >= 4 THEN 9 WHEN r.score >= 3 THEN 7 ELSE 0 END
    ELSE FLOOR((20 * (r.score - r.lo) + (r.hi - r.lo)) / (2 * (r.hi - r.lo))) END AS s10 FROM survey_scored r WHERE r.survey = 'nps' AND r.score IS NOT NULL) r
    ON r.responded_at >= p.p_start AND r.responded_at < p.p_end
  LEFT JOIN acquired c ON c.customer_id = r.customer_id
  WHERE TRUE
  GROUP BY p.label
) x;

-- metric: nps
-- by: region
SELECT period, region AS region,
  100.0 * (np - nd) / n AS nps, np AS nps_promoters, np / n AS nps_promoters_share, nq AS nps_passives, nq / n AS nps_passives_share,
  nd AS nps_detractors, nd / n AS nps_detractors_share,
  100 * SQRT(GREATEST((np / n + nd / n) - (np / n - nd / n) ** 2, 0) / n) AS nps_standard_error,
  100.0 * (np - nd) / n - 1.959963984540054 * 100 * SQRT(GREATEST((np / n + nd / n) - (np / n - nd / n) ** 2, 0) / n) AS nps_ci_low,
  100.0 * (np - nd) / n + 1.959963984540054 * 100 * SQRT(GREATEST((np / n + nd / n) - (np / n - nd / n) ** 2, 0) / n) AS nps_ci_high
FROM (
  SELECT p.label AS period, c.region AS region,
    CAST(COUNT(*) FILTER (WHERE s10 >= 9) AS DOUBLE) AS np, CAST(COUNT(*) FILTER (WHERE s10 >= 7 AND s10 < 9) AS DOUBLE) AS nq,
    CAST(COUNT(*) FILTER (WHERE s10 < 7) AS DOUBLE) AS nd, CAST(COUNT(*) AS DOUBLE) AS n
  FROM periods p JOIN (SELECT r.*, CASE WHEN r.hi = 10 AND r.lo IN (0, 1) THEN r.score
    WHEN r.lo = 1 AND r.hi = 5 THEN CASE WHEN r.score >= 4 THEN 9 WHEN r.score >= 3 THEN 7 ELSE 0 END
    ELSE FLOOR((20 * (r.score - r.lo) + (r.hi - r.lo)) / (2 * (r.hi - r.lo))) END AS s10 FROM survey_scored r WHERE r.survey = 'nps' AND r.score IS NOT NULL) r
    ON r.responded_at >= p.p_start AND r.responded_at < p.p_end
  LEFT JOIN acquired c ON c.customer_id = r.customer_id
  WHERE TRUE AND c.known
  GROUP BY p.label, c.region
) x;

-- metric: survey_response_rate
-- by: survey
SELECT p.label AS period, r.survey AS survey,
  COUNT(r.score) / COUNT(*) AS survey_response_rate
FROM periods p JOIN survey_responses r ON r.sent_at >= p.p_start AND r.sent_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = r.customer_id
WHERE TRUE
GROUP BY p.label, r.survey;

-- metric: survey_response_rate
-- by: survey, region
SELECT p.label AS period, r.survey AS survey, c.region AS region,
  COUNT(r.score) / COUNT(*) AS survey_response_rate
FROM periods p JOIN survey_responses r ON r.sent_at >= p.p_start AND r.sent_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = r.customer_id
WHERE TRUE AND c.known
GROUP BY p.label, r.survey, c.region;

-- metric: ces
-- by: total
SELECT p.label AS period,
  AVG(r.score) AS ces, COUNT(*) FILTER (WHERE r.score >= r.hi - 1) / COUNT(*) AS ces_easy_share
FROM periods p JOIN survey_scored r ON r.survey = 'ces' AND r.score IS NOT NULL AND r.responded_at >= p.p_start AND r.responded_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = r.customer_id
WHERE TRUE
GROUP BY p.label;

-- metric: ces
-- by: region
SELECT p.label AS period, c.region AS region,
  AVG(r.score) AS ces, COUNT(*) FILTER (WHERE r.score >= r.hi - 1) / COUNT(*) AS ces_easy_share
FROM periods p JOIN survey_scored r ON r.survey = 'ces' AND r.score IS NOT NULL AND r.responded_at >= p.p_start AND r.responded_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = r.customer_id
WHERE TRUE AND c.known
GROUP BY p.label, c.region;

-- metric: ces
-- by: channel
SELECT p.label AS period, r.channel AS channel,
  AVG(r.score) AS ces, COUNT(*) FILTER (WHERE r.score >= r.hi - 1) / COUNT(*) AS ces_easy_share
FROM periods p JOIN survey_scored r ON r.survey = 'ces' AND r.score IS NOT NULL AND r.responded_at >= p.p_start AND r.responded_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = r.customer_id
WHERE TRUE
GROUP BY p.label, r.channel;

-- metric: csat
-- by: total
SELECT p.label AS period,
  COUNT(*) FILTER (WHERE r.score >= r.hi - 2 + 1) / COUNT(*) AS csat
FROM periods p JOIN survey_scored r ON r.survey = 'csat' AND r.score IS NOT NULL AND r.responded_at >= p.p_start AND r.responded_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = r.customer_id
WHERE TRUE
GROUP BY p.label;

-- metric: csat
-- by: region
SELECT p.label AS period, c.region AS region,
  COUNT(*) FILTER (WHERE r.score >= r.hi - 2 + 1) / COUNT(*) AS csat
FROM periods p JOIN survey_scored r ON r.survey = 'csat' AND r.score IS NOT NULL AND r.responded_at >= p.p_start AND r.responded_at < p.p_end
LEFT JOIN acquired c ON c.customer_id = r.customer_id
WHERE TRUE AND c.known
GROUP BY p.label, c.region;

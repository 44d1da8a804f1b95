-- The benchmark's reference: the core measures per KOV and quarter, written from measures.md
-- (and the readings in docs/measures.md) as plain SQL over the staged tables, independently of the
-- Spark code. Views stg_submission, stg_client_episode, stg_qol, stg_participation and the table
-- ref_price are created by the caller. One row per quarter, KOV and measure:
-- quarter, unit_code, measure, value, n (the denominator of a mean, else null).
WITH quarters AS (
  SELECT DISTINCT quarter,
         make_date(CAST(substr(quarter, 1, 4) AS INTEGER),
                   (CAST(substr(quarter, 6, 1) AS INTEGER) - 1) * 3 + 1, 1) AS first_day
  FROM stg_submission
),
q AS (
  SELECT quarter, first_day, CAST(first_day + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS last_day
  FROM quarters
),
-- Episodes: the union over all quarters, the latest quarter's version of (client, KOV, start) wins.
episode AS (
  SELECT client_id, kov_code, start_date, end_date, exit_reason
  FROM (
    SELECT *, row_number() OVER (
             PARTITION BY client_id, kov_code, start_date ORDER BY quarter DESC) AS version
    FROM stg_client_episode)
  WHERE version = 1
),
-- An episode continues the case when the previous one ended VOORU_LOPP and it starts within 31 days.
linked AS (
  SELECT *,
         CASE WHEN lag(exit_reason) OVER w = 'VOORU_LOPP'
                   AND date_diff('day', lag(end_date) OVER w, start_date) BETWEEN 0 AND 31
              THEN 0 ELSE 1 END AS opens_case
  FROM episode
  WINDOW w AS (PARTITION BY client_id, kov_code ORDER BY start_date)
),
numbered AS (
  SELECT *, sum(opens_case) OVER (
              PARTITION BY client_id, kov_code ORDER BY start_date
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS case_no
  FROM linked
),
case_span AS (
  SELECT client_id, kov_code, case_no, min(start_date) AS case_start, max(start_date) AS last_start
  FROM numbered
  GROUP BY client_id, kov_code, case_no
),
-- A case ends when its last episode ends.
kase AS (
  SELECT c.client_id, c.kov_code, c.case_start, n.end_date, n.exit_reason AS end_reason
  FROM case_span c
  JOIN numbered n
    ON n.client_id = c.client_id AND n.kov_code = c.kov_code AND n.start_date = c.last_start
),
-- Active in the quarter: started by its last day, not ended before its first (an end after the
-- last day is not known yet: the case is open).
case_quarter AS (
  SELECT q.quarter, q.first_day, q.last_day, c.*
  FROM q
  JOIN kase c
    ON c.case_start <= q.last_day AND (c.end_date IS NULL OR c.end_date >= q.first_day)
),
-- Valid ISTE-EQ8 scores (>= 6 of 8 items), each from the submission of the quarter it is dated in.
answered AS (
  SELECT s.client_id, s.kov_code, s.assessed_on,
         (s.item_1 IS NOT NULL)::INTEGER + (s.item_2 IS NOT NULL)::INTEGER
           + (s.item_3 IS NOT NULL)::INTEGER + (s.item_4 IS NOT NULL)::INTEGER
           + (s.item_5 IS NOT NULL)::INTEGER + (s.item_6 IS NOT NULL)::INTEGER
           + (s.item_7 IS NOT NULL)::INTEGER + (s.item_8 IS NOT NULL)::INTEGER AS items,
         coalesce(s.item_1, 0) + coalesce(s.item_2, 0) + coalesce(s.item_3, 0)
           + coalesce(s.item_4, 0) + coalesce(s.item_5, 0) + coalesce(s.item_6, 0)
           + coalesce(s.item_7, 0) + coalesce(s.item_8, 0) AS item_sum
  FROM stg_qol s
  JOIN q ON q.quarter = s.quarter AND s.assessed_on BETWEEN q.first_day AND q.last_day
  WHERE s.instrument = 'ISTE-EQ8'
),
score AS (
  SELECT client_id, kov_code, assessed_on, 10.0 * item_sum / items AS score
  FROM answered
  WHERE items >= 6
),
-- A score belongs to the case of its client and KOV dated from 30 days before its start to its
-- end; the later-starting case wins.
score_case AS (
  SELECT client_id, kov_code, case_start, assessed_on, score
  FROM (
    SELECT s.*, c.case_start,
           row_number() OVER (
             PARTITION BY s.client_id, s.kov_code, s.assessed_on ORDER BY c.case_start DESC) AS pick
    FROM score s
    JOIN kase c
      ON c.client_id = s.client_id AND c.kov_code = s.kov_code
     AND s.assessed_on >= c.case_start - 30
     AND (c.end_date IS NULL OR s.assessed_on <= c.end_date))
  WHERE pick = 1
),
-- Baseline: the earliest valid score from 30 days before to 90 days after the case start.
baseline AS (
  SELECT client_id, kov_code, case_start,
         min(assessed_on) AS base_on, arg_min(score, assessed_on) AS base_score
  FROM score_case
  WHERE assessed_on BETWEEN case_start - 30 AND case_start + 90
  GROUP BY client_id, kov_code, case_start
),
-- Follow-up: the latest valid score dated in the quarter, at least 90 days after the baseline.
followup AS (
  SELECT cq.quarter, cq.client_id, cq.kov_code, cq.case_start,
         arg_max(s.score, s.assessed_on) - b.base_score AS change
  FROM case_quarter cq
  JOIN baseline b
    ON b.client_id = cq.client_id AND b.kov_code = cq.kov_code AND b.case_start = cq.case_start
  JOIN score_case s
    ON s.client_id = cq.client_id AND s.kov_code = cq.kov_code AND s.case_start = cq.case_start
  WHERE s.assessed_on BETWEEN cq.first_day AND cq.last_day
    AND date_diff('day', b.base_on, s.assessed_on) >= 90
  GROUP BY cq.quarter, cq.client_id, cq.kov_code, cq.case_start, b.base_score
),
-- Hours of the quarter's months (from that quarter's submission), on the case active in the
-- month, priced by component and mode on the month's first day.
hours AS (
  SELECT p.quarter, p.client_id, p.kov_code, p.month_start, p.component, p.mode, p.provider, p.hours
  FROM stg_participation p
  JOIN q ON q.quarter = p.quarter AND p.month_start BETWEEN q.first_day AND q.last_day
),
hours_case AS (
  SELECT *
  FROM (
    SELECT h.*, c.case_start,
           row_number() OVER (
             PARTITION BY h.client_id, h.kov_code, h.month_start, h.component, h.mode, h.provider
             ORDER BY c.case_start DESC) AS pick
    FROM hours h
    JOIN kase c
      ON c.client_id = h.client_id AND c.kov_code = h.kov_code
     AND c.case_start <= last_day(h.month_start)
     AND (c.end_date IS NULL OR c.end_date >= h.month_start))
  WHERE pick = 1
),
case_hours AS (
  SELECT h.quarter, h.client_id, h.kov_code, h.case_start,
         sum(h.hours) AS hours, sum(h.hours * p.price_eur) AS cost
  FROM hours_case h
  LEFT JOIN ref_price p
    ON p.component = h.component AND p.mode = h.mode
   AND h.month_start >= p.valid_from AND (p.valid_to IS NULL OR h.month_start <= p.valid_to)
  GROUP BY h.quarter, h.client_id, h.kov_code, h.case_start
),
per_case AS (
  SELECT cq.quarter, cq.kov_code,
         CASE WHEN cq.case_start >= cq.first_day THEN 1 ELSE 0 END AS is_new,
         CASE WHEN cq.end_date BETWEEN cq.first_day AND cq.last_day
                   AND cq.end_reason IS DISTINCT FROM 'VOORU_LOPP' THEN 1 ELSE 0 END AS is_exit,
         f.change,
         coalesce(h.hours, 0) AS hours,
         coalesce(h.cost, 0) AS cost
  FROM case_quarter cq
  LEFT JOIN followup f
    ON f.quarter = cq.quarter AND f.client_id = cq.client_id AND f.kov_code = cq.kov_code
   AND f.case_start = cq.case_start
  LEFT JOIN case_hours h
    ON h.quarter = cq.quarter AND h.client_id = cq.client_id AND h.kov_code = cq.kov_code
   AND h.case_start = cq.case_start
)
SELECT quarter, kov_code AS unit_code, 'ACTIVE' AS measure, CAST(count(*) AS DOUBLE) AS value,
       CAST(NULL AS DOUBLE) AS n
FROM per_case GROUP BY quarter, kov_code
UNION ALL
SELECT quarter, kov_code, 'NEW', CAST(sum(is_new) AS DOUBLE), NULL
FROM per_case GROUP BY quarter, kov_code
UNION ALL
SELECT quarter, kov_code, 'EXIT', CAST(sum(is_exit) AS DOUBLE), NULL
FROM per_case GROUP BY quarter, kov_code
UNION ALL
SELECT quarter, kov_code, 'QOL_N', CAST(count(change) AS DOUBLE), NULL
FROM per_case GROUP BY quarter, kov_code
UNION ALL
SELECT quarter, kov_code, 'QOL_CHANGE', avg(change), CAST(count(change) AS DOUBLE)
FROM per_case GROUP BY quarter, kov_code HAVING count(change) > 0
UNION ALL
SELECT quarter, kov_code, 'HOURS', CAST(sum(hours) AS DOUBLE), NULL
FROM per_case GROUP BY quarter, kov_code
UNION ALL
SELECT quarter, kov_code, 'COST', CAST(sum(cost) AS DOUBLE), NULL
FROM per_case GROUP BY quarter, kov_code
ORDER BY quarter, unit_code, measure

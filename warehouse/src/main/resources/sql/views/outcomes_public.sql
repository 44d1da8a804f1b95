-- requires: outcomes, kov_status
-- Only what survives disclosure control: a suppressed figure (or one whose flag is missing) shows
-- no value, interval or funnel flag. status: a KOV row takes its kov_status; a county or the
-- nation is PROVISIONAL when the total lacks rows of one of its KOVs (NO_SUBMISSION, REJECTS_HIGH,
-- REJECTS_VERY_HIGH), else PUBLISHABLE; never WITHHELD (docs/measures.md, "Publishable status").
WITH flagged AS (
  SELECT
    quarter,
    kov_code,
    county_code,
    status,
    coalesce(list_has_any(string_split(reasons, ';'),
        ['NO_SUBMISSION', 'REJECTS_VERY_HIGH', 'REJECTS_HIGH']), false)
      AS affects_totals
  FROM kov_status
),
unit_status AS (
  SELECT 'KOV' AS level, kov_code AS unit_code, quarter, status FROM flagged
  UNION ALL
  SELECT 'MAAKOND', county_code, quarter,
    CASE WHEN bool_or(affects_totals) THEN 'PROVISIONAL' ELSE 'PUBLISHABLE' END
  FROM flagged WHERE county_code IS NOT NULL GROUP BY county_code, quarter
  UNION ALL
  SELECT 'RIIK', 'EE', quarter,
    CASE WHEN bool_or(affects_totals) THEN 'PROVISIONAL' ELSE 'PUBLISHABLE' END
  FROM flagged GROUP BY quarter
)
SELECT
  o.level,
  o.unit_code,
  o.quarter,
  o.measure,
  CASE WHEN o.suppressed IS NOT FALSE THEN NULL ELSE o.value END AS value,
  CASE WHEN o.suppressed IS NOT FALSE THEN NULL ELSE o.numerator END AS numerator,
  CASE WHEN o.suppressed IS NOT FALSE THEN NULL ELSE o.denominator END AS denominator,
  CASE WHEN o.suppressed IS NOT FALSE THEN NULL ELSE o.ci_low END AS ci_low,
  CASE WHEN o.suppressed IS NOT FALSE THEN NULL ELSE o.ci_high END AS ci_high,
  CASE WHEN o.suppressed IS NOT FALSE THEN NULL ELSE o.funnel_flag END AS funnel_flag,
  o.suppressed IS NOT FALSE AS suppressed,
  s.status
FROM outcomes AS o
LEFT JOIN unit_status AS s
  ON s.level = o.level AND s.unit_code = o.unit_code AND s.quarter = o.quarter
ORDER BY o.level, o.unit_code, o.quarter, o.measure

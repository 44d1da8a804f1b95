-- requires: mart_outcomes
-- The published table (measures.md): one row per level, unit, quarter and measure, raw values.
SELECT
  level,
  unit_code,
  quarter,
  measure,
  value,
  numerator,
  denominator,
  ci_low,
  ci_high,
  funnel_flag,
  suppressed
FROM mart_outcomes
ORDER BY level, unit_code, quarter, measure

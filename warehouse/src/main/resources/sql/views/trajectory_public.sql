-- requires: mart_trajectory
-- The trajectory since entry as it may be shown: a suppressed row (or one whose flag is missing)
-- shows no n, mean or interval (docs/measures.md, "Trajectory since entry").
SELECT
  level,
  unit_code,
  quarter,
  band,
  band_from,
  band_to,
  measure,
  population,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE n END AS n,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE mean END AS mean,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE ci_low END AS ci_low,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE ci_high END AS ci_high,
  suppressed IS NOT FALSE AS suppressed
FROM mart_trajectory
ORDER BY level, unit_code, quarter, measure, population, band_from

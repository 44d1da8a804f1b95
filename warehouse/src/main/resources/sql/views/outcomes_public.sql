-- requires: outcomes
-- Only what survives disclosure control: a suppressed figure (or one whose flag is missing) shows
-- no value, interval or funnel flag.
SELECT
  level,
  unit_code,
  quarter,
  measure,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE value END AS value,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE numerator END AS numerator,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE denominator END AS denominator,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE ci_low END AS ci_low,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE ci_high END AS ci_high,
  CASE WHEN suppressed IS NOT FALSE THEN NULL ELSE funnel_flag END AS funnel_flag,
  suppressed IS NOT FALSE AS suppressed
FROM outcomes
ORDER BY level, unit_code, quarter, measure

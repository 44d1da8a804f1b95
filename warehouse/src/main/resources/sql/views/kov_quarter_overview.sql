-- requires: outcomes, ref_municipalities
-- Internal analyst view: one row per KOV and quarter with the headline measures side by side
-- (raw values; publish from outcomes_public).
SELECT
  o.unit_code AS kov_code,
  m.kov_name,
  m.county_code,
  o.quarter,
  max(o.value) FILTER (WHERE o.measure = 'ACTIVE') AS active,
  max(o.value) FILTER (WHERE o.measure = 'NEW') AS new,
  max(o.value) FILTER (WHERE o.measure = 'EXIT') AS exit,
  max(o.value) FILTER (WHERE o.measure = 'CLIENT_DAYS') AS client_days,
  max(o.value) FILTER (WHERE o.measure = 'OCCUPANCY') AS occupancy,
  max(o.value) FILTER (WHERE o.measure = 'QOL_N') AS qol_n,
  max(o.value) FILTER (WHERE o.measure = 'QOL_CHANGE') AS qol_change,
  max(o.value) FILTER (WHERE o.measure = 'QOL_IMPROVED') AS qol_improved,
  max(o.funnel_flag) FILTER (WHERE o.measure = 'QOL_IMPROVED') AS qol_improved_flag,
  max(o.value) FILTER (WHERE o.measure = 'QOL_COMPLETENESS') AS qol_completeness,
  max(o.value) FILTER (WHERE o.measure = 'NEED_REDUCED') AS need_reduced,
  max(o.value) FILTER (WHERE o.measure = 'REASSESS_OVERDUE') AS reassess_overdue,
  max(o.value) FILTER (WHERE o.measure = 'PLAN_WITHIN_30D') AS plan_within_30d,
  max(o.value) FILTER (WHERE o.measure = 'HOURS') AS hours,
  max(o.value) FILTER (WHERE o.measure = 'HOURS_PER_CLIENT') AS hours_per_client,
  max(o.value) FILTER (WHERE o.measure = 'NO_BASE_SUPPORT') AS no_base_support,
  max(o.value) FILTER (WHERE o.measure = 'COST') AS cost,
  max(o.value) FILTER (WHERE o.measure = 'COST_PER_CLIENT') AS cost_per_client,
  coalesce(bool_or(o.suppressed), false) AS any_suppressed
FROM outcomes AS o
LEFT JOIN (
  SELECT kov_code, arg_max(name, valid_from) AS kov_name, arg_max(county_code, valid_from) AS county_code
  FROM ref_municipalities
  GROUP BY kov_code
) AS m ON m.kov_code = o.unit_code
WHERE o.level = 'KOV'
GROUP BY o.unit_code, m.kov_name, m.county_code, o.quarter
ORDER BY kov_code, o.quarter

-- requires: outcomes
-- National figures of every measure by quarter, beside the previous calendar quarter's value.
SELECT
  o.measure,
  o.quarter,
  o.value,
  o.ci_low,
  o.ci_high,
  o.denominator,
  p.value AS previous_value,
  o.value - p.value AS change_from_previous
FROM outcomes AS o
LEFT JOIN outcomes AS p
  ON p.level = o.level
  AND p.unit_code = o.unit_code
  AND p.measure = o.measure
  AND p.quarter = CASE
    WHEN right(o.quarter, 1) = '1' THEN CAST(CAST(left(o.quarter, 4) AS INTEGER) - 1 AS VARCHAR) || 'Q4'
    ELSE left(o.quarter, 5) || CAST(CAST(right(o.quarter, 1) AS INTEGER) - 1 AS VARCHAR)
  END
WHERE o.level = 'RIIK'
ORDER BY o.measure, o.quarter

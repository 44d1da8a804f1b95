-- requires: outcomes, ref_counties
-- County figures of every measure by quarter, beside the previous calendar quarter's value and the
-- national value of the same quarter (internal: raw values).
SELECT
  o.unit_code AS county_code,
  c.name AS county_name,
  o.measure,
  o.quarter,
  o.value,
  o.ci_low,
  o.ci_high,
  o.denominator,
  o.suppressed,
  p.value AS previous_value,
  o.value - p.value AS change_from_previous,
  n.value AS national_value
FROM outcomes AS o
LEFT JOIN ref_counties AS c ON c.county_code = o.unit_code
LEFT JOIN outcomes AS p
  ON p.level = o.level
  AND p.unit_code = o.unit_code
  AND p.measure = o.measure
  AND p.quarter = CASE
    WHEN right(o.quarter, 1) = '1' THEN CAST(CAST(left(o.quarter, 4) AS INTEGER) - 1 AS VARCHAR) || 'Q4'
    ELSE left(o.quarter, 5) || CAST(CAST(right(o.quarter, 1) AS INTEGER) - 1 AS VARCHAR)
  END
LEFT JOIN outcomes AS n
  ON n.level = 'RIIK' AND n.measure = o.measure AND n.quarter = o.quarter
WHERE o.level = 'MAAKOND'
ORDER BY county_code, o.measure, o.quarter

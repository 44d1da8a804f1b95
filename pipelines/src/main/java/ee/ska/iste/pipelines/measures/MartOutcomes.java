package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code mart_outcomes}: one row per level, unit_code, quarter and measure (docs/tables.md): level,
 * unit_code, quarter, measure, value, numerator, denominator, ci_low, ci_high, funnel_flag,
 * suppressed. Partitioned by quarter, rows sorted by level, unit_code, measure.
 */
public final class MartOutcomes {
  public static final String TABLE = "mart_outcomes";
  static final String[] SORT = {"level", "unit_code", "measure"};

  private MartOutcomes() {}

  static Dataset<Row> select(Dataset<Row> rows) {
    return rows.select(
        col("level"),
        col("unit_code"),
        col("quarter"),
        col("measure"),
        col("value").cast("double"),
        col("numerator").cast("double"),
        col("denominator").cast("double"),
        col("ci_low").cast("double"),
        col("ci_high").cast("double"),
        col("funnel_flag"),
        col("suppressed"));
  }
}

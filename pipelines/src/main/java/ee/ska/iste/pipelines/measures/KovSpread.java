package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code mart_kov_spread}: the spread across KOVs of cost and volume per place (measures.md,
 * Evaluation). One row per quarter and measure (COST_PER_CLIENT_DAY, HOURS_PER_CLIENT_MONTH_*,
 * ENTRIES_PER_100_PLACES, CASE_LENGTH, OCCUPANCY) with at least one KOV figure shown: kovs (the KOV
 * figures shown), p10, p50, p90 of their values. Only figures that survive disclosure control
 * enter, so the spread reveals nothing hidden; a joint allocation's figure counts under each of its
 * KOV codes, as published. A measure published at county level and above only (component hours:
 * disclosure_measures.csv {@code lowest_level}) has no KOV figure shown: its spread is over the
 * internal KOV figures of the KOVs whose client days are shown (enough clients to publish their
 * volume); a percentile is a ratio interpolated between KOVs, not a count or sum of any one.
 * Percentiles interpolate linearly between order statistics (type 7: position (kovs − 1)·p from the
 * smallest, as DuckDB's quantile_cont and Excel's PERCENTILE.INC). Partitioned by quarter, sorted
 * by measure.
 */
final class KovSpread {
  static final String TABLE = "mart_kov_spread";

  /** The measures spread, a code ending in {@code _} being a prefix. */
  static final List<String> MEASURES =
      List.of(
          "COST_PER_CLIENT_DAY",
          CaseObservations.HOURS_PER_CLIENT_MONTH,
          "ENTRIES_PER_100_PLACES",
          "CASE_LENGTH",
          "OCCUPANCY");

  private KovSpread() {}

  /** The KOVs' volume: a KOV whose client days are shown enters the spread of internal figures. */
  static final String VOLUME = "CLIENT_DAYS";

  /**
   * @param outcomes rows of {@code mart_outcomes} (level, unit_code, quarter, measure, value,
   *     suppressed)
   * @param countyAndAbove the measures whose KOV figures are never published
   */
  static Dataset<Row> transform(Dataset<Row> outcomes, java.util.Set<String> countyAndAbove) {
    Column spread = lit(false);
    for (String m : MEASURES) {
      spread =
          spread.or(m.endsWith("_") ? col("measure").startsWith(m) : col("measure").equalTo(m));
    }
    Column internal =
        countyAndAbove.isEmpty()
            ? lit(false)
            : col("measure").isin(countyAndAbove.stream().sorted().toArray());
    Dataset<Row> shownVolume =
        outcomes
            .filter(
                col("level")
                    .equalTo("KOV")
                    .and(col("measure").equalTo(VOLUME))
                    .and(col("suppressed").equalTo(false)))
            .select(col("quarter").as("_v_quarter"), col("unit_code").as("_v_unit"))
            .distinct();
    Dataset<Row> kov =
        outcomes
            .filter(col("level").equalTo("KOV").and(spread).and(col("value").isNotNull()))
            .join(
                shownVolume,
                col("quarter")
                    .equalTo(col("_v_quarter"))
                    .and(col("unit_code").equalTo(col("_v_unit"))),
                "left");
    return kov.filter(
            internal
                .and(col("_v_unit").isNotNull())
                .or(functions.not(internal).and(col("suppressed").equalTo(false))))
        .groupBy("quarter", "measure")
        .agg(
            count(lit(1)).cast("int").as("kovs"),
            percentile(col("value"), lit(0.1)).as("p10"),
            percentile(col("value"), lit(0.5)).as("p50"),
            percentile(col("value"), lit(0.9)).as("p90"))
        .select("quarter", "measure", "kovs", "p10", "p50", "p90");
  }
}

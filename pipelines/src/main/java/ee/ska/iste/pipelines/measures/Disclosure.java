package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Disclosure control (measures.md), setting the {@code suppressed} flag of rolled-up figures.
 *
 * <p>Primary: a count or sum resting on 1 to {@code min − 1} cases, and a share, mean or ratio
 * whose denominator has fewer than {@code min} cases, is suppressed; 0 is shown.
 *
 * <p>Secondary: a table with totals is, for one measure and quarter, the KOVs of a county with the
 * county total; then the counties with the national total. Where such a table has exactly one
 * suppressed cell, its smallest other non-zero cell (the total included, ties by unit code) is
 * suppressed too. National figures are never suppressed.
 */
final class Disclosure {
  private Disclosure() {}

  /**
   * @param figures rolled-up rows (level, unit_code, quarter, measure, kind, n, value, …)
   * @param kovCounty kov_code → county_code
   */
  static Dataset<Row> transform(Dataset<Row> figures, Dataset<Row> kovCounty, int min) {
    Column additive = col("kind").isin(Kind.COUNT.name(), Kind.SUM.name());
    Column primary =
        col("level")
            .notEqual("RIIK")
            .and(
                when(additive, col("n").geq(1).and(col("n").lt(min)))
                    .otherwise(col("n").lt(min)));
    Dataset<Row> kc = kovCounty.select(col("kov_code").as("_kc_kov"), col("county_code").as("_kc_county"));
    Dataset<Row> withGroup =
        figures
            .join(kc, col("level").equalTo("KOV").and(col("unit_code").equalTo(col("_kc_kov"))), "left")
            .withColumn(
                "_kov_table",
                when(col("level").equalTo("KOV"), col("_kc_county"))
                    .when(col("level").equalTo("MAAKOND"), col("unit_code")))
            .drop("_kc_kov", "_kc_county")
            .withColumn("suppressed", coalesce(primary, lit(false)));
    Dataset<Row> afterKov = secondary(withGroup, "_kov_table");
    Dataset<Row> afterCounty =
        secondary(
            afterKov.withColumn(
                "_county_table", when(col("level").isin("MAAKOND", "RIIK"), lit("ALL"))),
            "_county_table");
    return afterCounty.drop("_kov_table", "_county_table");
  }

  private static Dataset<Row> secondary(Dataset<Row> rows, String tableColumn) {
    WindowSpec table = Window.partitionBy(col("quarter"), col("measure"), col(tableColumn));
    Column candidate =
        col("suppressed").unary_$bang().and(col("value").notEqual(0)).and(col("level").notEqual("RIIK"));
    WindowSpec pick =
        table.orderBy(when(candidate, 0).otherwise(1), col("value").asc(), col("unit_code").asc());
    return rows.withColumn("_n_supp", sum(when(col("suppressed"), 1).otherwise(0)).over(table))
        .withColumn("_pick", row_number().over(pick))
        .withColumn(
            "suppressed",
            col("suppressed")
                .or(
                    col(tableColumn)
                        .isNotNull()
                        .and(col("_n_supp").equalTo(1))
                        .and(col("_pick").equalTo(1))
                        .and(coalesce(candidate, lit(false)))))
        .drop("_n_supp", "_pick");
  }
}

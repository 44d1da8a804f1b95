package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@code mart_funnel}: one row per quarter, measure ({@code QOL_IMPROVED}, {@code QOL_CHANGE},
 * {@code QOL_CHANGE_ADJ}) and KOV with n ≥ FUNNEL_MIN_N. Target = the national value; {@code sigma}
 * = the sd of one case, √(p₀(1−p₀)) for the share, the national sd of individual changes for the
 * mean; standard error s = √(p₀(1−p₀)/n) for the share, σ/√n for the mean; limits target ± z·s at
 * 95% and 99.8% (the reports draw the funnel's curves as target ± z·sigma/√n). Overdispersion
 * (Spiegelhalter 2005): z-scores (value − target)/s winsorised at their 10th and 90th percentiles,
 * φ = mean of their squares, adjusted limits target ± z·s·√φ when φ > 1 (else the plain ones).
 * {@code flag} ABOVE / BELOW outside the plain 99.8% limits, else WITHIN; {@code flag_adjusted} the
 * same against the adjusted ones.
 */
final class Funnel {
  /**
   * The measures with funnel limits: the case-mix adjusted QoL change too, whose target is its
   * national value (= the national QOL_CHANGE) and whose sigma is the model's residual sd s (the
   * {@code sd} of its figures at every level).
   */
  static final String[] MEASURES = {"QOL_IMPROVED", "QOL_CHANGE", "QOL_CHANGE_ADJ"};

  private Funnel() {}

  /**
   * @param figures rolled-up rows of one or more quarters (level, unit_code, quarter, measure,
   *     kind, n, value, sd)
   */
  static Dataset<Row> transform(Dataset<Row> figures, MeasureRules rules) {
    Dataset<Row> national =
        figures
            .filter(col("level").equalTo("RIIK").and(col("measure").isin((Object[]) MEASURES)))
            .select(
                col("quarter").as("_t_quarter"),
                col("measure").as("_t_measure"),
                col("value").as("target"),
                col("sd").as("_t_sd"));
    Dataset<Row> kov =
        figures.filter(
            col("level")
                .equalTo("KOV")
                .and(col("measure").isin((Object[]) MEASURES))
                .and(col("n").geq(rules.funnelMinN())));
    Column isShare = col("measure").equalTo("QOL_IMPROVED");
    Column se =
        when(isShare, sqrt(col("target").multiply(lit(1).minus(col("target"))).divide(col("n"))))
            .otherwise(col("_t_sd").divide(sqrt(col("n"))));
    Column sigma =
        when(isShare, sqrt(col("target").multiply(lit(1).minus(col("target")))))
            .otherwise(col("_t_sd"));
    // ordered by KOV over the whole partition, so that phi's sum does not depend on row order
    WindowSpec byMeasure =
        Window.partitionBy("quarter", "measure")
            .orderBy("kov_code")
            .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Dataset<Row> base =
        kov.join(
                national,
                col("quarter")
                    .equalTo(col("_t_quarter"))
                    .and(col("measure").equalTo(col("_t_measure"))))
            .select(
                col("quarter"),
                col("measure"),
                col("unit_code").as("kov_code"),
                col("n"),
                col("value"),
                col("target"),
                sigma.as("sigma"),
                se.as("se"))
            .withColumn(
                "_z", when(col("se").gt(0), col("value").minus(col("target")).divide(col("se"))))
            .withColumn("_z10", expr("percentile(_z, 0.1)").over(byMeasure))
            .withColumn("_z90", expr("percentile(_z, 0.9)").over(byMeasure))
            .withColumn("_zw", least(greatest(col("_z"), col("_z10")), col("_z90")))
            .withColumn("phi", avg(col("_zw").multiply(col("_zw"))).over(byMeasure))
            .withColumn("_inflate", when(col("phi").gt(1), sqrt(col("phi"))).otherwise(1));
    Column s = col("se");
    Column sAdj = col("se").multiply(col("_inflate"));
    double z95 = rules.z95();
    double z998 = rules.z998();
    return base.select(
        col("measure"),
        col("kov_code"),
        col("n"),
        col("value"),
        col("target"),
        col("sigma"),
        col("target").minus(s.multiply(z95)).as("lower_95"),
        col("target").plus(s.multiply(z95)).as("upper_95"),
        col("target").minus(s.multiply(z998)).as("lower_998"),
        col("target").plus(s.multiply(z998)).as("upper_998"),
        col("phi"),
        col("target").minus(sAdj.multiply(z95)).as("lower_95_adj"),
        col("target").plus(sAdj.multiply(z95)).as("upper_95_adj"),
        col("target").minus(sAdj.multiply(z998)).as("lower_998_adj"),
        col("target").plus(sAdj.multiply(z998)).as("upper_998_adj"),
        flag(col("value"), col("target"), s.multiply(z998)).as("flag"),
        flag(col("value"), col("target"), sAdj.multiply(z998)).as("flag_adjusted"),
        col("quarter"));
  }

  private static Column flag(Column value, Column target, Column halfWidth) {
    return when(value.gt(target.plus(halfWidth)), "ABOVE")
        .when(value.lt(target.minus(halfWidth)), "BELOW")
        .otherwise("WITHIN");
  }
}

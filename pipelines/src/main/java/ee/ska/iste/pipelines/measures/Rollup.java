package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * Rolls the per-KOV sums of case contributions up to KOV, county (MAAKOND) and national (RIIK, unit
 * {@code EE}) figures. Every level is computed from exact sums over its cases, never from KOV
 * figures.
 *
 * <p>Output: one row per level, unit_code, quarter, measure with kind, n (cases behind the figure:
 * the count itself, the contributing cases of a sum, the denominator cases of a share, mean or
 * ratio), value, numerator, denominator, ci_low, ci_high and sd (sd of individual values, means
 * only).
 */
final class Rollup {
  static final String NATIONAL = "EE";

  private Rollup() {}

  /**
   * @param perKov the sums of {@link KovSums}
   * @param wilsonZ normal quantile of the shares' interval
   */
  static Dataset<Row> transform(Dataset<Row> perKov, double wilsonZ) {
    // Every sum is exact (decimals and counts): the sums of a county's or the nation's KOV groups
    // are the sums over its cases' contributions, in fewer rows.
    Dataset<Row> sums =
        perKov
            .withColumn(
                "_u",
                explode(
                    array(
                        struct(lit("KOV").as("level"), col("kov_code").as("unit_code")),
                        struct(lit("MAAKOND").as("level"), col("county_code").as("unit_code")),
                        struct(lit("RIIK").as("level"), lit(NATIONAL).as("unit_code")))))
            .filter(col("_u.unit_code").isNotNull())
            .groupBy(
                col("_u.level").as("level"),
                col("_u.unit_code").as("unit_code"),
                col("quarter"),
                col("measure"),
                col("kind"))
            .agg(
                sum("sx").as("sx"),
                sum("sd_").as("sd_"),
                sum("sxx").as("sxx"),
                sum("rows").as("rows"),
                sum("nonzero").as("nonzero"),
                sum("positive").as("positive"));
    Column kind = col("kind");
    Column sx = col("sx").cast("double");
    Column sdn = col("sd_").cast("double");
    Column n =
        when(kind.equalTo(Kind.COUNT.name()), col("sx").cast("long"))
            .when(kind.equalTo(Kind.SUM.name()), col("nonzero").cast("long"))
            .otherwise(col("positive").cast("long"));
    Column isCount = kind.isin(Kind.COUNT.name(), Kind.SUM.name());
    Column value = when(isCount, sx).when(sdn.gt(0), sx.divide(sdn));
    Column meanSd =
        when(
            kind.equalTo(Kind.MEAN.name()).and(col("rows").geq(2)),
            sqrt(
                greatest0(
                    col("sxx")
                        .cast("double")
                        .minus(sx.multiply(sx).divide(col("rows")))
                        .divide(col("rows").minus(1)))));
    Dataset<Row> figures =
        sums.filter(isCount.or(col("sd_").gt(0)))
            .select(
                col("level"),
                col("unit_code"),
                col("quarter"),
                col("measure"),
                kind,
                n.as("n"),
                value.as("value"),
                sx.as("numerator"),
                when(isCount, lit(null).cast("double")).otherwise(sdn).as("denominator"),
                meanSd.as("sd"));
    Column p = col("value");
    Column z2n = lit(wilsonZ * wilsonZ).divide(col("denominator"));
    Column centre = p.plus(z2n.divide(2)).divide(lit(1).plus(z2n));
    Column half =
        lit(wilsonZ)
            .divide(lit(1).plus(z2n))
            .multiply(
                sqrt(
                    p.multiply(lit(1).minus(p))
                        .divide(col("denominator"))
                        .plus(z2n.divide(col("denominator").multiply(4)))));
    UserDefinedFunction t975 = TQuantiles.t975();
    Column tHalf = t975.apply(col("n")).multiply(col("sd")).divide(sqrt(col("n")));
    return figures
        .withColumn(
            "ci_low",
            when(col("kind").equalTo(Kind.SHARE.name()), centre.minus(half))
                .when(col("kind").equalTo(Kind.MEAN.name()), p.minus(tHalf)))
        .withColumn(
            "ci_high",
            when(col("kind").equalTo(Kind.SHARE.name()), centre.plus(half))
                .when(col("kind").equalTo(Kind.MEAN.name()), p.plus(tHalf)));
  }

  private static Column greatest0(Column c) {
    return when(c.lt(0), 0).otherwise(c);
  }
}

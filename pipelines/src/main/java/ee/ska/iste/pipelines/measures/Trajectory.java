package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import ee.ska.iste.core.time.Quarter;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * {@code mart_trajectory}: the trajectory since entry (measures.md, Evaluation) — one row per level
 * (RIIK, unit {@code EE}; MAAKOND, the case's county), unit_code, quarter, band of days since case
 * start, measure ({@link #QOL_SCORE}, {@link #NEED_SUM}) and population ({@link #ALL}, {@link
 * #COMPLETERS}) with at least one case: band_from, band_to (exclusive; null for the open band), n,
 * mean, ci_low, ci_high (mean ± t(0.975, n−1)·sd/√n, n ≥ 2) and suppressed. Partitioned by quarter,
 * rows sorted by level, unit_code, measure, population, band_from.
 *
 * <p>For a quarter Q, every case that started on or before Q's last day contributes, per band, its
 * latest value dated in the band (on one day, the larger): its valid QoL scores and the level sums
 * of its complete assessments (any type), dated from 30 days before the case start up to Q's last
 * day. A completer is a case still active on the 365th day after its start (start + 365 days), that
 * day no later than Q's last day.
 *
 * <p>Disclosure: a county mean with n below SUPPRESSION_MIN is suppressed; when exactly one county
 * of a (quarter, band, measure, population) is, the shown county with the smallest n (then the
 * smallest code) is suppressed too, so that the national n and mean do not give it away. National
 * rows are never suppressed. Raw values stay beside the flag; {@code trajectory_public} hides them.
 */
final class Trajectory {
  static final String TABLE = "mart_trajectory";
  static final String[] SORT = {
    "quarter", "level", "unit_code", "measure", "population", "band_from"
  };
  static final String QOL_SCORE = "QOL_SCORE";
  static final String NEED_SUM = "NEED_SUM";
  static final String ALL = "ALL";
  static final String COMPLETERS = "COMPLETERS";

  /** The day since start (start + this many days) on which a completer is still active. */
  static final int COMPLETER_DAY = 365;

  private static final DecimalType TOTAL = DataTypes.createDecimalType(38, 8);
  private static final DecimalType SQUARES = DataTypes.createDecimalType(38, 16);

  /** A band of days since case start, [from, to); {@code to} null for the open band. */
  record Band(String code, int from, Integer to) {
    Band {
      if (to != null && to <= from) {
        throw new IllegalArgumentException("band " + code + " is empty: " + from + ".." + to);
      }
    }
  }

  /** The bands of measures.md, in order; each starts where the one before ends. */
  static final List<Band> BANDS =
      List.of(
          new Band("D-030_091", -30, 91),
          new Band("D091_182", 91, 182),
          new Band("D182_273", 182, 273),
          new Band("D273_365", 273, 365),
          new Band("D365_548", 365, 548),
          new Band("D548_730", 548, 730),
          new Band("D730_PLUS", 730, null));

  private Trajectory() {}

  /** The quarters' rows from the model tables: all quarters in one plan, under {@code rules}. */
  static Dataset<Row> of(List<Quarter> quarters, MeasuresJob.ModelTables t, MeasureRules rules) {
    CaseFacts.Sources s = t.sources();
    return transform(
        t.cases(),
        s.validScores(),
        s.assessmentSums(rules.domains()),
        CaseQuarter.quarters(t.cases().sparkSession(), quarters),
        rules.suppressionMin());
  }

  /**
   * @param cases fct_case (case_id, county_code, start_date, end_date)
   * @param scores valid scores (case_id, on, score), as {@link CaseFacts.Sources#validScores}
   * @param assessments (case_id, on, sum, complete), as {@link CaseFacts.Sources#assessmentSums}
   * @param quarters the quarters, as {@link CaseQuarter#quarters}
   * @param suppressionMin the smallest n of a shown county mean
   */
  static Dataset<Row> transform(
      Dataset<Row> cases,
      Dataset<Row> scores,
      Dataset<Row> assessments,
      Dataset<Row> quarters,
      int suppressionMin) {
    Dataset<Row> values =
        scores
            .select(
                col("case_id"),
                col("on"),
                lit(QOL_SCORE).as("measure"),
                col("score").cast("double").as("value"))
            .unionByName(
                assessments
                    .filter(col("complete"))
                    .select(
                        col("case_id"),
                        col("on"),
                        lit(NEED_SUM).as("measure"),
                        col("sum").cast("double").as("value")));
    Dataset<Row> starts =
        cases
            .filter(col("case_id").isNotNull().and(col("start_date").isNotNull()))
            .select(
                col("case_id").as("_c_case"),
                col("county_code"),
                col("start_date"),
                col("end_date"));
    Column days = datediff(col("on"), col("start_date"));
    Dataset<Row> banded =
        values
            .filter(col("value").isNotNull())
            .join(starts, col("case_id").equalTo(col("_c_case")))
            .withColumn("_days", days)
            .filter(col("_days").geq(BANDS.get(0).from()))
            .withColumn("band", bandCode(col("_days")));
    Column qLast = col("q_last");
    // one value per case, quarter, measure and band: the latest dated up to the quarter's end
    Dataset<Row> latest =
        banded
            .join(
                broadcast(quarters.select("quarter", "q_last")),
                col("on").leq(qLast).and(col("start_date").leq(qLast)))
            .groupBy(
                col("quarter"),
                qLast,
                col("case_id"),
                col("county_code"),
                col("start_date"),
                col("end_date"),
                col("measure"),
                col("band"))
            .agg(max(struct(col("on"), col("value"))).getField("value").as("value"));
    // still active on the 365th day after start, that day no later than the quarter's end: an end
    // after the quarter's end is after that day too, so the end as dated up to then decides alike
    Column day365 = date_add(col("start_date"), COMPLETER_DAY);
    Column completer =
        day365.leq(qLast).and(col("end_date").isNull().or(col("end_date").geq(day365)));
    Dataset<Row> sums =
        latest
            .withColumn(
                "_p",
                explode(
                    array(
                        struct(lit(ALL).as("population"), lit(true).as("in")),
                        struct(lit(COMPLETERS).as("population"), completer.as("in")))))
            .filter(col("_p.in"))
            .withColumn(
                "_u",
                explode(
                    array(
                        struct(lit("RIIK").as("level"), lit(Rollup.NATIONAL).as("unit_code")),
                        struct(lit("MAAKOND").as("level"), col("county_code").as("unit_code")))))
            .filter(col("_u.unit_code").isNotNull())
            .groupBy(
                col("_u.level").as("level"),
                col("_u.unit_code").as("unit_code"),
                col("quarter"),
                col("band"),
                col("measure"),
                col("_p.population").as("population"))
            .agg(
                count(lit(1)).as("n"),
                // exact sums: the same figures whatever order the rows are added in
                sum(col("value").cast(TOTAL)).as("_sx"),
                sum(col("value").multiply(col("value")).cast(SQUARES)).as("_sxx"));
    Column n = col("n");
    Column sx = col("_sx").cast("double");
    Column mean = sx.divide(n);
    Column variance =
        col("_sxx").cast("double").minus(sx.multiply(sx).divide(n)).divide(n.minus(1));
    Column sd = when(n.geq(2), sqrt(when(variance.lt(0), 0).otherwise(variance)));
    UserDefinedFunction t975 = TQuantiles.t975();
    Column half = t975.apply(n).multiply(sd).divide(sqrt(n));
    Dataset<Row> figures =
        sums.select(
            col("level"),
            col("unit_code"),
            col("quarter"),
            col("band"),
            bandFrom(col("band")).as("band_from"),
            bandTo(col("band")).as("band_to"),
            col("measure"),
            col("population"),
            n,
            mean.as("mean"),
            mean.minus(half).as("ci_low"),
            mean.plus(half).as("ci_high"));
    return suppress(figures, suppressionMin);
  }

  /**
   * Primary suppression of county means with n below the minimum, and the complementary one: in a
   * group with exactly one primary county, the shown county with the smallest n (then code).
   */
  static Dataset<Row> suppress(Dataset<Row> figures, int suppressionMin) {
    Column county = col("level").equalTo("MAAKOND");
    Column primary = county.and(col("n").lt(suppressionMin));
    WindowSpec group = Window.partitionBy("level", "quarter", "band", "measure", "population");
    Dataset<Row> marked =
        figures
            .withColumn("_primary", primary)
            .withColumn("_primaries", sum(when(col("_primary"), 1).otherwise(0)).over(group))
            .withColumn(
                "_order",
                row_number()
                    .over(group.orderBy(col("_primary").asc(), col("n").asc(), col("unit_code"))));
    Column complementary =
        county
            .and(col("_primaries").equalTo(1))
            .and(col("_primary").unary_$bang())
            .and(col("_order").equalTo(1));
    return marked
        .withColumn("suppressed", col("_primary").or(complementary))
        .select(
            col("level"),
            col("unit_code"),
            col("quarter"),
            col("band"),
            col("band_from").cast("int"),
            col("band_to").cast("int"),
            col("measure"),
            col("population"),
            col("n").cast("long"),
            col("mean").cast("double"),
            col("ci_low").cast("double"),
            col("ci_high").cast("double"),
            col("suppressed"));
  }

  private static Column bandCode(Column days) {
    Column code = lit(BANDS.get(BANDS.size() - 1).code());
    for (int i = BANDS.size() - 2; i >= 0; i--) {
      Band b = BANDS.get(i);
      code = when(days.lt(b.to()), b.code()).otherwise(code);
    }
    return code;
  }

  private static Column bandFrom(Column band) {
    Column from = lit(null).cast("int");
    for (Band b : BANDS) {
      from = when(band.equalTo(b.code()), b.from()).otherwise(from);
    }
    return from;
  }

  private static Column bandTo(Column band) {
    Column to = lit(null).cast("int");
    for (Band b : BANDS) {
      if (b.to() != null) {
        to = when(band.equalTo(b.code()), b.to()).otherwise(to);
      }
    }
    return to;
  }
}

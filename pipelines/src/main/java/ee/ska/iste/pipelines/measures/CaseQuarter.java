package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import ee.ska.iste.core.time.Quarter;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row per case and quarter in which it is active (its span overlaps the quarter, as far as the
 * data dated up to the quarter's last day tells), key (case_id, quarter), with the case-level facts
 * every measure of the quarter is built from. For each quarter only data dated up to its last day
 * is used: a case that ends after it is open in that quarter.
 *
 * <p>All quarters are computed in one plan: the quarter is a column ({@code quarter}, {@code
 * q_first}, {@code q_last}, {@code q_days}) from the small table of {@link #quarters}, and facts
 * that depend on the quarter are joined on (case_id, q_first).
 */
final class CaseQuarter {
  static final StructType QUARTERS =
      new StructType()
          .add("quarter", DataTypes.StringType, false)
          .add("q_first", DataTypes.DateType, false)
          .add("q_last", DataTypes.DateType, false)
          .add("q_days", DataTypes.IntegerType, false);

  private CaseQuarter() {}

  /** One row per quarter: its code (YYYYQn), first and last day and number of days. */
  static Dataset<Row> quarters(SparkSession spark, List<Quarter> quarters) {
    if (quarters.isEmpty()) {
      throw new IllegalArgumentException("no quarter to compute measures for");
    }
    List<Row> rows =
        quarters.stream()
            .distinct()
            .sorted()
            .map(
                q ->
                    RowFactory.create(
                        q.toString(), Date.valueOf(q.firstDay()), Date.valueOf(q.lastDay()), q.days()))
            .toList();
    return spark.createDataFrame(rows, QUARTERS);
  }

  /** The quarter's first day, a column of the case-quarter rows. */
  static Column first() {
    return col("q_first");
  }

  /** The quarter's last day, a column of the case-quarter rows. */
  static Column last() {
    return col("q_last");
  }

  /** The first day of the quarter a date falls in: the key facts are joined to case-quarters on. */
  static Column quarterStart(Column date) {
    return trunc(date, "quarter");
  }

  /** The last day of the quarter a date falls in. */
  static Column quarterEnd(Column date) {
    return last_day(add_months(quarterStart(date), 2));
  }

  /**
   * Cases as seen on each quarter's last day, restricted to those active in the quarter: one row
   * per case and quarter.
   */
  static Dataset<Row> activeCases(Dataset<Row> cases, Dataset<Row> quarters) {
    Column endKnown = col("end_date").isNotNull().and(col("end_date").leq(last()));
    return cases
        .select("case_id", "kov_code", "county_code", "start_date", "end_date", "end_reason")
        .crossJoin(broadcast(quarters))
        .filter(col("start_date").leq(last()))
        .withColumn("end_reason", when(endKnown, col("end_reason")))
        .withColumn("end_date", when(endKnown, col("end_date")))
        .filter(col("end_date").isNull().or(col("end_date").geq(first())))
        .withColumn("is_new", col("start_date").geq(first()))
        .withColumn("is_exit", col("end_date").isNotNull())
        .withColumn(
            "client_days",
            datediff(least(col("end_date"), last()), greatest(col("start_date"), first())).plus(1))
        .withColumn(
            "whole_quarter",
            col("start_date").leq(first()).and(col("end_date").isNull().or(col("end_date").geq(last()))))
        .withColumn("on_last_day", col("end_date").isNull().or(col("end_date").geq(last())))
        .withColumn(
            "days_to_date", datediff(least(col("end_date"), last()), col("start_date")).plus(1));
  }

  /**
   * Adds the QoL facts: baseline (date, score, instrument), follow-up in the quarter, change,
   * the instrument's RCI, whether a valid score is dated in the quarter, whether any follow-up is
   * dated up to the quarter's end.
   */
  static Dataset<Row> withQol(
      Dataset<Row> active, Dataset<Row> scores, Dataset<Row> instruments, MeasureRules rules) {
    Dataset<Row> valid =
        scores
            .filter(col("score").isNotNull().and(col("case_id").isNotNull()).and(col("assessed_on").isNotNull()))
            .select(
                col("case_id").as("_s_case"),
                col("assessed_on").as("_s_on"),
                col("score").as("_s_score"),
                col("instrument").as("_s_inst"));
    Dataset<Row> starts =
        active.select(col("case_id").as("_b_case"), col("start_date").as("_b_start")).distinct();
    // The earliest score dated up to a quarter's end is the earliest of all when that is dated up
    // to the quarter's end, else there is none: so the baseline is found once over all scores.
    Dataset<Row> baseline =
        valid
            .join(starts, valid.col("_s_case").equalTo(starts.col("_b_case")))
            .filter(
                col("_s_on")
                    .geq(date_sub(col("_b_start"), rules.baselineBeforeDays()))
                    .and(col("_s_on").leq(date_add(col("_b_start"), rules.baselineAfterDays()))))
            .groupBy("_s_case")
            .agg(min(struct(col("_s_on"), col("_s_score"), col("_s_inst"))).as("_b"))
            .select(
                col("_s_case").as("_bl_case"),
                col("_b._s_on").as("_bl_on"),
                col("_b._s_score").as("_bl_score"),
                col("_b._s_inst").as("_bl_inst"));
    Dataset<Row> laterScores =
        valid
            .join(baseline, valid.col("_s_case").equalTo(baseline.col("_bl_case")))
            .filter(
                col("_s_inst")
                    .equalTo(col("_bl_inst"))
                    .and(col("_s_on").geq(date_add(col("_bl_on"), rules.followupMinDays()))));
    Dataset<Row> followup =
        laterScores
            .groupBy(col("_s_case").as("_fu_case"), quarterStart(col("_s_on")).as("_fu_quarter"))
            .agg(max(struct(col("_s_on"), col("_s_score"))).as("_f"))
            .select(col("_fu_case"), col("_fu_quarter"), col("_f._s_on").as("followup_on"), col("_f._s_score").as("followup_score"));
    // Some follow-up is dated up to a quarter's end exactly when the earliest one is.
    Dataset<Row> firstFollowup =
        laterScores.groupBy(col("_s_case").as("_af_case")).agg(min("_s_on").as("_af_on"));
    Dataset<Row> scoredInQuarter =
        valid
            .select(col("_s_case").as("_sq_case"), quarterStart(col("_s_on")).as("_sq_quarter"))
            .distinct()
            .withColumn("_sq", lit(true));
    Dataset<Row> rci =
        instruments.select(
            col("code").as("_r_inst"),
            lit(MeasureRules.RCI_Z)
                .multiply(Math.sqrt(2))
                .multiply(col("sd"))
                .multiply(sqrt(lit(1).minus(col("retest_r"))))
                .as("rci"));
    Column baselineSeen = col("_bl_on").leq(last());
    return active
        .join(baseline, active.col("case_id").equalTo(baseline.col("_bl_case")), "left")
        .withColumn("baseline_on", when(baselineSeen, col("_bl_on")))
        .withColumn("baseline_score", when(baselineSeen, col("_bl_score")))
        .withColumn("baseline_instrument", when(baselineSeen, col("_bl_inst")))
        .join(
            followup,
            col("case_id").equalTo(col("_fu_case")).and(first().equalTo(col("_fu_quarter"))),
            "left")
        .join(firstFollowup, col("case_id").equalTo(col("_af_case")), "left")
        .join(
            scoredInQuarter,
            col("case_id").equalTo(col("_sq_case")).and(first().equalTo(col("_sq_quarter"))),
            "left")
        .join(rci, col("baseline_instrument").equalTo(col("_r_inst")), "left")
        .withColumn("qol_change", col("followup_score").minus(col("baseline_score")))
        .withColumn("has_any_followup", coalesce(col("_af_on").leq(last()), lit(false)))
        .withColumn("has_score_in_quarter", col("_sq").isNotNull())
        .drop(
            "_bl_case", "_bl_on", "_bl_score", "_bl_inst", "_fu_case", "_fu_quarter", "_af_case",
            "_af_on", "_sq_case", "_sq_quarter", "_sq", "_r_inst");
  }
}

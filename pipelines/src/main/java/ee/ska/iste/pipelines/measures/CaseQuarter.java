package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import ee.ska.iste.core.time.Quarter;
import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per case active in a quarter (its span overlaps the quarter, as far as the data dated up
 * to the quarter's last day tells), with the case-level facts every measure of the quarter is
 * built from. Only data dated up to the quarter's last day is used: a case that ends after it is
 * open for this quarter.
 */
final class CaseQuarter {
  private CaseQuarter() {}

  static Column first(Quarter q) {
    return lit(Date.valueOf(q.firstDay()));
  }

  static Column last(Quarter q) {
    return lit(Date.valueOf(q.lastDay()));
  }

  /** Cases as seen on the quarter's last day, restricted to those active in the quarter. */
  static Dataset<Row> activeCases(Dataset<Row> cases, Quarter q) {
    Column endKnown = col("end_date").isNotNull().and(col("end_date").leq(last(q)));
    return cases
        .filter(col("start_date").leq(last(q)))
        .withColumn("end_reason", when(endKnown, col("end_reason")))
        .withColumn("end_date", when(endKnown, col("end_date")))
        .filter(col("end_date").isNull().or(col("end_date").geq(first(q))))
        .withColumn("is_new", col("start_date").geq(first(q)))
        .withColumn("is_exit", col("end_date").isNotNull())
        .withColumn(
            "client_days",
            datediff(least(col("end_date"), last(q)), greatest(col("start_date"), first(q))).plus(1))
        .withColumn(
            "whole_quarter",
            col("start_date").leq(first(q)).and(col("end_date").isNull().or(col("end_date").geq(last(q)))))
        .withColumn("on_last_day", col("end_date").isNull().or(col("end_date").geq(last(q))))
        .withColumn(
            "days_to_date", datediff(least(col("end_date"), last(q)), col("start_date")).plus(1));
  }

  /**
   * Adds the QoL facts: baseline (date, score, instrument), follow-up in the quarter, change,
   * the instrument's RCI, whether a valid score is dated in the quarter, whether any follow-up is
   * dated up to the quarter's end.
   */
  static Dataset<Row> withQol(
      Dataset<Row> active, Dataset<Row> scores, Dataset<Row> instruments, Quarter q, MeasureRules rules) {
    Dataset<Row> valid =
        scores
            .filter(col("score").isNotNull().and(col("case_id").isNotNull()).and(col("assessed_on").leq(last(q))))
            .select(
                col("case_id").as("_s_case"),
                col("assessed_on").as("_s_on"),
                col("score").as("_s_score"),
                col("instrument").as("_s_inst"));
    Dataset<Row> starts = active.select(col("case_id").as("_b_case"), col("start_date").as("_b_start"));
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
                col("_b._s_on").as("baseline_on"),
                col("_b._s_score").as("baseline_score"),
                col("_b._s_inst").as("baseline_instrument"));
    Dataset<Row> laterScores =
        valid
            .join(baseline, valid.col("_s_case").equalTo(baseline.col("_bl_case")))
            .filter(
                col("_s_inst")
                    .equalTo(col("baseline_instrument"))
                    .and(col("_s_on").geq(date_add(col("baseline_on"), rules.followupMinDays()))));
    Dataset<Row> followup =
        laterScores
            .filter(col("_s_on").geq(first(q)))
            .groupBy("_s_case")
            .agg(max(struct(col("_s_on"), col("_s_score"))).as("_f"))
            .select(col("_s_case").as("_fu_case"), col("_f._s_on").as("followup_on"), col("_f._s_score").as("followup_score"));
    Dataset<Row> anyFollowup =
        laterScores.select(col("_s_case").as("_af_case")).distinct().withColumn("has_any_followup", lit(true));
    Dataset<Row> scoredInQuarter =
        valid
            .filter(col("_s_on").geq(first(q)))
            .select(col("_s_case").as("_sq_case"))
            .distinct()
            .withColumn("has_score_in_quarter", lit(true));
    Dataset<Row> rci =
        instruments.select(
            col("code").as("_r_inst"),
            lit(MeasureRules.RCI_Z)
                .multiply(Math.sqrt(2))
                .multiply(col("sd"))
                .multiply(sqrt(lit(1).minus(col("retest_r"))))
                .as("rci"));
    return active
        .join(baseline, active.col("case_id").equalTo(baseline.col("_bl_case")), "left")
        .join(followup, col("case_id").equalTo(col("_fu_case")), "left")
        .join(anyFollowup, col("case_id").equalTo(col("_af_case")), "left")
        .join(scoredInQuarter, col("case_id").equalTo(col("_sq_case")), "left")
        .join(rci, col("baseline_instrument").equalTo(col("_r_inst")), "left")
        .drop("_bl_case", "_fu_case", "_af_case", "_sq_case", "_r_inst")
        .withColumn("qol_change", col("followup_score").minus(col("baseline_score")))
        .withColumn("has_any_followup", col("has_any_followup").isNotNull())
        .withColumn("has_score_in_quarter", col("has_score_in_quarter").isNotNull());
  }
}

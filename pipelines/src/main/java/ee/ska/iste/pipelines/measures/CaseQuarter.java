package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.try_element_at;
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
                        q.toString(),
                        Date.valueOf(q.firstDay()),
                        Date.valueOf(q.lastDay()),
                        q.days()))
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
   * per case and quarter with case_id, kov_code, county_code, start_date, end_date and end_reason
   * (null when the end is after the quarter), the quarter's columns, is_new, is_exit, client_days,
   * whole_quarter, on_last_day, days_to_date.
   */
  static Dataset<Row> activeCases(Dataset<Row> cases, Dataset<Row> quarters) {
    Column endKnown = col("end_date").isNotNull().and(col("end_date").leq(last()));
    Column end = when(endKnown, col("end_date"));
    Column start = col("start_date");
    return cases
        .crossJoin(broadcast(quarters))
        .filter(start.leq(last()).and(end.isNull().or(end.geq(first()))))
        .select(
            col("case_id"),
            col("kov_code"),
            col("county_code"),
            start,
            end.as("end_date"),
            when(endKnown, col("end_reason")).as("end_reason"),
            col("quarter"),
            first(),
            last(),
            col("q_days"),
            start.geq(first()).as("is_new"),
            end.isNotNull().as("is_exit"),
            datediff(least(end, last()), greatest(start, first())).plus(1).as("client_days"),
            start.leq(first()).and(end.isNull().or(end.geq(last()))).as("whole_quarter"),
            end.isNull().or(end.geq(last())).as("on_last_day"),
            datediff(least(end, last()), start).plus(1).as("days_to_date"));
  }

  /**
   * The case-quarter rows of {@link #activeCases} with the facts of {@link CaseFacts#perCase} and
   * {@link CaseFacts#perQuarter} as seen on the quarter's last day:
   *
   * <ul>
   *   <li>QoL: baseline_on, baseline_score, rci, followup_score, qol_change, has_any_followup (a
   *       follow-up dated up to the quarter's end), has_score_in_quarter;
   *   <li>need (complete assessments only): initial_on, initial_sum (the earliest complete ESMANE),
   *       reassessed_on, reassessed_sum (the latest complete KORDUV after it), and for the
   *       per-domain measures initial_levels ((domain, level) pairs), reassessed_levels (domain →
   *       level) and served_from (domain → first month served); latest_on and overdue count every
   *       assessment, complete or not;
   *   <li>plans: first_assessed_on (the earliest ESMANE, complete or not), first_plan_on,
   *       plan_within (the first plan at most PLAN_MAX_DAYS after first_assessed_on),
   *       cooperation_eligible, cooperation_reached, goals_reviewed, goals_reached;
   *   <li>services: hours, base_hours, cost, work_study_cost_ytd.
   * </ul>
   */
  static Dataset<Row> facts(
      Dataset<Row> active, Dataset<Row> perCase, Dataset<Row> perQuarter, MeasureRules rules) {
    Column baselineSeen = col("baseline.on").leq(last());
    Column initialSeen = col("initial.on").leq(last());
    Column planSeen = col("first_plan.on").leq(last());
    Column firstPlanOn = when(planSeen, col("first_plan.on"));
    Column initialOn = when(initialSeen, col("initial.on"));
    Column baselineScore = when(baselineSeen, col("baseline.score"));
    Column followupScore = col("followup.score");
    Column eligible =
        when(planSeen, col("first_plan.type"))
            .equalTo(CaseFacts.SUPPORT_PLAN)
            .and(firstPlanOn.leq(date_sub(last(), rules.cooperationDays())));
    Column overdueDays = lit(rules.reassessMaxDays());
    // the case's assessments (sorted by date) dated up to the quarter's last day: the last is the
    // latest (complete or not: an incomplete assessment still took place); the last complete
    // reassessment after the (complete) initial assessment is the latest reassessment (on one day,
    // the larger sum, as the maximum of (on, sum, levels) would be)
    Column seen = filter(col("assessments"), a -> a.getField("on").leq(last()));
    Column reassessment =
        try_element_at(
            filter(
                seen,
                a ->
                    a.getField("type")
                        .equalTo(CaseFacts.REASSESSMENT)
                        .and(a.getField("complete"))
                        .and(a.getField("on").gt(col("initial.on")))),
            lit(-1));
    // the plan's timeliness counts from when the case was first assessed, complete or not
    Column firstAssessedOn = when(col("first_initial_on").leq(last()), col("first_initial_on"));
    Column latestOn = try_element_at(seen, lit(-1)).getField("on");
    return active
        .join(perCase, new String[] {"case_id"}, "left")
        .join(perQuarter, new String[] {"case_id", "q_first"}, "left")
        .select(
            col("case_id"),
            col("kov_code"),
            col("county_code"),
            col("quarter"),
            first(),
            last(),
            col("start_date"),
            col("end_reason"),
            col("is_new"),
            col("is_exit"),
            col("client_days"),
            col("whole_quarter"),
            col("on_last_day"),
            col("days_to_date"),
            when(baselineSeen, col("baseline.on")).as("baseline_on"),
            baselineScore.as("baseline_score"),
            when(baselineSeen, col("baseline.rci")).as("rci"),
            // a follow-up is at least FOLLOWUP_MIN_DAYS after a baseline, which is then seen too
            followupScore.as("followup_score"),
            followupScore.minus(baselineScore).as("qol_change"),
            coalesce(col("first_followup_on").leq(last()), lit(false)).as("has_any_followup"),
            coalesce(col("scored"), lit(false)).as("has_score_in_quarter"),
            initialOn.as("initial_on"),
            when(initialSeen, col("initial.sum")).as("initial_sum"),
            when(initialSeen, col("initial.levels")).as("initial_levels"),
            reassessment.getField("on").as("reassessed_on"),
            reassessment.getField("sum").as("reassessed_sum"),
            map_from_entries(reassessment.getField("levels")).as("reassessed_levels"),
            col("served_from"),
            latestOn.as("latest_on"),
            when(latestOn.isNotNull(), datediff(last(), latestOn).gt(overdueDays))
                .otherwise(datediff(last(), col("start_date")).gt(overdueDays))
                .as("overdue"),
            firstPlanOn.as("first_plan_on"),
            firstAssessedOn.as("first_assessed_on"),
            firstPlanOn
                .isNotNull()
                .and(datediff(firstPlanOn, firstAssessedOn).leq(rules.planMaxDays()))
                .as("plan_within"),
            eligible.isNotNull().and(eligible).as("cooperation_eligible"),
            coalesce(col("first_cooperation_on").leq(last()), lit(false)).as("cooperation_reached"),
            col("goals_reviewed"),
            col("goals_reached"),
            col("hours"),
            col("base_hours"),
            col("cost"),
            col("work_study_cost_ytd"),
            col("hours_by_component"));
  }
}

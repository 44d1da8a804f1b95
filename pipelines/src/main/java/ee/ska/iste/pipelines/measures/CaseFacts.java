package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Case-level facts on need, plans and services for the case-quarter rows of {@link
 * CaseQuarter#activeCases}, each from data dated up to the quarter's last day ({@code q_last}).
 * Each method adds columns to those rows.
 */
final class CaseFacts {
  static final String INITIAL = "ESMANE";
  static final String REASSESSMENT = "KORDUV";
  static final String SUPPORT_PLAN = "TOETUSPLAAN";
  static final String ACTIVITY_PLAN = "TEGEVUSPLAAN";
  static final String BASE_SUPPORT = "BT";

  private CaseFacts() {}

  private static Dataset<Row> dated(Dataset<Row> facts, String dateColumn) {
    return facts.filter(col("case_id").isNotNull().and(col(dateColumn).isNotNull()));
  }

  /**
   * Adds initial_on (earliest ESMANE), reassessed_on (latest KORDUV after it), latest_on (latest
   * of any type), initial_sum and reassessed_sum (sum of domain levels), overdue.
   */
  static Dataset<Row> withNeed(Dataset<Row> active, Dataset<Row> assessments, MeasureRules rules) {
    Dataset<Row> sums =
        dated(assessments, "assessed_on")
            .groupBy(col("case_id").as("_s_case"), col("assessed_on").as("_s_on"), col("assessment_type").as("_s_type"))
            .agg(sum("level").as("_s_sum"));
    // The earliest ESMANE dated up to a quarter's end is the earliest of all when that is dated up
    // to the quarter's end, else there is none; (date, sum) is unique per case, date and type.
    Dataset<Row> initial =
        sums.filter(col("_s_type").equalTo(INITIAL))
            .groupBy(col("_s_case").as("_i_case"))
            .agg(min(struct(col("_s_on"), col("_s_sum"))).as("_i"))
            .select(col("_i_case"), col("_i._s_on").as("_i_on"), col("_i._s_sum").as("_i_sum"));
    Column initialSeen = col("_i_on").leq(CaseQuarter.last());
    Dataset<Row> withInitial =
        active
            .join(initial, active.col("case_id").equalTo(initial.col("_i_case")), "left")
            .withColumn("initial_on", when(initialSeen, col("_i_on")))
            .withColumn("initial_sum", when(initialSeen, col("_i_sum")))
            .drop("_i_case", "_i_on", "_i_sum");
    Dataset<Row> perQuarter =
        withInitial
            .select(
                col("case_id").as("_d_case"),
                CaseQuarter.first().as("_d_quarter"),
                CaseQuarter.last().as("_d_last"),
                col("initial_on").as("_d_initial"))
            .join(sums, col("_d_case").equalTo(col("_s_case")).and(col("_s_on").leq(col("_d_last"))))
            .groupBy("_d_case", "_d_quarter")
            .agg(
                max("_s_on").as("latest_on"),
                max(
                        when(
                            col("_s_type").equalTo(REASSESSMENT).and(col("_s_on").gt(col("_d_initial"))),
                            struct(col("_s_on"), col("_s_sum"))))
                    .as("_r"));
    Column overdueDays = lit(rules.reassessMaxDays());
    return withInitial
        .join(
            perQuarter,
            col("case_id").equalTo(col("_d_case")).and(CaseQuarter.first().equalTo(col("_d_quarter"))),
            "left")
        .withColumn("reassessed_on", col("_r._s_on"))
        .withColumn("reassessed_sum", col("_r._s_sum"))
        .drop("_d_case", "_d_quarter", "_r")
        .withColumn(
            "overdue",
            when(col("latest_on").isNotNull(), datediff(CaseQuarter.last(), col("latest_on")).gt(overdueDays))
                .otherwise(datediff(CaseQuarter.last(), col("start_date")).gt(overdueDays)));
  }

  /**
   * One row per active case-quarter with an initial assessment and life domain assessed in it:
   * domain, initial_level, reassessed_level (at the latest reassessment, null without one) and
   * served (the domain's component delivered in a month overlapping the NEED_SERVICE_DAYS days
   * after the initial assessment, as far as dated up to the quarter's end).
   */
  static Dataset<Row> needDomains(
      Dataset<Row> withNeed,
      Dataset<Row> assessments,
      Dataset<Row> participation,
      Dataset<Row> components,
      MeasureRules rules) {
    Dataset<Row> a = dated(assessments, "assessed_on");
    Dataset<Row> cases =
        withNeed
            .filter(col("initial_on").isNotNull())
            .select("case_id", "kov_code", "county_code", "quarter", "q_last", "initial_on", "reassessed_on");
    // initial_on and reassessed_on are dated up to the quarter's end: no cut-off needed below
    Dataset<Row> initial =
        a.filter(col("assessment_type").equalTo(INITIAL))
            .select(col("case_id").as("_i_case"), col("assessed_on").as("_i_on"), col("domain"), col("level").as("initial_level"));
    Dataset<Row> reassessed =
        a.filter(col("assessment_type").equalTo(REASSESSMENT))
            .select(col("case_id").as("_k_case"), col("assessed_on").as("_k_on"), col("domain").as("_k_domain"), col("level").as("reassessed_level"));
    Dataset<Row> domainComponents =
        components.filter(col("domain").isNotNull()).select(col("code").as("_c_code"), col("domain").as("_c_domain"));
    Dataset<Row> p = dated(participation, "month_start");
    Dataset<Row> delivered =
        p.join(domainComponents, p.col("component").equalTo(domainComponents.col("_c_code")))
            .select(col("case_id").as("_p_case"), col("_c_domain").as("_p_domain"), col("month_start").as("_p_month"));
    Dataset<Row> perDomain =
        cases
            .join(initial, col("case_id").equalTo(col("_i_case")).and(col("initial_on").equalTo(col("_i_on"))))
            .join(
                reassessed,
                col("case_id")
                    .equalTo(col("_k_case"))
                    .and(col("reassessed_on").equalTo(col("_k_on")))
                    .and(col("domain").equalTo(col("_k_domain"))),
                "left");
    // The initial assessment is the same in every quarter that sees it, and a qualifying month
    // dated up to a quarter's end exists exactly when the earliest qualifying month is.
    Dataset<Row> served =
        perDomain
            .select(col("case_id").as("_sv_case"), col("domain").as("_sv_domain"), col("initial_on").as("_sv_on"))
            .distinct()
            .join(
                delivered,
                col("_sv_case")
                    .equalTo(col("_p_case"))
                    .and(col("_sv_domain").equalTo(col("_p_domain")))
                    .and(last_day(col("_p_month")).geq(col("_sv_on")))
                    .and(col("_p_month").leq(date_add(col("_sv_on"), rules.needServiceDays()))))
            .groupBy("_sv_case", "_sv_domain")
            .agg(min("_p_month").as("_sv_from"));
    return perDomain
        .join(
            served,
            col("case_id").equalTo(col("_sv_case")).and(col("domain").equalTo(col("_sv_domain"))),
            "left")
        .select(
            col("case_id"),
            col("kov_code"),
            col("county_code"),
            col("quarter"),
            col("domain"),
            col("initial_level"),
            col("reassessed_level"),
            coalesce(col("_sv_from").leq(col("q_last")), lit(false)).as("served"));
  }

  /**
   * Adds first_plan_on, first_plan_type, plan_within (first plan at most PLAN_MAX_DAYS after the
   * initial assessment), cooperation_eligible, cooperation_reached, goals_reviewed, goals_reached
   * (sums over plans reviewed in the quarter; null when none).
   */
  static Dataset<Row> withPlans(Dataset<Row> withNeed, Dataset<Row> plans, MeasureRules rules) {
    Dataset<Row> p = dated(plans, "made_on");
    // The first plan dated up to a quarter's end is the first of all when that is, else none.
    Dataset<Row> first =
        p.groupBy(col("case_id").as("_fp_case"))
            .agg(min(struct(col("made_on"), col("plan_type"))).as("_fp"))
            .select(col("_fp_case"), col("_fp.made_on").as("_fp_on"), col("_fp.plan_type").as("_fp_type"));
    Dataset<Row> activity =
        p.filter(col("plan_type").equalTo(ACTIVITY_PLAN))
            .select(col("case_id").as("_ap_case"), col("made_on").as("_ap_on"));
    // An activity plan in time dated up to a quarter's end exists exactly when the earliest does.
    Dataset<Row> reached =
        first
            .join(activity, col("_fp_case").equalTo(col("_ap_case")))
            .filter(
                col("_ap_on")
                    .geq(col("_fp_on"))
                    .and(col("_ap_on").leq(date_add(col("_fp_on"), rules.cooperationDays()))))
            .groupBy(col("_fp_case").as("_cr_case"))
            .agg(min("_ap_on").as("_cr_on"));
    // a plan reviewed in a quarter counts there when it is made by the quarter's end
    Dataset<Row> reviewed =
        p.filter(col("made_on").leq(CaseQuarter.quarterEnd(col("reviewed_on"))))
            .groupBy(col("case_id").as("_rv_case"), CaseQuarter.quarterStart(col("reviewed_on")).as("_rv_quarter"))
            .agg(sum("goals").as("goals_reviewed"), sum("goals_reached").as("goals_reached"));
    Column firstSeen = col("_fp_on").leq(CaseQuarter.last());
    Column eligible =
        col("first_plan_type")
            .equalTo(SUPPORT_PLAN)
            .and(col("first_plan_on").leq(date_sub(CaseQuarter.last(), rules.cooperationDays())));
    return withNeed
        .join(first, col("case_id").equalTo(col("_fp_case")), "left")
        .withColumn("first_plan_on", when(firstSeen, col("_fp_on")))
        .withColumn("first_plan_type", when(firstSeen, col("_fp_type")))
        .join(reached, col("case_id").equalTo(col("_cr_case")), "left")
        .join(
            reviewed,
            col("case_id").equalTo(col("_rv_case")).and(CaseQuarter.first().equalTo(col("_rv_quarter"))),
            "left")
        .withColumn(
            "plan_within",
            col("first_plan_on").isNotNull()
                .and(datediff(col("first_plan_on"), col("initial_on")).leq(rules.planMaxDays())))
        .withColumn("cooperation_eligible", eligible.isNotNull().and(eligible))
        .withColumn("cooperation_reached", coalesce(col("_cr_on").leq(CaseQuarter.last()), lit(false)))
        .drop("_fp_case", "_fp_on", "_fp_type", "_cr_case", "_cr_on", "_rv_case", "_rv_quarter");
  }

  /**
   * Adds hours, base_hours, cost (decimal sums of the quarter's participation) and
   * work_study_cost_ytd (cost of {@link MeasureRules#WORK_STUDY_COMPONENT} from 1 January of the
   * quarter's year to its last day).
   */
  static Dataset<Row> withServices(Dataset<Row> withPlans, Dataset<Row> participation) {
    Dataset<Row> perQuarter =
        dated(participation, "month_start")
            .groupBy(col("case_id").as("_sq_case"), CaseQuarter.quarterStart(col("month_start")).as("_sq_quarter"))
            .agg(
                sum("hours").as("hours"),
                sum(when(col("component").equalTo(BASE_SUPPORT), col("hours"))).as("base_hours"),
                sum("cost_eur").as("cost"),
                sum(when(col("component").equalTo(MeasureRules.WORK_STUDY_COMPONENT), col("cost_eur"))).as("_sq_ws"));
    // the year so far from the quarters' sums: decimal sums, so exactly the sum over the months
    Dataset<Row> year =
        withPlans
            .select(col("case_id").as("_sy_case"), CaseQuarter.first().as("_sy_quarter"))
            .join(
                perQuarter.select("_sq_case", "_sq_quarter", "_sq_ws"),
                col("_sy_case")
                    .equalTo(col("_sq_case"))
                    .and(col("_sq_quarter").leq(col("_sy_quarter")))
                    .and(col("_sq_quarter").geq(trunc(col("_sy_quarter"), "year"))))
            .groupBy("_sy_case", "_sy_quarter")
            .agg(sum("_sq_ws").as("work_study_cost_ytd"));
    return withPlans
        .join(
            perQuarter.drop("_sq_ws"),
            col("case_id").equalTo(col("_sq_case")).and(CaseQuarter.first().equalTo(col("_sq_quarter"))),
            "left")
        .join(
            year,
            col("case_id").equalTo(col("_sy_case")).and(CaseQuarter.first().equalTo(col("_sy_quarter"))),
            "left")
        .drop("_sq_case", "_sq_quarter", "_sy_case", "_sy_quarter");
  }
}

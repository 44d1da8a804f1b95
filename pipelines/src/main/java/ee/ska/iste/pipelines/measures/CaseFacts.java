package ee.ska.iste.pipelines.measures;

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
import static org.apache.spark.sql.functions.when;

import ee.ska.iste.core.time.Quarter;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Case-level facts on need, plans and services for the cases active in a quarter, each from data
 * dated up to the quarter's last day. Each method adds columns to the active-case rows of {@link
 * CaseQuarter#activeCases}.
 */
final class CaseFacts {
  static final String INITIAL = "ESMANE";
  static final String REASSESSMENT = "KORDUV";
  static final String SUPPORT_PLAN = "TOETUSPLAAN";
  static final String ACTIVITY_PLAN = "TEGEVUSPLAAN";
  static final String BASE_SUPPORT = "BT";

  private CaseFacts() {}

  private static Dataset<Row> upTo(Dataset<Row> facts, String dateColumn, Quarter q) {
    return facts.filter(col("case_id").isNotNull().and(col(dateColumn).leq(CaseQuarter.last(q))));
  }

  /**
   * Adds initial_on (earliest ESMANE), reassessed_on (latest KORDUV after it), latest_on (latest
   * of any type), initial_sum and reassessed_sum (sum of domain levels), overdue.
   */
  static Dataset<Row> withNeed(Dataset<Row> active, Dataset<Row> assessments, Quarter q, MeasureRules rules) {
    Dataset<Row> a = upTo(assessments, "assessed_on", q);
    Dataset<Row> dates =
        a.groupBy(col("case_id").as("_n_case"))
            .agg(
                min(when(col("assessment_type").equalTo(INITIAL), col("assessed_on"))).as("initial_on"),
                max(col("assessed_on")).as("latest_on"));
    Dataset<Row> reassessed =
        a.join(dates, a.col("case_id").equalTo(dates.col("_n_case")))
            .filter(col("assessment_type").equalTo(REASSESSMENT).and(col("assessed_on").gt(col("initial_on"))))
            .groupBy(col("_n_case").as("_r_case"))
            .agg(max("assessed_on").as("reassessed_on"));
    Dataset<Row> withDates =
        active
            .join(dates, active.col("case_id").equalTo(dates.col("_n_case")), "left")
            .join(reassessed, col("case_id").equalTo(col("_r_case")), "left")
            .drop("_n_case", "_r_case");
    Dataset<Row> sums =
        a.groupBy(col("case_id").as("_s_case"), col("assessed_on").as("_s_on"), col("assessment_type").as("_s_type"))
            .agg(sum("level").as("_s_sum"));
    Dataset<Row> initialSum =
        sums.filter(col("_s_type").equalTo(INITIAL))
            .select(col("_s_case").as("_i_case"), col("_s_on").as("_i_on"), col("_s_sum").as("initial_sum"));
    Dataset<Row> reassessedSum =
        sums.filter(col("_s_type").equalTo(REASSESSMENT))
            .select(col("_s_case").as("_k_case"), col("_s_on").as("_k_on"), col("_s_sum").as("reassessed_sum"));
    Column overdueDays = lit(rules.reassessMaxDays());
    return withDates
        .join(
            initialSum,
            col("case_id").equalTo(col("_i_case")).and(col("initial_on").equalTo(col("_i_on"))),
            "left")
        .join(
            reassessedSum,
            col("case_id").equalTo(col("_k_case")).and(col("reassessed_on").equalTo(col("_k_on"))),
            "left")
        .drop("_i_case", "_i_on", "_k_case", "_k_on")
        .withColumn(
            "overdue",
            when(col("latest_on").isNotNull(), datediff(CaseQuarter.last(q), col("latest_on")).gt(overdueDays))
                .otherwise(datediff(CaseQuarter.last(q), col("start_date")).gt(overdueDays)));
  }

  /**
   * One row per active case with an initial assessment and life domain assessed in it: domain,
   * initial_level, reassessed_level (at the latest reassessment, null without one) and served
   * (the domain's component delivered in a month overlapping the NEED_SERVICE_DAYS days after the
   * initial assessment, as far as dated up to the quarter's end).
   */
  static Dataset<Row> needDomains(
      Dataset<Row> withNeed,
      Dataset<Row> assessments,
      Dataset<Row> participation,
      Dataset<Row> components,
      Quarter q,
      MeasureRules rules) {
    Dataset<Row> a = upTo(assessments, "assessed_on", q);
    Dataset<Row> cases =
        withNeed
            .filter(col("initial_on").isNotNull())
            .select("case_id", "kov_code", "county_code", "initial_on", "reassessed_on");
    Dataset<Row> initial =
        a.filter(col("assessment_type").equalTo(INITIAL))
            .select(col("case_id").as("_i_case"), col("assessed_on").as("_i_on"), col("domain"), col("level").as("initial_level"));
    Dataset<Row> reassessed =
        a.filter(col("assessment_type").equalTo(REASSESSMENT))
            .select(col("case_id").as("_k_case"), col("assessed_on").as("_k_on"), col("domain").as("_k_domain"), col("level").as("reassessed_level"));
    Dataset<Row> domainComponents =
        components.filter(col("domain").isNotNull()).select(col("code").as("_c_code"), col("domain").as("_c_domain"));
    Dataset<Row> p = upTo(participation, "month_start", q);
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
    Dataset<Row> served =
        perDomain
            .select(col("case_id").as("_sv_case"), col("domain").as("_sv_domain"), col("initial_on").as("_sv_on"))
            .join(
                delivered,
                col("_sv_case")
                    .equalTo(col("_p_case"))
                    .and(col("_sv_domain").equalTo(col("_p_domain")))
                    .and(last_day(col("_p_month")).geq(col("_sv_on")))
                    .and(col("_p_month").leq(date_add(col("_sv_on"), rules.needServiceDays()))))
            .select("_sv_case", "_sv_domain")
            .distinct()
            .withColumn("served", lit(true));
    return perDomain
        .join(
            served,
            col("case_id").equalTo(col("_sv_case")).and(col("domain").equalTo(col("_sv_domain"))),
            "left")
        .select(
            col("case_id"),
            col("kov_code"),
            col("county_code"),
            col("domain"),
            col("initial_level"),
            col("reassessed_level"),
            col("served").isNotNull().as("served"));
  }

  /**
   * Adds first_plan_on, first_plan_type, plan_within (first plan at most PLAN_MAX_DAYS after the
   * initial assessment), cooperation_eligible, cooperation_reached, goals_reviewed, goals_reached
   * (sums over plans reviewed in the quarter; null when none).
   */
  static Dataset<Row> withPlans(Dataset<Row> withNeed, Dataset<Row> plans, Quarter q, MeasureRules rules) {
    Dataset<Row> p = upTo(plans, "made_on", q);
    Dataset<Row> first =
        p.groupBy(col("case_id").as("_fp_case"))
            .agg(min(struct(col("made_on"), col("plan_type"))).as("_fp"))
            .select(col("_fp_case"), col("_fp.made_on").as("first_plan_on"), col("_fp.plan_type").as("first_plan_type"));
    Dataset<Row> activity =
        p.filter(col("plan_type").equalTo(ACTIVITY_PLAN))
            .select(col("case_id").as("_ap_case"), col("made_on").as("_ap_on"));
    Dataset<Row> reached =
        first
            .join(activity, col("_fp_case").equalTo(col("_ap_case")))
            .filter(
                col("_ap_on")
                    .geq(col("first_plan_on"))
                    .and(col("_ap_on").leq(date_add(col("first_plan_on"), rules.cooperationDays()))))
            .select(col("_fp_case").as("_cr_case"))
            .distinct()
            .withColumn("_reached", lit(true));
    Dataset<Row> reviewed =
        p.filter(col("reviewed_on").between(CaseQuarter.first(q), CaseQuarter.last(q)))
            .groupBy(col("case_id").as("_rv_case"))
            .agg(sum("goals").as("goals_reviewed"), sum("goals_reached").as("goals_reached"));
    Column eligible =
        col("first_plan_type")
            .equalTo(SUPPORT_PLAN)
            .and(col("first_plan_on").leq(date_sub(CaseQuarter.last(q), rules.cooperationDays())));
    return withNeed
        .join(first, col("case_id").equalTo(col("_fp_case")), "left")
        .join(reached, col("case_id").equalTo(col("_cr_case")), "left")
        .join(reviewed, col("case_id").equalTo(col("_rv_case")), "left")
        .withColumn(
            "plan_within",
            col("first_plan_on").isNotNull()
                .and(datediff(col("first_plan_on"), col("initial_on")).leq(rules.planMaxDays())))
        .withColumn("cooperation_eligible", eligible.isNotNull().and(eligible))
        .withColumn("cooperation_reached", col("_reached").isNotNull())
        .drop("_fp_case", "_cr_case", "_rv_case", "_reached");
  }

  /**
   * Adds hours, base_hours, cost (decimal sums of the quarter's participation) and
   * work_study_cost_ytd (cost of {@link MeasureRules#WORK_STUDY_COMPONENT} from 1 January of the
   * quarter's year to its last day).
   */
  static Dataset<Row> withServices(Dataset<Row> withPlans, Dataset<Row> participation, Quarter q) {
    Dataset<Row> p = upTo(participation, "month_start", q);
    Dataset<Row> quarter =
        p.filter(col("month_start").geq(CaseQuarter.first(q)))
            .groupBy(col("case_id").as("_sq_case"))
            .agg(
                sum("hours").as("hours"),
                sum(when(col("component").equalTo(BASE_SUPPORT), col("hours"))).as("base_hours"),
                sum("cost_eur").as("cost"));
    Dataset<Row> year =
        p.filter(
                col("month_start")
                    .geq(lit(Date.valueOf(LocalDate.of(q.year(), 1, 1))))
                    .and(col("component").equalTo(MeasureRules.WORK_STUDY_COMPONENT)))
            .groupBy(col("case_id").as("_sy_case"))
            .agg(sum("cost_eur").as("work_study_cost_ytd"));
    return withPlans
        .join(quarter, col("case_id").equalTo(col("_sq_case")), "left")
        .join(year, col("case_id").equalTo(col("_sy_case")), "left")
        .drop("_sq_case", "_sy_case");
  }
}

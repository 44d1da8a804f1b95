package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The facts of cases the measures are built from, computed once for all quarters in two tables:
 * {@link #perCase} (what does not depend on the quarter) and {@link #perQuarter} (what does), each
 * from the model tables by aggregating the union of its sources, so that a case-quarter row of
 * {@link CaseQuarter#facts} needs one join with each.
 *
 * <p>A quarter's figures use only data dated up to its last day. A per-case fact that is the
 * earliest of something (baseline, initial assessment, first plan) is the earliest of all, taken in
 * a quarter only when dated up to its last day: the earliest of the data dated up to a day is the
 * earliest of all when that is dated up to the day, else there is none.
 */
final class CaseFacts {
  static final String INITIAL = "ESMANE";
  static final String REASSESSMENT = "KORDUV";
  static final String SUPPORT_PLAN = "TOETUSPLAAN";
  static final String ACTIVITY_PLAN = "TEGEVUSPLAAN";
  static final String BASE_SUPPORT = "BT";

  private CaseFacts() {}

  /** The model tables the facts come from. */
  record Sources(
      Dataset<Row> cases,
      Dataset<Row> scores,
      Dataset<Row> assessments,
      Dataset<Row> plans,
      Dataset<Row> participation,
      Dataset<Row> instruments,
      Dataset<Row> components) {

    /** Valid QoL scores of a case: case_id, on, score, instrument, rci (of the instrument). */
    Dataset<Row> validScores() {
      return dated(scores, "assessed_on")
          .filter(col("score").isNotNull())
          .join(broadcast(rci(instruments)), col("instrument").equalTo(col("_r_inst")), "left")
          .select(
              col("case_id"),
              col("assessed_on").as("on"),
              col("score"),
              col("instrument"),
              col("rci"));
    }

    /**
     * One row per assessment of a case (case_id, on, type): sum of its domain levels and levels,
     * its (domain, level) pairs ordered by domain, and {@code complete}: every domain of {@code
     * domains} (the life domains of the rules) carries a level (measures.md, Need; a domain row
     * rejected at ingest leaves the assessment incomplete).
     */
    Dataset<Row> assessmentSums(List<String> domains) {
      if (domains.isEmpty()) {
        throw new IllegalArgumentException("no life domain to judge an assessment complete by");
      }
      Column levelled =
          when(col("domain").isin(domains.toArray()).and(col("level").isNotNull()), col("domain"));
      return dated(assessments, "assessed_on")
          .groupBy(col("case_id"), col("assessed_on").as("on"), col("assessment_type").as("type"))
          .agg(
              sum("level").as("sum"),
              array_sort(collect_list(struct(col("domain"), col("level")))).as("levels"),
              size(collect_set(levelled)).equalTo(domains.size()).as("complete"));
    }

    Dataset<Row> datedPlans() {
      return dated(plans, "made_on");
    }

    Dataset<Row> datedParticipation() {
      return dated(participation, "month_start");
    }
  }

  private static Dataset<Row> dated(Dataset<Row> facts, String dateColumn) {
    return facts.filter(col("case_id").isNotNull().and(col(dateColumn).isNotNull()));
  }

  private static Dataset<Row> rci(Dataset<Row> instruments) {
    return instruments.select(
        col("code").as("_r_inst"),
        lit(MeasureRules.RCI_Z)
            .multiply(Math.sqrt(2))
            .multiply(col("sd"))
            .multiply(sqrt(lit(1).minus(col("retest_r"))))
            .as("rci"));
  }

  /**
   * One row per case with a fact, key case_id:
   *
   * <ul>
   *   <li>{@code baseline} (on, score, instrument, rci): the earliest valid score dated from
   *       BASELINE_BEFORE_DAYS before to BASELINE_AFTER_DAYS after the case start;
   *   <li>{@code initial} (on, sum, levels): the earliest complete ESMANE assessment;
   *   <li>{@code first_initial_on}: the date of the earliest ESMANE assessment, complete or not
   *       (when the case was first assessed: the timeliness of its plan);
   *   <li>{@code first_plan} (on, type): the earliest plan;
   *   <li>{@code first_followup_on}: the earliest score of the baseline's instrument at least
   *       FOLLOWUP_MIN_DAYS after it;
   *   <li>{@code first_cooperation_on}: the earliest TEGEVUSPLAAN 0 to COOPERATION_DAYS days after
   *       the first plan;
   *   <li>{@code served_from}: domain → the first month in which a component of the domain was
   *       delivered overlapping the NEED_SERVICE_DAYS days after the initial assessment;
   *   <li>{@code assessments}: every assessment of the case (on, type, sum, levels, complete), in
   *       that order, from which {@link CaseQuarter#facts} takes the latest one (complete or not)
   *       and the latest complete reassessment dated up to each quarter's last day.
   * </ul>
   *
   * <p>A fact dated after a quarter's last day is not seen in that quarter; as the first of these
   * four are the earliest of their kind, and a later one is seen when the earliest is, {@link
   * CaseQuarter#facts} compares each date with the quarter's last day.
   */
  static Dataset<Row> perCase(Sources s, MeasureRules rules) {
    Dataset<Row> first = firsts(s, rules);
    Dataset<Row> f =
        first.select(
            col("case_id").as("_f_case"),
            col("baseline.on").as("_f_baseline_on"),
            col("baseline.instrument").as("_f_instrument"),
            col("initial.on").as("_f_initial_on"),
            col("first_plan.on").as("_f_plan_on"));
    Dataset<Row> followups =
        s.validScores()
            .join(f, col("case_id").equalTo(col("_f_case")))
            .filter(
                col("instrument")
                    .equalTo(col("_f_instrument"))
                    .and(col("on").geq(date_add(col("_f_baseline_on"), rules.followupMinDays()))))
            .select(col("case_id"), col("on").as("_followup_on"));
    Dataset<Row> cooperation =
        s.datedPlans()
            .filter(col("plan_type").equalTo(ACTIVITY_PLAN))
            .join(f, col("case_id").equalTo(col("_f_case")))
            .filter(
                col("made_on")
                    .geq(col("_f_plan_on"))
                    .and(col("made_on").leq(date_add(col("_f_plan_on"), rules.cooperationDays()))))
            .select(col("case_id"), col("made_on").as("_cooperation_on"));
    Dataset<Row> domainComponents =
        s.components()
            .filter(col("domain").isNotNull())
            .select(col("code").as("_c_code"), col("domain").as("_c_domain"));
    Dataset<Row> served =
        s.datedParticipation()
            .join(broadcast(domainComponents), col("component").equalTo(col("_c_code")))
            .join(f, col("case_id").equalTo(col("_f_case")))
            .filter(
                last_day(col("month_start"))
                    .geq(col("_f_initial_on"))
                    .and(
                        col("month_start")
                            .leq(date_add(col("_f_initial_on"), rules.needServiceDays()))))
            .groupBy(col("case_id"), col("_c_domain").as("domain"))
            .agg(min("month_start").as("month"))
            .select(col("case_id"), struct(col("domain"), col("month")).as("_served"));
    Dataset<Row> assessed =
        s.assessmentSums(rules.domains())
            .select(
                col("case_id"),
                struct(col("on"), col("type"), col("sum"), col("levels"), col("complete"))
                    .as("_assessment"));
    Dataset<Row> later =
        followups
            .unionByName(cooperation, true)
            .unionByName(served, true)
            .unionByName(assessed, true)
            .groupBy("case_id")
            .agg(
                min("_followup_on").as("first_followup_on"),
                min("_cooperation_on").as("first_cooperation_on"),
                map_from_entries(collect_list("_served")).as("served_from"),
                sort_array(collect_list("_assessment")).as("assessments"));
    return first.join(later, new String[] {"case_id"}, "left");
  }

  /**
   * baseline, initial, first_initial_on and first_plan of {@link #perCase}: one aggregation over
   * their sources.
   */
  private static Dataset<Row> firsts(Sources s, MeasureRules rules) {
    Dataset<Row> starts =
        s.cases().select(col("case_id").as("_b_case"), col("start_date").as("_b_start"));
    Dataset<Row> baselines =
        s.validScores()
            .join(starts, col("case_id").equalTo(col("_b_case")))
            .filter(
                col("on")
                    .geq(date_sub(col("_b_start"), rules.baselineBeforeDays()))
                    .and(col("on").leq(date_add(col("_b_start"), rules.baselineAfterDays()))))
            .select(
                col("case_id"),
                struct(col("on"), col("score"), col("instrument"), col("rci")).as("_baseline"));
    // (on, sum, levels) is unique per case, date and type: the earliest is the earliest date's;
    // the need measures compare complete assessments only, an incomplete one is skipped
    Dataset<Row> initials =
        s.assessmentSums(rules.domains())
            .filter(col("type").equalTo(INITIAL))
            .select(
                col("case_id"),
                when(col("complete"), struct(col("on"), col("sum"), col("levels"))).as("_initial"),
                col("on").as("_initial_on"));
    Dataset<Row> plans =
        s.datedPlans()
            .select(
                col("case_id"),
                struct(col("made_on").as("on"), col("plan_type").as("type")).as("_plan"));
    return baselines
        .unionByName(initials, true)
        .unionByName(plans, true)
        .groupBy("case_id")
        .agg(
            min("_baseline").as("baseline"),
            min("_initial").as("initial"),
            min("_initial_on").as("first_initial_on"),
            min("_plan").as("first_plan"));
  }

  /**
   * One row per case and quarter (key case_id, q_first: the quarter's first day) with a fact:
   *
   * <ul>
   *   <li>{@code followup} (on, score): the latest score dated in the quarter of the baseline's
   *       instrument at least FOLLOWUP_MIN_DAYS after it;
   *   <li>{@code scored}: a valid score is dated in the quarter;
   *   <li>{@code goals_reviewed}, {@code goals_reached}: sums over the plans reviewed in the
   *       quarter and made by its end;
   *   <li>{@code hours}, {@code base_hours} (BT), {@code cost}: decimal sums of the participation
   *       of the quarter's months;
   *   <li>{@code hours_by_component}: component → the decimal sum of its hours in the quarter's
   *       months (only the components delivered);
   * </ul>
   *
   * and, for the quarters of {@code quarters} only, what is dated up to the quarter's last day:
   * {@code work_study_cost_ytd}, the cost of {@link MeasureRules#WORK_STUDY_COMPONENT} from 1
   * January of the quarter's year.
   */
  static Dataset<Row> perQuarter(
      Sources s, Dataset<Row> perCase, Dataset<Row> quarters, MeasureRules rules) {
    Dataset<Row> f =
        perCase.select(
            col("case_id").as("_f_case"),
            col("baseline.on").as("_f_baseline_on"),
            col("baseline.instrument").as("_f_instrument"));
    Dataset<Row> valid = s.validScores();
    Dataset<Row> followups =
        valid
            .join(f, col("case_id").equalTo(col("_f_case")))
            .filter(
                col("instrument")
                    .equalTo(col("_f_instrument"))
                    .and(col("on").geq(date_add(col("_f_baseline_on"), rules.followupMinDays()))))
            .select(
                col("case_id"),
                CaseQuarter.quarterStart(col("on")).as("q_first"),
                struct(col("on"), col("score")).as("_followup"));
    Dataset<Row> scored =
        valid.select(
            col("case_id"),
            CaseQuarter.quarterStart(col("on")).as("q_first"),
            lit(true).as("_scored"));
    Dataset<Row> reviewed =
        s.datedPlans()
            .filter(col("made_on").leq(CaseQuarter.quarterEnd(col("reviewed_on"))))
            .select(
                col("case_id"),
                CaseQuarter.quarterStart(col("reviewed_on")).as("q_first"),
                col("goals").as("_goals"),
                col("goals_reached").as("_goals_reached"));
    Dataset<Row> p = s.datedParticipation();
    Dataset<Row> services =
        p.select(
            col("case_id"),
            CaseQuarter.quarterStart(col("month_start")).as("q_first"),
            col("hours").as("_hours"),
            when(col("component").equalTo(BASE_SUPPORT), col("hours")).as("_base_hours"),
            col("cost_eur").as("_cost"));
    // per component: the quarter's hours, one (component, hours) entry per case and quarter
    Dataset<Row> byComponent =
        p.filter(col("component").isNotNull())
            .groupBy(
                col("case_id"),
                CaseQuarter.quarterStart(col("month_start")).as("q_first"),
                col("component"))
            .agg(sum("hours").as("_h"))
            .select(
                col("case_id"),
                col("q_first"),
                struct(col("component"), col("_h").as("hours")).as("_component_hours"));
    Dataset<Row> periods = broadcast(quarters.select("q_first", "q_last"));
    Dataset<Row> yearToDate =
        p.filter(col("component").equalTo(MeasureRules.WORK_STUDY_COMPONENT))
            .join(
                periods,
                col("month_start")
                    .geq(trunc(col("q_first"), "year"))
                    .and(col("month_start").leq(col("q_last"))))
            .select(col("case_id"), col("q_first"), col("cost_eur").as("_work_study_cost"));
    // sums in a hash aggregation; the struct maxima (few rows: scores) sort theirs apart
    Dataset<Row> sums =
        reviewed
            .unionByName(services, true)
            .unionByName(yearToDate, true)
            .unionByName(byComponent, true)
            .groupBy("case_id", "q_first")
            .agg(
                sum("_goals").as("goals_reviewed"),
                sum("_goals_reached").as("goals_reached"),
                sum("_hours").as("hours"),
                sum("_base_hours").as("base_hours"),
                sum("_cost").as("cost"),
                sum("_work_study_cost").as("work_study_cost_ytd"),
                map_from_entries(collect_list("_component_hours")).as("hours_by_component"));
    Dataset<Row> scores =
        followups
            .unionByName(scored, true)
            .groupBy("case_id", "q_first")
            .agg(max("_followup").as("followup"), max("_scored").as("scored"));
    return scores.join(sums, new String[] {"case_id", "q_first"}, "full_outer");
  }
}

package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What each active case contributes to each measure in a quarter ({@link Observation}s over the
 * case-quarter facts): the case-level part of {@link MeasureRegistry}. Every active case
 * contributes to every count measure (0 or 1), so that every unit with a case has every count
 * measure.
 */
final class CaseObservations {
  /** The initial assessment's levels by domain (null without an initial assessment). */
  private static final String INITIAL = "_initial_by_domain";

  private CaseObservations() {}

  /**
   * Every measure's observations, over the columns of {@link #prepare}d case-quarter facts: the
   * case-level measures and, for each life domain of {@code rules.domains()}, the per-domain ones.
   */
  static List<Observation> all(MeasureRules rules) {
    List<Observation> all = new ArrayList<>(population(rules));
    all.addAll(qol(rules));
    all.addAll(needPlansServices(rules));
    all.addAll(perPlace(rules));
    for (String domain : rules.domains()) {
      all.addAll(needDomain(domain));
    }
    return all;
  }

  /** The rows of {@link CaseQuarter#facts} with the columns the observations read. */
  static Dataset<Row> prepare(Dataset<Row> facts) {
    return facts.withColumn(INITIAL, map_from_entries(col("initial_levels")));
  }

  static List<Observation> population(MeasureRules rules) {
    List<Observation> o = new ArrayList<>();
    o.add(Observation.count("ACTIVE", lit(true)));
    o.add(Observation.count("NEW", col("is_new")));
    o.add(
        Observation.count(
            "EXIT",
            col("is_exit").and(col("end_reason").isin(rules.finalExitReasons().toArray()))));
    for (String reason : rules.finalExitReasons()) {
      o.add(
          Observation.count(
              "EXIT_" + reason, col("is_exit").and(col("end_reason").equalTo(reason))));
    }
    o.add(Observation.sum("CLIENT_DAYS", col("client_days")));
    return o;
  }

  static List<Observation> qol(MeasureRules rules) {
    Column hasChange = col("qol_change").isNotNull();
    Column paired = col("days_to_date").geq(rules.pairedMinDays());
    List<Observation> o = new ArrayList<>();
    o.add(Observation.count("QOL_N", hasChange));
    o.add(Observation.mean("QOL_CHANGE", lit(true), col("qol_change")));
    o.add(Observation.share("QOL_IMPROVED", hasChange, col("qol_change").geq(col("rci"))));
    o.add(
        Observation.share(
            "QOL_WORSENED", hasChange, col("qol_change").leq(col("rci").multiply(-1))));
    o.add(Observation.share("QOL_COMPLETENESS", col("whole_quarter"), col("has_score_in_quarter")));
    o.add(
        Observation.share(
            "QOL_PAIRED", paired, col("baseline_score").isNotNull().and(col("has_any_followup"))));
    o.add(
        Observation.mean(
            "QOL_BASELINE_FOLLOWED", paired.and(col("has_any_followup")), col("baseline_score")));
    o.add(
        Observation.mean(
            "QOL_BASELINE_NOT_FOLLOWED",
            paired.and(col("has_any_followup").unary_$bang()),
            col("baseline_score")));
    return o;
  }

  /** Need, plans and services. */
  static List<Observation> needPlansServices(MeasureRules rules) {
    Column reassessed = col("initial_sum").isNotNull().and(col("reassessed_sum").isNotNull());
    Column hours = col("hours");
    List<Observation> o = new ArrayList<>();
    o.add(
        Observation.share(
            "NEED_REDUCED", reassessed, col("reassessed_sum").lt(col("initial_sum"))));
    o.add(Observation.share("REASSESS_OVERDUE", col("on_last_day"), col("overdue")));
    o.add(
        Observation.share(
            "PLAN_WITHIN_30D",
            col("is_new").and(col("first_assessed_on").isNotNull()),
            col("plan_within")));
    o.add(
        Observation.share(
            "COOPERATION_REACHED", col("cooperation_eligible"), col("cooperation_reached")));
    o.add(Observation.ratio("GOAL_ATTAINMENT", col("goals_reached"), col("goals_reviewed")));
    o.add(Observation.sum("HOURS", hours));
    o.add(Observation.ratio("HOURS_PER_CLIENT", hours, lit(1)));
    o.add(Observation.ratio("BASE_SHARE", col("base_hours"), when(hours.gt(0), hours)));
    o.add(
        Observation.share(
            "NO_BASE_SUPPORT",
            col("client_days").geq(rules.noBaseMinDays()),
            col("base_hours").isNull().or(col("base_hours").equalTo(0))));
    o.add(Observation.sum("COST", col("cost")));
    o.add(Observation.ratio("COST_PER_CLIENT", col("cost"), lit(1)));
    o.add(
        Observation.count(
            "CAP_EXCEEDED",
            col("work_study_cost_ytd")
                .isNotNull()
                .and(col("work_study_cost_ytd").gt(rules.workStudyCapEur()))));
    return o;
  }

  /** Days in a client-month: 365.25 / 12 (the mean month of the Julian year). */
  static final double DAYS_PER_CLIENT_MONTH = 365.25 / 12;

  /** The prefix of the per-component hours per client-month (one per component of the rules). */
  static final String HOURS_PER_CLIENT_MONTH = "HOURS_PER_CLIENT_MONTH_";

  /**
   * Cost and volume per place (measures.md, Evaluation): COST_PER_CLIENT_DAY (COST / CLIENT_DAYS),
   * per component c of {@code rules.components()} HOURS_PER_CLIENT_MONTH_c (hours of c / (client
   * days / 30.4375)), and CASE_LENGTH, the mean length in days, both ends inclusive, of the cases
   * that end in the quarter (the cases of EXIT: their days_to_date runs to the end).
   */
  static List<Observation> perPlace(MeasureRules rules) {
    List<Observation> o = new ArrayList<>();
    o.add(Observation.ratio("COST_PER_CLIENT_DAY", col("cost"), col("client_days")));
    // over client days here (exact sums), turned into client-months by clientMonths after rollup
    for (String component : rules.components()) {
      o.add(
          Observation.ratio(
              HOURS_PER_CLIENT_MONTH + component,
              try_element_at(col("hours_by_component"), lit(component)),
              col("client_days")));
    }
    o.add(
        Observation.mean(
            "CASE_LENGTH",
            col("is_exit").and(col("end_reason").isin(rules.finalExitReasons().toArray())),
            col("days_to_date")));
    return o;
  }

  /**
   * The rolled-up figures with the HOURS_PER_CLIENT_MONTH_ denominators turned from client days
   * into client-months (÷ 30.4375) and their value = hours / client-months: a per-case division
   * would round every case's months, and the sums would then miss client days / 30.4375.
   */
  static Dataset<Row> clientMonths(Dataset<Row> figures) {
    Column perMonth = col("measure").startsWith(HOURS_PER_CLIENT_MONTH);
    Column months = col("denominator").divide(DAYS_PER_CLIENT_MONTH);
    return figures
        .withColumn(
            "value", when(perMonth, col("numerator").divide(months)).otherwise(col("value")))
        .withColumn("denominator", when(perMonth, months).otherwise(col("denominator")));
  }

  /**
   * Per life domain d (a domain missing from the initial assessment contributes nothing):
   * NEED_CHANGE_d (mean reassessed − initial level), NEED_SERVED_d (share of cases with initial
   * level ≥ 2 that got the domain's component within NEED_SERVICE_DAYS, as far as dated up to the
   * quarter's end), NEED_CHANGE_SERVED_d / NEED_CHANGE_UNSERVED_d (mean change of those cases that
   * did / did not).
   */
  static List<Observation> needDomain(String domain) {
    Column level = try_element_at(col(INITIAL), lit(domain));
    Column reassessed = try_element_at(col("reassessed_levels"), lit(domain));
    // served in a month dated up to the quarter's end exactly when first served by then
    Column served =
        coalesce(try_element_at(col("served_from"), lit(domain)).leq(col("q_last")), lit(false));
    Column change = reassessed.minus(level);
    Column inNeed = level.geq(2);
    return List.of(
        Observation.mean("NEED_CHANGE_" + domain, lit(true), change),
        Observation.share("NEED_SERVED_" + domain, inNeed, served),
        Observation.mean("NEED_CHANGE_SERVED_" + domain, inNeed.and(served), change),
        Observation.mean(
            "NEED_CHANGE_UNSERVED_" + domain, inNeed.and(served.unary_$bang()), change));
  }
}

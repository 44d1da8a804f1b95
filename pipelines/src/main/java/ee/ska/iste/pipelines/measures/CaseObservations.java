package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns the case-quarter facts into observations: one row per active case and measure it
 * contributes to (kov_code, county_code, o). Every count measure gets a row (0 or 1) from every
 * active case, so that every unit with a case has a row for every count measure.
 */
final class CaseObservations {
  private CaseObservations() {}

  static Dataset<Row> population(Dataset<Row> caseQuarter, MeasureRules rules) {
    List<Column> o = new ArrayList<>();
    o.add(Observation.count("ACTIVE", lit(true)));
    o.add(Observation.count("NEW", col("is_new")));
    o.add(Observation.count("EXIT", col("is_exit").and(col("end_reason").isin(rules.finalExitReasons().toArray()))));
    for (String reason : rules.finalExitReasons()) {
      o.add(Observation.count("EXIT_" + reason, col("is_exit").and(col("end_reason").equalTo(reason))));
    }
    o.add(Observation.sum("CLIENT_DAYS", col("client_days")));
    return explodeObservations(caseQuarter, o);
  }

  static Dataset<Row> qol(Dataset<Row> caseQuarter) {
    Column hasChange = col("qol_change").isNotNull();
    Column paired = col("days_to_date").geq(MeasureRules.PAIRED_MIN_DAYS);
    List<Column> o = new ArrayList<>();
    o.add(Observation.count("QOL_N", hasChange));
    o.add(Observation.mean("QOL_CHANGE", lit(true), col("qol_change")));
    o.add(Observation.share("QOL_IMPROVED", hasChange, col("qol_change").geq(col("rci"))));
    o.add(Observation.share("QOL_WORSENED", hasChange, col("qol_change").leq(col("rci").multiply(-1))));
    o.add(Observation.share("QOL_COMPLETENESS", col("whole_quarter"), col("has_score_in_quarter")));
    o.add(
        Observation.share(
            "QOL_PAIRED", paired, col("baseline_score").isNotNull().and(col("has_any_followup"))));
    o.add(
        Observation.mean(
            "QOL_BASELINE_FOLLOWED", paired.and(col("has_any_followup")), col("baseline_score")));
    o.add(
        Observation.mean(
            "QOL_BASELINE_NOT_FOLLOWED", paired.and(col("has_any_followup").unary_$bang()), col("baseline_score")));
    return explodeObservations(caseQuarter, o);
  }

  static Dataset<Row> explodeObservations(Dataset<Row> caseQuarter, List<Column> observations) {
    return caseQuarter.select(
        col("kov_code"), col("county_code"), explode(array(observations.toArray(new Column[0]))).as("o"));
  }

}

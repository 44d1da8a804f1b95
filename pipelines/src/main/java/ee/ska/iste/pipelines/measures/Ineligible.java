package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cases outside the target group as COUNT measures, so that the same disclosure control
 * protects them as every other count: {@code INELIGIBLE} — cases active in the quarter whose case
 * carries an {@code ineligible_reason} (the first episode's, as ingest flagged it) — and {@code
 * INELIGIBLE_<reason>} per reason code. The reason codes are the catalogue's ({@code measures.csv})
 * measures named {@code INELIGIBLE_<reason>}; a case with a reason outside that list counts in
 * {@code INELIGIBLE} only.
 *
 * <p>Output: the rows of {@link Rollup#transform} (KOV, MAAKOND, RIIK), one per unit with an active
 * case in the quarter and measure, zeros included.
 */
final class Ineligible {
  static final String MEASURE = "INELIGIBLE";
  static final String PREFIX = MEASURE + "_";

  private Ineligible() {}

  /** The reason codes broken down, in catalogue order: the {@code INELIGIBLE_<reason>} measures. */
  static List<String> reasons(ReferenceData ref) {
    RefTable measures = ref.table(MeasureCatalogue.CSV);
    List<String> out = new ArrayList<>();
    for (var row : measures.rows()) {
      String code = measures.required(row, "measure");
      if (code.startsWith(PREFIX)) {
        out.add(code.substring(PREFIX.length()));
      }
    }
    return out;
  }

  /** The observations: one count for all reasons and one per reason. */
  static List<Observation> observations(List<String> reasons) {
    List<Observation> o = new ArrayList<>();
    o.add(Observation.count(MEASURE, col("ineligible_reason").isNotNull()));
    for (String reason : reasons) {
      o.add(Observation.count(PREFIX + reason, col("ineligible_reason").equalTo(reason)));
    }
    return o;
  }

  /**
   * @param active case-quarter rows of {@link CaseQuarter#activeCases} (case_id, kov_code,
   *     county_code, quarter)
   * @param cases {@code fct_case} rows (case_id, ineligible_reason)
   */
  static Dataset<Row> transform(Dataset<Row> active, Dataset<Row> cases, List<String> reasons) {
    Dataset<Row> facts =
        active
            .select("case_id", "kov_code", "county_code", "quarter")
            .join(cases.select("case_id", "ineligible_reason"), "case_id");
    return Rollup.transform(KovSums.of(facts, observations(reasons)), MeasureRules.WILSON_Z);
  }
}

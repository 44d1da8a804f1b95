package ee.ska.iste.pipelines.measures;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.pipelines.measures.evaluation.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measure registry: every measure the measures stage computes, with its code and kind, in one
 * list. The definitions come with their computation, so that a measure cannot be computed without
 * being defined:
 *
 * <ul>
 *   <li>the case-level measures of {@link CaseObservations} (per life domain of the reference file
 *       domains.csv, the four {@code NEED_} measures; per final exit reason of exit_reasons.csv, an
 *       {@code EXIT_} count);
 *   <li>{@code INELIGIBLE} and its breakdown by reason ({@link Ineligible});
 *   <li>{@code OCCUPANCY} and {@code ENTRIES_PER_100_PLACES} ({@link Occupancy});
 *   <li>the evaluation's model figures of QoL change, kind {@link Kind#MODEL} ({@link Evaluation}).
 * </ul>
 *
 * <p>The catalogue {@code ref_measure} has one row per definition; its names in Estonian and
 * English, definition, unit and direction come from the reference file measures.csv, which must
 * list exactly the registry's codes, each with the registry's kind ({@link #check}).
 */
final class MeasureRegistry {
  private MeasureRegistry() {}

  /** Every measure computed under {@code rules}, in the order the stage computes them. */
  static List<MeasureDefinition> definitions(MeasureRules rules) {
    List<MeasureDefinition> all = new ArrayList<>();
    CaseObservations.all(rules).forEach(o -> all.add(o.definition()));
    Ineligible.observations(rules.ineligibleReasons()).forEach(o -> all.add(o.definition()));
    all.add(Occupancy.DEFINITION);
    all.add(Occupancy.ENTRIES);
    all.addAll(Evaluation.DEFINITIONS);
    return List.copyOf(all);
  }

  /**
   * Fails, naming every disagreement, unless the catalogue's rows ({@code measure}, {@code kind})
   * are exactly the registry's definitions: no code missing from either, no code twice, the same
   * kind for each.
   *
   * @param catalogue the reference table measures.csv
   */
  static void check(List<MeasureDefinition> registry, RefTable catalogue) {
    List<String> problems = new ArrayList<>();
    Map<String, Kind> defined = new LinkedHashMap<>();
    for (MeasureDefinition d : registry) {
      if (defined.put(d.code(), d.kind()) != null) {
        problems.add(d.code() + " is defined twice in the registry");
      }
    }
    Map<String, String> listed = new LinkedHashMap<>();
    for (Map<String, String> row : catalogue.rows()) {
      String code = catalogue.required(row, "measure");
      if (listed.put(code, row.get("kind")) != null) {
        problems.add(code + " is listed twice");
      }
    }
    defined.forEach(
        (code, kind) -> {
          if (!listed.containsKey(code)) {
            problems.add(code + " (" + kind + ") is computed but not listed");
          } else if (!kind.name().equals(listed.get(code))) {
            problems.add(
                code + " has kind " + listed.get(code) + ", the registry computes it as " + kind);
          }
        });
    listed.keySet().stream()
        .filter(code -> !defined.containsKey(code))
        .forEach(code -> problems.add(code + " is listed but no measure computes it"));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "reference file "
              + catalogue.name()
              + " disagrees with the measure registry: "
              + String.join("; ", problems));
    }
  }
}

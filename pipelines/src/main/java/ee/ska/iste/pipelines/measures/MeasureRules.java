package ee.ska.iste.pipelines.measures;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.disclosure.DisclosureRules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric rules of measures.md for one quarter, read from the reference thresholds valid on the
 * quarter's last day, and the code lists the measures are broken down by.
 */
public record MeasureRules(
    int baselineBeforeDays,
    int baselineAfterDays,
    int followupMinDays,
    int reassessMaxDays,
    int planMaxDays,
    int cooperationDays,
    int noBaseMinDays,
    double workStudyCapEur,
    int suppressionMin,
    double z95,
    double z998,
    int funnelMinN,
    int needServiceDays,
    int pairedMinDays,
    List<String> finalExitReasons,
    List<String> domains,
    List<String> ineligibleReasons,
    DisclosureRules disclosure,
    List<String> components) {

  /** The reliable-change multiplier of measures.md: RCI = 1.96·√2·SD·√(1−r). */
  public static final double RCI_Z = 1.96;

  /** The normal quantile of the shares' 95% Wilson score interval (measures.md). */
  public static final double WILSON_Z = 1.96;

  /**
   * The work-or-study component whose yearly cost is capped by WORK_STUDY_CAP_EUR (the component of
   * the HOIVATUS life domain, components.csv).
   */
  public static final String WORK_STUDY_COMPONENT = "HOIVATUS";

  public MeasureRules {
    if (suppressionMin < 1) {
      throw new IllegalArgumentException("SUPPRESSION_MIN must be at least 1: " + suppressionMin);
    }
    finalExitReasons = List.copyOf(finalExitReasons);
    if (disclosure.min() != suppressionMin) {
      throw new IllegalArgumentException(
          "the disclosure rules' minimum differs from SUPPRESSION_MIN");
    }
    domains = List.copyOf(domains);
    ineligibleReasons = List.copyOf(ineligibleReasons);
    components = List.copyOf(components);
  }

  public static MeasureRules of(ReferenceData ref, LocalDate on, List<String> finalExitReasons) {
    return new MeasureRules(
        days(ref, "BASELINE_BEFORE_DAYS", on),
        days(ref, "BASELINE_AFTER_DAYS", on),
        days(ref, "FOLLOWUP_MIN_DAYS", on),
        days(ref, "REASSESS_MAX_DAYS", on),
        days(ref, "PLAN_MAX_DAYS", on),
        days(ref, "COOPERATION_DAYS", on),
        days(ref, "NO_BASE_MIN_DAYS", on),
        ref.threshold("WORK_STUDY_CAP_EUR", on).doubleValue(),
        days(ref, "SUPPRESSION_MIN", on),
        ref.threshold("FUNNEL_Z_95", on).doubleValue(),
        ref.threshold("FUNNEL_Z_998", on).doubleValue(),
        days(ref, "FUNNEL_MIN_N", on),
        days(ref, "NEED_SERVICE_DAYS", on),
        days(ref, "QOL_PAIRED_MIN_DAYS", on),
        finalExitReasons,
        ref.codes("domains"),
        Ineligible.reasons(ref),
        DisclosureRules.of(ref, on, kinds(ref)),
        ref.codes("components"));
  }

  /**
   * measure code → kind, from the measure catalogue (measures.csv, which the measures stage checks
   * against {@link MeasureRegistry} before it computes anything).
   */
  static Map<String, ee.ska.iste.disclosure.Kind> kinds(ReferenceData ref) {
    Map<String, ee.ska.iste.disclosure.Kind> kinds = new LinkedHashMap<>();
    for (Map<String, String> row : ref.table(MeasureCatalogue.CSV).rows()) {
      kinds.put(row.get("measure"), ee.ska.iste.disclosure.Kind.valueOf(row.get("kind")));
    }
    return kinds;
  }

  private static int days(ReferenceData ref, String key, LocalDate on) {
    return ref.threshold(key, on).intValueExact();
  }
}

package ee.ska.iste.pipelines.measures.evaluation;

import java.util.Objects;

/**
 * One case in {@code QOL_N} of a quarter, as the case-mix model sees it: its units, its change and
 * baseline score, and its categories at case start (null when unknown; the model reads a null as
 * the level {@link CasemixModel#UNKNOWN}).
 *
 * @param countyCode null when the KOV has no county (the case then counts for KOV and nation)
 */
public record CaseRow(
    String caseId,
    String kovCode,
    String countyCode,
    String quarter,
    double change,
    double baseline,
    String ageBand,
    String sex,
    String diagnosisGroup,
    String severity,
    String entryRoute) {

  public CaseRow {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kovCode, "kovCode");
    Objects.requireNonNull(quarter, "quarter");
    if (!Double.isFinite(change) || !Double.isFinite(baseline)) {
      throw new IllegalArgumentException(
          "case "
              + caseId
              + ": change and baseline must be finite, got "
              + change
              + ", "
              + baseline);
    }
  }

  /** The case's value of a categorical covariate (null when unknown). */
  String category(Covariate c) {
    return switch (c) {
      case AGE_BAND -> ageBand;
      case SEX -> sex;
      case DIAGNOSIS_GROUP -> diagnosisGroup;
      case SEVERITY -> severity;
      case ENTRY_ROUTE -> entryRoute;
      case INTERCEPT, BASELINE_SCORE ->
          throw new IllegalArgumentException(c + " is not a categorical covariate");
    };
  }
}

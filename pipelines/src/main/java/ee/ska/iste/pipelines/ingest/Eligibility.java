package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.Map;

/**
 * The eligibility rules of domain.md, read from reference data: the age rule of the funding round
 * the episode started in ({@code funding_rounds.csv}, with {@code pension_age.csv} when the upper
 * limit is the old-age pension age) and the excluded primary diagnoses ({@code
 * excluded_diagnoses.csv}), and the severity (a known severity outside {@code severities.csv}).
 */
final class Eligibility implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ReferenceData ref;

  Eligibility(ReferenceData ref) {
    this.ref = ref;
  }

  /** Completed years between birth and the episode's start. */
  static int ageAt(LocalDate birth, LocalDate on) {
    return Period.between(birth, on).getYears();
  }

  /**
   * The first rule the episode breaks ({@code AGE_BELOW_MIN}, {@code AGE_ABOVE_PENSION}, {@code
   * NO_FUNDING_ROUND}, {@code DIAGNOSIS_<reason>}, {@code SEVERITY_NOT_ELIGIBLE}), or null when
   * eligible.
   *
   * @param severityEligible whether the severity is one of the target group's ({@code
   *     severities.csv})
   */
  String ineligibleReason(
      LocalDate birth, LocalDate start, String diagnosis, boolean severityEligible) {
    RefTable rounds = ref.table("funding_rounds");
    Map<String, String> round = rounds.validOn(start).stream().findFirst().orElse(null);
    if (round == null) {
      return "NO_FUNDING_ROUND";
    }
    int minAge = Integer.parseInt(rounds.required(round, "min_age"));
    if (ageAt(birth, start) < minAge) {
      return "AGE_BELOW_MIN";
    }
    if ("PENSION_AGE".equals(rounds.required(round, "upper_age"))
        && !start.isBefore(pensionDate(birth))) {
      return "AGE_ABOVE_PENSION";
    }
    RefTable excluded = ref.table("excluded_diagnoses");
    String diagnosisReason =
        excluded.validOn(start).stream()
            .filter(r -> diagnosis.startsWith(excluded.required(r, "code_prefix")))
            .max(Comparator.comparingInt(r -> excluded.required(r, "code_prefix").length()))
            .map(r -> diagnosisReason(excluded.required(r, "reason")))
            .orElse(null);
    if (diagnosisReason != null) {
      return diagnosisReason;
    }
    return severityEligible ? null : "SEVERITY_NOT_ELIGIBLE";
  }

  /** The day a person born on {@code birth} reaches the old-age pension age. */
  LocalDate pensionDate(LocalDate birth) {
    RefTable t = ref.table("pension_age");
    int year = birth.getYear();
    Map<String, String> row =
        t.rows().stream()
            .filter(
                r ->
                    Integer.parseInt(t.required(r, "birth_year_from")) <= year
                        && year <= Integer.parseInt(t.required(r, "birth_year_to")))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "reference file pension_age.csv has no row for birth year " + year));
    return birth
        .plusYears(Integer.parseInt(t.required(row, "years")))
        .plusMonths(Integer.parseInt(t.required(row, "months")));
  }

  private static String diagnosisReason(String reason) {
    return switch (reason) {
      case "ALCOHOL_DEPENDENCE" -> "DIAGNOSIS_ALCOHOL";
      default -> "DIAGNOSIS_" + reason;
    };
  }
}

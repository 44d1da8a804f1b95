package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.warehouse.PublishableStatus.Inputs;
import ee.ska.iste.warehouse.PublishableStatus.Reason;
import ee.ska.iste.warehouse.PublishableStatus.Status;
import ee.ska.iste.warehouse.PublishableStatus.Thresholds;
import ee.ska.iste.warehouse.PublishableStatus.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked verdicts. 2024Q2 ends on 30 June 2024; due 30 days later = 30 July 2024. Thresholds:
 * rejects publishable ≤ 0.05, provisional ≤ 0.20, QoL completeness ≥ 0.50, visible share ≥ 0.25.
 */
class PublishableStatusTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  private static final Thresholds T = new Thresholds(30, 0.05, 0.20, 0.50, 0.25);
  private static final LocalDate DUE = LocalDate.of(2024, 7, 30);

  private static Verdict decide(
      LocalDate submitted, Long read, Long rejected, Double qol, long figures, long visible) {
    return PublishableStatus.decide(
        Q, new Inputs(submitted, read, rejected, qol, figures, visible), T);
  }

  @Test
  void everyInputExactlyAtItsLimitIsPublishable() {
    // On the due date (0 days late); 10 of 200 rows rejected = 0.05 (not above);
    // QoL completeness 0.50 (not below); 10 of 40 figures shown = 0.25 (not below).
    Verdict v = decide(DUE, 200L, 10L, 0.50, 40, 10);
    assertEquals(Status.PUBLISHABLE, v.status());
    assertEquals(List.of(), v.reasons());
    assertNull(v.reasonCodes());
    assertEquals(0, new Inputs(DUE, 200L, 10L, 0.5, 40, 10).daysLate(Q, T));
  }

  @Test
  void aSubmissionThreeDaysAfterTheDueDateIsProvisional() {
    // 31 Jul = 1, 1 Aug = 2, 2 Aug = 3 days late.
    LocalDate submitted = LocalDate.of(2024, 8, 2);
    assertEquals(3, new Inputs(submitted, 200L, 0L, null, 40, 30).daysLate(Q, T));
    Verdict v = decide(submitted, 200L, 0L, null, 40, 30);
    assertEquals(Status.PROVISIONAL, v.status());
    assertEquals(List.of(Reason.LATE_SUBMISSION), v.reasons());
  }

  @Test
  void rejectsJustAboveTheFirstLimitAndLowQolCompletenessAreProvisional() {
    // 11 of 200 rows = 0.055 > 0.05 and ≤ 0.20; completeness 0.40 < 0.50.
    Verdict v = decide(DUE.minusDays(20), 200L, 11L, 0.40, 40, 30);
    assertEquals(Status.PROVISIONAL, v.status());
    assertEquals(List.of(Reason.REJECTS_HIGH, Reason.QOL_INCOMPLETE), v.reasons());
    assertEquals("REJECTS_HIGH;QOL_INCOMPLETE", v.reasonCodes());
  }

  @Test
  void rejectsAboveTheSecondLimitAreWithheld() {
    // 41 of 200 rows = 0.205 > 0.20: very high (and not also "high").
    Verdict v = decide(DUE, 200L, 41L, 0.9, 40, 30);
    assertEquals(Status.WITHHELD, v.status());
    assertEquals(List.of(Reason.REJECTS_VERY_HIGH), v.reasons());
    // 40 of 200 = 0.20 exactly is still provisional.
    assertEquals(List.of(Reason.REJECTS_HIGH), decide(DUE, 200L, 40L, 0.9, 40, 30).reasons());
  }

  @Test
  void noAcceptedSubmissionIsWithheld() {
    Verdict v = decide(null, null, null, null, 12, 12);
    assertEquals(Status.WITHHELD, v.status());
    assertEquals(List.of(Reason.NO_SUBMISSION), v.reasons());
  }

  @Test
  void withoutAnySubmissionRecordsAMissingSubmissionIsNotHeldAgainstTheKov() {
    Verdict v = PublishableStatus.decide(Q, new Inputs(null, null, null, null, 12, 12, false), T);
    assertEquals(Status.PUBLISHABLE, v.status());
  }

  @Test
  void tooFewVisibleFiguresIsWithheldAndTheOtherReasonsAreStillListed() {
    // 9 of 40 shown = 0.225 < 0.25; also one day late (31 July).
    Verdict v = decide(DUE.plusDays(1), 200L, 0L, null, 40, 9);
    assertEquals(Status.WITHHELD, v.status());
    assertEquals(List.of(Reason.TOO_FEW_VISIBLE, Reason.LATE_SUBMISSION), v.reasons());
  }

  @Test
  void aKovWithNoFigureHasNothingVisible() {
    Verdict v = decide(DUE, 50L, 0L, null, 0, 0);
    assertEquals(Status.WITHHELD, v.status());
    assertEquals(List.of(Reason.TOO_FEW_VISIBLE), v.reasons());
  }

  @Test
  void aHiddenQolCompletenessIsNotJudged() {
    // null = hidden by disclosure control: no QOL_INCOMPLETE whatever its raw value.
    assertEquals(Status.PUBLISHABLE, decide(DUE, 200L, 0L, null, 40, 30).status());
  }

  @Test
  void theShippedThresholdsAreTheDocumentedOnes() {
    Thresholds t = Thresholds.of(ReferenceData.builtIn(), Q);
    assertEquals(new Thresholds(30, 0.05, 0.20, 0.50, 0.25), t);
  }
}

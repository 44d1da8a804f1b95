package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.StagedFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INELIGIBLE and INELIGIBLE_reason in 2024Q2 for Tartu linn 0793 and Elva 0171 (county Tartu 0079)
 * and Tallinn 0784 (county Harju 0037).
 */
class IneligibleMeasuresTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static Harness h;

  @BeforeAll
  static void compute() {
    StagedFixture f =
        new StagedFixture()
            // 0793: one eligible, one with dementia, one below the minimum age, all active
            .episode("a1", "0793", "2024Q2", "2024-01-10", null, null)
            .ineligibleEpisode(
                "a2", "0793", "2024Q2", "2024-02-01", null, null, "DIAGNOSIS_DEMENTIA")
            .ineligibleEpisode("a3", "0793", "2024Q2", "2024-04-15", null, null, "AGE_BELOW_MIN")
            // 0793: flagged but ended before the quarter: not active, not counted
            .ineligibleEpisode(
                "a6", "0793", "2024Q1", "2023-10-01", "2024-03-20", "SURM", "DIAGNOSIS_DEMENTIA")
            // 0171: dementia; and a case of two episodes joined across the round whose first
            // episode was below the minimum age: one case, counted once, by its first episode
            .ineligibleEpisode(
                "a4", "0171", "2024Q2", "2024-05-01", null, null, "DIAGNOSIS_DEMENTIA")
            .ineligibleEpisode(
                "a7", "0171", "2023Q4", "2023-03-01", "2023-12-31", "VOORU_LOPP", "AGE_BELOW_MIN")
            .episode("a7", "0171", "2024Q2", "2024-01-15", null, null)
            // 0784: only eligible cases
            .episode("a5", "0784", "2024Q2", "2024-03-01", null, null);
    h = Harness.run(f, Q);
  }

  @Test
  void theReasonsAreTheCataloguesBreakdown() {
    assertEquals(
        List.of(
            "NO_FUNDING_ROUND",
            "AGE_BELOW_MIN",
            "AGE_ABOVE_PENSION",
            "DIAGNOSIS_DEMENTIA",
            "DIAGNOSIS_ALCOHOL",
            "SEVERITY_NOT_ELIGIBLE"),
        Ineligible.reasons(ReferenceData.builtIn()));
  }

  @Test
  void countsCasesOutsideTheTargetGroupPerKovCountyAndNation() {
    // 0793: a2 + a3 = 2 (a6 ended in March); 0171: a4 + a7 = 2; 0784: none
    assertEquals(2, h.value("KOV", "0793", "INELIGIBLE"));
    assertEquals(2, h.value("KOV", "0171", "INELIGIBLE"));
    assertEquals(0, h.value("KOV", "0784", "INELIGIBLE"));
    // county Tartu 0079 = 2 + 2; Harju 0037 = 0; nation = 4
    assertEquals(4, h.value("MAAKOND", "0079", "INELIGIBLE"));
    assertEquals(0, h.value("MAAKOND", "0037", "INELIGIBLE"));
    assertEquals(4, h.value("RIIK", "EE", "INELIGIBLE"));
  }

  @Test
  void byReason() {
    assertEquals(1, h.value("KOV", "0793", "INELIGIBLE_DIAGNOSIS_DEMENTIA"));
    assertEquals(1, h.value("KOV", "0793", "INELIGIBLE_AGE_BELOW_MIN"));
    assertEquals(1, h.value("KOV", "0171", "INELIGIBLE_DIAGNOSIS_DEMENTIA"));
    assertEquals(1, h.value("KOV", "0171", "INELIGIBLE_AGE_BELOW_MIN"));
    assertEquals(2, h.value("MAAKOND", "0079", "INELIGIBLE_DIAGNOSIS_DEMENTIA"));
    assertEquals(2, h.value("RIIK", "EE", "INELIGIBLE_AGE_BELOW_MIN"));
    assertEquals(2, h.value("RIIK", "EE", "INELIGIBLE_DIAGNOSIS_DEMENTIA"));
    assertEquals(0, h.value("RIIK", "EE", "INELIGIBLE_DIAGNOSIS_ALCOHOL"));
  }

  @Test
  void everyUnitWithACaseHasEveryReasonZerosIncluded() {
    for (String reason : Ineligible.reasons(ReferenceData.builtIn())) {
      assertEquals(0, h.value("KOV", "0784", "INELIGIBLE_" + reason), reason);
      assertEquals(0, h.value("MAAKOND", "0037", "INELIGIBLE_" + reason), reason);
    }
    assertEquals(0, h.value("KOV", "0793", "INELIGIBLE_SEVERITY_NOT_ELIGIBLE"));
    // a KOV without a case in the quarter has no row
    assertFalse(h.has("KOV", "0198", "INELIGIBLE"));
  }

  @Test
  void aCountInTheShapeOfTheOthersUnderDisclosureControl() {
    // a count: numerator = value, no denominator, no interval
    assertEquals(2.0, h.field("KOV", "0793", "INELIGIBLE", "numerator"));
    assertNull(h.field("KOV", "0793", "INELIGIBLE", "denominator"));
    assertNull(h.field("KOV", "0793", "INELIGIBLE", "ci_low"));
    // 2 and 1 are 1-4: hidden; the nation is never hidden
    assertTrue(h.suppressed("KOV", "0793", "INELIGIBLE"));
    assertTrue(h.suppressed("KOV", "0171", "INELIGIBLE_DIAGNOSIS_DEMENTIA"));
    assertTrue(h.suppressed("MAAKOND", "0079", "INELIGIBLE"));
    assertFalse(h.suppressed("RIIK", "EE", "INELIGIBLE"));
    assertFalse(h.suppressed("RIIK", "EE", "INELIGIBLE_DIAGNOSIS_DEMENTIA"));
    // Harju's 0 (Tallinn's 0) is hidden too, to protect Tartu county: with it shown,
    // Tartu = nation 4 - Harju 0 = 4 exactly, a count of 1-4 worked out by subtraction
    assertTrue(h.suppressed("MAAKOND", "0037", "INELIGIBLE"));
    assertTrue(h.suppressed("KOV", "0784", "INELIGIBLE"));
  }
}

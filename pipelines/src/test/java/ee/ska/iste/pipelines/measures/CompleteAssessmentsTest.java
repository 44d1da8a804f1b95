package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.StagedFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The need measures compare complete assessments only (measures.md, Need): 2024Q2 (1 Apr – 30 Jun)
 * in Tartu linn 0793 with six cases, some of whose assessments lost a domain row (seven of the
 * eight domains of domains.csv). The timeliness measures count every assessment that took place.
 */
class CompleteAssessmentsTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static final List<String> DOMAINS = NeedPlanServiceMeasuresTest.DOMAINS;

  /** Seven of the eight domains: VAIMNE_TERVIS (the first) lost. */
  static final List<String> SEVEN = DOMAINS.subList(1, 8);

  static Harness h;

  @BeforeAll
  static void compute() {
    String k = "0793";
    StagedFixture f =
        new StagedFixture()
            .episode("c1", k, "2024Q2", "2023-01-10", null, null)
            .episode("c2", k, "2024Q2", "2024-01-08", null, null)
            .episode("c3", k, "2024Q2", "2024-04-01", null, null)
            .episode("c4", k, "2024Q2", "2024-04-02", null, null)
            .episode("c5", k, "2024Q2", "2022-01-03", null, null)
            .episode("c6", k, "2024Q2", "2022-01-03", null, null);
    // c1: initial 8 x 2 = 16; a complete reassessment 8 x 2 = 16 (1 Oct 2023); a later one lost
    // VAIMNE_TERVIS: 7 x 2 = 14 < 16 would have counted as reduced
    f.assessmentAll("c1", k, "2023Q1", "2023-01-05", "ESMANE", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .assessmentAll("c1", k, "2023Q4", "2023-10-01", "KORDUV", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .assessmentAll("c1", k, "2024Q2", "2024-05-01", "KORDUV", SEVEN, 2, 2, 2, 2, 2, 2, 2);
    // c2: initial 16, its only reassessment incomplete (7 x 1 = 7)
    f.assessmentAll("c2", k, "2024Q1", "2024-01-10", "ESMANE", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .assessmentAll("c2", k, "2024Q2", "2024-05-10", "KORDUV", SEVEN, 1, 1, 1, 1, 1, 1, 1);
    // c3: an incomplete initial (5 Apr, 7 x 1 = 7), then a complete one (20 Apr, 16); reassessed
    // 1 Jun at 8 x 1 = 8: against the incomplete one 8 > 7, against the complete one 8 < 16
    f.assessmentAll("c3", k, "2024Q2", "2024-04-05", "ESMANE", SEVEN, 1, 1, 1, 1, 1, 1, 1)
        .assessmentAll("c3", k, "2024Q2", "2024-04-20", "ESMANE", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .assessmentAll("c3", k, "2024Q2", "2024-06-01", "KORDUV", DOMAINS, 1, 1, 1, 1, 1, 1, 1, 1);
    // c4: only an incomplete initial assessment
    f.assessmentAll("c4", k, "2024Q2", "2024-04-10", "ESMANE", SEVEN, 3, 3, 3, 3, 3, 3, 3);
    // c5: complete initial in 2022, an incomplete reassessment on 1 Mar 2024; c6: never assessed
    f.assessmentAll("c5", k, "2022Q1", "2022-01-10", "ESMANE", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .assessmentAll("c5", k, "2024Q1", "2024-03-01", "KORDUV", SEVEN, 2, 2, 2, 2, 2, 2, 2);
    f.plan("c3", k, "2024Q2", "TOETUSPLAAN", "2024-05-12", null, 1, null)
        .plan("c4", k, "2024Q2", "TOETUSPLAAN", "2024-04-20", null, 1, null);
    h = Harness.run(f, Q);
  }

  @Test
  void anIncompleteReassessmentIsSkipped() {
    // c1: the incomplete 1 May reassessment is skipped, the complete one of 1 Oct 2023 is used:
    // 16 = 16, not reduced. c2: no complete reassessment, not in the denominator. c3: complete
    // initial 16, reassessed 8 < 16: reduced. -> 1 / 2 (the old rule: c1 14 < 16, c2 7 < 16,
    // c3 8 > 7 -> 2 / 3)
    assertEquals(0.5, h.value("KOV", "0793", "NEED_REDUCED"), 1e-12);
    assertEquals(1.0, h.field("KOV", "0793", "NEED_REDUCED", "numerator"), 1e-12);
    assertEquals(2.0, h.field("KOV", "0793", "NEED_REDUCED", "denominator"), 1e-12);
  }

  @Test
  void perDomainChangeComparesTheCompleteAssessments() {
    // VAIMNE_TERVIS: c1 2 - 2 = 0, c3 1 - 2 = -1 -> mean -0.5 over 2 cases (c2 not reassessed)
    assertEquals(-0.5, h.value("RIIK", "EE", "NEED_CHANGE_VAIMNE_TERVIS"), 1e-12);
    assertEquals(2.0, h.field("RIIK", "EE", "NEED_CHANGE_VAIMNE_TERVIS", "denominator"), 1e-12);
    // ASJAAJAMINE: the same two cases, c1 0, c3 -1 -> -0.5
    assertEquals(-0.5, h.value("RIIK", "EE", "NEED_CHANGE_ASJAAJAMINE"), 1e-12);
  }

  @Test
  void anIncompleteInitialAssessmentStillStartsThePlanClock() {
    // new in the quarter: c3 (first assessed 5 Apr, complete or not; plan 12 May = 37 days
    // later: not within 30) and c4 (assessed 10 Apr, incomplete; plan 20 Apr = 10 days: within)
    // -> 1 / 2
    assertEquals(0.5, h.value("KOV", "0793", "PLAN_WITHIN_30D"), 1e-12);
    assertEquals(2.0, h.field("KOV", "0793", "PLAN_WITHIN_30D", "denominator"), 1e-12);
  }

  @Test
  void anIncompleteAssessmentStillCountsForTimeliness() {
    // active on 30 June: all six. Latest assessment (complete or not): c1 1 May, c2 10 May,
    // c3 1 Jun, c4 10 Apr, c5 1 Mar 2024 (121 days before 30 Jun: not overdue although its
    // latest complete one is from 2022); c6 none, started 3 Jan 2022 (> 365 days): overdue
    // -> 1 / 6
    assertEquals(1.0 / 6, h.value("KOV", "0793", "REASSESS_OVERDUE"), 1e-12);
    assertEquals(1.0, h.field("KOV", "0793", "REASSESS_OVERDUE", "numerator"), 1e-12);
  }
}

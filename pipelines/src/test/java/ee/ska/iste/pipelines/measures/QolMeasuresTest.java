package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.StagedFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QoL measures in 2024Q2. Six open cases, all started 2023-10-01 (baseline window 1 Sep 2023 – 30
 * Dec 2023), three in Tartu linn 0793 (q1, q2, q6) and three in Elva 0171 (q3, q4, q5), both in
 * county 0079. Instrument ISTE-EQ8: score = 10 × mean of answered items, valid with ≥ 6 of 8; RCI =
 * 1.96·√2·18·√(1 − 0.80) = 1.96 × 1.41421 × 18 × 0.44721 = 22.31.
 */
class QolMeasuresTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static Harness h;

  @BeforeAll
  static void compute() {
    StagedFixture f = new StagedFixture();
    for (String c : new String[] {"q1", "q2", "q6"}) {
      f.episode(c, "0793", "2024Q2", "2023-10-01", null, null);
    }
    for (String c : new String[] {"q3", "q4", "q5"}) {
      f.episode(c, "0171", "2024Q2", "2023-10-01", null, null);
    }
    // q1: a 90 on 31 Aug is 31 days before the start, just outside the window: baseline is 50
    f.qolAll("q1", "0793", "2023-08-31", 9)
        .qolAll("q1", "0793", "2023-10-05", 5)
        .qolAll("q1", "0793", "2024-05-10", 8); // 80 - 50 = +30 >= RCI: improved
    // q2: baseline 60; follow-ups 50 (5 Apr) and a 5-of-8 form on 1 Jun (invalid, not latest)
    f.qolAll("q2", "0793", "2023-10-01", 6)
        .qolAll("q2", "0793", "2024-04-05", 5)
        .qol("q2", "0793", "2024-06-01", 10, 10, 10, 10, 10, null, null, null); // change -10
    // q3: 6 of 8 answered: (7+7+7+7+7+4)/6 = 39/6 = 6.5 -> 65; follow-up 40: -25 <= -RCI
    f.qol("q3", "0171", "2023-11-01", 7, 7, 7, 7, 7, 4, null, null)
        .qolAll("q3", "0171", "2024-06-15", 4);
    f.qolAll("q4", "0171", "2023-10-10", 5).qolAll("q4", "0171", "2024-05-01", 6); // +10
    f.qolAll("q5", "0171", "2023-10-20", 7).qolAll("q5", "0171", "2024-04-20", 7); // 0
    h = Harness.run(f, Q);
  }

  @Test
  void qolNCountsCasesWithAChange() {
    assertEquals(2, h.value("KOV", "0793", "QOL_N"));
    assertEquals(3, h.value("KOV", "0171", "QOL_N"));
    assertEquals(5, h.value("MAAKOND", "0079", "QOL_N"));
    assertEquals(5, h.value("RIIK", "EE", "QOL_N"));
  }

  @Test
  void qolChangeMeanWithTInterval() {
    // 0793: changes +30, -10: mean 10, sd = sqrt((20² + 20²)/1) = 28.2843, se = 28.2843/√2 = 20,
    // t(0.975, 1) = 12.7062: 10 ± 254.124
    assertEquals(10, h.value("KOV", "0793", "QOL_CHANGE"), 1e-9);
    assertEquals(20, h.field("KOV", "0793", "QOL_CHANGE", "numerator"), 1e-9);
    assertEquals(2, h.field("KOV", "0793", "QOL_CHANGE", "denominator"), 1e-9);
    assertEquals(10 - 254.124, h.field("KOV", "0793", "QOL_CHANGE", "ci_low"), 1e-3);
    assertEquals(10 + 254.124, h.field("KOV", "0793", "QOL_CHANGE", "ci_high"), 1e-3);
    // 0171: -25, +10, 0 -> -15 / 3 = -5
    assertEquals(-5, h.value("KOV", "0171", "QOL_CHANGE"), 1e-9);
    // county from the five cases: (30 - 10 - 25 + 10 + 0) / 5 = 1; deviations 29, -11, -26, 9,
    // -1: squares 841 + 121 + 676 + 81 + 1 = 1720, sd = sqrt(1720/4) = 20.73644,
    // se = 20.73644 / √5 = 9.27362, t(0.975, 4) = 2.776445: half width 25.74769
    assertEquals(1, h.value("MAAKOND", "0079", "QOL_CHANGE"), 1e-9);
    assertEquals(1 - 25.74769, h.field("MAAKOND", "0079", "QOL_CHANGE", "ci_low"), 1e-4);
    assertEquals(1 + 25.74769, h.field("MAAKOND", "0079", "QOL_CHANGE", "ci_high"), 1e-4);
    // ... which is not the mean of its KOVs' means: (10 + -5) / 2 = 2.5
    assertNotEquals(2.5, h.value("MAAKOND", "0079", "QOL_CHANGE"), 1e-6);
    assertEquals(1, h.value("RIIK", "EE", "QOL_CHANGE"), 1e-9);
  }

  @Test
  void improvedAndWorsenedByTheReliableChangeIndex() {
    assertEquals(0.5, h.value("KOV", "0793", "QOL_IMPROVED"), 1e-12); // q1 of q1, q2
    assertEquals(0.0, h.value("KOV", "0171", "QOL_IMPROVED"), 1e-12);
    assertEquals(1.0 / 3, h.value("KOV", "0171", "QOL_WORSENED"), 1e-12); // q3
    // county 1 of 5; Wilson z = 1.96: p = .2, z²/n = .76832,
    // centre = (.2 + .38416) / 1.76832 = .330347,
    // half = 1.96 / 1.76832 × sqrt(.2 × .8 / 5 + 3.8416 / 100) = 1.108397 × .265360 = .294125
    assertEquals(0.2, h.value("MAAKOND", "0079", "QOL_IMPROVED"), 1e-12);
    assertEquals(0.036223, h.field("MAAKOND", "0079", "QOL_IMPROVED", "ci_low"), 1e-5);
    assertEquals(0.624472, h.field("MAAKOND", "0079", "QOL_IMPROVED", "ci_high"), 1e-5);
    assertEquals(0.2, h.value("RIIK", "EE", "QOL_WORSENED"), 1e-12);
  }

  @Test
  void completenessAmongCasesActiveTheWholeQuarter() {
    // 0793: q1 (10 May) and q2 (5 Apr) have a valid score in the quarter, q6 none: 2 / 3
    assertEquals(2.0 / 3, h.value("KOV", "0793", "QOL_COMPLETENESS"), 1e-12);
    assertEquals(1.0, h.value("KOV", "0171", "QOL_COMPLETENESS"), 1e-12);
    assertEquals(5.0 / 6, h.value("RIIK", "EE", "QOL_COMPLETENESS"), 1e-12);
  }

  @Test
  void pairedShareAndBaselineOfFollowedCases() {
    // all six active 274 days >= 180; q1..q5 have baseline and follow-up, q6 none: 5 / 6
    assertEquals(5.0 / 6, h.value("RIIK", "EE", "QOL_PAIRED"), 1e-12);
    assertEquals(2.0 / 3, h.value("KOV", "0793", "QOL_PAIRED"), 1e-12);
    // baselines of the followed: 50, 60, 65, 50, 70 -> 295 / 5 = 59
    assertEquals(59, h.value("MAAKOND", "0079", "QOL_BASELINE_FOLLOWED"), 1e-9);
    // q6 has no baseline at all: no not-followed mean (denominator 0 -> no row)
    assertFalse(h.has("MAAKOND", "0079", "QOL_BASELINE_NOT_FOLLOWED"));
  }
}

package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.StagedFixture;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control and funnel limits in 2024Q2. Open cases started 2023-10-01 (no exits, no new
 * cases) per KOV: Tartu county 0079: 0793 1, 0171 6; Harju 0037: 0784 4, 0296 5, 0305 8; Valga
 * 0081: 0857 4, 0824 3; Võru 0087: 0145 2 — 33 in all. QoL: baseline 50 on 2023-10-05, follow-up on
 * 2024-05-10 of 80 (+30, improved) or 50 (0): 0305 six cases +30, +30, +30, 0, 0, 0; 0296 five
 * cases 0; 0784 two cases +30, +30.
 */
class DisclosureAndFunnelTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static Harness h;

  @BeforeAll
  static void compute() {
    StagedFixture f = new StagedFixture();
    cases(f, "0793", 1);
    cases(f, "0171", 6);
    cases(f, "0784", 4);
    cases(f, "0296", 5);
    cases(f, "0305", 8);
    cases(f, "0857", 4);
    cases(f, "0824", 3);
    cases(f, "0145", 2);
    int[] changes0305 = {30, 30, 30, 0, 0, 0};
    for (int i = 0; i < changes0305.length; i++) {
      qol(f, "0305", i, changes0305[i]);
    }
    for (int i = 0; i < 5; i++) {
      qol(f, "0296", i, 0);
    }
    qol(f, "0784", 0, 30);
    qol(f, "0784", 1, 30);
    h = Harness.run(f, Q);
  }

  private static void cases(StagedFixture f, String kov, int n) {
    for (int i = 0; i < n; i++) {
      f.episode(kov + "-" + i, kov, "2024Q2", "2023-10-01", null, null);
    }
  }

  private static void qol(StagedFixture f, String kov, int i, int change) {
    f.qolAll(kov + "-" + i, kov, "2023-10-05", 5);
    f.qolAll(kov + "-" + i, kov, "2024-05-10", 5 + change / 10);
  }

  @Test
  void primarySuppressionOfSmallCountsKeepsTheRawValue() {
    assertTrue(h.suppressed("KOV", "0793", "ACTIVE")); // 1
    assertEquals(1, h.value("KOV", "0793", "ACTIVE"));
    assertTrue(h.suppressed("KOV", "0784", "ACTIVE")); // 4
    assertFalse(h.suppressed("KOV", "0305", "ACTIVE")); // 8
    // 0 is shown
    assertFalse(h.suppressed("KOV", "0793", "NEW"));
    assertEquals(0, h.value("KOV", "0793", "NEW"));
  }

  @Test
  void secondarySuppressionLeavesNoHiddenCountWorkedOut() {
    // Tartu 0079: 0793 (1) hidden; with 0171 (6) and the county (7) both shown, 7 - 6 = 1
    assertTrue(h.suppressed("KOV", "0171", "ACTIVE") || h.suppressed("MAAKOND", "0079", "ACTIVE"));
    // Harju 0037: 0784 (4) hidden; 17 - 5 - 8 = 4 unless 0296 or 0305 (or the county) is hidden
    assertTrue(
        h.suppressed("KOV", "0296", "ACTIVE")
            || h.suppressed("KOV", "0305", "ACTIVE")
            || h.suppressed("MAAKOND", "0037", "ACTIVE"));
    // Võru 0087 holds only 0145 (2): the county is the KOV
    assertTrue(h.suppressed("KOV", "0145", "ACTIVE"));
    assertTrue(h.suppressed("MAAKOND", "0087", "ACTIVE"));
    // every hidden quantity passes the outsider's audit; 0793's count is at least 3 wide
    h.audit.values().forEach(r -> assertTrue(r.<Boolean>getAs("pass"), r.toString()));
    Row a = h.audit.get("KOV/0793/ACTIVE/numerator");
    assertEquals("PRIMARY", a.getAs("hidden_because"));
    assertTrue(a.<Double>getAs("high") - a.<Double>getAs("low") >= 3, a.toString());
  }

  @Test
  void secondarySuppressionNeverHidesTheNation() {
    // 1 + 6 + 4 + 5 + 8 + 4 + 3 + 2 = 33, never suppressed
    assertEquals(33, h.value("RIIK", "EE", "ACTIVE"));
    assertFalse(h.suppressed("RIIK", "EE", "ACTIVE"));
  }

  @Test
  void aShareWithASmallNumeratorIsHidden() {
    // QOL_IMPROVED of 0305: 3 of 6 improved: the denominator is 6 but the numerator 3 is small
    assertTrue(h.suppressed("KOV", "0305", "QOL_IMPROVED"));
    assertEquals(0.5, h.value("KOV", "0305", "QOL_IMPROVED"), 1e-12);
    // QOL_WORSENED of 0296: 0 of 5: a zero numerator over 5 is shown unless hidden for others
    assertEquals(0.0, h.value("KOV", "0296", "QOL_WORSENED"), 1e-12);
  }

  @Test
  void sharesAreSuppressedByTheirDenominator() {
    // QOL_COMPLETENESS of 0793: 0 of 1 -> denominator 1 < 5 suppressed although the value is 0
    assertTrue(h.suppressed("KOV", "0793", "QOL_COMPLETENESS"));
    // 0296: 5 of 5 whole-quarter cases, denominator 5: not hidden by the primary rule
    assertEquals(1.0, h.value("KOV", "0296", "QOL_COMPLETENESS"), 1e-12);
    assertEquals(
        null,
        h.audit.get("KOV/0296/QOL_COMPLETENESS/numerator") == null
            ? null
            : h.audit
                    .get("KOV/0296/QOL_COMPLETENESS/numerator")
                    .getAs("hidden_because")
                    .equals("PRIMARY")
                ? "PRIMARY"
                : null);
    // QOL_CHANGE of 0784 rests on 2 cases
    assertTrue(h.suppressed("KOV", "0784", "QOL_CHANGE"));
  }

  @Test
  void funnelForAProportion() {
    // national: improved 3 (0305) + 2 (0784) of 13 -> p0 = 5/13 = .384615; p0(1-p0) = .236686
    // 0305: n 6, value .5, s = sqrt(.236686/6) = .198615: 95% ± .389284, 99.8% ± .613719
    Row a = h.funnel.get("QOL_IMPROVED/0305");
    assertEquals(5.0 / 13, a.<Double>getAs("target"), 1e-9);
    // the sd of one case, which the reports' funnel curves take: sqrt(.236686) = .486504
    assertEquals(0.486504, a.<Double>getAs("sigma"), 1e-6);
    assertEquals(0.384615 - 0.389284, a.<Double>getAs("lower_95"), 1e-5);
    assertEquals(0.384615 + 0.613719, a.<Double>getAs("upper_998"), 1e-5);
    assertEquals("WITHIN", a.getAs("flag"));
    // 0296: n 5, value 0, s = sqrt(.236686/5) = .217572, 99.8% lower .384615 - .672295 < 0
    Row b = h.funnel.get("QOL_IMPROVED/0296");
    assertEquals(0.384615 - 0.672295, b.<Double>getAs("lower_998"), 1e-5);
    assertEquals("WITHIN", b.getAs("flag"));
    // 0784 has n = 2 < 5: not in the funnel, no flag in mart_outcomes
    assertFalse(h.funnel.containsKey("QOL_IMPROVED/0784"));
    assertNull(h.row("KOV", "0784", "QOL_IMPROVED").getAs("funnel_flag"));
    assertEquals("WITHIN", h.row("KOV", "0305", "QOL_IMPROVED").getAs("funnel_flag"));
  }

  @Test
  void overdispersionFromWinsorisedZScores() {
    // z(0305) = (.5 - .384615) / .198615 = .580948; z(0296) = (0 - .384615) / .217572 = -1.767767
    // percentiles of the two (linear): p10 = -1.767767 + .1 × 2.348714 = -1.532896,
    // p90 = -1.767767 + .9 × 2.348714 = .346076; winsorised: .346076 and -1.532896
    // phi = (.346076² + 1.532896²) / 2 = (.119769 + 2.349770) / 2 = 1.234769 > 1
    Row a = h.funnel.get("QOL_IMPROVED/0305");
    assertEquals(1.234769, a.<Double>getAs("phi"), 1e-5);
    // adjusted 99.8% half width: 3.09 × .198615 × sqrt(1.234769) = .613719 × 1.111202 = .681965
    assertEquals(0.384615 + 0.681965, a.<Double>getAs("upper_998_adj"), 1e-5);
  }

  @Test
  void funnelForAMean() {
    // national changes: five +30, eight 0: mean 150/13 = 11.538462; Σx² = 4500,
    // sd = sqrt((4500 - 150²/13) / 12) = sqrt(230.769231) = 15.191091
    // 0305: upper 99.8% = 11.538462 + 3.09 × 15.191091 / sqrt(6) = 11.538462 + 19.163367
    Row a = h.funnel.get("QOL_CHANGE/0305");
    assertEquals(150.0 / 13, a.<Double>getAs("target"), 1e-9);
    assertEquals(15.191091, a.<Double>getAs("sigma"), 1e-6);
    assertEquals(11.538462 + 19.163367, a.<Double>getAs("upper_998"), 1e-5);
    assertEquals(15.0, a.<Double>getAs("value"), 1e-9); // (30 × 3) / 6
    assertEquals("WITHIN", a.getAs("flag"));
  }
}

package ee.ska.iste.pipelines.measures.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case-mix model's OLS, reference levels and merging, worked out by hand. */
class CasemixModelTest {
  static final String Q = "2024Q2";

  static CaseRow c(
      String id, String kov, double baseline, double change, String sex, String sev, String route) {
    return new CaseRow(
        id, kov, "0079", Q, change, baseline, "45-54", sex, "SCHIZOPHRENIA", sev, route);
  }

  static CasemixModel.Term term(CasemixModel.Fit f, Covariate cov, String level) {
    return f.terms().stream()
        .filter(t -> t.covariate() == cov && java.util.Objects.equals(t.level(), level))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no term " + cov + "=" + level));
  }

  @Test
  void coefficientsStandardErrorsAndRSquaredOfTheNormalEquations() {
    // baseline x = 40, 50, 60, 70, change y = 10, 4, 6, 0 (every category the same):
    // x̄ = 55, ȳ = 5, Sxx = 225 + 25 + 25 + 225 = 500,
    // Sxy = (−15)(5) + (−5)(−1) + (5)(1) + (15)(−5) = −140
    // b1 = −140 / 500 = −0.28, b0 = 5 + 0.28 × 55 = 20.4
    // predictions 9.2, 6.4, 3.6, 0.8; residuals 0.8, −2.4, 2.4, −0.8; RSS = 12.8
    // SST = 25 + 1 + 1 + 25 = 52; R² = 1 − 12.8 / 52 = 0.7538462
    // s² = 12.8 / (4 − 2) = 6.4, s = 2.5298221
    // se(b1) = √(s² / Sxx) = √0.0128 = 0.1131371; se(b0) = √(s² (1/n + x̄²/Sxx))
    //   = √(6.4 × (0.25 + 6.05)) = √40.32 = 6.3498031
    List<CaseRow> cases =
        List.of(
            c("a", "0001", 40, 10, "M", "RASKE", "B"),
            c("b", "0001", 50, 4, "M", "RASKE", "B"),
            c("c", "0002", 60, 6, "M", "RASKE", "B"),
            c("d", "0002", 70, 0, "M", "RASKE", "B"));
    CasemixModel.Fit f = CasemixModel.fit(Q, cases).orElseThrow();
    assertEquals(20.4, term(f, Covariate.INTERCEPT, null).coefficient(), 1e-9);
    assertEquals(6.3498031, term(f, Covariate.INTERCEPT, null).stdError(), 1e-6);
    assertEquals(-0.28, term(f, Covariate.BASELINE_SCORE, null).coefficient(), 1e-9);
    assertEquals(0.1131371, term(f, Covariate.BASELINE_SCORE, null).stdError(), 1e-6);
    assertEquals(0.7538462, f.rSquared(), 1e-6);
    assertEquals(2.5298221, f.residualSd(), 1e-6);
    assertEquals(4, f.n());
    assertEquals(9.2, f.predictions()[0], 1e-9);
    assertEquals(0.8, f.predictions()[3], 1e-9);
    // a covariate with one level: its reference row only, nothing merged
    CasemixModel.Term sex = term(f, Covariate.SEX, "M");
    assertTrue(sex.reference());
    assertEquals(0.0, sex.coefficient());
    assertNull(sex.stdError());
    assertNull(sex.mergedLevels());
  }

  @Test
  void theMostFrequentLevelIsTheReferenceAndRareLevelsAreMergedIntoIt() {
    // sex: M 6, N 6, missing 3 -> UNKNOWN 3; the tie M/N goes to the smaller code M; UNKNOWN
    // (3 < 5 cases) is merged into M. change = 10 for M and UNKNOWN, 20 for N, whatever the
    // baseline: b0 = 10, N = +10, baseline 0, an exact fit.
    List<CaseRow> cases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      cases.add(c("m" + i, "0001", 40 + i, 10, "M", "RASKE", "B"));
      cases.add(c("n" + i, "0002", 40 + i, 20, "N", "RASKE", "B"));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(c("u" + i, "0002", 50 + i, 10, null, "RASKE", "B"));
    }
    CasemixModel.Fit f = CasemixModel.fit(Q, cases).orElseThrow();
    CasemixModel.Term m = term(f, Covariate.SEX, "M");
    assertTrue(m.reference());
    assertEquals("UNKNOWN", m.mergedLevels());
    assertEquals(10, term(f, Covariate.SEX, "N").coefficient(), 1e-9);
    assertEquals(10, term(f, Covariate.INTERCEPT, null).coefficient(), 1e-9);
    assertEquals(0, term(f, Covariate.BASELINE_SCORE, null).coefficient(), 1e-9);
    assertEquals(0, f.residualSd(), 1e-9);
    assertTrue(f.terms().stream().noneMatch(t -> "UNKNOWN".equals(t.level())));
    // INTERCEPT, BASELINE_SCORE, SEX M (ref) and N, one reference row for each other covariate
    assertEquals(8, f.terms().size());
  }

  @Test
  void anIndicatorCollinearWithAnEarlierOneIsDroppedIntoItsReference() {
    // severity A for cases 0..4 (5 cases), B for 5..14 (10): reference B, indicator A.
    // entry route X for exactly the same cases: its indicator equals severity A's and adds
    // nothing: dropped, X is read as the reference Y and named "X (collinear)".
    List<CaseRow> cases = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      boolean a = i < 5;
      cases.add(c("c" + i, "0001", 30 + i, a ? 5 : 0, "M", a ? "A" : "B", a ? "X" : "Y"));
    }
    CasemixModel.Fit f = CasemixModel.fit(Q, cases).orElseThrow();
    assertEquals(5, term(f, Covariate.SEVERITY, "A").coefficient(), 1e-9);
    CasemixModel.Term route = term(f, Covariate.ENTRY_ROUTE, "Y");
    assertTrue(route.reference());
    assertEquals("X (collinear)", route.mergedLevels());
    assertTrue(f.terms().stream().noneMatch(t -> "X".equals(t.level())));
  }

  @Test
  void noModelWithoutEnoughCasesOrAnythingToAdjustFor() {
    // two cases, intercept and baseline: n − p = 0 residual degrees of freedom
    assertTrue(
        CasemixModel.fit(
                Q,
                List.of(
                    c("a", "0001", 40, 1, "M", "RASKE", "B"),
                    c("b", "0001", 50, 2, "M", "RASKE", "B")))
            .isEmpty());
    // equal baselines and categories: only the intercept is left
    assertTrue(
        CasemixModel.fit(
                Q,
                List.of(
                    c("a", "0001", 40, 1, "M", "RASKE", "B"),
                    c("b", "0001", 40, 2, "M", "RASKE", "B"),
                    c("c", "0001", 40, 3, "M", "RASKE", "B")))
            .isEmpty());
  }
}

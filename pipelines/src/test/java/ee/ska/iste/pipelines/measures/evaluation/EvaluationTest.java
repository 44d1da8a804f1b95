package ee.ska.iste.pipelines.measures.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluation figures of one quarter, worked out by hand, and how they are protected. */
class EvaluationTest {
  static final String Q = "2024Q2";
  static final Evaluation.SourceFlags NONE_HIDDEN = (level, unit) -> false;

  static CaseRow c(String id, String kov, double baseline, double change) {
    return new CaseRow(
        id, kov, "0079", Q, change, baseline, "45-54", "M", "SCHIZOPHRENIA", "RASKE", "B");
  }

  static Evaluation.Figure figure(
      List<Evaluation.Figure> figures, String level, String unit, String measure) {
    return figures.stream()
        .filter(f -> f.level().equals(level) && f.unitCode().equals(unit))
        .filter(f -> f.measure().equals(measure))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + level + "/" + unit + "/" + measure));
  }

  static boolean has(List<Evaluation.Figure> figures, String unit, String measure) {
    return figures.stream().anyMatch(f -> f.unitCode().equals(unit) && f.measure().equals(measure));
  }

  @Test
  void kovsThatDifferOnlyInBaselineHaveDifferentRawButEqualAdjustedChange() {
    // change = 30 − 0.5 × baseline for everyone, every category the same.
    // 0001: baselines 20, 30, 40 -> changes 20, 15, 10, mean 15
    // 0002: baselines 60, 70, 80 -> changes 0, −5, −10, mean −5
    // national: (45 − 15) / 6 = 5. The model fits exactly (b0 = 30, b1 = −0.5, s = 0), so each
    // KOV's expected change is its own mean: EXPECTED 15 and −5, and
    // ADJ = 5 + (15 − 15) = 5 = 5 + (−5 − (−5)).
    List<CaseRow> cases =
        List.of(
            c("a", "0001", 20, 20),
            c("b", "0001", 30, 15),
            c("c", "0001", 40, 10),
            c("d", "0002", 60, 0),
            c("e", "0002", 70, -5),
            c("f", "0002", 80, -10));
    Evaluation.Result r = Evaluation.of(Q, cases, NONE_HIDDEN);
    List<Evaluation.Figure> f = r.figures();
    assertEquals(15, figure(f, "KOV", "0001", Evaluation.EXPECTED).value(), 1e-9);
    assertEquals(45, figure(f, "KOV", "0001", Evaluation.EXPECTED).numerator(), 1e-9);
    assertEquals(3, figure(f, "KOV", "0001", Evaluation.EXPECTED).denominator(), 0);
    assertEquals(-5, figure(f, "KOV", "0002", Evaluation.EXPECTED).value(), 1e-9);
    assertEquals(5, figure(f, "KOV", "0001", Evaluation.ADJ).value(), 1e-9);
    assertEquals(5, figure(f, "KOV", "0002", Evaluation.ADJ).value(), 1e-9);
    assertNull(figure(f, "KOV", "0002", Evaluation.ADJ).numerator());
    // s = 0: the interval is the point
    assertEquals(5, figure(f, "KOV", "0002", Evaluation.ADJ).ciLow(), 1e-9);
    // county and nation hold all six: expected = mean = 5, adjusted = 5
    assertEquals(5, figure(f, "MAAKOND", "0079", Evaluation.EXPECTED).value(), 1e-9);
    assertEquals(5, figure(f, "RIIK", "EE", Evaluation.ADJ).value(), 1e-9);
    assertEquals(30, term(r, Covariate.INTERCEPT), 1e-9);
    assertEquals(-0.5, term(r, Covariate.BASELINE_SCORE), 1e-9);
    // the adjusted figures have no spread (v = s²/n = 0): no shrunken adjusted figure
    assertFalse(has(f, "0001", Evaluation.ADJ_EB));
    // raw: sd 5 in both (deviations 5, 0, −5: 50 / 2 = 25), v = 25/3, w = 0.12;
    // ȳ = 5, Q = 0.12 × 100 × 2 = 24, Σw − Σw²/Σw = 0.24 − 0.12 = 0.12,
    // τ² = (24 − 1) / 0.12 = 191.666667, B = 8.333333 / 200 = 0.0416667,
    // EB(0001) = 0.0416667 × 5 + 0.9583333 × 15 = 14.583333, EB(0002) = 0.208333 − 4.791667
    //   = −4.583333
    assertEquals(14.583333, figure(f, "KOV", "0001", Evaluation.EB).value(), 1e-6);
    assertEquals(-4.583333, figure(f, "KOV", "0002", Evaluation.EB).value(), 1e-6);
    // 0001 above 0002 by 19.17 with posterior sd √(2 × 0.9583333 × 8.333333) = 3.997: never
    // swapped in practice: ranks 1 [1, 1] and 2 [2, 2] of K = 2
    Evaluation.Figure rank = figure(f, "KOV", "0001", Evaluation.EB_RANK);
    assertEquals(1, rank.value(), 0);
    assertEquals(1, rank.ciLow(), 0);
    assertEquals(1, rank.ciHigh(), 0);
    assertEquals(2, rank.denominator(), 0);
    assertEquals(2, figure(f, "KOV", "0002", Evaluation.EB_RANK).value(), 0);
  }

  static double term(Evaluation.Result r, Covariate cov) {
    return r.model().orElseThrow().terms().stream()
        .filter(t -> t.covariate() == cov)
        .findFirst()
        .orElseThrow()
        .coefficient();
  }

  /** Three KOVs of four cases each, spread within and far apart between. */
  static List<CaseRow> threeKovs() {
    List<CaseRow> cases = new ArrayList<>();
    String[] kovs = {"0001", "0002", "0003"};
    double[] level = {20, 0, -20};
    double[] noise = {2, -2, 1, -1};
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 4; i++) {
        cases.add(c(kovs[k] + i, kovs[k], 40 + 5 * i, level[k] + noise[i]));
      }
    }
    return cases;
  }

  @Test
  void aHiddenQolChangeHidesItsUnitsFiguresAndOneHiddenPoolMemberHidesThePool() {
    Evaluation.SourceFlags onlyTwo = (level, unit) -> level.equals("KOV") && unit.equals("0002");
    List<Evaluation.Figure> f = Evaluation.of(Q, threeKovs(), onlyTwo).figures();
    for (String m : List.of(Evaluation.EXPECTED, Evaluation.ADJ)) {
      assertTrue(figure(f, "KOV", "0002", m).suppressed(), m);
      assertFalse(figure(f, "KOV", "0001", m).suppressed(), m);
      assertFalse(figure(f, "MAAKOND", "0079", m).suppressed(), m);
    }
    // exactly one of the three pooled KOVs hidden: every shrunken figure and rank hidden
    Set<String> pooled =
        Set.of(Evaluation.EB, Evaluation.ADJ_EB, Evaluation.EB_RANK, Evaluation.ADJ_EB_RANK);
    long shrunk = f.stream().filter(x -> pooled.contains(x.measure())).count();
    assertEquals(12, shrunk); // 3 KOVs × 4 measures (τ² > 0 for both)
    assertTrue(
        f.stream()
            .filter(x -> pooled.contains(x.measure()))
            .allMatch(Evaluation.Figure::suppressed));

    // two hidden: each hides its own, 0001's are shown
    Evaluation.SourceFlags two =
        (level, unit) -> level.equals("KOV") && (unit.equals("0002") || unit.equals("0003"));
    List<Evaluation.Figure> g = Evaluation.of(Q, threeKovs(), two).figures();
    for (String m : pooled) {
      assertFalse(figure(g, "KOV", "0001", m).suppressed(), m);
      assertTrue(figure(g, "KOV", "0002", m).suppressed(), m);
      assertTrue(figure(g, "KOV", "0003", m).suppressed(), m);
    }
    // the nation is never hidden
    assertFalse(figure(g, "RIIK", "EE", Evaluation.ADJ).suppressed());
  }

  @Test
  void sameCasesSameFiguresWhateverTheirOrder() {
    List<CaseRow> cases = threeKovs();
    List<CaseRow> reversed = new ArrayList<>(cases);
    java.util.Collections.reverse(reversed);
    assertEquals(
        Evaluation.of(Q, cases, NONE_HIDDEN).figures(),
        Evaluation.of(Q, reversed, NONE_HIDDEN).figures());
  }
}

package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.CodeDimensions;
import ee.ska.iste.pipelines.model.StagedFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation figures through the measures stage (model, figures, finish) in 2024Q2. Ten open
 * cases started 2023-10-01, all of the same age, sex, diagnosis, severity and entry route, five in
 * Tartu linn 0793 and five in Elva 0171 (county 0079); baseline on 5 Oct 2023, follow-up on 10 May
 * 2024. The changes are 30 − 0.5 × baseline plus residuals +10 and −10 at one baseline in each KOV
 * (which sum to zero at that baseline, so the fit is still b0 = 30, b1 = −0.5):
 *
 * <pre>
 * 0793: baseline 20, 20, 40, 40, 20 -> change 30, 10, 10, 10, 20   mean 80/5 = 16
 * 0171: baseline 60, 60, 80, 80, 60 -> change 10, −10, −10, −10, 0 mean −20/5 = −4
 * </pre>
 *
 * National mean (80 − 20) / 10 = 6. Expected changes = means of 30 − 0.5 × baseline: 0793 (20 + 20
 * + 10 + 10 + 20) / 5 = 16, 0171 (0 + 0 − 10 − 10 + 0) / 5 = −4; adjusted 6 + (16 − 16) = 6 and 6 +
 * (−4 − (−4)) = 6. RSS = 4 × 10² = 400, s = √(400 / (10 − 2)) = √50 = 7.0710678; SST: deviations
 * from 6: 24, 4, 4, 4, 14, 4, −16, −16, −16, −6 -> 1640, R² = 1 − 400/1640 = 0.7560976.
 */
class CasemixMeasuresTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static final Map<String, Row> outcomes = new HashMap<>();
  static final Map<String, Row> funnel = new HashMap<>();
  static final Map<String, Row> model = new HashMap<>();

  @BeforeAll
  static void compute() {
    StagedFixture f = new StagedFixture();
    int[][] kov0793 = {{20, 30}, {20, 10}, {40, 10}, {40, 10}, {20, 20}};
    int[][] kov0171 = {{60, 10}, {60, -10}, {80, -10}, {80, -10}, {60, 0}};
    add(f, "a", "0793", kov0793);
    add(f, "b", "0171", kov0171);
    ReferenceData ref = ReferenceData.builtIn();
    MeasuresJob.ModelTables t = Harness.model(f, ref);
    MeasureRules rules = MeasureRules.of(ref, Q.lastDay(), CodeDimensions.finalExitReasons(ref));
    MeasuresJob.Figures figures = MeasuresJob.figures(Q, t, rules).checkpointed();
    MeasuresJob.Result r = MeasuresJob.finish(figures, t, rules);
    for (Row row : r.outcomes().collectAsList()) {
      outcomes.put(
          row.getAs("level") + "/" + row.getAs("unit_code") + "/" + row.getAs("measure"), row);
    }
    for (Row row : r.funnel().collectAsList()) {
      funnel.put(row.getAs("measure") + "/" + row.getAs("kov_code"), row);
    }
    for (Row row : r.casemixModel().collectAsList()) {
      model.put(row.getAs("covariate") + "/" + row.getAs("level"), row);
    }
  }

  /** Cases {baseline, change}: scores are 10 × the item value, so baseline / 10 and follow-up. */
  private static void add(StagedFixture f, String prefix, String kov, int[][] cases) {
    for (int i = 0; i < cases.length; i++) {
      String c = prefix + i;
      f.episode(c, kov, "2024Q2", "2023-10-01", null, null);
      f.qolAll(c, kov, "2023-10-05", cases[i][0] / 10);
      f.qolAll(c, kov, "2024-05-10", (cases[i][0] + cases[i][1]) / 10);
    }
  }

  static Row row(String level, String unit, String measure) {
    Row r = outcomes.get(level + "/" + unit + "/" + measure);
    if (r == null) {
      throw new AssertionError("no row " + level + "/" + unit + "/" + measure);
    }
    return r;
  }

  static double value(String level, String unit, String measure) {
    return row(level, unit, measure).<Double>getAs("value");
  }

  @Test
  void rawMeansDifferAdjustedAreEqual() {
    assertEquals(16, value("KOV", "0793", "QOL_CHANGE"), 1e-9);
    assertEquals(-4, value("KOV", "0171", "QOL_CHANGE"), 1e-9);
    assertEquals(16, value("KOV", "0793", "QOL_CHANGE_EXPECTED"), 1e-9);
    assertEquals(80, row("KOV", "0793", "QOL_CHANGE_EXPECTED").<Double>getAs("numerator"), 1e-9);
    assertEquals(5, row("KOV", "0793", "QOL_CHANGE_EXPECTED").<Double>getAs("denominator"), 0);
    assertEquals(-4, value("KOV", "0171", "QOL_CHANGE_EXPECTED"), 1e-9);
    assertEquals(6, value("KOV", "0793", "QOL_CHANGE_ADJ"), 1e-9);
    assertEquals(6, value("KOV", "0171", "QOL_CHANGE_ADJ"), 1e-9);
    assertNull(row("KOV", "0171", "QOL_CHANGE_ADJ").getAs("numerator"));
    // ± t(0.975, 4) × s / √5 = 2.776445 × 7.0710678 / 2.2360680 = 2.776445 × 3.1622777 = 8.779890
    assertEquals(6 - 8.779890, row("KOV", "0793", "QOL_CHANGE_ADJ").<Double>getAs("ci_low"), 1e-5);
    assertEquals(6 + 8.779890, row("KOV", "0793", "QOL_CHANGE_ADJ").<Double>getAs("ci_high"), 1e-5);
    // county and nation: all ten cases, adjusted = national = 6
    assertEquals(6, value("MAAKOND", "0079", "QOL_CHANGE_ADJ"), 1e-9);
    assertEquals(6, value("RIIK", "EE", "QOL_CHANGE_EXPECTED"), 1e-9);
    assertEquals(6, value("RIIK", "EE", "QOL_CHANGE_ADJ"), 1e-9);
  }

  @Test
  void everyEvaluationRowCarriesItsUnitsQolChangeFlag() {
    // whatever disclosure control decided for QOL_CHANGE (raw values are kept beside the flag)
    boolean hidden0793 = suppressed("KOV", "0793", "QOL_CHANGE");
    boolean hidden0171 = suppressed("KOV", "0171", "QOL_CHANGE");
    boolean exactlyOne = hidden0793 != hidden0171;
    for (String m : List.of("QOL_CHANGE_EXPECTED", "QOL_CHANGE_ADJ")) {
      assertEquals(hidden0793, suppressed("KOV", "0793", m), m);
      assertEquals(hidden0171, suppressed("KOV", "0171", m), m);
      assertEquals(
          suppressed("MAAKOND", "0079", "QOL_CHANGE"), suppressed("MAAKOND", "0079", m), m);
      assertFalse(suppressed("RIIK", "EE", m), m);
    }
    // the pool of two: one hidden hides both
    for (String m : List.of("QOL_CHANGE_EB", "QOL_CHANGE_ADJ_EB", "QOL_CHANGE_EB_RANK")) {
      assertEquals(hidden0793 || exactlyOne, suppressed("KOV", "0793", m), m);
      assertEquals(hidden0171 || exactlyOne, suppressed("KOV", "0171", m), m);
    }
  }

  static boolean suppressed(String level, String unit, String measure) {
    return row(level, unit, measure).<Boolean>getAs("suppressed");
  }

  @Test
  void theModelIsPublishedInternally() {
    assertEquals(30, model.get("INTERCEPT/null").<Double>getAs("coefficient"), 1e-9);
    assertEquals(-0.5, model.get("BASELINE_SCORE/null").<Double>getAs("coefficient"), 1e-9);
    Row sex = model.get("SEX/M");
    assertTrue(sex.<Boolean>getAs("is_reference"));
    assertEquals(10, sex.<Integer>getAs("n"));
    assertEquals(7.0710678, sex.<Double>getAs("residual_sd"), 1e-6);
    assertEquals(0.7560976, sex.<Double>getAs("r_squared"), 1e-6);
    // the fixture's age 50 at start falls in band 45-54, F20.0 in SCHIZOPHRENIA (F20-F29)
    assertTrue(model.get("AGE_BAND/45-54").<Boolean>getAs("is_reference"));
    assertTrue(model.get("DIAGNOSIS_GROUP/SCHIZOPHRENIA").<Boolean>getAs("is_reference"));
    assertEquals(7, model.size());
  }

  @Test
  void shrunkenFiguresAndRanks() {
    // raw: sd² = (14² + 3 × 6² + 4²) / 4 = 320 / 4 = 80 in both, v = 80 / 5 = 16, w = 1/16;
    // ȳ = 6, Q = (10² + 10²) / 16 = 12.5, Σw − Σw²/Σw = 0.125 − 0.0625 = 0.0625,
    // τ² = (12.5 − 1) / 0.0625 = 184, B = 16 / 200 = 0.08;
    // EB = 0.08 × 6 + 0.92 × 16 = 15.2 and 0.48 − 3.68 = −3.2, ± 1.96 × √(0.92 × 16)
    //   = 1.96 × 3.836665 = 7.519864
    assertEquals(15.2, value("KOV", "0793", "QOL_CHANGE_EB"), 1e-9);
    assertEquals(-3.2, value("KOV", "0171", "QOL_CHANGE_EB"), 1e-9);
    assertEquals(
        15.2 - 7.519864, row("KOV", "0793", "QOL_CHANGE_EB").<Double>getAs("ci_low"), 1e-5);
    assertEquals(5, row("KOV", "0793", "QOL_CHANGE_EB").<Double>getAs("denominator"), 0);
    // 18.4 apart, posterior sd of the difference √(2 × 14.72) = 5.43: 3.4 sd, swapped in about
    // 3 of 10,000 draws, fewer than the 250 a percentile needs: 1 [1, 1] and 2 [2, 2] of K = 2
    Row first = row("KOV", "0793", "QOL_CHANGE_EB_RANK");
    assertEquals(1, first.<Double>getAs("value"), 0);
    assertEquals(1, first.<Double>getAs("ci_low"), 0);
    assertEquals(1, first.<Double>getAs("ci_high"), 0);
    assertEquals(2, first.<Double>getAs("denominator"), 0);
    assertEquals(2, value("KOV", "0171", "QOL_CHANGE_EB_RANK"), 0);
    // adjusted: both 6, v = 50 / 5 = 10: Q = 0, τ² = 0, both EB = ȳ = 6, and no ranks
    assertEquals(6, value("KOV", "0793", "QOL_CHANGE_ADJ_EB"), 1e-9);
    assertEquals(6, value("KOV", "0171", "QOL_CHANGE_ADJ_EB"), 1e-9);
    assertFalse(outcomes.containsKey("KOV/0793/QOL_CHANGE_ADJ_EB_RANK"));
    // only KOVs have shrunken figures
    assertFalse(outcomes.containsKey("RIIK/EE/QOL_CHANGE_EB"));
  }

  @Test
  void theAdjustedFigureHasFunnelLimitsAndAFlag() {
    // target = national adjusted 6, sigma = s = 7.0710678, n = 5 (FUNNEL_MIN_N 5):
    // 99.8% limits 6 ± 3.09 × 3.1622777 = 6 ± 9.771438; 6 lies within
    Row adj = funnel.get("QOL_CHANGE_ADJ/0793");
    assertEquals(6, adj.<Double>getAs("target"), 1e-9);
    assertEquals(7.0710678, adj.<Double>getAs("sigma"), 1e-6);
    assertEquals(6 + 9.771438, adj.<Double>getAs("upper_998"), 1e-5);
    assertEquals("WITHIN", row("KOV", "0793", "QOL_CHANGE_ADJ").getAs("funnel_flag"));
    // the raw figure keeps its own row and flag
    assertTrue(funnel.containsKey("QOL_CHANGE/0793"));
  }
}

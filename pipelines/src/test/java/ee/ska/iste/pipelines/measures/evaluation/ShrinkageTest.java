package ee.ska.iste.pipelines.measures.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DerSimonian–Laird shrinkage and rank intervals on three KOVs worked out by hand. */
class ShrinkageTest {

  @Test
  void noBetweenKovVarianceShrinksEveryKovToThePooledMean() {
    // y = 1, 2, 3, v = 1 each: w = 1, ȳ = 6 / 3 = 2, Q = 1 + 0 + 1 = 2 = K − 1, so
    // τ² = max(0, (2 − 2) / (3 − 3/3)) = 0, B = 1 / (1 + 0) = 1: every EB = ȳ = 2, interval
    // ± 1.96 × √(0 × 1) = 0
    Shrinkage.Pooled p =
        Shrinkage.pool(
            List.of(
                new Shrinkage.Estimate("0001", 1, 1, 10),
                new Shrinkage.Estimate("0002", 2, 1, 10),
                new Shrinkage.Estimate("0003", 3, 1, 10)));
    assertEquals(2, p.mean(), 1e-12);
    assertEquals(2, p.q(), 1e-12);
    assertEquals(0, p.tau2(), 0);
    for (Shrinkage.Shrunk k : p.kovs()) {
      assertEquals(1, k.b(), 1e-12);
      assertEquals(2, k.eb(), 1e-12);
      assertEquals(2, k.ciLow(), 1e-12);
      assertEquals(2, k.ciHigh(), 1e-12);
    }
  }

  @Test
  void aKovWithALargeNBarelyMoves() {
    // y = 0, 10, 20 with v = 4, 4, 0.04 (sd 10 over n = 25, 25 and 2,500)
    // w = 0.25, 0.25, 25; Σw = 25.5; Σw·y = 0 + 2.5 + 500 = 502.5; ȳ = 502.5 / 25.5 = 335/17
    //   = 19.705882
    // deviations −335/17, −165/17, 5/17: Q = 0.25 × (112225 + 27225) / 289 + 25 × 25 / 289
    //   = (34862.5 + 625) / 289 = 122.794118
    // Σw² = 0.0625 + 0.0625 + 625 = 625.125; Σw − Σw²/Σw = 25.5 − 24.514706 = 0.985294
    // τ² = (122.794118 − 2) / 0.985294 = 122.597015
    // B = 4 / 126.597015 = 0.0315963 (first two), 0.04 / 122.637015 = 0.000326166 (third)
    // EB: 0.0315963 × 19.705882 = 0.622633; 10 + 0.0315963 × 9.705882 = 10.306670;
    //   20 − 0.000326166 × 0.294118 = 19.999904
    // intervals: ± 1.96 × √(0.9684037 × 4) = 1.96 × 1.968150 = 3.857574;
    //   ± 1.96 × √(0.999673834 × 0.04) = 1.96 × 0.199967 = 0.391936
    Shrinkage.Pooled p =
        Shrinkage.pool(
            List.of(
                new Shrinkage.Estimate("0001", 0, 4, 25),
                new Shrinkage.Estimate("0002", 10, 4, 25),
                new Shrinkage.Estimate("0003", 20, 0.04, 2500)));
    assertEquals(19.705882, p.mean(), 1e-6);
    assertEquals(122.794118, p.q(), 1e-6);
    assertEquals(122.597015, p.tau2(), 1e-6);
    assertEquals(0.0315963, p.kovs().get(0).b(), 1e-7);
    assertEquals(0.622633, p.kovs().get(0).eb(), 1e-6);
    assertEquals(10.306670, p.kovs().get(1).eb(), 1e-6);
    assertEquals(0.000326166, p.kovs().get(2).b(), 1e-9);
    assertEquals(19.999904, p.kovs().get(2).eb(), 1e-6);
    assertEquals(0.622633 - 3.857574, p.kovs().get(0).ciLow(), 1e-5);
    assertEquals(0.622633 + 3.857574, p.kovs().get(0).ciHigh(), 1e-5);
    assertEquals(19.999904 - 0.391936, p.kovs().get(2).ciLow(), 1e-5);
    assertEquals(19.999904 + 0.391936, p.kovs().get(2).ciHigh(), 1e-5);
  }

  @Test
  void oneKovIsNoPool() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Shrinkage.pool(List.of(new Shrinkage.Estimate("0001", 1, 1, 2))));
    assertThrows(IllegalArgumentException.class, () -> new Shrinkage.Estimate("0001", 1, 0, 2));
  }

  @Test
  void aKovFarAboveTheOthersRanksFirstWithIntervalOneToOne() {
    // posterior variances (1 − B)·v = 0.5 × 2 = 1 each; A at 100 is 100 sd above B (0) and C
    // (1): first in every draw. B and C (1 sd apart, their difference sd √2) swap often, so each
    // spans ranks 2 to 3.
    List<Shrinkage.Shrunk> kovs =
        List.of(
            new Shrinkage.Shrunk("0003", 1, 0.5, 2, 10, 0, 0),
            new Shrinkage.Shrunk("0001", 100, 0.5, 2, 10, 0, 0),
            new Shrinkage.Shrunk("0002", 0, 0.5, 2, 10, 0, 0));
    List<Shrinkage.Rank> r = Shrinkage.ranks(kovs, 42, Shrinkage.DRAWS);
    // in kov_code order
    assertEquals(new Shrinkage.Rank("0001", 1, 1, 1, 3), r.get(0));
    assertEquals(new Shrinkage.Rank("0002", 3, 2, 3, 3), r.get(1));
    assertEquals(new Shrinkage.Rank("0003", 2, 2, 3, 3), r.get(2));
    // the same seed gives the same intervals
    assertEquals(r, Shrinkage.ranks(kovs, 42, Shrinkage.DRAWS));
  }

  @Test
  void equalValuesRankByKovCode() {
    // 5, 7, 5 in code order: 7 first, then the two 5s in code order
    int[] r = Shrinkage.rankDescending(new double[] {5, 7, 5});
    assertEquals(2, r[0]);
    assertEquals(1, r[1]);
    assertEquals(3, r[2]);
  }

  @Test
  void nearestRankPercentiles() {
    // 10,000 draws: 2.5% × 10,000 = 250th and 97.5% × 10,000 = 9,750th smallest
    assertEquals(250, Shrinkage.nearestRank(2.5, 10_000));
    assertEquals(9750, Shrinkage.nearestRank(97.5, 10_000));
    // 4 values: ⌈0.1⌉ = 1st, ⌈3.9⌉ = 4th
    assertEquals(1, Shrinkage.nearestRank(2.5, 4));
    assertEquals(4, Shrinkage.nearestRank(97.5, 4));
    assertTrue(Evaluation.seed("2024Q2", "A") != Evaluation.seed("2024Q2", "B"));
  }
}

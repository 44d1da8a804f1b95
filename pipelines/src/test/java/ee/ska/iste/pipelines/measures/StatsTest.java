package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void tQuantileMatchesPrintedTables() {
    // Values from any printed table of Student's t, two-sided 95% (p = 0.975).
    assertEquals(12.706, Stats.studentTQuantile(0.975, 1), 0.0005);
    assertEquals(4.303, Stats.studentTQuantile(0.975, 2), 0.0005);
    assertEquals(2.776, Stats.studentTQuantile(0.975, 4), 0.0005);
    assertEquals(2.045, Stats.studentTQuantile(0.975, 29), 0.0005);
    assertEquals(-2.776, Stats.studentTQuantile(0.025, 4), 0.0005);
  }

  @Test
  void tCdfOfZeroIsOneHalf() {
    assertEquals(0.5, Stats.studentTCdf(0, 7), 1e-12);
  }

  @Test
  void wilsonIntervalByHand() {
    // 2 of 4, z = 1.96: p = .5, z² = 3.8416, z²/n = .9604, 1 + z²/n = 1.9604
    // centre = (.5 + 3.8416/8) / 1.9604 = .9802 / 1.9604 = .5
    // half = 1.96/1.9604 * sqrt(.25/4 + 3.8416/64) = .99980 * sqrt(.0625 + .060025)
    //      = .99980 * .350036 = .349966 -> [.150034, .849966]
    double[] ci = Stats.wilson(2, 4, 1.96);
    assertEquals(0.150034, ci[0], 1e-5);
    assertEquals(0.849966, ci[1], 1e-5);
  }
}

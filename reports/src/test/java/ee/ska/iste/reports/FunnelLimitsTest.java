package ee.ska.iste.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FunnelLimitsTest {
  @Test
  void proportionLimits() {
    // p0 0.3, σ of one case √0.21 = 0.458258; n 30: /√30 = 0.083666
    FunnelLimits l = new FunnelLimits(0.3, Math.sqrt(0.21), 1.96, 3.09, 5, true);
    assertEquals(0.3 + 1.96 * 0.083666, l.upper(30, l.z95()), 1e-5);
    assertEquals(0.3 - 1.96 * 0.083666, l.lower(30, l.z95()), 1e-5);
    assertEquals(0.3 + 3.09 * 0.083666, l.upper(30, l.z998()), 1e-5);
  }

  @Test
  void proportionLimitsStayBetweenZeroAndOne() {
    FunnelLimits l = new FunnelLimits(0.9, 0.3, 1.96, 3.09, 5, true);
    // 0.9 + 3.09·0.3/√2 = 1.555 → 1
    assertEquals(1.0, l.upper(2, l.z998()), 0.0);
    assertThrows(
        IllegalArgumentException.class, () -> new FunnelLimits(1.2, 0, 1.96, 3.09, 5, true));
  }

  @Test
  void meanLimits() {
    // target 8, σ 18, n 36: 1.96·18/6 = 5.88
    FunnelLimits l = new FunnelLimits(8, 18.0, 1.96, 3.09, 5, false);
    assertEquals(13.88, l.upper(36, l.z95()), 1e-9);
    assertEquals(2.12, l.lower(36, l.z95()), 1e-9);
    // a mean is not held to 0..1: 8 − 3.09·18/1 = −47.62
    assertEquals(-47.62, l.lower(1, l.z998()), 1e-9);
  }

  @Test
  void sigmaMustBeANumber() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new FunnelLimits(8, Double.NaN, 1.96, 3.09, 5, false));
  }
}

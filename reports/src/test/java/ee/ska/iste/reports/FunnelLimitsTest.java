package ee.ska.iste.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FunnelLimitsTest {
  @Test
  void proportionLimits() {
    // p0 0.3, n 30: sd of one case √0.21 = 0.458258; /√30 = 0.083666
    FunnelLimits l = new FunnelLimits(0.3, null);
    assertEquals(0.3 + 1.96 * 0.083666, l.upper(30, FunnelLimits.Z95), 1e-5);
    assertEquals(0.3 - 1.96 * 0.083666, l.lower(30, FunnelLimits.Z95), 1e-5);
    assertEquals(0.3 + 3.09 * 0.083666, l.upper(30, FunnelLimits.Z998), 1e-5);
  }

  @Test
  void proportionLimitsStayBetweenZeroAndOne() {
    FunnelLimits l = new FunnelLimits(0.9, null);
    // 0.9 + 3.09·0.3/√2 = 1.555 → 1
    assertEquals(1.0, l.upper(2, FunnelLimits.Z998), 0.0);
    assertThrows(IllegalArgumentException.class, () -> new FunnelLimits(1.2, null));
  }

  @Test
  void meanLimits() {
    // target 8, σ 18, n 36: 1.96·18/6 = 5.88
    FunnelLimits l = new FunnelLimits(8, 18.0);
    assertEquals(13.88, l.upper(36, FunnelLimits.Z95), 1e-9);
    assertEquals(2.12, l.lower(36, FunnelLimits.Z95), 1e-9);
  }

  @Test
  void sigmaIsRecoveredFromTheNationalInterval() {
    // t tables: t(0.975, 29) = 2.0452, t(0.975, 119) = 1.9801
    assertEquals(2.0452, FunnelLimits.t975(29), 0.002);
    assertEquals(1.9801, FunnelLimits.t975(119), 0.001);
    // mean 8.0, upper 9.9, n 120: σ = 1.9·√120 / 1.9801 = 10.511
    assertEquals(10.511, FunnelLimits.sigmaFromInterval(8.0, 9.9, 120), 0.01);
  }
}

package ee.ska.iste.core.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  private static final Map<String, Double> NATIONAL =
      Map.of(Rates.OCCUPANCY, 0.85, Rates.ENTRIES, 24.0, Rates.COST_PER_CLIENT_DAY, 31.0);
  private static final Map<String, Double> P10 =
      Map.of(Rates.OCCUPANCY, 0.7, Rates.ENTRIES, 0.0, Rates.COST_PER_CLIENT_DAY, 26.0);

  @Test
  void theNationalScenarioTakesTheNationalFigures() {
    assertEquals(NATIONAL, Scenario.NATIONAL.figures(NATIONAL, P10));
  }

  @Test
  void aPercentileScenarioTakesItsOwnRatesButTheNationalEntries() {
    Map<String, Double> low = Scenario.P10.figures(NATIONAL, P10);
    assertEquals(0.7, low.get(Rates.OCCUPANCY));
    assertEquals(26.0, low.get(Rates.COST_PER_CLIENT_DAY));
    // the KOV entry rates shown are zeros and the largest KOVs: the national 24 per 100 places
    assertEquals(24.0, low.get(Rates.ENTRIES));
  }
}

package ee.ska.iste.core.projection;

import java.util.HashMap;
import java.util.Map;

/** Whose rates a projection applies. */
public enum Scenario {
  /** The national pilot rates of the quarter (the RIIK figures). */
  NATIONAL,
  /** Each rate at the 10th percentile of the KOV figures shown (mart_kov_spread p10). */
  P10,
  /** Each rate at the 90th percentile of the KOV figures shown (mart_kov_spread p90). */
  P90;

  /**
   * The figures this scenario's rates are read from: the national ones, or the KOV percentile's
   * with entries at the national rate. A KOV's new cases in a quarter are mostly 1 to 4 and hidden,
   * so the KOV entry rates shown (zeros and the largest KOVs) are no fair spread.
   *
   * @param national measure → the national figure of the quarter
   * @param percentile measure → this scenario's percentile of the KOV figures shown (unused for
   *     {@link #NATIONAL})
   */
  public Map<String, Double> figures(Map<String, Double> national, Map<String, Double> percentile) {
    if (this == NATIONAL) {
      return national;
    }
    Map<String, Double> m = new HashMap<>(percentile);
    m.put(Rates.ENTRIES, national.get(Rates.ENTRIES));
    return m;
  }
}

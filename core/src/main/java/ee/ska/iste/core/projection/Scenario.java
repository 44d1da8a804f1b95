package ee.ska.iste.core.projection;

/** Whose rates a projection applies. */
public enum Scenario {
  /** The national pilot rates of the quarter (the RIIK figures). */
  NATIONAL,
  /** Each rate at the 10th percentile of the KOV figures shown (mart_kov_spread p10). */
  P10,
  /** Each rate at the 90th percentile of the KOV figures shown (mart_kov_spread p90). */
  P90
}

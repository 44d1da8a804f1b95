package ee.ska.iste.pipelines.measures;

/** How a measure's case-level contributions roll up to a unit. */
public enum Kind {
  /** Number of cases: value = Σ x (x is 0 or 1 per active case). */
  COUNT,
  /** Total of a quantity (days, hours, euros): value = Σ x. */
  SUM,
  /** Share of a denominator population: value = Σ x / Σ d (d = 1 per member), Wilson interval. */
  SHARE,
  /** Mean of a per-case value over the cases that have one, t interval. */
  MEAN,
  /** Ratio of two totals: value = Σ x / Σ d, no interval. */
  RATIO,
  /**
   * A figure of a statistical model over other figures, not rolled up from cases (the case-mix
   * adjusted and shrunken QoL change, {@code evaluation}); protected as the figure it derives from.
   */
  MODEL
}

package ee.ska.iste.disclosure;

/** How a measure's case values roll up (the catalogue's {@code kind}, measures.csv). */
public enum Kind {
  /** A count of cases: value = numerator. */
  COUNT,
  /** A sum over cases (days, hours, euros): value = numerator. */
  SUM,
  /** numerator / denominator, both counts of cases. */
  SHARE,
  /** numerator (a sum of case values) / denominator (the cases). */
  MEAN,
  /** numerator / denominator, sums of other kinds. */
  RATIO,
  /**
   * A figure of a statistical model over other figures, not rolled up from cases; protected as the
   * figure it derives from (it carries that figure's flag): not a quantity of the outsider's model.
   */
  MODEL;

  /** True for the kinds whose value is the numerator itself (no denominator). */
  public boolean additive() {
    return this == COUNT || this == SUM;
  }
}

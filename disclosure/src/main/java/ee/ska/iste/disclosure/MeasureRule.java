package ee.ska.iste.disclosure;

/**
 * How one measure's quantities are protected and what the outsider knows of them.
 *
 * @param numerator protection of the numerator (the value of a count or sum)
 * @param denominator protection of the denominator ({@link Protection#NONE} for counts and sums)
 * @param caseMin smallest contribution of one case to the numerator, per unit of the denominator
 *     ({@code num ≥ caseMin × den}); {@code NaN} when not bounded
 * @param caseMax largest such contribution ({@code num ≤ caseMax × den}); {@code NaN} when not
 *     bounded
 * @param denominatorPublic the denominator is public knowledge even where the figure is hidden
 *     (e.g. allocated places × days)
 * @param hierarchical the KOV figures add up to the county and national ones
 */
public record MeasureRule(
    String measure,
    Kind kind,
    Protection numerator,
    Protection denominator,
    double caseMin,
    double caseMax,
    boolean denominatorPublic,
    boolean hierarchical) {

  /** The rule of a measure not listed in the reference data, from its kind alone. */
  public static MeasureRule byKind(String measure, Kind kind) {
    return switch (kind) {
      case COUNT ->
          new MeasureRule(
              measure,
              kind,
              Protection.COUNT,
              Protection.NONE,
              Double.NaN,
              Double.NaN,
              false,
              true);
      case SUM ->
          new MeasureRule(
              measure, kind, Protection.SUM, Protection.NONE, Double.NaN, Double.NaN, false, true);
      case SHARE ->
          new MeasureRule(measure, kind, Protection.COUNT, Protection.COUNT, 0, 1, false, true);
      case MEAN ->
          new MeasureRule(
              measure, kind, Protection.SUM, Protection.COUNT, Double.NaN, Double.NaN, false, true);
      case RATIO ->
          new MeasureRule(
              measure, kind, Protection.SUM, Protection.SUM, Double.NaN, Double.NaN, false, true);
      // nothing of its own to protect: it carries the flag of the figure it derives from
      case MODEL ->
          new MeasureRule(
              measure,
              kind,
              Protection.NONE,
              Protection.NONE,
              Double.NaN,
              Double.NaN,
              false,
              false);
    };
  }

  /** True when the numerator is a whole count of cases. */
  public boolean wholeNumerator() {
    return numerator == Protection.COUNT;
  }

  /** True when the denominator is a whole count of cases. */
  public boolean wholeDenominator() {
    return denominator == Protection.COUNT;
  }
}

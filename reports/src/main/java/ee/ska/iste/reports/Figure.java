package ee.ska.iste.reports;

/**
 * One row of {@code outcomes_public}: a figure as it may be shown. When {@code suppressed} is true
 * the value, numerator, denominator and interval are null.
 */
record Figure(
    String measure,
    Double value,
    Double numerator,
    Double denominator,
    Double ciLow,
    Double ciHigh,
    String funnelFlag,
    boolean suppressed) {
  Figure {
    if (measure == null || measure.isBlank()) {
      throw new IllegalArgumentException("figure without a measure");
    }
    if (suppressed) {
      value = null;
      numerator = null;
      denominator = null;
      ciLow = null;
      ciHigh = null;
    }
  }

  /** The value to draw or compare, or null when suppressed or absent. */
  Double shown() {
    return suppressed ? null : value;
  }
}

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

  /**
   * A chart series by quarter label with only the figures that may be shown: a suppressed or absent
   * figure leaves a gap, never a point that would reveal it.
   */
  static java.util.Map<String, Double> shownSeries(
      java.util.Map<ee.ska.iste.core.time.Quarter, Figure> series) {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    series.forEach(
        (q, f) -> {
          if (f.shown() != null) {
            out.put(q.toString(), f.shown());
          }
        });
    return out;
  }
}

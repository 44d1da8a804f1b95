package ee.ska.iste.disclosure;

import java.util.Objects;

/**
 * One figure of a quarter as the measures stage computes it: one row of {@code mart_outcomes}
 * before disclosure control.
 *
 * @param n the cases behind the figure (the count itself, the contributing cases of a sum, the
 *     denominator cases of a share, mean or ratio)
 * @param denominator {@code NaN} for counts and sums
 */
public record Figure(
    String level,
    String unit,
    String measure,
    Kind kind,
    long n,
    double numerator,
    double denominator) {

  public Figure {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(kind, "kind");
  }

  /** A count or sum: value = numerator, no denominator. */
  public static Figure additive(
      String level, String unit, String measure, Kind kind, long n, double value) {
    return new Figure(level, unit, measure, kind, n, value, Double.NaN);
  }

  public boolean national() {
    return Level.NATION.equals(level);
  }

  public boolean hasDenominator() {
    return !Double.isNaN(denominator);
  }

  /** The figure's value: the numerator of a count or sum, numerator / denominator otherwise. */
  public double value() {
    return kind.additive() ? numerator : numerator / denominator;
  }

  /** The key of the figure within its quarter. */
  public String key() {
    return level + "/" + unit + "/" + measure;
  }
}

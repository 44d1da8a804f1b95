package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * What one case contributes to one measure: an amount {@code x} and, for shares, means and ratios,
 * a denominator {@code d}, both exact decimals so that sums do not depend on row order. {@code x}
 * is null when the case does not contribute (outside a share's or mean's population, no ratio
 * denominator).
 *
 * @param measure the measure's code
 * @param kind how the contributions roll up
 * @param x the case's amount, null when it does not contribute
 * @param d the case's denominator (1 for shares and means, null for counts and sums)
 */
record Observation(String measure, Kind kind, Column x, Column d) {
  /**
   * One case's amount: up to 10^10 with 8 decimals, held by Spark in a {@code long} (a case's days,
   * hours or euros in a quarter are far below that).
   */
  static final DecimalType AMOUNT = DataTypes.createDecimalType(18, 8);

  /** The measure this observation computes. */
  MeasureDefinition definition() {
    return new MeasureDefinition(measure, kind);
  }

  /** A count: every active case contributes 1 when {@code condition} holds, else 0. */
  static Observation count(String measure, Column condition) {
    return new Observation(measure, Kind.COUNT, when(condition, 1).otherwise(0), lit(null));
  }

  /** A sum over every active case (null amounts count as 0). */
  static Observation sum(String measure, Column amount) {
    return new Observation(
        measure, Kind.SUM, amount(when(amount.isNull(), 0).otherwise(amount)), lit(null));
  }

  /**
   * A share: the case is in the denominator when {@code inDenominator}, in the numerator when also
   * {@code inNumerator}.
   */
  static Observation share(String measure, Column inDenominator, Column inNumerator) {
    return new Observation(
        measure, Kind.SHARE, when(inDenominator, when(inNumerator, 1).otherwise(0)), lit(1));
  }

  /** A mean of {@code value} over the cases where it is not null (and {@code include} holds). */
  static Observation mean(String measure, Column include, Column value) {
    return new Observation(
        measure, Kind.MEAN, amount(when(include.and(value.isNotNull()), value)), lit(1));
  }

  /** A ratio of totals Σ numerator / Σ denominator over cases where the denominator is not null. */
  static Observation ratio(String measure, Column numerator, Column denominator) {
    return new Observation(
        measure,
        Kind.RATIO,
        amount(when(denominator.isNotNull(), when(numerator.isNull(), 0).otherwise(numerator))),
        amount(denominator));
  }

  private static Column amount(Column c) {
    return c.cast(AMOUNT);
  }
}

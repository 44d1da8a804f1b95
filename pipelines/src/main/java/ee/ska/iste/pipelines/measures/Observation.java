package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * One case's contribution to one measure: a struct (measure, kind, x, d) with exact decimal x and
 * d, so sums do not depend on row order. A null struct means the case does not contribute.
 */
final class Observation {
  static final DecimalType AMOUNT = DataTypes.createDecimalType(24, 8);

  private Observation() {}

  /** A count: every active case contributes 1 when {@code condition} holds, else 0. */
  static Column count(String measure, Column condition) {
    return make(measure, Kind.COUNT, when(condition, 1).otherwise(0), lit(null));
  }

  /** A sum over every active case (null amounts count as 0). */
  static Column sum(String measure, Column amount) {
    return make(measure, Kind.SUM, when(amount.isNull(), 0).otherwise(amount), lit(null));
  }

  /** A share: the case is in the denominator when {@code inDenominator}, in the numerator when also {@code inNumerator}. */
  static Column share(String measure, Column inDenominator, Column inNumerator) {
    return when(
        inDenominator,
        make(measure, Kind.SHARE, when(inNumerator, 1).otherwise(0), lit(1)));
  }

  /** A mean of {@code value} over the cases where it is not null (and {@code include} holds). */
  static Column mean(String measure, Column include, Column value) {
    return when(include.and(value.isNotNull()), make(measure, Kind.MEAN, value, lit(1)));
  }

  /** A ratio of totals Σ numerator / Σ denominator over cases where the denominator is not null. */
  static Column ratio(String measure, Column numerator, Column denominator) {
    return when(
        denominator.isNotNull(),
        make(measure, Kind.RATIO, when(numerator.isNull(), 0).otherwise(numerator), denominator));
  }

  /** A share whose measure code is computed per row (e.g. per life domain). */
  static Column share(Column measure, Column inDenominator, Column inNumerator) {
    return when(inDenominator, make(measure, Kind.SHARE, when(inNumerator, 1).otherwise(0), lit(1)));
  }

  /** A mean whose measure code is computed per row. */
  static Column mean(Column measure, Column include, Column value) {
    return when(include.and(value.isNotNull()), make(measure, Kind.MEAN, value, lit(1)));
  }

  private static Column make(String measure, Kind kind, Column x, Column d) {
    return make(lit(measure), kind, x, d);
  }

  private static Column make(Column measure, Kind kind, Column x, Column d) {
    return struct(
        measure.as("measure"),
        lit(kind.name()).as("kind"),
        x.cast(AMOUNT).as("x"),
        d.cast(AMOUNT).as("d"));
  }
}

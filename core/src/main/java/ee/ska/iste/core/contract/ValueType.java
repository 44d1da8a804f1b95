package ee.ska.iste.core.contract;

/** A staged column's type (docs/tables.md); the pipelines module maps it to Spark's. */
public enum ValueType {
  /** Text. */
  STRING,
  /** A 32-bit whole number. */
  INTEGER,
  /** A calendar date. */
  DATE,
  /** True or false. */
  BOOLEAN,
  /**
   * An exact decimal of {@link #DECIMAL_PRECISION} digits, {@link #DECIMAL_SCALE} after the point
   * (hours and euros: exact sums, the same in any order).
   */
  DECIMAL;

  /** The digits of a {@link #DECIMAL}. */
  public static final int DECIMAL_PRECISION = 12;

  /** The digits after the point of a {@link #DECIMAL}. */
  public static final int DECIMAL_SCALE = 2;
}

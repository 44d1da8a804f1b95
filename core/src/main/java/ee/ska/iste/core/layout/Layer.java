package ee.ska.iste.core.layout;

/**
 * The layers of the warehouse, in the order data flows through them. A table's name starts with its
 * layer's prefix ({@code stg_submission}, {@code fct_case}, {@code mart_outcomes}).
 */
public enum Layer {
  /** As received, validated, pseudonymised: one table per contract sheet, plus rejects and logs. */
  STG,
  /** Intermediate steps of the model (episodes joined into cases, scores). */
  INT,
  /** Conformed dimensions. */
  DIM,
  /** Facts at their stated grain. */
  FCT,
  /** Measures and other figures for reports. */
  MART,
  /** Reference data as loaded for the run. */
  REF;

  public String prefix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The layer a table name belongs to, from its prefix. */
  public static Layer ofTable(String table) {
    int us = table.indexOf('_');
    if (us < 0) {
      throw new IllegalArgumentException("table name has no layer prefix: " + table);
    }
    return Layer.valueOf(table.substring(0, us).toUpperCase(java.util.Locale.ROOT));
  }
}

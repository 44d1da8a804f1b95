package ee.ska.iste.core.contract;

/**
 * A sheet column's type as the contract states it (contract.md: text, code, date, int, decimal).
 */
public enum CellType {
  /** Free text or an identifier. */
  TEXT,
  /** A value of a code list ({@link CodeList}). */
  CODE,
  /** An ISO {@code YYYY-MM-DD} date (an Excel date cell is also accepted). */
  DATE,
  /** A whole number. */
  INTEGER,
  /** A decimal number (a point; a comma in a quoted CSV cell). */
  DECIMAL;

  /** True for the types a workbook holds as number cells. */
  public boolean numeric() {
    return this == INTEGER || this == DECIMAL;
  }
}

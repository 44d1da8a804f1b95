package ee.ska.iste.core.contract;

/**
 * A column of a submission sheet.
 *
 * @param name the exact header (lower case, no diacritics)
 * @param type the contract's type; a workbook holds dates as date cells and numbers as numbers
 * @param required whether an empty cell breaks a rule ({@code VALUE_REQUIRED}, or a refusal on the
 *     cover)
 * @param codeList where the allowed values of a {@link CellType#CODE} column (or a numeric one
 *     checked against a code list) come from; null when there is none
 */
public record SheetColumn(String name, CellType type, boolean required, CodeList codeList) {
  public SheetColumn {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a contract column name: " + name);
    }
    if (type == CellType.CODE && codeList == null) {
      throw new IllegalArgumentException("code column " + name + " has no code list");
    }
  }
}

package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.contract.ContractSheet;
import java.util.List;

/**
 * One sheet as read, before validation: the header and the non-blank data rows, every cell as
 * trimmed text (an Excel date cell already as ISO {@code YYYY-MM-DD}, an Excel number as plain
 * decimal text).
 */
record RawSheet(String name, List<String> header, List<RawRow> rows) {
  RawSheet {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /**
   * One data row.
   *
   * @param sourceRow the row number a person sees in Excel (header = 1)
   * @param spec the sheet
   * @param cells trimmed text (null = empty) of each of the sheet's columns, in contract order
   * @param commaDecimalAllowed columns whose cell may use a decimal comma (a quoted CSV cell)
   * @param extraCells true when a cell outside the header's columns holds a value (in CSV, often an
   *     unquoted decimal comma that split a cell in two)
   */
  record RawRow(
      int sourceRow,
      ContractSheet spec,
      String[] cells,
      java.util.Set<String> commaDecimalAllowed,
      boolean extraCells) {
    /** The cell of a contract column (null = empty or not a column of the sheet). */
    String get(String column) {
      int i = spec.position(column);
      return i < 0 ? null : cells[i];
    }
  }
}

package ee.ska.iste.pipelines.ingest;

import java.util.List;
import java.util.Map;

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
   * @param cells column name to trimmed text (null = empty)
   * @param commaDecimalAllowed columns whose cell may use a decimal comma (a quoted CSV cell)
   * @param extraCells true when a cell outside the header's columns holds a value (in CSV, often
   *     an unquoted decimal comma that split a cell in two)
   */
  record RawRow(
      int sourceRow,
      Map<String, String> cells,
      java.util.Set<String> commaDecimalAllowed,
      boolean extraCells) {
    String get(String column) {
      return cells.get(column);
    }
  }
}

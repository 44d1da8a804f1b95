package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.quality.RefusalReason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the rows of one sheet as a reader streams them: the first non-blank row is the header,
 * blank rows (empty trailing rows included) are skipped and not counted, cells are trimmed (a
 * no-break space counts as space), unknown columns are ignored with a warning.
 */
final class SheetBuilder {
  private final String fileName;
  private final ContractSheet spec;
  private final ReadCaps caps;

  /** Non-blank rows after the header, counted against {@code SHEET_ROWS}. */
  private long dataRows;

  private final List<String> warnings = new ArrayList<>();
  private final List<RawSheet.RawRow> rows = new ArrayList<>();
  private List<String> header;
  private Map<String, Integer> columnIndex;

  /** The cell position of each contract column, in contract order, once the header is read. */
  private int[] columnAt;

  SheetBuilder(String fileName, ContractSheet spec, ReadCaps caps) {
    this.fileName = fileName;
    this.spec = spec;
    this.caps = caps;
  }

  /** Cleans a cell: trimmed, no-break spaces as spaces, empty as null. */
  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * One row as read.
   *
   * @param sourceRow Excel row number (header = 1)
   * @param cells cell text by column position (null or missing = empty); not kept
   * @param quoted whether each cell was quoted in CSV (null for XLSX)
   */
  void row(int sourceRow, List<String> cells, List<Boolean> quoted) throws SubmissionRefused {
    String[] cleaned = new String[cells.size()];
    boolean blank = true;
    for (int i = 0; i < cleaned.length; i++) {
      cleaned[i] = clean(cells.get(i));
      blank &= cleaned[i] == null;
    }
    if (blank) {
      return;
    }
    checkCaps(sourceRow, cleaned);
    if (header == null) {
      readHeader(cells);
      return;
    }
    String[] values = new String[spec.columnNames().size()];
    Set<String> commaAllowed = Set.of();
    for (int c = 0; c < values.length; c++) {
      int i = columnAt[c];
      values[c] = i < cleaned.length ? cleaned[i] : null;
      if (quoted != null && i < quoted.size() && quoted.get(i)) {
        if (commaAllowed.isEmpty()) {
          commaAllowed = new HashSet<>();
        }
        commaAllowed.add(spec.columnNames().get(c));
      }
    }
    boolean extraCells = false;
    for (int i = 0; i < cleaned.length; i++) {
      if ((i >= header.size() || header.get(i) == null) && cleaned[i] != null) {
        extraCells = true;
      }
    }
    rows.add(new RawSheet.RawRow(sourceRow, spec, values, commaAllowed, extraCells));
  }

  /**
   * Refuses the submission when the sheet has more data rows than {@code SHEET_ROWS}, a cell more
   * characters than {@code CELL_CHARS} or a number more digits than {@code NUMBER_DIGITS}.
   */
  private void checkCaps(int sourceRow, String[] cleaned) throws SubmissionRefused {
    if (header != null && ++dataRows > caps.sheetRows()) {
      throw ReadCaps.exceeded(
          fileName + ": sheet '" + spec.sheetName() + "'", "SHEET_ROWS", caps.sheetRows(), "rows");
    }
    if (cleaned.length > caps.sheetColumns()) {
      throw ReadCaps.exceeded(
          fileName + ": sheet '" + spec.sheetName() + "' row " + sourceRow,
          "SHEET_COLUMNS",
          caps.sheetColumns(),
          "columns");
    }
    for (int i = 0; i < cleaned.length; i++) {
      String c = cleaned[i];
      if (c == null) {
        continue;
      }
      if (c.length() > caps.cellChars()) {
        throw ReadCaps.exceeded(where(sourceRow, i), "CELL_CHARS", caps.cellChars(), "characters");
      }
      if (ReadCaps.digitsOfNumber(c) > caps.numberDigits()) {
        throw ReadCaps.exceeded(
            where(sourceRow, i), "NUMBER_DIGITS", caps.numberDigits(), "digits");
      }
    }
  }

  /** The file, sheet, row and column of a cell: the header's name when it is a contract column. */
  private String where(int sourceRow, int column) {
    String name = header != null && column < header.size() ? header.get(column) : null;
    String col =
        name != null && spec.columnNames().contains(name)
            ? "'" + name + "'"
            : org.apache.poi.ss.util.CellReference.convertNumToColString(column);
    return fileName + ": sheet '" + spec.sheetName() + "' row " + sourceRow + " column " + col;
  }

  private void readHeader(List<String> cells) throws SubmissionRefused {
    header = new ArrayList<>();
    columnIndex = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = clean(cells.get(i));
      header.add(name);
      if (name == null) {
        continue;
      }
      if (spec.columnNames().contains(name)) {
        if (columnIndex.containsKey(name)) {
          warnings.add("column '" + name + "' appears twice; the first one is read");
        } else {
          columnIndex.put(name, i);
        }
      } else {
        warnings.add("unknown column '" + Redact.text(name) + "' ignored");
      }
    }
    checkColumns();
    columnAt = spec.columnNames().stream().mapToInt(columnIndex::get).toArray();
  }

  private void checkColumns() throws SubmissionRefused {
    for (String c : spec.columnNames()) {
      if (columnIndex == null || !columnIndex.containsKey(c)) {
        throw new SubmissionRefused(
            RefusalReason.MISSING_COLUMN,
            fileName + ": sheet '" + spec.sheetName() + "' has no column '" + c + "'");
      }
    }
  }

  RawSheet build() throws SubmissionRefused {
    if (header == null) {
      checkColumns();
    }
    return new RawSheet(spec.sheetName(), header, rows);
  }

  List<String> warnings() {
    return warnings;
  }
}

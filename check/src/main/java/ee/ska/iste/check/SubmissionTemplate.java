package ee.ska.iste.check;

import ee.ska.iste.core.contract.CellType;
import ee.ska.iste.core.contract.CodeList;
import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.contract.SheetColumn;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.SubmissionCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The submission template {@code ISTE_<EHAK>_<YYYY>Q<n>.xlsx}: the contract's six sheets with their
 * headers (frozen), the cover filled in, every code column a drop-down list drawn from the
 * contract's code lists (the codes on a hidden sheet, referred to by name, so that no list is
 * limited to Excel's 255 characters), date columns formatted as dates, number columns limited to
 * their ranges (need level and item answers from reference data, hours up to {@code
 * MAX_MONTH_HOURS}), text columns formatted as text (a personal code keeps its digits), and a short
 * sheet of instructions in Estonian. Carried forward from the previous quarter's file: the clients
 * whose episode is still open at the new quarter's start, with their assessments and plans (the
 * case file); no participation or QoL rows.
 */
public final class SubmissionTemplate {
  /** Rows (after the header) the validations cover. */
  static final int LAST_ROW = 20_000;

  static final String INSTRUCTIONS = "juhend";
  static final String CODES = "koodid";

  private final ReferenceData ref;

  public SubmissionTemplate(ReferenceData ref) {
    this.ref = ref;
  }

  /** What was written: the file and the rows carried forward per sheet. */
  public record Written(Path file, Map<ContractSheet, Integer> carried) {}

  /**
   * Writes the template for {@code kov} and {@code quarter} into {@code outDir}; never over an
   * existing file.
   *
   * @param from the previous quarter's submission to carry forward, or null
   * @throws IllegalArgumentException when the KOV has no allocation in the quarter, the file exists
   *     or {@code from} cannot be read
   */
  public Written write(String kov, Quarter quarter, Path from, Path outDir) {
    boolean inRound =
        ref.allocations(quarter.firstDay()).stream().anyMatch(a -> a.kovCodes().contains(kov))
            || ref.allocations(quarter.lastDay()).stream()
                .anyMatch(a -> a.kovCodes().contains(kov));
    if (!inRound) {
      throw new IllegalArgumentException(
          "KOV " + kov + " has no allocation of places in " + quarter);
    }
    Path file = outDir.resolve("ISTE_" + kov + "_" + quarter + ".xlsx");
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " exists; the template is never written over it");
    }
    Map<ContractSheet, List<String[]>> carried =
        from == null ? Map.of() : carryForward(SubmissionCheck.cells(from, ref), quarter);
    OutputFiles.writeAtomically(
        file,
        out -> {
          try (XSSFWorkbook wb = workbook(kov, quarter, carried)) {
            wb.write(out);
          }
        });
    Map<ContractSheet, Integer> counts = new java.util.EnumMap<>(ContractSheet.class);
    carried.forEach((s, rows) -> counts.put(s, rows.size()));
    return new Written(file, counts);
  }

  /** The open episodes at the quarter's start, with their assessments and plans. */
  static Map<ContractSheet, List<String[]>> carryForward(
      Map<ContractSheet, List<String[]>> previous, Quarter quarter) {
    int end = ContractSheet.KLIENT.index("lopp");
    int exit = ContractSheet.KLIENT.index("valjumise_pohjus");
    List<String[]> clients = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (String[] r : previous.get(ContractSheet.KLIENT)) {
      LocalDate lopp = isoDate(r[end]);
      boolean open = r[end] == null || (lopp != null && !lopp.isBefore(quarter.firstDay()));
      if (open && r[0] != null) {
        clients.add(r);
        codes.add(PersonalCode.normalise(r[0]));
      }
    }
    Map<ContractSheet, List<String[]>> out = new java.util.EnumMap<>(ContractSheet.class);
    out.put(ContractSheet.KLIENT, clients);
    for (ContractSheet s : List.of(ContractSheet.HINDAMINE, ContractSheet.PLAAN)) {
      out.put(
          s,
          previous.get(s).stream()
              .filter(r -> r[0] != null && codes.contains(PersonalCode.normalise(r[0])))
              .toList());
    }
    // an episode that is still open carries no exit reason
    clients.replaceAll(
        r -> {
          if (r[end] == null && r[exit] != null) {
            String[] c = r.clone();
            c[exit] = null;
            return c;
          }
          return r;
        });
    return out;
  }

  private XSSFWorkbook workbook(
      String kov, Quarter quarter, Map<ContractSheet, List<String[]>> carried) throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    Styles st = new Styles(wb);
    instructions(wb, st);
    CodeSheet codes = new CodeSheet(wb);
    for (ContractSheet spec : ContractSheet.values()) {
      XSSFSheet sheet = wb.createSheet(spec.sheetName());
      Row header = sheet.createRow(0);
      List<SheetColumn> cols = spec.columns();
      for (int c = 0; c < cols.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(cols.get(c).name());
        cell.setCellStyle(st.header);
        sheet.setColumnWidth(c, Math.max(12, cols.get(c).name().length() + 4) * 256);
        sheet.setDefaultColumnStyle(c, st.of(cols.get(c)));
        validate(sheet, spec, c, cols.get(c), quarter, codes);
      }
      sheet.createFreezePane(0, 1);
      if (spec == ContractSheet.KAAS) {
        cover(sheet, st, kov, quarter);
      }
      int r = 1;
      for (String[] values : carried.getOrDefault(spec, List.of())) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < cols.size(); c++) {
          cell(row, c, cols.get(c), values[c], st);
        }
      }
    }
    wb.setSheetOrder(CODES, wb.getNumberOfSheets() - 1);
    wb.setSheetHidden(wb.getSheetIndex(CODES), true);
    wb.setActiveSheet(wb.getSheetIndex(ContractSheet.KLIENT.sheetName()));
    wb.setSelectedTab(wb.getSheetIndex(ContractSheet.KLIENT.sheetName()));
    return wb;
  }

  private void cover(XSSFSheet sheet, Styles st, String kov, Quarter quarter) {
    Row row = sheet.createRow(1);
    row.createCell(0).setCellValue(kov);
    row.getCell(0).setCellStyle(st.text);
    row.createCell(1).setCellValue(quarter.toString());
    row.getCell(1).setCellStyle(st.text);
    RefTable versions = ref.table("form_versions");
    String version =
        versions.validOn(quarter.firstDay()).stream()
            .map(r -> versions.required(r, "code"))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new IllegalStateException("no form version valid in " + quarter));
    row.createCell(3).setCellValue(version);
    row.getCell(3).setCellStyle(st.text);
  }

  private static void cell(Row row, int c, SheetColumn col, String value, Styles st) {
    if (value == null) {
      return;
    }
    Cell cell = row.createCell(c);
    CellType type = col.type();
    if (type == CellType.DATE && isoDate(value) != null) {
      cell.setCellValue(isoDate(value));
    } else if ((type == CellType.INTEGER || type == CellType.DECIMAL) && isNumber(value)) {
      cell.setCellValue(Double.parseDouble(value));
    } else {
      cell.setCellValue(value);
    }
    cell.setCellStyle(st.of(col));
  }

  private static boolean isNumber(String v) {
    return v.matches("-?\\d{1,15}(\\.\\d{1,10})?");
  }

  private static LocalDate isoDate(String v) {
    try {
      return v == null ? null : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The column's drop-down list or range, on the rows below the header. */
  private void validate(
      XSSFSheet sheet, ContractSheet spec, int c, SheetColumn col, Quarter q, CodeSheet codes) {
    DataValidationHelper h = sheet.getDataValidationHelper();
    int last = spec == ContractSheet.KAAS ? 1 : LAST_ROW;
    CellRangeAddressList where = new CellRangeAddressList(1, last, c, c);
    DataValidationConstraint constraint = null;
    String error = "template.numberError";
    String name = col.name();
    if (name.equals("tase")) {
      List<Integer> levels = ref.codes("need_levels").stream().map(Integer::valueOf).toList();
      constraint =
          h.createIntegerConstraint(
              OperatorType.BETWEEN,
              Integer.toString(levels.stream().min(Integer::compare).orElseThrow()),
              Integer.toString(levels.stream().max(Integer::compare).orElseThrow()));
    } else if (name.matches("k[1-8]")) {
      RefTable instruments = ref.table("instruments");
      Map<String, String> i = instruments.validOn(q.firstDay()).get(0);
      constraint =
          h.createIntegerConstraint(
              OperatorType.BETWEEN,
              instruments.required(i, "scale_min"),
              instruments.required(i, "scale_max"));
    } else if (name.equals("tunnid")) {
      constraint =
          h.createDecimalConstraint(
              OperatorType.BETWEEN,
              "0.01",
              ref.threshold("MAX_MONTH_HOURS", q.firstDay()).toPlainString());
    } else if (name.equals("eesmarke") || name.equals("saavutatud")) {
      constraint = h.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
    } else if (name.equals("kuu")) {
      constraint = h.createExplicitListConstraint(q.months().toArray(String[]::new));
      error = "template.codeError";
    } else if (col.codeList() != null && spec != ContractSheet.KAAS) {
      constraint =
          h.createFormulaListConstraint(
              codes.range(spec.sheetName() + "_" + col.name(), codes(col.codeList())));
      error = "template.codeError";
    } else if (col.type() == CellType.DATE) {
      constraint =
          h.createDateConstraint(OperatorType.GREATER_OR_EQUAL, "DATE(1990,1,1)", null, null);
      error = "template.dateError";
    }
    if (constraint == null) {
      return;
    }
    DataValidation dv = h.createValidation(constraint, where);
    dv.setShowErrorBox(true);
    dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
    Messages et = new Messages(Locale.forLanguageTag("et"));
    dv.createErrorBox(et.get("template.errorTitle"), et.get(error));
    dv.setEmptyCellAllowed(true);
    sheet.addValidationData(dv);
  }

  /** The codes a column allows, as the validator takes them: fixed ones, then the tables'. */
  private List<String> codes(CodeList list) {
    Set<String> codes = new LinkedHashSet<>(list.fixedCodes());
    list.refTables().forEach(t -> codes.addAll(ref.codes(t)));
    return List.copyOf(codes);
  }

  /** The hidden sheet of code lists, one column each, each a named range. */
  private static final class CodeSheet {
    private final XSSFWorkbook wb;
    private final XSSFSheet sheet;
    private final Map<String, String> names = new java.util.HashMap<>();

    CodeSheet(XSSFWorkbook wb) {
      this.wb = wb;
      this.sheet = wb.createSheet(CODES);
    }

    /** The defined name of a column's list ({@code <sheet>_<column>}), written the first time. */
    String range(String column, List<String> codes) {
      return names.computeIfAbsent(
          column,
          k -> {
            int c = names.size();
            Row header = row(0);
            header.createCell(c).setCellValue(column);
            for (int i = 0; i < codes.size(); i++) {
              row(i + 1).createCell(c).setCellValue(codes.get(i));
            }
            String col = CellReference.convertNumToColString(c);
            Name name = wb.createName();
            String n = "kood_" + column;
            name.setNameName(n);
            name.setRefersToFormula(
                "'" + CODES + "'!$" + col + "$2:$" + col + "$" + (codes.size() + 1));
            return n;
          });
    }

    private Row row(int i) {
      Row r = sheet.getRow(i);
      return r == null ? sheet.createRow(i) : r;
    }
  }

  private void instructions(XSSFWorkbook wb, Styles st) throws IOException {
    XSSFSheet sheet = wb.createSheet(INSTRUCTIONS);
    List<String> lines;
    try (InputStream in = SubmissionTemplate.class.getResourceAsStream("juhend.txt")) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("juhend.txt is not on the class path"));
      }
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    sheet.setColumnWidth(0, 120 * 256);
    for (int i = 0; i < lines.size(); i++) {
      Cell c = sheet.createRow(i).createCell(0);
      c.setCellValue(lines.get(i));
      c.setCellStyle(i == 0 ? st.header : st.wrap);
    }
  }

  /** The cell styles: text, date, whole and decimal numbers, the header. */
  private static final class Styles {
    final CellStyle header;
    final CellStyle text;
    final CellStyle date;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle wrap;

    Styles(XSSFWorkbook wb) {
      short textFormat = wb.createDataFormat().getFormat("@");
      header = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      text = wb.createCellStyle();
      text.setDataFormat(textFormat);
      date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      integer = wb.createCellStyle();
      integer.setDataFormat(wb.createDataFormat().getFormat("0"));
      decimal = wb.createCellStyle();
      decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      wrap = wb.createCellStyle();
      wrap.setWrapText(true);
    }

    CellStyle of(SheetColumn col) {
      return switch (col.type()) {
        case DATE -> date;
        case INTEGER -> integer;
        case DECIMAL -> decimal;
        default -> text;
      };
    }
  }
}

package ee.ska.iste.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.contract.CellType;
import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.contract.SheetColumn;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionGenerator;
import ee.ska.iste.pipelines.ingest.SubmissionCheck;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submission template: its sheets, lists and ranges as a spreadsheet program sees them; opened
 * and saved again by LibreOffice without error; and the round trip template → filled with the
 * generator's rows → check, which finds what the ingest finds in the generated file itself.
 */
class SubmissionTemplateTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  private static final LocalDate TODAY = LocalDate.of(2024, 7, 10);
  private static final ReferenceData REF = ReferenceData.builtIn();

  @TempDir static Path tmp;
  static Path generated;

  @BeforeAll
  static void generate() throws Exception {
    generated = tmp.resolve("generated");
    new SubmissionGenerator()
        .generate(GeneratorConfig.of(generated, List.of(Q), 2207).withScale(0.1));
  }

  @Test
  void sheetsHeadersListsAndRanges() throws Exception {
    Path file = new SubmissionTemplate(REF).write("0793", Q, null, tmp.resolve("plain")).file();
    assertEquals("ISTE_0793_2024Q2.xlsx", file.getFileName().toString());
    try (XSSFWorkbook wb = open(file)) {
      for (ContractSheet spec : ContractSheet.values()) {
        XSSFSheet s = wb.getSheet(spec.sheetName());
        assertNotNull(s, spec.sheetName());
        List<String> header = new ArrayList<>();
        s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        assertEquals(spec.columnNames(), header);
        assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition());
      }
      DataFormatter f = new DataFormatter();
      Row cover = wb.getSheet("kaas").getRow(1);
      assertEquals("0793", f.formatCellValue(cover.getCell(0)));
      assertEquals("2024Q2", f.formatCellValue(cover.getCell(1)));
      assertEquals("1", f.formatCellValue(cover.getCell(3)));
      assertTrue(wb.isSheetHidden(wb.getSheetIndex("koodid")));
      assertNotNull(wb.getSheet("juhend"));

      // the drop-down lists hold the contract's codes (contract.md)
      assertEquals(List.of("A", "B", "C"), listOf(wb, "klient", "sisenemise_tee"));
      assertEquals(List.of("JAH", "EI"), listOf(wb, "klient", "koostoovalmis"));
      assertEquals(List.of("ESMANE", "KORDUV"), listOf(wb, "hindamine", "liik"));
      assertEquals(List.of("TEGEVUSPLAAN", "TOETUSPLAAN"), listOf(wb, "plaan", "liik"));
      assertEquals(List.of("OSALEJA", "PERE", "GRUPP"), listOf(wb, "osalemine", "viis"));
      assertEquals(List.of("ISTE-EQ8"), listOf(wb, "elukvaliteet", "instrument"));
      List<String> components = listOf(wb, "osalemine", "komponent");
      assertTrue(components.containsAll(List.of("BT", "VAIMNE_TERVIS", "INTERVALLHOID")));
      // the months of 2024Q2, an inline list
      DataValidationConstraint kuu = validation(wb, "osalemine", "kuu").getValidationConstraint();
      assertEquals(List.of("2024-04", "2024-05", "2024-06"), List.of(kuu.getExplicitListValues()));

      assertRange(wb, "hindamine", "tase", "0", "4");
      assertRange(wb, "elukvaliteet", "k1", "0", "10");
      assertRange(wb, "elukvaliteet", "k8", "0", "10");
      assertRange(wb, "osalemine", "tunnid", "0.01", "744");

      // formats: dates as dates, a personal code as text (its digits stay as typed)
      assertEquals("yyyy-mm-dd", columnFormat(wb, "klient", "algus"));
      assertEquals("@", columnFormat(wb, "klient", "isikukood"));
      assertEquals("0.00", columnFormat(wb, "osalemine", "tunnid"));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new SubmissionTemplate(REF).write("0793", Q, null, tmp.resolve("plain")),
        "never over an existing file");
    assertThrows(
        IllegalArgumentException.class,
        () -> new SubmissionTemplate(REF).write("9999", Q, null, tmp.resolve("x")));
  }

  @Test
  void carriedForwardTheOpenEpisodesWithTheirCaseFile() throws Exception {
    // a hand-made previous quarter: one open episode, one closed before the new quarter
    Map<ContractSheet, List<String[]>> previous =
        Map.of(
            ContractSheet.KLIENT,
            List.of(
                new String[] {
                  "38501010002", "2023-05-02", "A", "F20.0", "RASKE", "JAH", "10000001", null, null
                },
                new String[] {
                  "48001010008",
                  "2023-01-10",
                  "B",
                  "F31",
                  "SYGAV",
                  "EI",
                  "10000001",
                  "2024-03-15",
                  "LOOBUMINE"
                }),
            ContractSheet.HINDAMINE,
            List.of(
                new String[] {"38501010002", "2023-05-02", "ESMANE", "SUHTED", "3"},
                new String[] {"48001010008", "2023-01-10", "ESMANE", "SUHTED", "2"}),
            ContractSheet.PLAAN,
            List.<String[]>of(
                new String[] {"48001010008", "TEGEVUSPLAAN", "2023-02-01", null, "3", null}));
    Map<ContractSheet, List<String[]>> carried = SubmissionTemplate.carryForward(previous, Q);
    assertEquals(1, carried.get(ContractSheet.KLIENT).size());
    assertEquals("38501010002", carried.get(ContractSheet.KLIENT).get(0)[0]);
    assertEquals(1, carried.get(ContractSheet.HINDAMINE).size());
    assertEquals(0, carried.get(ContractSheet.PLAAN).size());
    assertEquals(null, carried.get(ContractSheet.OSALEMINE));
  }

  @Test
  void fromTheGeneratorsPreviousQuarterTheOpenEpisodesAndTheirCaseFileCarryForward()
      throws Exception {
    Path previous = generated.resolve("ISTE_0793_2024Q2.xlsx");
    Quarter next = Quarter.parse("2024Q3");
    SubmissionTemplate.Written w =
        new SubmissionTemplate(REF).write("0793", next, previous, tmp.resolve("next"));
    Map<ContractSheet, List<String[]>> before = SubmissionCheck.cells(previous, REF);
    long open =
        before.get(ContractSheet.KLIENT).stream()
            .filter(r -> r[ContractSheet.KLIENT.index("lopp")] == null)
            .count();
    assertTrue(open > 0);
    assertEquals((int) open, w.carried().get(ContractSheet.KLIENT));
    Map<ContractSheet, List<String[]>> after = SubmissionCheck.cells(w.file(), REF);
    assertEquals(open, after.get(ContractSheet.KLIENT).size());
    assertEquals(0, after.get(ContractSheet.OSALEMINE).size());
    assertEquals(0, after.get(ContractSheet.ELUKVALITEET).size());
    assertEquals(
        w.carried().get(ContractSheet.HINDAMINE), after.get(ContractSheet.HINDAMINE).size());
    // the carried cells read back as they were (dates as ISO, codes as typed)
    java.util.Set<List<String>> earlier = new java.util.HashSet<>();
    before.get(ContractSheet.HINDAMINE).forEach(r -> earlier.add(java.util.Arrays.asList(r)));
    for (String[] r : after.get(ContractSheet.HINDAMINE)) {
      assertTrue(earlier.contains(java.util.Arrays.asList(r)), "a carried row differs");
    }
  }

  @Test
  void roundTripTemplateFilledWithTheGeneratorsRowsChecksAsTheGeneratedFile() throws Exception {
    Path source = generated.resolve("ISTE_0793_2024Q2.xlsx");
    Path dir = tmp.resolve("filled");
    Path file = new SubmissionTemplate(REF).write("0793", Q, null, dir).file();
    Map<ContractSheet, List<String[]>> rows = SubmissionCheck.cells(source, REF);
    fill(file, rows);

    SelfCheck check = new SelfCheck(REF, Locale.ENGLISH);
    SelfCheck.Result expected = check.run(source, TODAY);
    SelfCheck.Result filled = check.run(file, TODAY);
    assertEquals(SelfCheck.CLEAN, filled.exitCode(), () -> check.summary(file, filled));
    assertEquals(counts(expected), counts(filled));
    // the instructions and codes sheets are the only other sheets: a warning, not a problem
    assertTrue(
        filled.verdicts().get(0).sheets().get(0).warnings().get(0).startsWith("2 other sheet"));

    // LibreOffice opens and saves it without error; the saved file checks the same
    Path saved = libreOfficeRoundTrip(file, tmp.resolve("lo"));
    SelfCheck.Result again = check.run(saved, TODAY);
    assertEquals(SelfCheck.CLEAN, again.exitCode(), () -> check.summary(saved, again));
    assertEquals(counts(expected), counts(again));
  }

  @Test
  void libreOfficeConvertsTheEmptyTemplateHeadless() throws Exception {
    Path file = new SubmissionTemplate(REF).write("0793", Q, null, tmp.resolve("empty")).file();
    Path saved = libreOfficeRoundTrip(file, tmp.resolve("lo-empty"));
    Map<ContractSheet, List<String[]>> cells = SubmissionCheck.cells(saved, REF);
    assertEquals(1, cells.get(ContractSheet.KAAS).size());
    assertEquals("0793", cells.get(ContractSheet.KAAS).get(0)[0]);
    try (XSSFWorkbook wb = open(saved)) {
      assertEquals(List.of("A", "B", "C"), listOf(wb, "klient", "sisenemise_tee"));
    }
  }

  /** Rows read, accepted and rejected per sheet, but the cover (its date differs). */
  private static List<List<Object>> counts(SelfCheck.Result r) {
    return r.verdicts().get(0).sheets().stream()
        .filter(s -> !s.sheet().equals("kaas"))
        .map(s -> List.<Object>of(s.sheet(), s.read(), s.accepted(), s.rejected()))
        .toList();
  }

  /** Types the rows into the template as a person would: dates as dates, numbers as numbers. */
  private static void fill(Path file, Map<ContractSheet, List<String[]>> rows) throws Exception {
    try (XSSFWorkbook wb = open(file)) {
      for (ContractSheet spec : ContractSheet.values()) {
        Sheet s = wb.getSheet(spec.sheetName());
        if (spec == ContractSheet.KAAS) {
          Cell c = s.getRow(1).createCell(2);
          c.setCellValue(LocalDate.parse(rows.get(spec).get(0)[2]));
          c.setCellStyle(s.getColumnStyle(2));
          continue;
        }
        int r = 1;
        for (String[] values : rows.get(spec)) {
          Row row = s.createRow(r++);
          for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
              continue;
            }
            SheetColumn col = spec.columns().get(i);
            Cell c = row.createCell(i);
            c.setCellStyle(s.getColumnStyle(i));
            if (col.type() == CellType.DATE) {
              c.setCellValue(LocalDate.parse(values[i]));
            } else if (col.type() == CellType.INTEGER || col.type() == CellType.DECIMAL) {
              c.setCellValue(Double.parseDouble(values[i]));
            } else {
              c.setCellValue(values[i]);
            }
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }

  /** Opens and saves the workbook with LibreOffice headless (xlsx to xlsx); the saved file. */
  static Path libreOfficeRoundTrip(Path file, Path outDir) throws Exception {
    String soffice = soffice();
    Assumptions.assumeTrue(
        soffice != null, "LibreOffice (soffice) is not installed: libreoffice-calc-nogui");
    Files.createDirectories(outDir);
    Path profile = Files.createDirectories(outDir.resolve("profile"));
    Process p =
        new ProcessBuilder(
                soffice,
                "-env:UserInstallation=" + profile.toUri(),
                "--headless",
                "--norestore",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                outDir.toString(),
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(outDir.resolve("soffice.log").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LibreOffice did not finish in 120 s");
    String log = Files.readString(outDir.resolve("soffice.log"));
    assertEquals(0, p.exitValue(), log);
    assertTrue(!log.toLowerCase(Locale.ROOT).contains("error"), log);
    Path saved = outDir.resolve(file.getFileName());
    assertTrue(Files.isRegularFile(saved), log);
    return saved;
  }

  private static String soffice() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("soffice", "libreoffice")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }

  private static XSSFWorkbook open(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  private static DataValidation validation(XSSFWorkbook wb, String sheet, String column) {
    XSSFSheet s = wb.getSheet(sheet);
    int c = ContractSheet.valueOf(sheet.toUpperCase(Locale.ROOT)).index(column);
    for (DataValidation dv : s.getDataValidations()) {
      for (var range : dv.getRegions().getCellRangeAddresses()) {
        if (range.getFirstColumn() <= c && c <= range.getLastColumn() && range.getFirstRow() == 1) {
          return dv;
        }
      }
    }
    throw new AssertionError("no validation on " + sheet + "." + column);
  }

  /** The codes a list validation offers: the cells its named range refers to. */
  private static List<String> listOf(XSSFWorkbook wb, String sheet, String column) {
    DataValidationConstraint c = validation(wb, sheet, column).getValidationConstraint();
    assertEquals(DataValidationConstraint.ValidationType.LIST, c.getValidationType());
    String formula = c.getFormula1().replace("=", "");
    var name = wb.getName(formula);
    String ref = name == null ? formula : name.getRefersToFormula();
    AreaReference area = new AreaReference(ref, wb.getSpreadsheetVersion());
    List<String> out = new ArrayList<>();
    for (CellReference r : area.getAllReferencedCells()) {
      Row row = wb.getSheet(r.getSheetName()).getRow(r.getRow());
      out.add(new DataFormatter().formatCellValue(row.getCell(r.getCol())));
    }
    return out;
  }

  private static void assertRange(
      XSSFWorkbook wb, String sheet, String column, String min, String max) {
    DataValidationConstraint c = validation(wb, sheet, column).getValidationConstraint();
    assertEquals(DataValidationConstraint.OperatorType.BETWEEN, c.getOperator());
    assertEquals(min, c.getFormula1(), sheet + "." + column);
    assertEquals(max, c.getFormula2(), sheet + "." + column);
  }

  private static String columnFormat(XSSFWorkbook wb, String sheet, String column) {
    XSSFSheet s = wb.getSheet(sheet);
    int c = ContractSheet.valueOf(sheet.toUpperCase(Locale.ROOT)).index(column);
    return s.getColumnStyle(c).getDataFormatString();
  }
}

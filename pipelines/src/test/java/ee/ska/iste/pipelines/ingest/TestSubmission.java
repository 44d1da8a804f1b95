package ee.ska.iste.pipelines.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small submission built in a test: the hand-written base (the same content as
 * src/test/resources/ingest/valid/ISTE_0793_2024Q2), changed cell by cell, written as a CSV folder
 * or as an XLSX workbook.
 */
final class TestSubmission {
  static final String C1 = "37605030299"; // male, born 1976-05-03
  static final String C2 = "49403136526"; // female, born 1994-03-13
  static final String P3 = "38501010002"; // male, born 1985-01-01, not in the base klient sheet

  private static final Set<String> DATE_COLUMNS =
      Set.of("esitatud", "algus", "lopp", "kuupaev", "koostatud", "ylevaadatud");
  private static final Set<String> NUMBER_COLUMNS =
      Set.of(
          "isikukood",
          "tase",
          "eesmarke",
          "saavutatud",
          "tunnid",
          "k1",
          "k2",
          "k3",
          "k4",
          "k5",
          "k6",
          "k7",
          "k8");

  final Map<String, List<List<String>>> sheets = new LinkedHashMap<>();

  static TestSubmission base() {
    TestSubmission t = new TestSubmission();
    t.sheet(
        "kaas",
        "kov,kvartal,esitatud,vorm_versioon,koostaja",
        "0793,2024Q2,2024-07-05,1,Mari Maasikas");
    t.sheet(
        "klient",
        "isikukood,algus,sisenemise_tee,pohidiagnoos,raskusaste,koostoovalmis,bto,lopp,"
            + "valjumise_pohjus",
        C1 + ",2024-01-10,B,F20.0,RASKE,JAH,10000001,,",
        C2 + ",2024-04-15,C,F32.1,SYGAV,EI,10000001,2024-06-20,LOOBUMINE");
    t.sheet(
        "hindamine",
        "isikukood,kuupaev,liik,eluvaldkond,tase",
        C1 + ",2024-01-12,ESMANE,VAIMNE_TERVIS,3",
        C1 + ",2024-01-12,ESMANE,ELUKOHT,2",
        C2 + ",2024-04-20,ESMANE,SUHTED,4");
    t.sheet(
        "plaan",
        "isikukood,liik,koostatud,ylevaadatud,eesmarke,saavutatud",
        C1 + ",TEGEVUSPLAAN,2024-01-20,2024-05-02,3,1",
        C2 + ",TOETUSPLAAN,2024-04-25,,2,");
    t.sheet(
        "osalemine",
        "isikukood,kuu,komponent,viis,osutaja,tunnid",
        C1 + ",2024-04,BT,OSALEJA,10000001,12.5",
        C1 + ",2024-05,SUHTED,GRUPP,10000002,4",
        C2 + ",2024-05,BT,OSALEJA,10000001,6.25");
    t.sheet(
        "elukvaliteet",
        "isikukood,kuupaev,instrument,k1,k2,k3,k4,k5,k6,k7,k8",
        C1 + ",2024-05-10,ISTE-EQ8,7,6,8,5,,9,7,6",
        C2 + ",2024-06-01,ISTE-EQ8,5,5,5,5,5,5,5,5");
    return t;
  }

  private void sheet(String name, String header, String... rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(split(header));
    for (String r : rows) {
      all.add(split(r));
    }
    sheets.put(name, all);
  }

  private static List<String> split(String line) {
    return new ArrayList<>(Arrays.asList(line.split(",", -1)));
  }

  /** Appends a row (comma-separated, no quoting) and returns its Excel row number. */
  TestSubmission add(String sheet, String row) {
    sheets.get(sheet).add(split(row));
    return this;
  }

  /** Sets one cell; {@code excelRow} 1 is the header. */
  TestSubmission set(String sheet, int excelRow, String column, String value) {
    List<List<String>> rows = sheets.get(sheet);
    int col = rows.get(0).indexOf(column);
    rows.get(excelRow - 1).set(col, value);
    return this;
  }

  TestSubmission dropSheet(String sheet) {
    sheets.remove(sheet);
    return this;
  }

  TestSubmission dropColumn(String sheet, String column) {
    List<List<String>> rows = sheets.get(sheet);
    int col = rows.get(0).indexOf(column);
    rows.forEach(r -> r.remove(col));
    return this;
  }

  /** Rows with a given number of data rows of a sheet: base rows + added. */
  int dataRows(String sheet) {
    return sheets.get(sheet).size() - 1;
  }

  /** Validates a submission written to disk, as the ingest job does before writing. */
  static ValidatedSubmission validate(Path path) throws SubmissionRefused {
    boolean dir = Files.isDirectory(path);
    SubmissionFile f = SubmissionFile.of(path, dir).orElseThrow();
    ee.ska.iste.core.ref.ReferenceData ref = ee.ska.iste.core.ref.ReferenceData.builtIn();
    ReadCaps caps = ReadCaps.of(ref, f.quarter().firstDay());
    RawSubmission raw =
        dir ? new CsvSubmissionReader(caps).read(path) : new XlsxSubmissionReader(caps).read(path);
    SubmissionValidator v = new SubmissionValidator(ref, IngestJobTest.KEY);
    return v.validate(f, raw, v.cover(f, raw));
  }

  /** Writes {@code dir/name/} with one CSV per sheet; a cell holding a comma or quote is quoted. */
  Path writeCsv(Path dir, String name) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (Map.Entry<String, List<List<String>>> e : sheets.entrySet()) {
      StringBuilder sb = new StringBuilder();
      for (List<String> row : e.getValue()) {
        List<String> cells = new ArrayList<>();
        for (String c : row) {
          cells.add(
              c.contains("\"") || c.contains(",") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        sb.append(String.join(",", cells)).append('\n');
      }
      Files.writeString(folder.resolve(e.getKey() + ".csv"), sb.toString(), StandardCharsets.UTF_8);
    }
    return folder;
  }

  /**
   * Writes {@code dir/name.xlsx}. With {@code typed}, a date column's ISO date becomes an Excel
   * date cell (shown as dd.mm.yyyy) and a number column's number a numeric cell, as a person
   * filling the form in Excel would make them; otherwise every cell is text.
   */
  Path writeXlsx(Path dir, String name, boolean typed) throws IOException {
    return writeXlsx(dir, name, typed, false);
  }

  /** As {@link #writeXlsx(Path, String, boolean)}, in Excel's 1904 date system when asked. */
  Path writeXlsx(Path dir, String name, boolean typed, boolean date1904) throws IOException {
    Path file = Files.createDirectories(dir).resolve(name + ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      if (date1904) {
        var ct = wb.getCTWorkbook();
        (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
      }
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
      for (Map.Entry<String, List<List<String>>> e : sheets.entrySet()) {
        Sheet sheet = wb.createSheet(e.getKey());
        List<List<String>> rows = e.getValue();
        List<String> header = rows.get(0);
        for (int r = 0; r < rows.size(); r++) {
          Row row = sheet.createRow(r);
          for (int c = 0; c < rows.get(r).size(); c++) {
            String v = rows.get(r).get(c);
            if (v.isEmpty()) {
              continue;
            }
            Cell cell = row.createCell(c);
            String column = c < header.size() ? header.get(c) : "";
            if (typed
                && r > 0
                && DATE_COLUMNS.contains(column)
                && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
              cell.setCellValue(LocalDate.parse(v));
              cell.setCellStyle(dateStyle);
            } else if (typed
                && r > 0
                && NUMBER_COLUMNS.contains(column)
                && v.matches("-?\\d+([.,]\\d+)?")) {
              cell.setCellValue(Double.parseDouble(v.replace(',', '.')));
            } else {
              cell.setCellValue(v);
            }
          }
        }
      }
      wb.write(out);
    }
    return file;
  }
}

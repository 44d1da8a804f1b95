package ee.ska.iste.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both forms of a small generation (four KOVs, scale 0.1, one quarter, 5% defective rows): bytes
 * and cells. The allocations are cut down to three (Tallinn, the joint Haapsalu + Lääne-Nigula one
 * and Jõhvi) through a reference data override, to keep the workbook tests fast.
 */
class SubmissionFormatsTest {
  private static final String ALLOCATIONS =
      """
      allocation_id,round,kov_codes,places,valid_from,valid_to
      A2023-0784,2023-2024,0784,130,2023-01-01,2026-12-31
      A2023-0184-0441,2023-2024,0184;0441,24,2023-01-01,2026-12-31
      A2023-0251,2023-2024,0251,5,2023-01-01,2026-12-31
      """;

  @TempDir static Path dir;
  static GeneratorConfig xlsx;
  static GeneratorConfig csv;
  static ReferenceData ref;

  @BeforeAll
  static void generate() throws IOException {
    Path refDir = Files.createDirectories(dir.resolve("ref"));
    Files.writeString(refDir.resolve("allocations.csv"), ALLOCATIONS);
    ref = ReferenceData.withOverrides(refDir);
    xlsx =
        new GeneratorConfig(
            dir.resolve("xlsx1"),
            Quarter.parseRange("2024Q1"),
            7,
            0.1,
            SubmissionFormat.XLSX,
            0.05);
    csv = xlsx.withFormat(SubmissionFormat.CSV).withOutDir(dir.resolve("csv"));
    SubmissionGenerator g = generator();
    g.generate(xlsx);
    g.generate(csv);
  }

  @Test
  void sameConfigGivesTheSameBytes() throws IOException {
    SubmissionGenerator g = generator();
    g.generate(xlsx.withOutDir(dir.resolve("xlsx2")));
    g.generate(csv.withOutDir(dir.resolve("csv2")));
    assertSameFiles(dir.resolve("xlsx1"), dir.resolve("xlsx2"));
    assertSameFiles(dir.resolve("csv"), dir.resolve("csv2"));
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    Path other = dir.resolve("csv-seed8");
    generator().generate(csv.withSeed(8).withOutDir(other));
    Path a = dir.resolve("csv/ISTE_0784_2024Q1/klient.csv");
    Path b = other.resolve("ISTE_0784_2024Q1/klient.csv");
    assertNotEquals(Files.readString(a), Files.readString(b));
  }

  @Test
  void csvHeadersAreTheContractColumns() throws IOException {
    for (Path s : Submissions.folders(dir.resolve("csv"))) {
      for (ContractSheet sheet : ContractSheet.values()) {
        assertEquals(
            sheet.columnNames(),
            Submissions.sheet(s, sheet.sheetName()).get(0),
            s + " " + sheet.sheetName());
      }
    }
  }

  @Test
  void workbookSheetsAndHeadersAreTheContractOnes() throws IOException {
    try (Workbook wb =
        WorkbookFactory.create(dir.resolve("xlsx1/ISTE_0784_2024Q1.xlsx").toFile(), null, true)) {
      ContractSheet[] sheets = ContractSheet.values();
      assertEquals(sheets.length, wb.getNumberOfSheets());
      for (int i = 0; i < sheets.length; i++) {
        assertEquals(sheets[i].sheetName(), wb.getSheetName(i));
        assertEquals(sheets[i].columnNames(), cells(wb.getSheetAt(i)).get(0));
      }
    }
  }

  @Test
  void workbookAndCsvFolderCarryTheSameCellValues() throws IOException {
    List<Path> folders = Submissions.folders(dir.resolve("csv"));
    assertEquals(4, folders.size());
    for (Path folder : folders) {
      Path workbook = dir.resolve("xlsx1").resolve(folder.getFileName() + ".xlsx");
      try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
        for (ContractSheet sheet : ContractSheet.values()) {
          List<List<String>> fromCsv = Submissions.sheet(folder, sheet.sheetName());
          List<List<String>> fromXlsx = cells(wb.getSheet(sheet.sheetName()));
          assertEquals(fromCsv, fromXlsx, folder.getFileName() + " " + sheet.sheetName());
        }
      }
    }
  }

  private static SubmissionGenerator generator() {
    return new SubmissionGenerator(ref, line -> {});
  }

  /** Every row of a sheet as the text a user sees, padded to the header's width. */
  private static List<List<String>> cells(Sheet sheet) {
    DataFormatter f = new DataFormatter(Locale.ROOT);
    int width = sheet.getRow(0).getLastCellNum();
    List<List<String>> out = new ArrayList<>();
    for (Row row : sheet) {
      List<String> values = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        Cell cell = row.getCell(c);
        values.add(cell == null ? "" : f.formatCellValue(cell));
      }
      out.add(values);
    }
    return out;
  }

  private static void assertSameFiles(Path a, Path b) throws IOException {
    List<Path> files = Submissions.files(a);
    assertEquals(files, Submissions.files(b));
    assertTrue(files.size() >= 4);
    for (Path f : files) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
    }
  }
}

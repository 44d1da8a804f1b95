package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ee.ska.iste.core.time.Quarter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryAndCellsTest {
  @TempDir Path tmp;

  @Test
  void findsWorkbooksAndCsvFoldersByNameOnly() throws Exception {
    Files.createDirectories(tmp.resolve("ISTE_0793_2024Q2"));
    Files.createDirectories(tmp.resolve("2024Q3/ISTE_0784_2024Q3"));
    Files.writeString(tmp.resolve("ISTE_0793_2024Q2_parandus.xlsx"), "");
    Files.writeString(tmp.resolve("~$ISTE_0793_2024Q2.xlsx"), ""); // Excel's lock file
    Files.writeString(tmp.resolve("ISTE_793_2024Q2.xlsx"), ""); // 3-digit EHAK: not a name
    Files.writeString(tmp.resolve("ISTE_0793_2024Q5.xlsx"), ""); // no 5th quarter
    Files.writeString(tmp.resolve("readme.txt"), "");

    List<SubmissionFile> all = IngestJob.discover(tmp, List.of());
    assertEquals(
        List.of("ISTE_0784_2024Q3", "ISTE_0793_2024Q2", "ISTE_0793_2024Q2_parandus.xlsx"),
        all.stream().map(SubmissionFile::fileName).toList());
    assertEquals(List.of(true, true, false), all.stream().map(SubmissionFile::csvFolder).toList());

    List<SubmissionFile> q3 = IngestJob.discover(tmp, List.of(Quarter.parse("2024Q3")));
    assertEquals(1, q3.size());
    assertEquals("0784", q3.get(0).kovCode());
  }

  @Test
  void cellsAreReadAsAPersonWritesThem() {
    assertEquals(LocalDate.of(2024, 4, 15), CellParsers.date("2024-04-15"));
    assertEquals(LocalDate.of(2024, 4, 5), CellParsers.date("5.4.2024"));
    assertNull(CellParsers.date("2024-02-30"));
    assertNull(CellParsers.date("04/05/2024"));
    assertEquals(YearMonth.of(2024, 5), CellParsers.month("2024-05"));
    assertEquals(YearMonth.of(2024, 5), CellParsers.month("2024-05-01")); // Excel made it a date
    assertNull(CellParsers.month("2024-13"));
    assertEquals(3, CellParsers.integer("3.0"));
    assertNull(CellParsers.integer("3.5"));
    // 12,5 only where a comma is allowed; 2 decimals, half up: 1.005 -> 1.01
    assertEquals(new BigDecimal("12.50"), CellParsers.hours("12,5", true));
    assertNull(CellParsers.hours("12,5", false));
    assertEquals(new BigDecimal("1.01"), CellParsers.hours("1.005", false));
    assertNull(CellParsers.hours("1e3", false));
  }

  @Test
  void elevenDigitRunsAreMasked() {
    assertEquals("note *********** here", Redact.text("note 37605030299 here"));
    assertEquals("123456789012", Redact.text("123456789012")); // 12 digits: not a code
    assertEquals("sheet 'x'", Redact.text("sheet 'x'"));
  }
}

package ee.ska.iste.pipelines.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook saved in Excel's 1904 date system reads back the dates as typed. */
class Date1904Test {
  @TempDir Path tmp;

  @Test
  void datesOfA1904WorkbookReadAsTyped() throws Exception {
    Path file =
        TestSubmission.base().writeXlsx(tmp.resolve("1904"), "ISTE_0793_2024Q2", true, true);
    Map<String, byte[]> parts = RawZip.read(file);
    String workbook = new String(parts.get("xl/workbook.xml"), UTF_8);
    assertTrue(workbook.matches("(?s).*date1904=\"(1|true)\".*"), workbook);
    // 2024-01-10, the first client's algus: serial 45301 in the 1900 system (2024-01-01 is
    // 45292, plus 9 days), 45301 - 1462 = 43839 in the 1904 system
    String klient = new String(parts.get("xl/worksheets/sheet2.xml"), UTF_8);
    assertTrue(klient.contains("<v>43839.0</v>"), klient);

    ValidatedSubmission v = TestSubmission.validate(file);
    assertEquals(List.of(), v.rejects());
    assertEquals(13, v.rowsAccepted());
    List<Object> episode =
        Arrays.asList(v.accepted().get(StagedTables.CLIENT_EPISODE).get(0).values());
    assertTrue(episode.contains(LocalDate.of(2024, 1, 10)), episode.toString());
    assertTrue(v.submittedOn().equals(LocalDate.of(2024, 7, 5)), v.submittedOn().toString());

    // every staged value as the same workbook saved in the 1900 system gives
    ValidatedSubmission v1900 =
        TestSubmission.validate(
            TestSubmission.base().writeXlsx(tmp.resolve("1900"), "ISTE_0793_2024Q2", true));
    for (String table : v1900.accepted().keySet()) {
      List<ValidatedSubmission.StagedRow> a = v1900.accepted().get(table);
      List<ValidatedSubmission.StagedRow> b = v.accepted().get(table);
      assertEquals(a.size(), b.size(), table);
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i).values(), b.get(i).values(), table + " row " + i);
      }
    }
  }
}

package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same submission as a CSV folder and as an XLSX workbook gives the same staged rows. */
class ParityTest {
  @TempDir Path tmp;

  @Test
  void handWrittenCsvAndTypedWorkbookGiveIdenticalRows() throws Exception {
    ValidatedSubmission csv =
        TestSubmission.validate(Path.of("src/test/resources/ingest/valid/ISTE_0793_2024Q2"));
    // The workbook as a person makes it: date cells, number cells (the personal code too), a
    // date typed as text in the Estonian form, a number stored as text, stray spaces.
    TestSubmission t =
        TestSubmission.base()
            .set("klient", 3, "algus", "15.04.2024")
            .set("plaan", 2, "eesmarke", " 3 ")
            .set("hindamine", 4, "eluvaldkond", " SUHTED\u00a0");
    ValidatedSubmission xlsx = TestSubmission.validate(t.writeXlsx(tmp, "ISTE_0793_2024Q2", true));
    ValidatedSubmission textXlsx =
        TestSubmission.validate(
            TestSubmission.base().writeXlsx(tmp.resolve("text"), "ISTE_0793_2024Q2", false));
    assertSameRows(csv, xlsx);
    assertSameRows(csv, textXlsx);
  }

  @Test
  void emptyTrailingRowsInAWorkbookAreNotRead() throws Exception {
    TestSubmission t = TestSubmission.base().add("osalemine", ",,,,,").add("osalemine", " ,,,,,");
    ValidatedSubmission v = TestSubmission.validate(t.writeXlsx(tmp, "ISTE_0793_2024Q2", true));
    assertEquals(List.of(), v.rejects());
    // 3 data rows on osalemine; the two blank ones are not rows read
    assertEquals(
        3,
        v.sheetCounts().stream()
            .filter(c -> c.sheet().equals("osalemine"))
            .findFirst()
            .orElseThrow()
            .read());
  }

  private static void assertSameRows(ValidatedSubmission a, ValidatedSubmission b) {
    assertEquals(List.of(), a.rejects());
    assertEquals(List.of(), b.rejects());
    assertEquals(a.submittedOn(), b.submittedOn());
    assertEquals(a.accepted().keySet(), b.accepted().keySet());
    for (Map.Entry<String, List<ValidatedSubmission.StagedRow>> e : a.accepted().entrySet()) {
      List<ValidatedSubmission.StagedRow> other = b.accepted().get(e.getKey());
      assertEquals(e.getValue().size(), other.size(), e.getKey());
      for (int i = 0; i < other.size(); i++) {
        assertEquals(e.getValue().get(i).sourceRow(), other.get(i).sourceRow(), e.getKey());
        assertArrayEquals(
            e.getValue().get(i).values(), other.get(i).values(), e.getKey() + " row " + i);
      }
    }
  }
}

package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.municipalities;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.FixtureRows.TARTU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quarter's set rendered on several threads is the set rendered on one, file by file. */
class QuarterReportsTest {
  private static final Quarter Q = Quarter.parse("2024Q2");

  @Test
  void threadsChangeNothingButTheTime(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("iste.duckdb");
    FixtureDb.create(
        db,
        false,
        municipalities(
            TARTU,
            "('0296','Põltsamaa vald','0051','Jõgeva maakond','A0296',12)",
            "('0784','Tallinn','0037','Harju maakond','A0784',90)"),
        outcomes(
            count("KOV", "0793", "2024Q2", "ACTIVE", 41, false),
            count("KOV", "0296", "2024Q2", "ACTIVE", 12, false),
            count("KOV", "0784", "2024Q2", "ACTIVE", 90, false),
            count("RIIK", "EE", "2024Q2", "ACTIVE", 143, false)));
    WarehouseStamp stamp = new WarehouseStamp("v000001", null);
    Locale et = Locale.forLanguageTag("et");
    List<Path> one =
        new QuarterReports(db, et, stamp, 1).render(Q, ReportFormat.PDF, dir.resolve("one"));
    List<Path> three =
        new QuarterReports(db, et, stamp, 3).render(Q, ReportFormat.PDF, dir.resolve("three"));

    // 3 KOV reports + the national dashboard + the data-quality report
    assertEquals(5, one.size());
    assertEquals(relative(dir.resolve("one"), one), relative(dir.resolve("three"), three));
    for (int i = 0; i < one.size(); i++) {
      assertEquals(
          Pdf.text(one.get(i)), Pdf.text(three.get(i)), one.get(i).getFileName().toString());
    }
    assertTrue(
        relative(dir.resolve("three"), three).contains("2024Q2/kov/ISTE_0296_2024Q2_et.pdf"),
        three.toString());
  }

  /** On request, the evaluation report joins the set, beside the national dashboard. */
  @Test
  void evaluationJoinsTheSetOnRequest(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("iste.duckdb");
    FixtureDb.create(
        db,
        false,
        municipalities(TARTU),
        outcomes(
            count("KOV", "0793", "2024Q2", "ACTIVE", 41, false),
            count("RIIK", "EE", "2024Q2", "ACTIVE", 41, false)));
    List<Path> files =
        new QuarterReports(db, Locale.ENGLISH, new WarehouseStamp("v000001", null), 2)
            .renderWithEvaluation(Q, ReportFormat.PDF, dir.resolve("out"));
    // 1 KOV report + the national dashboard + the evaluation report + the data-quality report
    assertEquals(4, files.size());
    assertTrue(
        relative(dir.resolve("out"), files).contains("2024Q2/ISTE_hindamine_2024Q2_en.pdf"),
        files.toString());
  }

  private static List<String> relative(Path root, List<Path> files) {
    List<String> out = new ArrayList<>();
    files.forEach(f -> out.add(root.relativize(f).toString()));
    return out;
  }
}

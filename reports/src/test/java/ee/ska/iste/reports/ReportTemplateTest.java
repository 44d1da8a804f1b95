package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.municipalities;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.FixtureRows.TARTU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layout loaded on another thread renders the same report as one loaded by the renderer. */
class ReportTemplateTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  private static final Locale ET = Locale.forLanguageTag("et");
  private static final WarehouseStamp STAMP = new WarehouseStamp("v1", LocalDate.of(2024, 8, 5));
  @TempDir Path dir;

  @Test
  void aTemplateLoadedInTheBackgroundRendersTheSameReport() throws Exception {
    Path db = dir.resolve("iste.duckdb");
    FixtureDb.create(
        db,
        false,
        municipalities(TARTU),
        outcomes(
            count("KOV", "0793", "2024Q2", "ACTIVE", 41, false),
            count("RIIK", "EE", "2024Q2", "ACTIVE", 41, false)));
    String background;
    try (ReportRenderer r = ReportRenderer.open(db, ET, STAMP, ReportTemplate.loadInBackground())) {
      background = Pdf.text(r.renderKov("0793", Q, ReportFormat.PDF, dir.resolve("background")));
    }
    String own;
    try (ReportRenderer r = ReportRenderer.open(db, ET, STAMP)) {
      own = Pdf.text(r.renderKov("0793", Q, ReportFormat.PDF, dir.resolve("own")));
    }
    assertEquals(own, background);
    assertTrue(background.contains("Aktiivsed juhtumid"), background);
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsTheErrorNotTheTemplate() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReportRenderer.open(
                    dir.resolve("missing.duckdb"), ET, STAMP, ReportTemplate.loadInBackground()));
    assertTrue(e.getMessage().contains("missing.duckdb"), e.getMessage());
  }
}

package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_ACTIVE;
import static ee.ska.iste.reports.ReportChecks.assertContains;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishable status in the reports. 2024Q2: Põltsamaa vald (0618) is PROVISIONAL (late), 23
 * active cases; Jõhvi vald (0251) is WITHHELD (very high share of rows rejected), 37 active cases;
 * Kohtla-Järve linn (0321) is PUBLISHABLE, 12 active cases; the nation 72.
 */
class PublishableStatusReportTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  @TempDir static Path dir;
  private static Renderers reports;

  @BeforeAll
  static void renderers() throws Exception {
    reports =
        Renderers.threeKovs(
            dir,
            outcomes(
                POLTSAMAA_ACTIVE,
                count("KOV", "0251", "2024Q2", "ACTIVE", 37, false),
                count("KOV", "0321", "2024Q2", "ACTIVE", 12, false),
                count("RIIK", "EE", "2024Q2", "ACTIVE", 72, false)),
            "create table kov_status (quarter varchar, kov_code varchar, county_code varchar,"
                + " status varchar, reasons varchar)",
            "insert into kov_status values"
                + " ('2024Q2','0618','0050','PROVISIONAL','LATE_SUBMISSION'),"
                + " ('2024Q2','0251','0045','WITHHELD','REJECTS_VERY_HIGH'),"
                + " ('2024Q2','0321','0045','PUBLISHABLE',null)");
  }

  @AfterAll
  static void close() {
    reports.close();
  }

  private static String firstPage(String text) {
    int ff = text.indexOf('\f');
    return ff < 0 ? text : text.substring(0, ff);
  }

  @Test
  void aWithheldKovReportSaysSoOnPageOneAndShowsNoFigureOfTheKov() throws Exception {
    String text =
        Pdf.text(reports.english().renderKov("0251", Q, ReportFormat.PDF, dir.resolve("w")));
    String page1 = firstPage(text);
    assertTrue(page1.contains("ISTE quarterly report: Jõhvi vald — WITHHELD"), page1);
    assertTrue(
        page1
            .replaceAll("\\s+", " ")
            .contains(
                "WITHHELD: the figures of Jõhvi vald for 2024Q2 are withheld and not shown in this"
                    + " report. Reasons: a very high share of the submission’s rows rejected."),
        page1);
    // Its 37 active cases appear nowhere; nor does the national 72 beside them.
    assertFalse(Pattern.compile("\\b37\\b").matcher(text).find(), text);
    assertFalse(text.contains("Headline figures"), text);

    String et =
        Pdf.text(reports.estonian().renderKov("0251", Q, ReportFormat.PDF, dir.resolve("w-et")));
    assertTrue(firstPage(et).contains("AVALDAMATA"), et);
    assertFalse(Pattern.compile("\\b37\\b").matcher(et).find(), et);
  }

  @Test
  void aProvisionalKovReportCarriesTheMarkAndItsReasonsAndStillItsFigures() throws Exception {
    String text =
        Pdf.text(reports.estonian().renderKov("0618", Q, ReportFormat.PDF, dir.resolve("p")));
    String page1 = firstPage(text);
    assertContains(
        page1, "ISTE kvartaliaruanne: Põltsamaa vald — ESIALGNE", "esitatud pärast tähtaega");
    assertTrue(Pattern.compile("Aktiivsed juhtumid\\s+23").matcher(text).find(), text);
  }

  @Test
  void aPublishableKovReportSaysSoWithoutAMark() throws Exception {
    String text =
        Pdf.text(reports.english().renderKov("0321", Q, ReportFormat.PDF, dir.resolve("ok")));
    assertTrue(text.contains("The figures of Kohtla-Järve linn for 2024Q2 are publishable."), text);
    assertFalse(text.contains("PROVISIONAL"), text);
    assertFalse(text.contains("WITHHELD"), text);
  }

  @Test
  void theDashboardCountsTheStatusesAndBlanksTheWithheldKov() throws Exception {
    String text = Pdf.text(reports.english().renderNational(Q, ReportFormat.PDF, dir.resolve("n")));
    String flat = text.replaceAll("\\s+", " ");
    assertTrue(flat.contains("Municipalities: 1 publishable, 1 provisional, 1 withheld."), text);
    assertTrue(flat.contains("Provisional: Põltsamaa vald."), text);
    assertTrue(
        flat.contains(
            "Withheld (their figures are not shown in the table of municipalities): Jõhvi vald."),
        text);
    assertTrue(Pattern.compile("Jõhvi vald \\(withheld\\)\\s+—").matcher(text).find(), text);
    assertTrue(
        Pattern.compile("Põltsamaa vald \\(provisional\\)\\s+23").matcher(text).find(), text);
  }

  @Test
  void theQualityReportListsEachKovsStatusAndReasons() throws Exception {
    String text = Pdf.text(reports.english().renderQuality(Q, ReportFormat.PDF, dir.resolve("q")));
    assertTrue(text.contains("Publishable status by municipality"), text);
    assertTrue(
        // (the reasons wrap inside their column; the status sits on the first line)
        Pattern.compile("Jõhvi vald: a very high share of the\\s+withheld\\s+submission’s rows")
            .matcher(text)
            .find(),
        text);
    assertTrue(
        Pattern.compile("Põltsamaa vald: submitted after the due date\\s+provisional")
            .matcher(text)
            .find(),
        text);
    assertTrue(Pattern.compile("Kohtla-Järve linn\\s+publishable").matcher(text).find(), text);
    String et =
        Pdf.text(reports.estonian().renderQuality(Q, ReportFormat.PDF, dir.resolve("q-et")));
    assertTrue(Pattern.compile("Jõhvi vald: .*\\s+avaldamata").matcher(et).find(), et);
  }
}

package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.kov;
import static ee.ska.iste.reports.FixtureDb.nation;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.ReportChecks.assertLine;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the headline on page 1, the needs → services → outcome table with domain names, and
 * figures that read as a person expects. The fixture, Põltsamaa vald (0618) in 2024Q2, worked out
 * by hand: 23 active cases (21 in 2024Q1: +2; the nation 512, 500 before: +12); a QoL change of
 * 12.25 [4.5; 20.0] (12,3 and 4,5 – 20,0); the share reliably improved 3/7 hidden; cost per client
 * 2 648 € (2 820 € before: −172 €). Housing: served 3/4 = 75,0%, change of the served −0.5 and of
 * those not served +0.25 (0,3 rounded half up); the nation 0.9 = 90,0%, −0.1 and +0.05 (0,1).
 * Occupancy 0.875 = 87,5%. The nation's share without base support 0.111 [0.0201; 0.4348] is 11,1%
 * [2,0%; 43,5%] and must stand on one line.
 */
class HeadlineFirstReportTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  @TempDir static Path dir;
  private static Renderers reports;

  @BeforeAll
  static void renderers() throws Exception {
    reports =
        Renderers.threeKovs(
            dir,
            outcomes(
                FixtureRows.POLTSAMAA_ACTIVE,
                count("KOV", "0618", "2024Q1", "ACTIVE", 21, false),
                count("RIIK", "EE", "2024Q2", "ACTIVE", 512, false),
                count("RIIK", "EE", "2024Q1", "ACTIVE", 500, false),
                FixtureRows.POLTSAMAA_QOL_CHANGE,
                FixtureRows.NATION_QOL_CHANGE,
                kov("0618", "2024Q2", "QOL_IMPROVED").ratio(3.0 / 7, 3, 7).suppressed(),
                kov("0618", "2024Q2", "COST_PER_CLIENT").ratio(2648, 60904, 23),
                kov("0618", "2024Q1", "COST_PER_CLIENT").ratio(2820, 59220, 21),
                kov("0618", "2024Q2", "NEED_SERVED_ELUKOHT").ratio(0.75, 3, 4),
                kov("0618", "2024Q2", "NEED_CHANGE_ELUKOHT").ratio(-0.25, -2, 8),
                kov("0618", "2024Q2", "NEED_CHANGE_SERVED_ELUKOHT").ratio(-0.5, -3, 6),
                kov("0618", "2024Q2", "NEED_CHANGE_UNSERVED_ELUKOHT").ratio(0.25, 0.5, 2),
                nation("2024Q2", "NEED_SERVED_ELUKOHT").ratio(0.9, 90, 100),
                nation("2024Q2", "NEED_CHANGE_ELUKOHT").ratio(-0.05, -5, 100),
                nation("2024Q2", "NEED_CHANGE_SERVED_ELUKOHT").ratio(-0.1, -9, 90),
                nation("2024Q2", "NEED_CHANGE_UNSERVED_ELUKOHT").ratio(0.05, 0.5, 10),
                kov("0618", "2024Q2", "OCCUPANCY").value(0.875),
                nation("2024Q2", "NO_BASE_SUPPORT").ratio(0.111, 10, 90).ci(0.0201, 0.4348)),
            "insert into ref_measure values ('OCCUPANCY','teenuskohtade täituvus',"
                + "'occupancy of places','','ratio',true,'RATIO')");
  }

  @AfterAll
  static void close() throws Exception {
    KovReportTest.keepSamples(dir);
    reports.close();
  }

  @Test
  void pageOneOfTheKovReportIsTheHeadline() throws Exception {
    String text =
        Pdf.text(reports.estonian().renderKov("0618", Q, ReportFormat.PDF, dir.resolve("et")));
    String page1 = text.substring(0, text.indexOf('\f'));
    assertTrue(page1.contains("Kvartal lühidalt"), page1);
    assertLine(page1, "Muutus vs 2024Q1: \\+2");
    assertLine(page1, "^23\\s+Riik: 512");
    assertLine(page1, "^12,3\\s+95% vahemik 4,5 – 20,0\\s+Riik: 8,0");
    // hidden: a dash, no change beside it (2024Q1 has no row: "–")
    assertLine(page1, "^—\\s+Riik: –");
    assertFalse(page1.contains("42,9"), "3/7 is hidden");
    assertLine(page1, "Muutus vs 2024Q1: [−-]172 €");
    assertLine(page1, "^2 648 €\\s+Riik: –");
    // the details come after page 1
    assertFalse(page1.contains("Põhinäitajad"), page1);
    assertTrue(text.contains("Põhinäitajad"), text);
  }

  @Test
  void needServiceAndOutcomeHaveTheirOwnTableWithDomainNames() throws Exception {
    String text =
        Pdf.text(reports.english().renderKov("0618", Q, ReportFormat.PDF, dir.resolve("en")));
    assertTrue(text.contains("Need, service and outcome by life domain"), text);
    assertLine(text, "Housing\\s+75.0%\\s+-0.5\\s+0.3\\s+90.0%\\s+-0.1\\s+0.1");
    // the need-change table lists domains only
    assertLine(text, "Housing\\s+-0.3\\s+-0.1");
    assertFalse(text.contains("SERVED_"), text);
    assertLine(text, "Occupancy of places\\s+87.5%");
  }

  @Test
  void theNationalDashboardOpensWithTheNationalHeadline() throws Exception {
    String text =
        Pdf.text(reports.english().renderNational(Q, ReportFormat.PDF, dir.resolve("nation")));
    String page1 = text.substring(0, text.indexOf('\f'));
    assertTrue(
        page1.indexOf("The quarter at a glance") < page1.indexOf("Municipalities side by side"),
        page1);
    assertLine(page1, "Change since 2024Q1: \\+12");
    assertLine(page1, "^512\\s+2024Q1: 500");
    // an interval never wraps onto a second line
    assertLine(text, "11.1% \\[2.0%; 43.5%\\]");
  }
}

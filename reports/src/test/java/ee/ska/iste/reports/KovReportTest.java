package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.kov;
import static ee.ska.iste.reports.FixtureDb.nation;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.FixtureRows.NATION_QOL_CHANGE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_ACTIVE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_MENTAL_HEALTH_NEED_CHANGE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_QOL_CHANGE;
import static ee.ska.iste.reports.ReportChecks.assertContains;
import static ee.ska.iste.reports.ReportChecks.assertEveryPageRenders;
import static ee.ska.iste.reports.ReportChecks.assertLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders KOV reports from a crafted warehouse and reads them back with poppler-utils. The fixture:
 * Põltsamaa vald (0618) in 2024Q2 has 23 active cases (21 in 2024Q1), 4 new cases (suppressed), no
 * exits, 7 QoL follow-ups with a mean change of 12.25 [4.5; 20.0], 1234.5 hours, and a plan share
 * 2/3 that is suppressed; the nation has 512 active cases, 57 new, a QoL change of 8.0 [6.1; 9.9]
 * and 16667.5 hours. Jõhvi vald (0251) has no data.
 */
class KovReportTest {
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
                count("KOV", "0321", "2024Q2", "ACTIVE", 1, true),
                count("KOV", "0321", "2024Q2", "NEW", 1, true),
                count("KOV", "0321", "2024Q2", "EXIT", 0, false),
                count("KOV", "0321", "2024Q2", "QOL_N", 0, false),
                count("KOV", "0618", "2024Q2", "NEW", 4, true),
                count("KOV", "0618", "2024Q2", "EXIT", 0, false),
                count("KOV", "0618", "2024Q2", "QOL_N", 7, false),
                POLTSAMAA_QOL_CHANGE,
                count("KOV", "0618", "2024Q2", "HOURS", 1234.5, false),
                kov("0618", "2024Q2", "PLAN_WITHIN_30D").ratio(2.0 / 3, 2.0, 3.0).suppressed(),
                POLTSAMAA_MENTAL_HEALTH_NEED_CHANGE,
                kov("0618", "2024Q2", "NEED_CHANGE_ELUKOHT").ratio(-2.0, -6.0, 3.0).suppressed(),
                count("KOV", "0618", "2024Q1", "ACTIVE", 21, false),
                count("KOV", "0618", "2024Q1", "NEW", 6, false),
                count("KOV", "0618", "2024Q1", "EXIT", 2, true),
                count("KOV", "0618", "2024Q1", "QOL_N", 0, false),
                count("KOV", "0618", "2023Q4", "ACTIVE", 18, false),
                count("KOV", "0618", "2023Q3", "ACTIVE", 4, true),
                count("RIIK", "EE", "2024Q2", "ACTIVE", 512, false),
                count("RIIK", "EE", "2024Q2", "NEW", 57, false),
                count("RIIK", "EE", "2024Q2", "EXIT", 9, false),
                count("RIIK", "EE", "2024Q2", "QOL_N", 120, false),
                NATION_QOL_CHANGE,
                count("RIIK", "EE", "2024Q2", "HOURS", 16667.5, false),
                nation("2024Q2", "PLAN_WITHIN_30D").ratio(0.75, 30.0, 40.0)),
            "insert into stg_submission values"
                + " ('0618_2024Q2_2024-07-10_abc','ISTE_0618_2024Q2.xlsx','0618','2024Q2',DATE"
                + " '2024-07-10','1','abc','LOADED',null,null,120,117,3)",
            "insert into stg_reject values"
                + " ('s','f','0618','2024Q2','klient',5,'algus','DATE_FORMAT','x','m'),"
                + " ('s','f','0618','2024Q2','klient',9,'algus','DATE_FORMAT','x','m'),"
                + " ('s','f','0618','2024Q2','osalemine',4,'tunnid','HOURS_RANGE','x','m')");
  }

  @AfterAll
  static void close() throws Exception {
    keepSamples(dir);
    reports.close();
  }

  @Test
  void estonianReportShowsTheWarehouseFiguresInEstonianFormat() throws Exception {
    Path pdf = reports.estonian().renderKov("0618", Q, ReportFormat.PDF, dir.resolve("out"));
    assertEquals(dir.resolve("out/2024Q2/kov/ISTE_0618_2024Q2_et.pdf"), pdf);
    String text = Pdf.text(pdf);

    assertContains(text, "Põltsamaa vald", "Jõgeva maakond", "01.04.2024–30.06.2024", "05.08.2024");
    // ACTIVE 23 now, 21 before: change +2; nation 512
    assertLine(text, "Aktiivsed juhtumid\\s+23\\s+21\\s+\\+2\\s+512");
    // NEW is suppressed: "—" (one mark for every hidden figure), and no change can be shown beside
    // a hidden figure
    assertLine(text, "Uued juhtumid\\s+—\\s+6\\s+—\\s+57");
    // a zero is a zero; last quarter's 2 exits are hidden
    assertLine(text, "Lõppenud juhtumid\\s+0\\s+—\\s+—\\s+9");
    // 12.25 rounds half up to 12,3; interval 4,5..20,0; nation 8,0 [6,1; 9,9]
    assertLine(text, "muutus \\(punkti\\)\\s+12,3 \\[4,5; 20,0\\]\\s+–\\s+–\\s+8,0 \\[6,1; 9,9\\]");
    // Estonian digit grouping and decimal comma
    assertLine(text, "Osutatud tunnid\\s+1 234,5\\s+–\\s+–\\s+16 667,5");
    // the suppressed share 2/3 is a dash; 66,7% appears nowhere
    assertLine(text, "Plaan 30 päeva jooksul\\s+—\\s+–\\s+–\\s+75,0%");
    assertFalse(text.contains("66,7"), text);
    assertTrue(text.contains("ei erine oluliselt riigi keskmisest"), text);
    // need change by domain: -3 over 6 cases = -0,5; housing's 3 cases are too few
    assertLine(text, "Vaimne tervis\\s+[−-]0,5\\s+–");
    assertLine(text, "Elukoht\\s+—");
    assertFalse(text.contains("2,0"), text);
    assertTrue(text.contains("„—“: väärtus on peidetud"), text);
    assertFalse(text.contains("<5"), text);
    // own data quality: submitted 10 July, within 30 days of 30 June
    assertContains(
        text,
        "Esitatud 10.07.2024 (õigeaegselt)",
        "Ridu loetud 120, vastu võetud 117, tagasi lükatud 3.");
    assertLine(text, "DATE_FORMAT\\s+2");
    assertFalse(Pattern.compile("\\b[1-6]\\d{10}\\b").matcher(text).find(), "an 11-digit code");
  }

  @Test
  void pdfEmbedsItsFontsAndEveryPageRenders() throws Exception {
    Path pdf = reports.estonian().renderKov("0618", Q, ReportFormat.PDF, dir.resolve("fonts"));
    String fonts = Pdf.fonts(pdf);
    assertTrue(fonts.contains("DejaVuSans"), fonts);
    fonts
        .lines()
        .skip(2)
        .forEach(l -> assertTrue(l.matches(".*Identity-H\\s+yes\\s+yes.*"), "not embedded: " + l));
    assertEveryPageRenders(pdf, dir.resolve("png"));
  }

  @Test
  void englishReportHasEnglishWordsAndNumbers() throws Exception {
    Path pdf = reports.english().renderKov("0618", Q, ReportFormat.PDF, dir.resolve("out"));
    assertEquals("ISTE_0618_2024Q2_en.pdf", pdf.getFileName().toString());
    String text = Pdf.text(pdf);
    assertTrue(text.contains("Headline figures"), text);
    assertLine(text, "Active cases\\s+23\\s+21\\s+\\+2\\s+512");
    assertLine(text, "Hours delivered\\s+1,234.5\\s+–\\s+–\\s+16,667.5");
    assertContains(
        text, "not distinguishable from the national value", "Põltsamaa vald", "Jõgeva County");
  }

  @Test
  void kovWithoutDataSaysSo() throws Exception {
    Path pdf = reports.estonian().renderKov("0251", Q, ReportFormat.PDF, dir.resolve("out"));
    String text = Pdf.text(pdf);
    assertContains(
        text,
        "Jõhvi vald",
        "Andmed puuduvad",
        "kvartali 2024Q2 andmeid",
        "Kvartali 2024Q2 aruannet ei ole esitatud.");
  }

  @Test
  void kovWithASingleCaseShowsNoNumberOfIt() throws Exception {
    Path pdf = reports.estonian().renderKov("0321", Q, ReportFormat.PDF, dir.resolve("single"));
    String text = Pdf.text(pdf);
    assertTrue(text.contains("Kohtla-Järve linn"), text);
    assertLine(text, "Aktiivsed juhtumid\\s+—\\s+–\\s+–\\s+512");
    assertLine(text, "Uued juhtumid\\s+—\\s+–\\s+–\\s+57");
    assertTrue(text.contains("Elukvaliteedi järelhindamisi"), text);
    assertEveryPageRenders(pdf, dir.resolve("png-single"));
  }

  @Test
  void htmlReportCarriesTheSameFigures() throws Exception {
    Path html = reports.estonian().renderKov("0618", Q, ReportFormat.HTML, dir.resolve("out"));
    assertEquals("ISTE_0618_2024Q2_et.html", html.getFileName().toString());
    String text = Files.readString(html).replace('\u00A0', ' ').replace("&nbsp;", " ");
    assertTrue(text.contains("Põltsamaa vald"));
    assertTrue(text.contains("16 667,5"));
    assertFalse(text.contains("66,7"));
  }

  /** With -Diste.reports.sample=DIR, copies the rendered files there to look at. */
  static void keepSamples(Path from) throws java.io.IOException {
    String keep = System.getProperty("iste.reports.sample");
    if (keep == null) {
      return;
    }
    Path to = Files.createDirectories(Path.of(keep));
    try (var files = Files.walk(from)) {
      for (Path p : files.filter(f -> f.toString().matches(".*\\.(pdf|html)")).toList()) {
        Files.copy(
            p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}

package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.kov;
import static ee.ska.iste.reports.FixtureDb.nation;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.FixtureDb.values;
import static ee.ska.iste.reports.FixtureRows.NATION_QOL_CHANGE;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the evaluation report from a crafted warehouse and reads it back with poppler-utils.
 *
 * <p>The fixture (2024Q2). Nation: 120 cases with a change, mean +8.0 [6.1; 9.9]; improved 51/120 =
 * 42.5% [33.86%; 51.63%], worsened 12/120 = 10.0% [5.81%; 16.67%], need reduced 30/80 = 37.5% (no
 * interval), cost per client-day 361 000 € / 8 000 days = 45.125 €; QOL_PAIRED 150/200 = 75.0%
 * [68.57%; 80.50%], baseline of the followed 7 860/150 = 52.4 [50.1; 54.7], of the others 2 350/50
 * = 47.0 [43.2; 50.8]. KOVs: Põltsamaa vald (0618) raw 12.25 over 7, adjusted 70/7 = 10.0 (WITHIN),
 * shrunken raw 9.5, shrunken adjusted 8.75 [3.0; 14.5], rank 1 (1–2) of 2; Kohtla-Järve linn (0321)
 * raw 120/30 = 4.0, adjusted 150/30 = 5.0 (BELOW), shrunken raw 4.5, shrunken adjusted 5.5 [2.6;
 * 8.4], rank 2 (1–2) of 2; Jõhvi vald (0251) has 3 cases and every figure of the comparison hidden
 * (its raw mean 31.7 must appear nowhere).
 */
class EvaluationReportTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  @TempDir static Path dir;
  private static Renderers reports;
  private static String et;
  private static String en;

  @BeforeAll
  static void render() throws Exception {
    List<String> inserts = new ArrayList<>();
    inserts.add(
        outcomes(
            count("RIIK", "EE", "2024Q2", "QOL_N", 120, false),
            NATION_QOL_CHANGE,
            nation("2024Q2", "QOL_IMPROVED").ratio(0.425, 51, 120).ci(0.3386, 0.5163),
            nation("2024Q2", "QOL_WORSENED").ratio(0.1, 12, 120).ci(0.0581, 0.1667),
            nation("2024Q2", "NEED_REDUCED").ratio(0.375, 30, 80),
            nation("2024Q2", "COST_PER_CLIENT_DAY").ratio(45.125, 361000, 8000),
            nation("2024Q2", "QOL_PAIRED").ratio(0.75, 150, 200).ci(0.6857, 0.8050),
            nation("2024Q2", "QOL_BASELINE_FOLLOWED").ratio(52.4, 7860, 150).ci(50.1, 54.7),
            nation("2024Q2", "QOL_BASELINE_NOT_FOLLOWED").ratio(47.0, 2350, 50).ci(43.2, 50.8),
            // Põltsamaa vald: 12.25 over 7 (FixtureRows)
            count("KOV", "0618", "2024Q2", "QOL_N", 7, false),
            POLTSAMAA_QOL_CHANGE,
            kov("0618", "2024Q2", "QOL_CHANGE_ADJ")
                .ratio(10.0, 70.0, 7.0)
                .ci(2.0, 18.0)
                .flag("WITHIN"),
            kov("0618", "2024Q2", "QOL_CHANGE_EB").ratio(9.5, 66.5, 7.0).ci(3.5, 15.5),
            kov("0618", "2024Q2", "QOL_CHANGE_ADJ_EB").ratio(8.75, 61.25, 7.0).ci(3.0, 14.5),
            kov("0618", "2024Q2", "QOL_CHANGE_ADJ_EB_RANK").ratio(1, 1, 2).ci(1, 2),
            // Kohtla-Järve linn: 4.0 over 30
            count("KOV", "0321", "2024Q2", "QOL_N", 30, false),
            kov("0321", "2024Q2", "QOL_CHANGE").ratio(4.0, 120.0, 30.0).ci(1.0, 7.0),
            kov("0321", "2024Q2", "QOL_CHANGE_ADJ")
                .ratio(5.0, 150.0, 30.0)
                .ci(2.0, 8.0)
                .flag("BELOW"),
            kov("0321", "2024Q2", "QOL_CHANGE_EB").ratio(4.5, 135.0, 30.0).ci(1.6, 7.4),
            kov("0321", "2024Q2", "QOL_CHANGE_ADJ_EB").ratio(5.5, 165.0, 30.0).ci(2.6, 8.4),
            kov("0321", "2024Q2", "QOL_CHANGE_ADJ_EB_RANK").ratio(2, 2, 2).ci(1, 2),
            // Jõhvi vald: 3 cases, everything of the comparison hidden
            count("KOV", "0251", "2024Q2", "QOL_N", 3, true),
            kov("0251", "2024Q2", "QOL_CHANGE").ratio(31.7, 95.1, 3.0).ci(-5.0, 68.4).suppressed(),
            kov("0251", "2024Q2", "QOL_CHANGE_ADJ").ratio(29.3, 87.9, 3.0).suppressed(),
            kov("0251", "2024Q2", "QOL_CHANGE_EB").ratio(13.3, 39.9, 3.0).suppressed(),
            kov("0251", "2024Q2", "QOL_CHANGE_ADJ_EB").ratio(12.9, 38.7, 3.0).suppressed()));
    inserts.add(catalogue());
    inserts.addAll(evaluationTables());
    reports = Renderers.threeKovs(dir, inserts.toArray(String[]::new));
    et = Pdf.text(reports.estonian().renderEvaluation(Q, ReportFormat.PDF, dir.resolve("out")));
    en = Pdf.text(reports.english().renderEvaluation(Q, ReportFormat.PDF, dir.resolve("out")));
  }

  @AfterAll
  static void close() {
    reports.close();
  }

  /** The measures' names and units as ref_measure gives them (the fixture creates it empty). */
  private static String catalogue() {
    return "insert into ref_measure values "
        + String.join(
            ",",
            values("QOL_CHANGE", "EK muutus", "QoL change", "", "mean", true, "MEAN"),
            values("QOL_CHANGE_ADJ", "EK kohandatud", "QoL adjusted", "", "mean", true, "MEAN"),
            values("QOL_CHANGE_ADJ_EB", "EK kahandatud", "QoL shrunken", "", "mean", true, "MEAN"),
            values("QOL_PAIRED", "paaris hinnangud", "QoL paired", "", "share", true, "SHARE"),
            values(
                "QOL_BASELINE_FOLLOWED",
                "algtase: jätkuhinnanguga",
                "baseline of followed cases",
                "",
                "mean",
                null,
                "MEAN"),
            values(
                "QOL_BASELINE_NOT_FOLLOWED",
                "algtase: jätkuhinnanguta",
                "baseline of cases not followed",
                "",
                "mean",
                null,
                "MEAN"),
            values("COST_PER_CLIENT_DAY", "kulu päevas", "cost per day", "", "eur", null, "RATIO"));
  }

  /** mart_trajectory, mart_projection and mart_casemix_model with the shared design's columns. */
  static List<String> evaluationTables() {
    List<String> out = new ArrayList<>();
    out.add(
        "create table mart_trajectory (level varchar, unit_code varchar, quarter varchar,"
            + " band varchar, band_from integer, band_to integer, measure varchar,"
            + " population varchar, n bigint, mean double, ci_low double, ci_high double,"
            + " suppressed boolean)");
    // level, unit, band, from, to, measure, population, n, mean, low, high, suppressed
    Object[][] bands = {
      {"D-030_091", -30, 91, "QOL_SCORE", "ALL", 120, 50.2, 48.0, 52.4, false},
      {"D091_182", 91, 182, "QOL_SCORE", "ALL", 80, 55.1, 52.0, 58.2, false},
      {"D730_PLUS", 730, null, "QOL_SCORE", "ALL", 3, 70.0, 40.0, 99.0, true},
      {"D-030_091", -30, 91, "QOL_SCORE", "COMPLETERS", 40, 51.0, 47.0, 55.0, false},
      {"D091_182", 91, 182, "QOL_SCORE", "COMPLETERS", 40, 57.3, 53.0, 61.6, false},
      {"D730_PLUS", 730, null, "QOL_SCORE", "COMPLETERS", 3, 70.0, 40.0, 99.0, true},
      {"D-030_091", -30, 91, "NEED_SUM", "ALL", 110, 14.0, 13.0, 15.0, false},
      {"D091_182", 91, 182, "NEED_SUM", "ALL", 75, 12.5, 11.5, 13.5, false},
      {"D730_PLUS", 730, null, "NEED_SUM", "ALL", 12, 10.0, 8.0, 12.0, false},
      {"D-030_091", -30, 91, "NEED_SUM", "COMPLETERS", 38, 14.2, 13.0, 15.4, false},
      {"D091_182", 91, 182, "NEED_SUM", "COMPLETERS", 38, 12.1, 11.0, 13.2, false},
      {"D730_PLUS", 730, null, "NEED_SUM", "COMPLETERS", 12, 10.0, 8.0, 12.0, false},
    };
    List<String> rows = new ArrayList<>();
    for (Object[] b : bands) {
      List<Object> cells = new ArrayList<>(List.of("RIIK", "EE", "2024Q2"));
      cells.addAll(java.util.Arrays.asList(b));
      rows.add(values(cells.toArray()));
    }
    // a county row that the national trajectory must not take
    rows.add(
        values(
            "MAAKOND",
            "0050",
            "2024Q2",
            "D-030_091",
            -30,
            91,
            "QOL_SCORE",
            "ALL",
            9,
            99.9,
            90.0,
            99.9,
            false));
    out.add("insert into mart_trajectory values " + String.join(",", rows));

    out.add(
        "create table mart_projection (places_source varchar, from_quarter varchar,"
            + " scenario varchar, year integer, county_code varchar, quantity varchar,"
            + " value double)");
    rows = new ArrayList<>();
    // NATIONAL year 1: 1 200 places; 1 450.4 clients; 610.6 entries;
    // cost 1 200 places × 365 days × 36 €/day = 15 768 000 €.
    // P10 year 1: the same places, 1 100.2 clients, 480.5 entries, 1 200 × 365 × 30 = 13 140 000 €.
    // P90 year 1: 1 200 places, 1 700.5 clients, 760.0 entries, 1 200 × 365 × 48 = 21 024 000 €.
    Object[][] projected = {
      {"NATIONAL", 1, 1200.0, 1450.4, 610.6, 15_768_000.0},
      {"P10", 1, 1200.0, 1100.2, 480.5, 13_140_000.0},
      {"P90", 1, 1200.0, 1700.5, 760.0, 21_024_000.0},
    };
    String[] quantities = {"PLACES", "CLIENTS", "ENTRIES", "COST_EUR"};
    for (Object[] p : projected) {
      for (int i = 0; i < quantities.length; i++) {
        rows.add(values("EXAMPLE", "2024Q2", p[0], p[1], "EE", quantities[i], p[2 + i]));
      }
      rows.add(values("EXAMPLE", "2024Q2", p[0], p[1], "0037", "COST_EUR", 999_999.0));
    }
    // an older projection the report must not take: 2024Q2 has one
    rows.add(values("EXAMPLE", "2024Q1", "NATIONAL", 1, "EE", "COST_EUR", 7_777_777.0));
    out.add("insert into mart_projection values " + String.join(",", rows));

    out.add(
        "create table mart_casemix_model (quarter varchar, covariate varchar, level varchar,"
            + " is_reference boolean, coefficient double, std_error double, n bigint,"
            + " r_squared double, residual_sd double, merged_levels varchar)");
    out.add(
        "insert into mart_casemix_model values "
            + String.join(
                ",",
                values("2024Q2", "INTERCEPT", null, false, 12.5, 2.1, 120, 0.234, 9.87, null),
                values(
                    "2024Q2", "BASELINE_SCORE", null, false, -0.18, 0.04, 120, 0.234, 9.87, null),
                values("2024Q2", "SEX", "N", true, 0.0, null, 120, 0.234, 9.87, null),
                values("2024Q2", "SEX", "M", false, -1.25, 0.9, 120, 0.234, 9.87, null),
                values(
                    "2024Q2",
                    "DIAGNOSIS_GROUP",
                    "SCHIZO",
                    true,
                    0.0,
                    null,
                    120,
                    0.234,
                    9.87,
                    "ORGANIC")));
    return out;
  }

  @Test
  void fileNameIsBesideTheNationalReport() {
    assertTrue(Files.isRegularFile(dir.resolve("out/2024Q2/ISTE_hindamine_2024Q2_et.pdf")));
    assertTrue(Files.isRegularFile(dir.resolve("out/2024Q2/ISTE_hindamine_2024Q2_en.pdf")));
  }

  /** The text with every run of whitespace one space: a sentence may wrap anywhere. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void headlineAnswersInBothLanguages() {
    String et = flat(EvaluationReportTest.et);
    String en = flat(EvaluationReportTest.en);
    // mean +8.0 [6.1; 9.9] over QOL_N 120
    assertContains(
        et,
        "muutunud keskmiselt +8,0 punkti (95% usaldusvahemik +6,1 kuni +9,9);"
            + " muutusega juhtumeid 120.");
    assertContains(
        en, "by +8.0 points on average (95% interval +6.1 to +9.9); cases with a change: 120.");
    // 51/120 = 42.5%; interval 33.86% → 33.9%, 51.63% → 51.6%
    assertContains(
        et, "paranes usaldusväärselt 42,5% juhtumitest (95% usaldusvahemik 33,9% kuni 51,6%).");
    assertContains(en, "improved reliably for 42.5% of cases (95% interval 33.9% to 51.6%).");
    // 12/120 = 10.0%; 5.81% → 5.8%, 16.67% → 16.7%
    assertContains(
        et, "halvenes usaldusväärselt 10,0% juhtumitest (95% usaldusvahemik 5,8% kuni 16,7%).");
    assertContains(en, "worsened reliably for 10.0% of cases (95% interval 5.8% to 16.7%).");
    // 30/80 = 37.5%, published without an interval: none is printed
    assertContains(
        et, "Abivajadus vähenes 37,5% juhtumitest, kellel on esmane ja korduv hindamine.");
    assertContains(
        en, "Need was reduced for 37.5% of the cases with an initial and a later assessment.");
    // 361 000 / 8 000 = 45.125 → 45.13 (half up, two decimals)
    assertContains(et, "Üks kliendipäev maksis keskmiselt 45,13 €.");
    assertContains(en, "A client-day cost 45.13 € on average.");
  }

  @Test
  void kovsSideBySideWithoutTheHiddenOne() {
    // Põltsamaa: n 7, raw 12.25 → 12,3, adjusted 10,0, shrunken adjusted 8.75 → 8,8 with its
    // interval 3,0 – 14,5, rank 1 (1–2), WITHIN (the shrunken raw 9,5 is in outcomes, not here)
    assertLine(et, "Põltsamaa vald\\s+7\\s+12,3\\s+10,0\\s+8,8\\s+3,0 – 14,5");
    assertLine(et, "\\s1 \\(1–2\\)\\s+piires");
    // Kohtla-Järve: n 30, raw 4,0, adjusted 5,0, shrunken adjusted 5,5 [2,6; 8,4]
    assertLine(et, "Kohtla-Järve linn\\s+30\\s+4,0\\s+5,0\\s+5,5\\s+2,6 – 8,4");
    assertLine(et, "\\s2 \\(1–2\\)\\s+alla");
    assertLine(en, "Põltsamaa vald\\s+7\\s+12.3\\s+10.0\\s+8.8\\s+3.0 – 14.5");
    assertLine(en, "\\s2 \\(1–2\\)\\s+below");
    // the highest shrunken adjusted estimate first
    assertTrue(et.indexOf("Põltsamaa vald") < et.lastIndexOf("Kohtla-Järve linn"), et);
    // Jõhvi vald's figures are hidden: neither it nor its raw mean appears
    assertFalse(et.contains("Jõhvi"), et);
    assertFalse(en.contains("Jõhvi"), en);
    assertFalse(et.contains("31,7") || en.contains("31.7"), et);
    assertContains(et, "Väikeste arvude tõttu näitamata omavalitsusi: 1.");
    assertContains(en, "Municipalities not shown because of small numbers: 1.");
    assertContains(en, "2 municipalities ranked");
  }

  @Test
  void trajectoryCountsPerBandHideTheSmallBand() {
    // bands from their first days: −30…90, 91…181, 730+; the 730+ QoL rows (n 3) are hidden
    assertLine(et, "−30…90\\s+120\\s+40\\s+110\\s+38");
    assertLine(et, "91…181\\s+80\\s+40\\s+75\\s+38");
    assertLine(et, "730\\+\\s+—\\s+—\\s+12\\s+12");
    // the county row (n 9, mean 99.9) is not national
    assertFalse(et.contains("99,9"), et);
  }

  @Test
  void attritionFigures() {
    // 150/200 = 75.0% [68.57% → 68.6%; 80.50% → 80.5%], n 200
    assertLine(et, "paaris hinnangud\\s+75,0%\\s+68,6% – 80,5%\\s+200");
    assertLine(et, "algtase: jätkuhinnanguga\\s+52,4\\s+50,1 – 54,7\\s+150");
    assertLine(en, "baseline of cases not followed\\s+47.0\\s+43.2 – 50.8\\s+50");
  }

  @Test
  void projectionIsLabelledAsAnExample() {
    assertContains(et, "Kohtade allikas: EXAMPLE; prognoos kvartalist 2024Q2.");
    assertContains(et, "NÄIDE: kohtade arv on projekti näidisfailist, mitte tegelik plaan.");
    assertContains(en, "EXAMPLE: the places come from the project’s example file");
    // NATIONAL year 1: 1 200 places, 1 450.4 → 1 450 clients, 610.6 → 611 entries, 15 768 000 €
    assertLine(et, "Riigi määrad, 1\\. aasta\\s+1 200\\s+1 450\\s+611\\s+15 768 000 €");
    assertLine(en, "National rates, year 1\\s+1,200\\s+1,450\\s+611\\s+15,768,000 €");
    // P90 year 1: 1 700.5 → 1 701 (half up), 760, 21 024 000 €
    assertLine(en, "90th percentile, year 1\\s+1,200\\s+1,701\\s+760\\s+21,024,000 €");
    // only county EE, only the latest projection not after the quarter
    assertFalse(et.contains("999 999") || et.contains("7 777 777"), et);
  }

  @Test
  void methodsPageHasTheModelAndTheLimits() {
    assertLine(et, "Vabaliige\\s+12,50\\s+2,10");
    assertLine(et, "Algtase\\s+[−-]0,18\\s+0,04");
    assertLine(et, "Sugu: naine\\s+0\\s+võrdlustase");
    assertLine(et, "Sugu: mees\\s+[−-]1,25\\s+0,90");
    assertLine(en, "Sex: male\\s+-1.25\\s+0.90");
    // n 120, R² 0.234, residual sd 9.87 → 9,9
    assertContains(et, "Mudelis juhtumeid n = 120, R² = 0,234, jääkide standardhälve 9,9.");
    assertContains(et, "Võrdlustasemega liidetud (alla 5 juhtumi): Diagnoosirühm: ORGANIC.");
    assertContains(et, "Võrdlusrühma ei ole", "regressioon keskmise poole", "Lõpetanud erinevad");
    assertContains(
        flat(en),
        "There is no comparison group",
        "regression to the mean",
        "Completers differ from those who left");
  }

  @Test
  void estonianLettersSurvive() {
    assertContains(
        et, "Põltsamaa", "Kohtla-Järve", "Üks kliendipäev", "Päevi sisenemisest", "võrdlustase");
  }

  @Test
  void everyPageRendersAndRenderingIsDeterministic() throws Exception {
    Path pdf = dir.resolve("out/2024Q2/ISTE_hindamine_2024Q2_et.pdf");
    assertEveryPageRenders(pdf, dir.resolve("png"));
    Path again = reports.estonian().renderEvaluation(Q, ReportFormat.PDF, dir.resolve("again"));
    assertEquals(et, Pdf.text(again));
  }

  /** A warehouse published before the evaluation: every section says so in one line. */
  @Test
  void missingTablesGiveOneLineEach(@TempDir Path old) throws Exception {
    try (Renderers r =
        Renderers.threeKovs(
            old,
            outcomes(
                count("RIIK", "EE", "2024Q2", "QOL_N", 120, false),
                NATION_QOL_CHANGE,
                count("KOV", "0618", "2024Q2", "QOL_N", 7, false),
                POLTSAMAA_QOL_CHANGE))) {
      String text = flat(Pdf.text(r.estonian().renderEvaluation(Q, ReportFormat.PDF, old)));
      assertContains(
          text,
          "Kohandatud ja kahandatud näitajaid laos ei ole",
          "Tabelit mart_trajectory laos ei ole",
          "Tabelit mart_projection laos ei ole",
          "Tabelit mart_casemix_model laos ei ole",
          "Väljalangevuse näitajaid (QOL_PAIRED, algtasemed) laos ei ole.",
          "Elukvaliteet on sisenemisest alates muutunud keskmiselt +8,0 punkti");
      String english = flat(Pdf.text(r.english().renderEvaluation(Q, ReportFormat.PDF, old)));
      assertContains(english, "The warehouse has no table mart_projection");
    }
  }

  /** A projection only from a later quarter: the section says there is none. */
  @Test
  void projectionFromALaterQuarterOnlyIsNone(@TempDir Path later) throws Exception {
    try (Renderers r =
        Renderers.threeKovs(
            later,
            outcomes(NATION_QOL_CHANGE),
            "create table mart_projection (places_source varchar, from_quarter varchar,"
                + " scenario varchar, year integer, county_code varchar, quantity varchar,"
                + " value double)",
            "insert into mart_projection values "
                + values("EXAMPLE", "2024Q3", "NATIONAL", 1, "EE", "PLACES", 1200.0))) {
      String text = Pdf.text(r.estonian().renderEvaluation(Q, ReportFormat.PDF, later));
      assertContains(text, "Prognoosi kvartali 2024Q2 või varasema kohta laos ei ole.");
    }
  }
}

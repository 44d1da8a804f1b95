package ee.ska.iste.reports.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.WarehouseStamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's files, read as text: what is written, and what never is. */
class DashboardSiteTest {
  private static final Quarter Q2 = Quarter.parse(DashboardFixture.Q2);
  private static final WarehouseStamp STAMP =
      new WarehouseStamp("v000007", LocalDate.of(2024, 7, 20));

  @Test
  void onePagePerKovAndLanguageBesideTheNationalPagesAndTheScripts(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("iste.duckdb");
    DashboardFixture.create(db);
    List<Path> written = new DashboardSite(db, STAMP).write(Q2, dir.resolve("reports"));
    Path site = dir.resolve("reports/2024Q2/dashboard");
    List<String> names = written.stream().map(p -> site.relativize(p).toString()).toList();
    // 6 KOVs have rows in outcomes_public in 2024Q2: 0145 0171 0198 0296 0784 0793
    assertEquals(
        List.of(
            "index.html",
            "index_en.html",
            "kov/0145.html",
            "kov/0145_en.html",
            "kov/0171.html",
            "kov/0171_en.html",
            "kov/0198.html",
            "kov/0198_en.html",
            "kov/0296.html",
            "kov/0296_en.html",
            "kov/0784.html",
            "kov/0784_en.html",
            "kov/0793.html",
            "kov/0793_en.html",
            "assets/dashboard.css",
            "assets/dashboard.js",
            "assets/echarts.min.js"),
        names);
    assertEquals(
        site.resolve("index_en.html"), DashboardSite.indexOf(dir.resolve("reports"), Q2, "en"));
    // ECharts itself, offline: the minified library from the WebJar
    String echarts = Files.readString(site.resolve("assets/echarts.min.js"));
    assertTrue(echarts.length() > 500_000 && echarts.contains("getInstanceByDom"));
  }

  @Test
  void hiddenAndWithheldFiguresReachNoFile(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("iste.duckdb");
    DashboardFixture.create(db);
    new DashboardSite(db, STAMP).write(Q2, dir.resolve("reports"));
    Path site = dir.resolve("reports/2024Q2/dashboard");
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String html = Files.readString(f);
        // the values behind hidden figures: Keila's cost, Antsla's and Elva's share improved
        for (String secret : List.of("777", "0.4321", "43,2", "43.2", "0.3333", "33,3", "33.3")) {
          assertFalse(html.contains(secret), f + " contains " + secret);
        }
        // Harku vald (0198) is withheld: its 11 active cases and share improved 0.3 nowhere
        assertFalse(html.contains("\"kov\":\"0198\""), f + " plots the withheld KOV");
        assertFalse(html.contains("data-sort=\"11.0\""), f + " sorts by a withheld figure");
        // figures to 6 decimals at most: no run of 11 digits, the shape of a personal code
        assertFalse(
            java.util.regex.Pattern.compile("\\d{11}").matcher(html).find(), f + " has 11 digits");
      }
    }
    String harku = Files.readString(site.resolve("kov/0198_en.html"));
    assertTrue(harku.contains("are not published"));
    assertFalse(harku.contains("class=\"tile\""));
    assertFalse(harku.contains("<table"));
  }

  @Test
  void aKovPageHasThePdfsTablesWithTheChangeAndTheNation(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("iste.duckdb");
    DashboardFixture.create(db);
    Path reports = dir.resolve("reports");
    Files.createDirectories(reports.resolve("2024Q2/kov"));
    Files.writeString(reports.resolve("2024Q2/kov/ISTE_0793_2024Q2_et.pdf"), "%PDF");
    new DashboardSite(db, STAMP).write(Q2, reports);
    String tartu =
        Files.readString(reports.resolve("2024Q2/dashboard/kov/0793.html")).replace('\u00a0', ' ');
    // QOL_IMPROVED: 10 of 20 = 50,0% [30,0%; 70,0%], 2024Q1 9 of 20 = 45,0%: +5,0 pp; Eesti 25,0%
    assertTrue(
        tartu.contains(
            "<tr data-measure=\"QOL_IMPROVED\"><th scope=\"row\">elukvaliteet paranes</th>\n"
                + "<td class=\"num\">50,0%</td>\n"
                + "<td class=\"num\">30,0% – 70,0%</td>\n"
                + "<td class=\"num\">45,0%</td>\n"
                + "<td class=\"num\">+5,0 pp</td>\n"
                + "<td class=\"num\">25,0%</td>\n"),
        tartu);
    // cost per case 104 000 / 40 = 2 600 €, 2024Q1 2 550 €: +50 €; Eesti 300 000 / 120 = 2 500 €
    assertTrue(
        tartu.contains(
            "<td class=\"num\">2 600 €</td>\n<td class=\"num\"></td>\n"
                + "<td class=\"num\">2 550 €</td>\n<td class=\"num\">+50 €</td>\n"
                + "<td class=\"num\">2 500 €</td>"));
    // the PDF that exists, and no link to one that does not
    assertTrue(tartu.contains("href=\"../../kov/ISTE_0793_2024Q2_et.pdf\""));
    assertFalse(tartu.contains("ISTE_riik_2024Q2"));
  }

  @Test
  void theSameDatabaseGivesTheSameBytes(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("iste.duckdb");
    DashboardFixture.create(db);
    List<Path> first = new DashboardSite(db, STAMP).write(Q2, dir.resolve("a"));
    List<Path> second = new DashboardSite(db, STAMP).write(Q2, dir.resolve("b"));
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)));
    }
    String index = Files.readString(first.get(0), StandardCharsets.UTF_8);
    assertTrue(index.startsWith("<!DOCTYPE html>\n<html lang=\"et\">"));
  }
}

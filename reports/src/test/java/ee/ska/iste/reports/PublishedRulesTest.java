package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.funnel;
import static ee.ska.iste.reports.FixtureDb.outcome;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports take their rules from the database they render, as the run that published it applied
 * them (its {@code --ref} included), never from the reference data shipped with the build: the
 * funnel's smallest n and z from {@code ref_thresholds}, its target and σ from {@code mart_funnel},
 * the names of domains and municipalities from {@code ref_domains} and {@code ref_municipalities}.
 */
class PublishedRulesTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  @TempDir Path dir;
  private int databases;

  /**
   * Tartu (30 cases, QOL_CHANGE 25.0) and Põltsamaa (7 cases, 12.25) around a national 8.0 with σ
   * 10.5; Põltsamaa's mental health need change -0.5.
   */
  private Path database(String... changes) throws Exception {
    Path db = Files.createDirectories(dir.resolve("v" + ++databases)).resolve("iste.duckdb");
    FixtureDb.create(
        db,
        true,
        "insert into dim_municipality values"
            + " ('0618','Põltsamaa vald','0050','Jõgeva maakond','A0618',5),"
            + " ('0793','Tartu linn','0079','Tartu maakond','A0793',41)",
        "insert into mart_outcomes values "
            + String.join(
                ",",
                count("KOV", "0618", "2024Q2", "ACTIVE", 23, false),
                count("KOV", "0793", "2024Q2", "ACTIVE", 60, false),
                count("RIIK", "EE", "2024Q2", "ACTIVE", 83, false),
                outcome(
                    "KOV",
                    "0618",
                    "2024Q2",
                    "QOL_CHANGE",
                    12.25,
                    85.75,
                    7.0,
                    4.5,
                    20.0,
                    "WITHIN",
                    false),
                outcome(
                    "KOV",
                    "0793",
                    "2024Q2",
                    "QOL_CHANGE",
                    25.0,
                    750.0,
                    30.0,
                    20.0,
                    30.0,
                    "ABOVE",
                    false),
                outcome(
                    "RIIK", "EE", "2024Q2", "QOL_CHANGE", 8.0, 960.0, 120.0, 6.1, 9.9, null, false),
                outcome(
                    "KOV",
                    "0618",
                    "2024Q2",
                    "NEED_CHANGE_VAIMNE_TERVIS",
                    -0.5,
                    -3.0,
                    6.0,
                    null,
                    null,
                    null,
                    false)),
        "insert into mart_funnel values "
            + String.join(
                ",",
                funnel("2024Q2", "QOL_CHANGE", "0618", 7, 12.25, 8.0, 10.5, "WITHIN"),
                funnel("2024Q2", "QOL_CHANGE", "0793", 30, 25.0, 8.0, 10.5, "ABOVE")));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      for (String sql : changes) {
        st.execute(sql);
      }
    }
    return db;
  }

  private String national(Path db) throws Exception {
    try (ReportRenderer r = ReportRenderer.open(db, Locale.forLanguageTag("en"))) {
      return Pdf.text(r.renderNational(Q, ReportFormat.PDF, dir.resolve("out")));
    }
  }

  @Test
  void theFunnelsSmallestNIsThePublishedThreshold() throws Exception {
    String shipped = national(database());
    assertTrue(shipped.contains("significantly above the national value: Tartu linn"), shipped);
    assertTrue(shipped.contains("at least 5 cases"), shipped);

    // a run with --ref whose FUNNEL_MIN_N is 40: no KOV has 40 cases, so there is no funnel
    String published =
        national(database("update ref_thresholds set value = 40 where key = 'FUNNEL_MIN_N'"));
    assertFalse(published.contains("significantly above"), published);
    assertTrue(published.contains("at least 40 cases"), published);
  }

  @Test
  void noFunnelWithoutThePublishedLimits() throws Exception {
    String text = national(database("delete from mart_funnel"));
    assertFalse(text.contains("significantly above"), text);
  }

  @Test
  void namesComeFromThePublishedReferenceTables() throws Exception {
    Path db =
        database(
            "update ref_domains set name_et = 'hingeline heaolu' where code = 'VAIMNE_TERVIS'",
            "insert into ref_municipalities values"
                + " ('9999', 'Proovivald', '0050', DATE '2019-01-01', null)",
            "delete from ref_municipalities where kov_code = '0251'");
    try (ReportRenderer r = ReportRenderer.open(db, Locale.forLanguageTag("et"))) {
      String kov = Pdf.text(r.renderKov("0618", Q, ReportFormat.PDF, dir.resolve("out")));
      assertTrue(kov.contains("Hingeline heaolu"), kov);
      assertFalse(kov.contains("Vaimne tervis"), kov);
      // a KOV missing from dim_municipality is looked up in the published ref_municipalities,
      // with its county's name from ref_counties
      String proovi = Pdf.text(r.renderKov("9999", Q, ReportFormat.PDF, dir.resolve("out")));
      assertTrue(proovi.contains("Proovivald"), proovi);
      assertTrue(proovi.contains("Jõgeva maakond"), proovi);
      // Jõhvi is in the shipped reference data, but not in this database's
      assertThrows(
          IllegalArgumentException.class,
          () -> r.renderKov("0251", Q, ReportFormat.PDF, dir.resolve("out")));
    }
  }
}

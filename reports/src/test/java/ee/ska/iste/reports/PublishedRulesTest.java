package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.funnels;
import static ee.ska.iste.reports.FixtureDb.municipalities;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.FixtureRows.NATION_QOL_CHANGE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_ACTIVE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_MENTAL_HEALTH_NEED_CHANGE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_QOL_CHANGE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_QOL_CHANGE_FUNNEL;
import static ee.ska.iste.reports.FixtureRows.TARTU;
import static ee.ska.iste.reports.FixtureRows.TARTU_QOL_CHANGE;
import static ee.ska.iste.reports.FixtureRows.TARTU_QOL_CHANGE_FUNNEL;
import static ee.ska.iste.reports.ReportChecks.assertContains;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
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
    Path db = Renderers.versionDb(dir, "v" + ++databases);
    FixtureDb.create(
        db,
        true,
        municipalities(POLTSAMAA, TARTU),
        outcomes(
            POLTSAMAA_ACTIVE,
            count("KOV", "0793", "2024Q2", "ACTIVE", 60, false),
            count("RIIK", "EE", "2024Q2", "ACTIVE", 83, false),
            POLTSAMAA_QOL_CHANGE,
            TARTU_QOL_CHANGE,
            NATION_QOL_CHANGE,
            POLTSAMAA_MENTAL_HEALTH_NEED_CHANGE),
        funnels(POLTSAMAA_QOL_CHANGE_FUNNEL, TARTU_QOL_CHANGE_FUNNEL));
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
    assertContains(
        shipped, "significantly above the national value: Tartu linn", "at least 5 cases");

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
      assertContains(proovi, "Proovivald", "Jõgeva maakond");
      // Jõhvi is in the shipped reference data, but not in this database's
      assertThrows(
          IllegalArgumentException.class,
          () -> r.renderKov("0251", Q, ReportFormat.PDF, dir.resolve("out")));
    }
  }
}

package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public export holds the allowed tables and columns only, and no hidden figure. */
class PublicExportTest {
  @TempDir Path dir;

  /** Written out here, not taken from the code: what may leave the building. */
  private static final Set<String> ALLOWED =
      Set.of(
          "outcomes_public.level",
          "outcomes_public.unit_code",
          "outcomes_public.quarter",
          "outcomes_public.measure",
          "outcomes_public.value",
          "outcomes_public.numerator",
          "outcomes_public.denominator",
          "outcomes_public.ci_low",
          "outcomes_public.ci_high",
          "outcomes_public.funnel_flag",
          "outcomes_public.suppressed",
          "outcomes_public.status",
          "kov_status.quarter",
          "kov_status.kov_code",
          "kov_status.county_code",
          "kov_status.status",
          "kov_status.reasons",
          "kov_status.submitted_on",
          "kov_status.due_on",
          "kov_status.days_late",
          "kov_status.reject_share",
          "kov_status.qol_completeness",
          "kov_status.visible_share",
          "ref_measure.measure",
          "ref_measure.name_et",
          "ref_measure.name_en",
          "ref_measure.definition_en",
          "ref_measure.unit",
          "ref_measure.higher_is_better",
          "ref_measure.kind",
          "ref_municipalities.kov_code",
          "ref_municipalities.name",
          "ref_municipalities.county_code",
          "ref_municipalities.valid_from",
          "ref_municipalities.valid_to",
          "ref_counties.county_code",
          "ref_counties.name");

  /**
   * An internal version with raw figures, a client dimension, a fact table and submissions. The
   * suppressed cells have raw values found nowhere else: 0145's HOURS 123.45 and QOL_IMPROVED 0.75
   * = 3 of 4 with interval 0.3006 .. 0.9544.
   */
  private Path internal() throws Exception {
    Path v = dir.resolve("v");
    WarehouseLayout layout = new WarehouseLayout(v.toString());
    Fixtures.outcomes(
        layout,
        "2024Q2",
        "('KOV', '0145', 'HOURS', 123.45, 123.45, NULL, NULL, NULL, NULL, true)",
        "('KOV', '0145', 'QOL_IMPROVED', 0.75, 3, 4, 0.3006, 0.9544, 'WITHIN', true)",
        "('KOV', '0145', 'ACTIVE', 8, 8, NULL, NULL, NULL, NULL, false)",
        "('KOV', '0251', 'HOURS', 980.5, 980.5, NULL, NULL, NULL, NULL, false)",
        "('RIIK', 'EE', 'HOURS', 1103.95, 1103.95, NULL, NULL, NULL, NULL, false)");
    KovStatusTableTest.submissions(
        layout, "2024Q2", "('s1', '0145', DATE '2024-07-10', 'LOADED', 392, 1)");
    Fixtures.partition(
        Path.of(layout.table("dim_client")),
        null,
        "SELECT repeat('a', 64) AS client_id, 1980 AS birth_year, 5 AS birth_month, 'N' AS sex");
    Fixtures.partition(
        Path.of(layout.table("fct_case")),
        null,
        "SELECT 'c1' AS case_id, repeat('a', 64) AS client_id, '0145' AS kov_code");
    Fixtures.partition(
        Path.of(layout.table("ref_measure")),
        null,
        "SELECT 'HOURS' AS measure, 'Tunnid' AS name_et, 'Hours' AS name_en, 'hours' AS"
            + " definition_en, 'hours' AS unit, NULL::BOOLEAN AS higher_is_better, 'SUM' AS kind,"
            + " 'internal note' AS secret_column");
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    return v.resolve(Warehouse.DATABASE_FILE);
  }

  @Test
  void onlyTheAllowedTablesAndColumnsAndNoView() throws Exception {
    Path db = internal();
    Path out = dir.resolve("export");
    PublicExport.Summary s = PublicExport.write(db, out);
    assertEquals(
        List.of(
            "outcomes_public", "kov_status", "ref_measure", "ref_municipalities", "ref_counties"),
        List.copyOf(s.tables().keySet()));
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + out.resolve("iste_public.duckdb"));
        Statement st = c.createStatement()) {
      Set<String> found = new TreeSet<>();
      try (ResultSet r =
          st.executeQuery(
              "SELECT table_name, column_name FROM information_schema.columns"
                  + " WHERE table_schema NOT IN ('information_schema', 'pg_catalog')")) {
        while (r.next()) {
          found.add(r.getString(1) + "." + r.getString(2));
        }
      }
      Set<String> outside = new TreeSet<>(found);
      outside.removeAll(ALLOWED);
      assertEquals(Set.of(), outside);
      assertTrue(found.contains("outcomes_public.status"));
      // Tables only: no view (a view could reach back into another file), one schema, one catalog.
      assertEquals(
          List.of("BASE TABLE|main|5"),
          Fixtures.rows(
              c,
              "SELECT table_type, table_schema, count(*) FROM information_schema.tables"
                  + " WHERE table_schema NOT IN ('information_schema', 'pg_catalog')"
                  + " GROUP BY ALL"));
      assertEquals(
          List.of("0"),
          Fixtures.rows(
              c,
              "SELECT count(*) FROM duckdb_databases() WHERE NOT internal"
                  + " AND database_name <> current_database()"));
      // Every table and column described.
      assertEquals(
          List.of("0|0"),
          Fixtures.rows(
              c,
              "SELECT (SELECT count(*) FROM duckdb_tables() WHERE NOT internal AND comment IS"
                  + " NULL), (SELECT count(*) FROM duckdb_columns() WHERE NOT internal AND"
                  + " comment IS NULL)"));
    }
    String dictionary = Files.readString(out.resolve("data-dictionary.md"), StandardCharsets.UTF_8);
    for (String t : List.of("outcomes_public", "kov_status", "ref_measure", "ref_counties")) {
      assertTrue(dictionary.contains("## `" + t + "` (table)"), t);
      assertTrue(Files.isRegularFile(out.resolve("csv").resolve(t + ".csv")), t);
      assertTrue(Files.isRegularFile(out.resolve("parquet").resolve(t + ".parquet")), t);
    }
    assertFalse(dictionary.contains("secret_column"));
    assertFalse(dictionary.contains("client_id"));
  }

  @Test
  void noHiddenFigureInTheDatabaseTheCsvOrTheParquet() throws Exception {
    Path db = internal();
    Path out = dir.resolve("export");
    PublicExport.write(db, out);
    String cols = "value, numerator, denominator, ci_low, ci_high, funnel_flag";
    // The hidden cells of the internal database, raw.
    List<String> hidden =
        Fixtures.rows(
            db,
            "SELECT level, unit_code, quarter, measure FROM outcomes WHERE suppressed"
                + " ORDER BY ALL");
    assertEquals(List.of("KOV|0145|2024Q2|HOURS", "KOV|0145|2024Q2|QOL_IMPROVED"), hidden);
    try (Connection c =
        DriverManager.getConnection("jdbc:duckdb:" + out.resolve("iste_public.duckdb"))) {
      assertEquals(
          List.of(
              "KOV|0145|2024Q2|HOURS|null|null|null|null|null|null|true",
              "KOV|0145|2024Q2|QOL_IMPROVED|null|null|null|null|null|null|true"),
          Fixtures.rows(
              c,
              "SELECT level, unit_code, quarter, measure, "
                  + cols
                  + ", suppressed FROM outcomes_public WHERE suppressed ORDER BY ALL"));
      // Every suppressed row, whatever the fixture: all figure columns NULL.
      assertEquals(
          List.of("0"),
          Fixtures.rows(
              c,
              "SELECT count(*) FROM outcomes_public WHERE suppressed AND (value IS NOT NULL OR"
                  + " numerator IS NOT NULL OR denominator IS NOT NULL OR ci_low IS NOT NULL OR"
                  + " ci_high IS NOT NULL OR funnel_flag IS NOT NULL)"));
      // The visible figures are there: 0145 ACTIVE 8, 0251 HOURS 980.5, EE HOURS 1103.95.
      assertEquals(
          List.of("KOV|0145|8.0", "KOV|0251|980.5", "RIIK|EE|1103.95"),
          Fixtures.rows(
              c,
              "SELECT level, unit_code, value FROM outcomes_public WHERE NOT suppressed"
                  + " ORDER BY ALL"));
      // The Parquet copy says the same.
      assertEquals(
          List.of("2|0"),
          Fixtures.rows(
              c,
              "SELECT count(*) FILTER (WHERE suppressed), count(*) FILTER (WHERE suppressed AND"
                  + " coalesce(value, numerator, denominator, ci_low, ci_high) IS NOT NULL) FROM"
                  + " read_parquet('"
                  + out.resolve("parquet").resolve("outcomes_public.parquet")
                  + "')"));
    }
    // The raw hidden values appear nowhere in the CSV files: 123.45 hours; 0.75 = 3 of 4 with
    // interval 0.3006 .. 0.9544.
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(out.resolve("csv"))) {
      for (Path f : files.toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    for (String raw : List.of("123.45", "0.75", "0.3006", "0.9544")) {
      assertFalse(all.toString().contains(raw), raw);
    }
    List<String> csvHidden = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            out.resolve("csv").resolve("outcomes_public.csv"), StandardCharsets.UTF_8)) {
      if (line.contains(",true,")) {
        csvHidden.add(line);
      }
    }
    // status: 0145 sent 392 rows, 1 rejected (0.00255), on time; 1 of 3 figures shown (0.33 ≥
    // 0.25).
    assertEquals(
        List.of(
            "KOV,0145,2024Q2,HOURS,,,,,,,true,PUBLISHABLE",
            "KOV,0145,2024Q2,QOL_IMPROVED,,,,,,,true,PUBLISHABLE"),
        csvHidden);
  }

  @Test
  void theKovStatusLeavesTheRowCountsInside() throws Exception {
    Path out = dir.resolve("export");
    PublicExport.write(internal(), out);
    assertEquals(
        // 1 of 392 rows rejected = 0.002551…, published as 0.003 (the exact fraction would give
        // the counts back).
        List.of("2024Q2|0145|0087|PUBLISHABLE|null|2024-07-10|2024-07-30|0|0.003|null|0.3333"),
        Fixtures.rows(
            out.resolve("iste_public.duckdb"),
            "SELECT quarter, kov_code, county_code, status, reasons, submitted_on, due_on,"
                + " days_late, reject_share, qol_completeness, round(visible_share, 4)"
                + " FROM kov_status WHERE kov_code = '0145'"));
  }

  @Test
  void anOutcomesPublicThatWouldLeakIsNotExported() throws Exception {
    Path db = dir.resolve("bad.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE outcomes_public AS SELECT 'KOV' AS level, '0145' AS unit_code, '2024Q2'"
              + " AS quarter, 'ACTIVE' AS measure, 3.0 AS value, 3.0 AS numerator, NULL::DOUBLE AS"
              + " denominator, NULL::DOUBLE AS ci_low, NULL::DOUBLE AS ci_high, NULL::VARCHAR AS"
              + " funnel_flag, true AS suppressed, 'PUBLISHABLE' AS status");
    }
    Path out = dir.resolve("export");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PublicExport.write(db, out));
    assertTrue(e.getMessage().contains("1 suppressed rows"), e.getMessage());
    assertFalse(Files.exists(out.resolve("iste_public.duckdb")));
  }

  @Test
  void publishWritesTheExportIntoTheVersion() throws Exception {
    Warehouse w = Warehouse.at(dir.resolve("wh"));
    Path work = dir.resolve("work");
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q2",
        "('RIIK', 'EE', 'ACTIVE', 40, 40, NULL, NULL, NULL, NULL, false)");
    Version v =
        w.publish(
            work,
            RunMetadata.started(
                "test", List.of(Quarter.parse("2024Q2")), List.of(), Instant.EPOCH));
    Path pub = dir.resolve("wh").resolve("current").resolve("public");
    assertTrue(Files.isRegularFile(pub.resolve("iste_public.duckdb")));
    assertTrue(Files.isRegularFile(pub.resolve("csv").resolve("outcomes_public.csv")));
    assertTrue(Files.isRegularFile(pub.resolve("data-dictionary.md")));
    assertEquals(
        List.of("RIIK|EE|ACTIVE|40.0"),
        Fixtures.rows(
            v.dir().resolve("public").resolve("iste_public.duckdb"),
            "SELECT level, unit_code, measure, value FROM outcomes_public"));
  }

  @Test
  void theTrajectoryGoesOutWithoutItsHiddenRowsFigures() throws Exception {
    Path db = internal();
    Path v = db.getParent();
    // a county band of 3 cases (hidden: mean 61.7 found nowhere else) and the national band
    Fixtures.partition(
        Path.of(new WarehouseLayout(v.toString()).table("mart_trajectory")),
        "quarter=2024Q2",
        "SELECT * FROM (VALUES ('MAAKOND', '0037', 'D091_182', 91, 182, 'QOL_SCORE', 'ALL', 3,"
            + " 61.7, 40.1, 83.3, true), ('RIIK', 'EE', 'D091_182', 91, 182, 'QOL_SCORE', 'ALL',"
            + " 40, 55.0, 51.0, 59.0, false)) t(level, unit_code, band, band_from, band_to,"
            + " measure, population, n, mean, ci_low, ci_high, suppressed)");
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    Path out = dir.resolve("export");
    PublicExport.Summary s = PublicExport.write(db, out);
    assertEquals(2L, s.tables().get("trajectory_public"));
    assertEquals(
        List.of("MAAKOND|0037|null|null|true", "RIIK|EE|40|55.0|false"),
        Fixtures.rows(
            out.resolve("iste_public.duckdb"),
            "SELECT level, unit_code, n, mean, suppressed FROM trajectory_public"
                + " ORDER BY level"));
    assertFalse(
        Files.readString(out.resolve("csv").resolve("trajectory_public.csv")).contains("61.7"));
  }
}

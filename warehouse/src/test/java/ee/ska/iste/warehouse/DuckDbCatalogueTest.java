package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCatalogueTest {
  @TempDir Path dir;

  /** Three crafted rows: a suppressed KOV count, a shown KOV share, a national count. */
  private void threeOutcomes(Path versionDir) throws Exception {
    Fixtures.outcomes(
        new WarehouseLayout(versionDir.toString()),
        "2024Q2",
        "('KOV', '0251', 'ACTIVE', 3, 3, NULL, NULL, NULL, NULL, true)",
        "('KOV', '0251', 'QOL_IMPROVED', 0.5, 3, 6, 0.19, 0.81, 'WITHIN', false)",
        "('RIIK', 'EE', 'ACTIVE', 40, 40, NULL, NULL, NULL, NULL, false)");
  }

  @Test
  void outcomesPublicHidesOnlyTheSuppressedFigure() throws Exception {
    Path v = dir.resolve("v");
    threeOutcomes(v);
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    Path db = v.resolve(Warehouse.DATABASE_FILE);
    String cols =
        "level, unit_code, quarter, measure, value, numerator, denominator, ci_low, ci_high,"
            + " funnel_flag, suppressed";
    // Sorted by level, unit, quarter, measure: KOV 0251 ACTIVE, KOV 0251 QOL_IMPROVED, RIIK EE
    // ACTIVE.
    assertEquals(
        List.of(
            "KOV|0251|2024Q2|ACTIVE|3.0|3.0|null|null|null|null|true",
            "KOV|0251|2024Q2|QOL_IMPROVED|0.5|3.0|6.0|0.19|0.81|WITHIN|false",
            "RIIK|EE|2024Q2|ACTIVE|40.0|40.0|null|null|null|null|false"),
        Fixtures.rows(db, "SELECT " + cols + " FROM outcomes"));
    assertEquals(
        List.of(
            "KOV|0251|2024Q2|ACTIVE|null|null|null|null|null|null|true",
            "KOV|0251|2024Q2|QOL_IMPROVED|0.5|3.0|6.0|0.19|0.81|WITHIN|false",
            "RIIK|EE|2024Q2|ACTIVE|40.0|40.0|null|null|null|null|false"),
        Fixtures.rows(db, "SELECT " + cols + " FROM outcomes_public"));
  }

  @Test
  void outcomesHasTheColumnsOfThePublishedTableAndCodesStayText() throws Exception {
    Path v = dir.resolve("v");
    threeOutcomes(v);
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    List<String> described =
        Fixtures.rows(
            v.resolve(Warehouse.DATABASE_FILE),
            "SELECT column_name, column_type FROM (DESCRIBE outcomes)");
    assertEquals(
        List.of(
            "level|VARCHAR",
            "unit_code|VARCHAR",
            "quarter|VARCHAR",
            "measure|VARCHAR",
            "value|DOUBLE",
            "numerator|DOUBLE",
            "denominator|DOUBLE",
            "ci_low|DOUBLE",
            "ci_high|DOUBLE",
            "funnel_flag|VARCHAR",
            "suppressed|BOOLEAN"),
        described);
  }

  @Test
  void theDatabaseWorksAfterTheFolderIsMovedWithAPlainJdbcConnection() throws Exception {
    Path v = dir.resolve("build").resolve("v000001");
    threeOutcomes(v);
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    Path moved = dir.resolve("laptop").resolve("copy");
    Files.createDirectories(moved.getParent());
    Files.move(v, moved);
    FileTrees.deleteTree(dir.resolve("build"));

    try (Connection c =
        DriverManager.getConnection("jdbc:duckdb:" + moved.resolve("iste.duckdb"))) {
      // KOV 0251 ACTIVE is suppressed: public sum = QOL_IMPROVED 0.5 + RIIK ACTIVE 40 = 40.5.
      assertEquals(List.of("40.5"), Fixtures.rows(c, "SELECT sum(value) FROM outcomes_public"));
      assertEquals(List.of("43.5"), Fixtures.rows(c, "SELECT sum(value) FROM outcomes"));
      assertEquals(
          List.of("0251|Jõhvi vald|2024Q2|3.0"),
          Fixtures.rows(c, "SELECT kov_code, kov_name, quarter, active FROM kov_quarter_overview"));
      assertEquals(
          List.of("0"),
          Fixtures.rows(
              c,
              "SELECT count(*) FROM duckdb_views() WHERE NOT internal AND sql LIKE"
                  + " '%read_parquet%'"));
    }
  }

  @Test
  void everyTableViewAndColumnHasAnEstonianAndEnglishComment() throws Exception {
    Path v = dir.resolve("v");
    threeOutcomes(v);
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    Path db = v.resolve(Warehouse.DATABASE_FILE);
    assertEquals(
        List.of(),
        Fixtures.rows(
            db,
            "WITH c(name, comment) AS ( SELECT table_name, comment FROM duckdb_tables() WHERE NOT"
                + " internal UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT"
                + " internal UNION ALL SELECT table_name || '.' || column_name, comment FROM"
                + " duckdb_columns() WHERE NOT internal) SELECT name FROM c WHERE comment IS NULL"
                + " OR comment NOT LIKE '% | %' OR comment LIKE '%no description yet' ORDER BY"
                + " name"));
    assertEquals(
        List.of(
            "Tulemusnäitajad: üks rida taseme, üksuse, kvartali ja näitaja kohta, toorväärtustega"
                + " | Outcome measures: one row per level, unit, quarter and measure, raw values"),
        Fixtures.rows(
            db, "SELECT comment FROM duckdb_tables() WHERE table_name = 'mart_outcomes'"));
  }

  @Test
  void missingOptionalTablesLeaveTheirViewsOutWithoutFailing() throws Exception {
    Path v = dir.resolve("v");
    Fixtures.partition(
        Path.of(new WarehouseLayout(v.toString()).table("stg_submission")),
        "quarter=2024Q1",
        "SELECT '0251_2024Q1_2024-04-10_abcdefabcdef' AS submission_id, 'LOADED' AS status, '0251'"
            + " AS kov_code");
    DuckDbCatalogue.Summary s = DuckDbCatalogue.build(v, ReferenceData.builtIn());
    assertEquals(List.of(), s.views());
    assertEquals(List.of("mart_outcomes"), s.skippedViews().get("outcomes"));
    assertEquals(1L, s.tables().get("stg_submission"));
    assertTrue(s.tables().containsKey("ref_municipalities"));
    assertFalse(s.tables().containsKey("mart_outcomes"));
    // The kov_code partition-free text column keeps its leading zero.
    assertEquals(
        List.of("0251|2024Q1"),
        Fixtures.rows(
            v.resolve(Warehouse.DATABASE_FILE), "SELECT kov_code, quarter FROM stg_submission"));
  }

  @Test
  void referenceTablesAreLoadedWithTheirDeclaredTypes() throws Exception {
    Path v = dir.resolve("v");
    Files.createDirectories(v);
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    // domain.md: Haapsalu linn (0184) and Lääne-Nigula vald (0441) share 24 places.
    assertEquals(
        List.of("0184;0441|24"),
        Fixtures.rows(
            v.resolve(Warehouse.DATABASE_FILE),
            "SELECT kov_codes, places + 0 FROM ref_allocations WHERE kov_codes LIKE '%0441%'"));
  }

  @Test
  void ageBandsAndDiagnosisGroupsArePublishedAsReferenceTables() throws Exception {
    Path v = dir.resolve("v");
    Files.createDirectories(v);
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    Path db = v.resolve(Warehouse.DATABASE_FILE);
    // 65+ is open-ended; ages are integers, so 25 falls in exactly one band
    assertEquals(
        List.of("65+|65|null"),
        Fixtures.rows(db, "SELECT code, age_from, age_to FROM ref_age_bands WHERE age_to IS NULL"));
    assertEquals(
        List.of("25-34"),
        Fixtures.rows(
            db,
            "SELECT code FROM ref_age_bands WHERE 25 BETWEEN age_from AND coalesce(age_to, 999)"));
    assertEquals(
        List.of("F20|F29|2017-01-01"),
        Fixtures.rows(
            db,
            "SELECT code_from, code_to, valid_from FROM ref_diagnosis_groups"
                + " WHERE code = 'SCHIZOPHRENIA'"));
  }

  @Test
  void everyColumnOfDimClientIsDescribed() throws Exception {
    // The columns of docs/tables.md's dim_client, in its order.
    Path v = dir.resolve("v");
    Fixtures.partition(
        Path.of(new WarehouseLayout(v.toString()).table("dim_client")),
        null,
        "SELECT 'ab12' AS client_id, 1999 AS birth_year, 3 AS birth_month, 'N' AS sex,"
            + " DATE '2024-03-15' AS first_start, 2 AS episodes, 2 AS kovs, 25 AS age_at_entry,"
            + " '25-34' AS age_band, 'F20.0' AS diagnosis, 'SCHIZOPHRENIA' AS diagnosis_group,"
            + " 'SYGAV' AS severity, 'A' AS entry_route");
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    Path db = v.resolve(Warehouse.DATABASE_FILE);
    assertEquals(
        List.of(),
        Fixtures.rows(
            db,
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'dim_client' AND"
                + " (comment IS NULL OR comment NOT LIKE '% | %' OR comment LIKE '%no description"
                + " yet')"));
    assertEquals(
        List.of("Kliendi episoodide arv kõigis KOV-ides | Episodes of the client in all KOVs"),
        Fixtures.rows(
            db,
            "SELECT comment FROM duckdb_columns() WHERE table_name = 'dim_client' AND"
                + " column_name = 'episodes'"));
  }

  @Test
  void rebuildingGivesIdenticalQueryResults() throws Exception {
    Path v = dir.resolve("v");
    threeOutcomes(v);
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    List<String> first =
        Fixtures.rows(v.resolve(Warehouse.DATABASE_FILE), "SELECT * FROM mart_outcomes");
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    assertEquals(
        first, Fixtures.rows(v.resolve(Warehouse.DATABASE_FILE), "SELECT * FROM mart_outcomes"));
    assertEquals(3, first.size());
  }

  @Test
  void sparkHiddenFoldersAndChecksumFilesAreNotData() throws Exception {
    Path v = dir.resolve("v");
    threeOutcomes(v);
    Path table = Path.of(new WarehouseLayout(v.toString()).table("mart_outcomes"));
    // Leftovers of an interrupted Spark write: a staging folder and _temporary, each with a file.
    Fixtures.partition(
        table.resolve(".spark-staging-1"),
        "quarter=2024Q2",
        "SELECT 'RIIK' AS level, 'EE' AS unit_code, 'ACTIVE' AS measure, 1.0 AS value");
    Fixtures.partition(
        table.resolve("_temporary").resolve("0"),
        null,
        "SELECT 'RIIK' AS level, 'EE' AS unit_code, 'ACTIVE' AS measure, 1.0 AS value");
    DuckDbCatalogue.Summary s = DuckDbCatalogue.build(v, ReferenceData.builtIn());
    assertEquals(3L, s.tables().get("mart_outcomes"));
  }
}

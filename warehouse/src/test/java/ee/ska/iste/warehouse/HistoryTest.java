package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.warehouse.VersionDiff.ChangedFigure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diff, query and data dictionary over published versions. */
class HistoryTest {
  @TempDir Path root;
  @TempDir Path work;

  private static RunMetadata run() {
    return RunMetadata.started(
        "test", List.of(Quarter.parse("2024Q1")), List.of(), Instant.parse("2026-01-05T08:00:00Z"));
  }

  @Test
  void diffListsExactlyTheFiguresThatChanged() throws Exception {
    Warehouse w = Warehouse.at(root);
    // Provisional 2024Q1: ACTIVE 10 and NEW 4 in KOV 0251, national ACTIVE 50, KOV 0321 EXIT 2.
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        "('KOV', '0251', 'ACTIVE', 10, 10, NULL, NULL, NULL, NULL, false)",
        "('KOV', '0251', 'NEW', 4, 4, NULL, NULL, NULL, NULL, true)",
        "('KOV', '0321', 'EXIT', 2, 2, NULL, NULL, NULL, NULL, true)",
        "('RIIK', 'EE', 'ACTIVE', 50, 50, NULL, NULL, NULL, NULL, false)");
    Version v1 = w.publish(work, run());
    // Final 2024Q1: a late correction makes ACTIVE 11 in 0251 and 51 nationally; NEW unchanged;
    // 0321's EXIT row is gone and 0321 gains NEW 1.
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        "('KOV', '0251', 'ACTIVE', 11, 11, NULL, NULL, NULL, NULL, false)",
        "('KOV', '0251', 'NEW', 4, 4, NULL, NULL, NULL, NULL, true)",
        "('KOV', '0321', 'NEW', 1, 1, NULL, NULL, NULL, NULL, true)",
        "('RIIK', 'EE', 'ACTIVE', 51, 51, NULL, NULL, NULL, NULL, false)");
    Version v2 = w.publish(work, run());

    assertEquals(
        List.of(
            new ChangedFigure("KOV", "0251", "2024Q1", "ACTIVE", 10.0, 11.0),
            new ChangedFigure("KOV", "0321", "2024Q1", "EXIT", 2.0, null),
            new ChangedFigure("KOV", "0321", "2024Q1", "NEW", null, 1.0),
            new ChangedFigure("RIIK", "EE", "2024Q1", "ACTIVE", 50.0, 51.0)),
        VersionDiff.between(v1, v2));
    assertEquals(List.of(), VersionDiff.between(v2, w.version("v000002")));

    String table = VersionDiff.asTable(VersionDiff.between(v1, v2)).aligned();
    assertTrue(table.startsWith("level  unit_code  quarter  measure   old   new\n"), table);
    assertTrue(table.contains("KOV    0321       2024Q1   EXIT      2.0  NULL\n"), table);
  }

  @Test
  void diffRefusesAVersionWithoutOutcomes() throws Exception {
    Warehouse w = Warehouse.at(root);
    Version empty = w.publish(work, run());
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        "('RIIK', 'EE', 'ACTIVE', 5, 5, NULL, NULL, NULL, NULL, false)");
    Version full = w.publish(work, run());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VersionDiff.between(empty, full));
    assertTrue(e.getMessage().contains("v000001"));
  }

  @Test
  void queryPrintsAnAlignedTableAndCsv() throws Exception {
    Warehouse w = Warehouse.at(root);
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        "('KOV', '0251', 'ACTIVE', 12, 12, NULL, NULL, NULL, NULL, false)",
        "('RIIK', 'EE', 'ACTIVE', 345, 345, NULL, NULL, NULL, NULL, false)");
    Version v = w.publish(work, run());
    QueryResult r =
        Query.run(
            v.database(),
            "SELECT unit_code, CAST(value AS INTEGER) AS active, NULL AS note FROM outcomes ORDER"
                + " BY unit_code");
    assertEquals(
        "unit_code  active  note\n"
            + "---------  ------  ----\n"
            + "0251           12  NULL\n"
            + "EE            345  NULL\n"
            + "(2 rows)\n",
        r.aligned());
    assertEquals("unit_code,active,note\r\n0251,12,\r\nEE,345,\r\n", r.csv());
    // The connection is read-only: writing fails.
    assertThrows(
        java.sql.SQLException.class, () -> Query.run(v.database(), "CREATE TABLE x (a INTEGER)"));
  }

  @Test
  void dataDictionaryComesFromTheDatabaseComments() throws Exception {
    Warehouse w = Warehouse.at(root);
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        "('RIIK', 'EE', 'ACTIVE', 5, 5, NULL, NULL, NULL, NULL, false)");
    Version v = w.publish(work, run());
    Path md = root.resolve("dictionary.md");
    DataDictionary.write(v.database(), md);
    String text = Files.readString(md);
    assertTrue(text.contains("## `outcomes_public` (view)"), text);
    assertTrue(
        text.contains(
            "| `value` | DOUBLE | Näitaja väärtus; tühi, kui varjatud | The figure; NULL when"
                + " suppressed |"),
        text);
    assertTrue(text.contains("## `ref_municipalities` (table)"), text);
    assertTrue(
        text.indexOf("## `outcomes`") < text.indexOf("## `mart_outcomes`"), "views come first");
  }
}

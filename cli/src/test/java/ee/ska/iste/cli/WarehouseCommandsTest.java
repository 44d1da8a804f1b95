package ee.ska.iste.cli;

import static ee.ska.iste.cli.CliFixtures.iste;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.CliFixtures.Run;
import ee.ska.iste.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse verbs end to end through {@link Main#run}. */
class WarehouseCommandsTest {
  @TempDir Path root;
  @TempDir Path workArea;

  private void publish(long active) throws Exception {
    CliFixtures.publish(
        Warehouse.at(root),
        workArea.resolve("work"),
        CliFixtures.started("2024Q1", "2026-01-05T08:00:00Z"),
        Map.of(
            "mart/mart_outcomes/quarter=2024Q1",
            "SELECT 'KOV' AS level, '0251' AS unit_code, 'ACTIVE' AS measure, "
                + active
                + "::DOUBLE AS value, "
                + active
                + "::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::DOUBLE AS ci_low,"
                + " NULL::DOUBLE AS ci_high, NULL::VARCHAR AS funnel_flag, false AS suppressed"));
  }

  @Test
  void versionsQueryDiffAndPrune() throws Exception {
    publish(10);
    publish(12);
    String wh = root.toString();

    Run versions = iste("versions", "--warehouse", wh);
    assertEquals(0, versions.code(), versions.err());
    assertTrue(versions.out().contains("v000001"), versions.out());
    assertTrue(versions.out().lines().anyMatch(l -> l.startsWith("v000002  *")), versions.out());

    Run query =
        iste("query", "--warehouse", wh, "--csv", "SELECT unit_code, value FROM outcomes_public");
    assertEquals(0, query.code(), query.err());
    assertEquals("unit_code,value\r\n0251,12.0\r\n", query.out());

    Run old =
        iste(
            "query",
            "--warehouse",
            wh,
            "--version",
            "v000001",
            "--csv",
            "SELECT value FROM outcomes");
    assertEquals("value\r\n10.0\r\n", old.out());

    Run diff = iste("diff", "--warehouse", wh, "--csv", "v000001", "v000002");
    assertEquals(0, diff.code(), diff.err());
    assertEquals(
        "level,unit_code,quarter,measure,old,new\r\nKOV,0251,2024Q1,ACTIVE,10.0,12.0\r\n",
        diff.out());

    Run bad = iste("query", "--warehouse", wh, "SELECT * FROM no_such_table");
    assertEquals(ExitCode.USAGE, bad.code());
    assertTrue(bad.err().startsWith("iste: query failed"), bad.err());

    Run prune = iste("prune", "--warehouse", wh, "--keep", "1");
    assertEquals(0, prune.code(), prune.err());
    assertEquals("removed v000001\n", prune.out());
    assertEquals(
        List.of("v000002"), Warehouse.at(root).versions().stream().map(v -> v.id()).toList());

    Path md = root.resolveSibling(root.getFileName() + "-dictionary.md");
    Run dict = iste("dictionary", "--warehouse", wh, "--out", md.toString());
    assertEquals(0, dict.code(), dict.err());
    assertTrue(Files.readString(md).contains("## `outcomes` (view)"));
    Files.delete(md);
  }
}

package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.warehouse.RunMetadata;
import ee.ska.iste.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse verbs end to end through {@link Main#run}. */
class WarehouseCommandsTest {
  @TempDir Path root;
  @TempDir Path workArea;

  private void publish(long active) throws Exception {
    Warehouse w = Warehouse.at(root);
    RunMetadata meta =
        RunMetadata.started(
            "test",
            List.of(Quarter.parse("2024Q1")),
            List.of(),
            Instant.parse("2026-01-05T08:00:00Z"));
    Path work = workArea.resolve("work");
    Path dir = work.resolve("mart/mart_outcomes/quarter=2024Q1");
    FileTrees.deleteTree(dir);
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT 'KOV' AS level, '0251' AS unit_code, 'ACTIVE' AS measure, "
              + active
              + "::DOUBLE AS value, "
              + active
              + "::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::DOUBLE AS ci_low,"
              + " NULL::DOUBLE AS ci_high, NULL::VARCHAR AS funnel_flag, false AS suppressed) TO '"
              + dir.resolve("part-00000.parquet")
              + "' (FORMAT PARQUET)");
    }
    w.publish(work, meta);
  }

  private record Run(int code, String out, String err) {}

  private static Run iste(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
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

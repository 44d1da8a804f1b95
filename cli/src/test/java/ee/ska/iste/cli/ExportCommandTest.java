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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iste export --public} through {@link Main#run}. */
class ExportCommandTest {
  @TempDir Path root;
  @TempDir Path workArea;

  /** Publishes one quarter: KOV 0251 ACTIVE 3 (suppressed), the nation 40. */
  private void publish() throws Exception {
    Warehouse w = Warehouse.at(root.resolve("wh"));
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
          "COPY (SELECT level, unit_code, measure, value, numerator, NULL::DOUBLE AS"
              + " denominator, NULL::DOUBLE AS ci_low, NULL::DOUBLE AS ci_high, NULL::VARCHAR AS"
              + " funnel_flag, suppressed FROM (VALUES ('KOV', '0251', 'ACTIVE', 3.0, 3.0, true),"
              + " ('RIIK', 'EE', 'ACTIVE', 40.0, 40.0, false)) AS t(level, unit_code, measure,"
              + " value, numerator, suppressed)) TO '"
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
  void writesThePublicFileWithTheHiddenFigureBlank() throws Exception {
    publish();
    Path out = root.resolve("export");
    Run r =
        iste(
            "export",
            "--public",
            "--warehouse",
            root.resolve("wh").toString(),
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("outcomes_public\t2"), r.out());
    assertTrue(r.err().contains("v000001"), r.err());
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + out.resolve("iste_public.duckdb"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT unit_code, value, suppressed FROM outcomes_public ORDER BY unit_code")) {
      // 0251 first: hidden, no value; then EE 40.
      assertTrue(rs.next());
      assertEquals("0251", rs.getString(1));
      assertEquals(null, rs.getObject(2));
      assertTrue(rs.getBoolean(3));
      assertTrue(rs.next());
      assertEquals(40.0, rs.getDouble(2));
    }
    assertTrue(Files.isRegularFile(out.resolve("csv").resolve("outcomes_public.csv")));
    assertTrue(Files.isRegularFile(out.resolve("data-dictionary.md")));
  }

  @Test
  void withoutPublicOrOutItIsAUsageError() throws Exception {
    publish();
    String wh = root.resolve("wh").toString();
    assertEquals(
        2, iste("export", "--warehouse", wh, "--out", root.resolve("x").toString()).code());
    assertEquals(2, iste("export", "--public", "--warehouse", wh).code());
    assertEquals(
        2,
        iste(
                "export",
                "--public",
                "--warehouse",
                wh,
                "--out",
                root.resolve("x").toString(),
                "--version",
                "v000009")
            .code());
  }
}

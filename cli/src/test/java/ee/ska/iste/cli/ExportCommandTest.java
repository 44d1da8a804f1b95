package ee.ska.iste.cli;

import static ee.ska.iste.cli.CliFixtures.iste;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.CliFixtures.Run;
import ee.ska.iste.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iste export --public} through {@link Main#run}. */
class ExportCommandTest {
  @TempDir Path root;
  @TempDir Path workArea;

  /** Publishes one quarter: KOV 0251 ACTIVE 3 (suppressed), the nation 40. */
  private void publish() throws Exception {
    CliFixtures.publish(
        Warehouse.at(root.resolve("wh")),
        workArea.resolve("work"),
        CliFixtures.started("2024Q1", "2026-01-05T08:00:00Z"),
        Map.of(
            "mart/mart_outcomes/quarter=2024Q1",
            "SELECT level, unit_code, measure, value, numerator, NULL::DOUBLE AS denominator,"
                + " NULL::DOUBLE AS ci_low, NULL::DOUBLE AS ci_high, NULL::VARCHAR AS"
                + " funnel_flag, suppressed FROM (VALUES ('KOV', '0251', 'ACTIVE', 3.0, 3.0, true),"
                + " ('RIIK', 'EE', 'ACTIVE', 40.0, 40.0, false)) AS t(level, unit_code, measure,"
                + " value, numerator, suppressed)"));
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

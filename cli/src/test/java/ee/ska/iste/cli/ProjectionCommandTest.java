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

/** {@code iste projection} end to end on a small published warehouse. */
class ProjectionCommandTest {
  @TempDir Path root;
  @TempDir Path dir;

  private static String national(String measure, double value) {
    return "SELECT 'RIIK' AS level, 'EE' AS unit_code, '"
        + measure
        + "' AS measure, "
        + value
        + "::DOUBLE AS value, "
        + value
        + "::DOUBLE AS numerator, 1::DOUBLE AS denominator,"
        + " NULL::DOUBLE AS ci_low, NULL::DOUBLE AS ci_high, NULL::VARCHAR AS funnel_flag,"
        + " false AS suppressed";
  }

  private static String spread(String measure, double p10, double p90) {
    return "SELECT '"
        + measure
        + "' AS measure, 5 AS kovs, "
        + p10
        + "::DOUBLE AS p10, "
        + (p10 + p90) / 2
        + "::DOUBLE AS p50, "
        + p90
        + "::DOUBLE AS p90";
  }

  private void publish() throws Exception {
    CliFixtures.publish(
        Warehouse.at(root),
        dir.resolve("work"),
        CliFixtures.started("2024Q1", "2026-01-05T08:00:00Z"),
        Map.of(
            "mart/mart_outcomes/quarter=2024Q1",
            String.join(
                " UNION ALL ",
                national("OCCUPANCY", 0.8),
                national("ENTRIES_PER_100_PLACES", 40),
                national("COST_PER_CLIENT_DAY", 30),
                national("HOURS_PER_CLIENT_MONTH_BT", 6)),
            "mart/mart_kov_spread/quarter=2024Q1",
            String.join(
                " UNION ALL ",
                spread("OCCUPANCY", 0.6, 1.0),
                spread("ENTRIES_PER_100_PLACES", 20, 60),
                spread("COST_PER_CLIENT_DAY", 25, 40),
                spread("HOURS_PER_CLIENT_MONTH_BT", 4, 10))));
  }

  private static double value(Path parquet, String where) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT value FROM read_parquet('" + parquet + "') WHERE " + where)) {
      assertTrue(r.next(), where);
      return r.getDouble(1);
    }
  }

  @Test
  void projectsAPlacesFileAndWritesTheTable() throws Exception {
    publish();
    Path places = dir.resolve("ramp.csv");
    Files.writeString(places, "county_code,year,places\n0037,1,10\n0037,2,20\n0079,1,5\n");
    Run run = iste("projection", "--warehouse", root.toString(), "--places", places.toString());
    assertEquals(0, run.code(), run.err());
    // NATIONAL year 1: 15 places, client days 15 x 0.8 x 365 = 4,380, entries 15 x 40 / 100 = 6,
    // clients 4,380 / 365 + 6 = 18, BT hours 4,380 / 30.4375 x 6 = 863.4 -> 863,
    // cost 4,380 x 30 = 131,400
    assertTrue(
        run.out().lines().anyMatch(l -> l.matches("NATIONAL +1 +15 +18 +6 +4380 +863 +131400")),
        run.out());
    // P90 year 2: 25 places x 1.0 x 365 = 9,125 client days; entries at the national rate in
    // every scenario (KOV entry rates rest on hidden small counts): 25 x 40 / 100 = 10, clients
    // 25 + 10 = 35; BT 9,125 / 30.4375 x 10 = 2,997.9 -> 2998, cost 9,125 x 40 = 365,000
    assertTrue(
        run.out().lines().anyMatch(l -> l.matches("P90 +2 +25 +35 +10 +9125 +2998 +365000")),
        run.out());
    // Harju at the national rates in year 2: 20 places, clients 16 + 8 = 24, cost 175,200
    assertTrue(
        run.out().lines().anyMatch(l -> l.matches("0037 +2 +20 +24 +8 +\\d+ +175200")), run.out());
    Path out = root.resolve("projections").resolve("ramp");
    Path parquet = out.resolve("mart_projection.parquet");
    assertTrue(Files.isRegularFile(out.resolve("mart_projection.csv")));
    assertEquals(
        131_400,
        value(
            parquet,
            "scenario = 'NATIONAL' AND year = 1 AND county_code = 'EE' AND quantity = 'COST_EUR'"
                + " AND from_quarter = '2024Q1' AND places_source = 'ramp.csv'"),
        1e-6);
    // P10 year 3, Tartu keeps its 5 places: 5 x 0.6 x 365 = 1,095 client days x 25 = 27,375
    assertEquals(
        27_375,
        value(
            parquet,
            "scenario = 'P10' AND year = 3 AND county_code = '0079' AND quantity = 'COST_EUR'"),
        1e-6);
  }

  @Test
  void aBadPlacesFileOrAQuarterWithoutFiguresIsAUsageError() throws Exception {
    publish();
    Path places = dir.resolve("bad.csv");
    Files.writeString(places, "county_code,year,places\n0037,1,10\n0037,5,20\n");
    Run bad = iste("projection", "--warehouse", root.toString(), "--places", places.toString());
    assertEquals(ExitCode.USAGE, bad.code());
    assertTrue(
        bad.err().contains("bad.csv, line 3, column year: year must be 1 to 3, found 5"),
        bad.err());
    Files.writeString(places, "county_code,year,places\n0037,1,10\n");
    Run none =
        iste(
            "projection",
            "--warehouse",
            root.toString(),
            "--places",
            places.toString(),
            "--from-quarter",
            "2023Q4",
            "--out",
            dir.resolve("o").toString());
    assertEquals(ExitCode.USAGE, none.code());
    assertTrue(none.err().contains("quarter 2023Q4 has no national figures"), none.err());
  }
}

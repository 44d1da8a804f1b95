package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iste report} over a warehouse holding only the outcomes and the municipalities. */
class ReportCommandTest {
  @TempDir static Path dir;

  @BeforeAll
  static void warehouse() throws Exception {
    Path db = Files.createDirectories(dir.resolve("wh/v3")).resolve("iste.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute(
          "create table outcomes as select 'KOV' as level, '0618' as unit_code, '2024Q2' as"
              + " quarter, 'ACTIVE' as measure, 23.0 as value, 23.0 as numerator, null::double as"
              + " denominator, null::double as ci_low, null::double as ci_high, null::varchar as"
              + " funnel_flag, false as suppressed");
      st.execute("create view outcomes_public as select * from outcomes");
      st.execute(
          "create table dim_municipality as select '0618' as kov_code, 'Põltsamaa vald' as"
              + " kov_name, '0050' as county_code, 'Jõgeva maakond' as county_name, 'A0618' as"
              + " allocation_id, 5 as places");
    }
  }

  /** {@code iste report} of one KOV for 2024Q2 from the database, with any further options. */
  private static int report(String kov, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--db",
                dir.resolve("wh/v3/iste.duckdb").toString(),
                "--quarter",
                "2024Q2",
                "--kov",
                kov,
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return Main.run(args.toArray(String[]::new));
  }

  @Test
  void rendersOneKovFromADatabaseFile() {
    Path out = dir.resolve("out");
    int rc = report("0618", out, "--format", "html", "--lang", "en");
    assertEquals(ExitCode.OK, rc);
    assertTrue(Files.isRegularFile(out.resolve("2024Q2/kov/ISTE_0618_2024Q2_en.html")));
  }

  @Test
  void rendersTheEvaluationReportBesideTheNationalOne() {
    Path out = dir.resolve("evaluation");
    int rc =
        Main.run(
            "report",
            "--db",
            dir.resolve("wh/v3/iste.duckdb").toString(),
            "--quarter",
            "2024Q2",
            "--evaluation",
            "--lang",
            "en",
            "--out",
            out.toString());
    assertEquals(ExitCode.OK, rc);
    assertTrue(Files.isRegularFile(out.resolve("2024Q2/ISTE_hindamine_2024Q2_en.pdf")));
  }

  @Test
  void unknownKovIsAUsageError() {
    assertEquals(ExitCode.USAGE, report("9999", dir.resolve("x")));
  }

  @Test
  void kindIsRequired() {
    assertEquals(ExitCode.USAGE, Main.run("report", "--db", "x.duckdb", "--quarter", "2024Q2"));
  }
}

package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iste report --dashboard} over a database holding only {@code outcomes_public}: no
 * catalogue, so names fall back to codes, and the site is still written whole.
 */
class ReportDashboardCommandTest {
  @Test
  void writesTheQuarterDashboardInBothLanguages(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("iste.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute(
          "create table outcomes_public as select * from (values"
              + " ('KOV', '0618', '2024Q2', 'ACTIVE', 23.0, false),"
              + " ('RIIK', 'EE', '2024Q2', 'ACTIVE', 230.0, false))"
              + " t(level, unit_code, quarter, measure, value, suppressed)");
      st.execute(
          "alter table outcomes_public add column numerator double; alter table outcomes_public"
              + " add column denominator double; alter table outcomes_public add column ci_low"
              + " double; alter table outcomes_public add column ci_high double; alter table"
              + " outcomes_public add column funnel_flag varchar");
    }
    Path out = dir.resolve("out");
    int rc =
        Main.run(
            "report",
            "--db",
            db.toString(),
            "--quarter",
            "2024Q2",
            "--dashboard",
            "--out",
            out.toString());
    assertEquals(ExitCode.OK, rc);
    Path site = out.resolve("2024Q2/dashboard");
    for (String f : new String[] {"index.html", "index_en.html", "assets/echarts.min.js"}) {
      assertTrue(Files.isRegularFile(site.resolve(f)), f);
    }
    String kov = Files.readString(site.resolve("kov/0618_en.html"));
    // the KOV's 23 active cases beside the nation's 230
    assertTrue(kov.contains("<p class=\"value\">23</p>"), kov);
    assertTrue(kov.contains("<p>Estonia: 230</p>"), kov);
  }
}

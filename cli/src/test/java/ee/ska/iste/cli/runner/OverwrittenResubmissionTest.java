package ee.ska.iste.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.Main;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KOV's published submission is overwritten in the inbox by one with the same esitatud and other
 * content (one more hour in its first participation row). The next run refuses the newcomer
 * ("resubmit with a later date", exit 4), reads the published one back from the input archive and
 * publishes the same hours as before; nothing is lost and nothing changes without a word.
 */
class OverwrittenResubmissionTest {
  @TempDir Path dir;

  @Test
  void theOverwrittenSubmissionStaysAndTheNewcomerIsRefused() throws Exception {
    Path in = dir.resolve("in");
    new SubmissionGenerator(ReferenceData.builtIn(), line -> {})
        .generate(
            GeneratorConfig.of(in, List.of(Quarter.parse("2024Q2")), 7)
                .withScale(0.05)
                .withFormat(SubmissionFormat.CSV));
    Path out = dir.resolve("out");
    Path key =
        Files.writeString(dir.resolve("k.key"), "a-key-for-the-overwritten-resubmission-test");
    assertEquals(0, run(in, out, key)[0]);
    Path warehouse = out.resolve("warehouse");
    Path submission = in.resolve("ISTE_0784_2024Q2");
    BigDecimal before = hours(warehouse, "0784");
    String versionBefore = Files.readSymbolicLink(warehouse.resolve("current")).toString();

    // the same esitatud, one more hour in the first participation row
    Path osalemine = submission.resolve("osalemine.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(osalemine, StandardCharsets.UTF_8));
    String[] first = lines.get(1).split(",", -1);
    first[5] = new BigDecimal(first[5]).add(BigDecimal.ONE).toPlainString();
    lines.set(1, String.join(",", first));
    Files.write(osalemine, lines, StandardCharsets.UTF_8);

    Object[] second = run(in, out, key);
    String summary = (String) second[1];
    assertEquals(4, second[0], summary);
    assertTrue(summary.contains("ISTE_0784_2024Q2  RESUBMISSION_CONFLICT"), summary);
    assertNotEquals(versionBefore, Files.readSymbolicLink(warehouse.resolve("current")).toString());
    // the copy read back from the archive is not left in the work area
    assertTrue(!Files.exists(out.resolve("work").resolve("_earlier")));
    // the hours published are the earlier submission's, not 1 more
    assertEquals(before, hours(warehouse, "0784"));
    // both are recorded: the earlier one loaded (read from the archive), the newcomer refused
    assertEquals(
        List.of("LOADED|null", "REFUSED|RESUBMISSION_CONFLICT"),
        rows(
            warehouse,
            "SELECT status || '|' || coalesce(refusal_reason, 'null') FROM stg_submission"
                + " WHERE kov_code = '0784' ORDER BY 1"));
  }

  /** {exit code, stdout}. */
  private static Object[] run(Path in, Path out, Path key) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          Main.run(
              "run",
              "--input",
              in.toString(),
              "--out",
              out.toString(),
              "--key-file",
              key.toString(),
              "--no-reports");
    } finally {
      System.setOut(old);
    }
    return new Object[] {exit, stdout.toString(StandardCharsets.UTF_8)};
  }

  private static BigDecimal hours(Path warehouse, String kov) throws Exception {
    List<String> r =
        rows(
            warehouse,
            "SELECT CAST(sum(hours) AS DECIMAL(18,2)) FROM stg_participation WHERE kov_code = '"
                + kov
                + "'");
    return new BigDecimal(r.get(0));
  }

  private static List<String> rows(Path warehouse, String sql) throws Exception {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    List<String> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:" + warehouse.resolve("current").resolve("iste.duckdb"), ro);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}

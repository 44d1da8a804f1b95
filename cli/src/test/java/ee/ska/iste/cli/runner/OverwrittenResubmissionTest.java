package ee.ska.iste.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.CliFixtures;
import ee.ska.iste.cli.CliFixtures.Run;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.SubmissionFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    CliFixtures.generate(in, List.of(Quarter.parse("2024Q2")), 7, 0.05, SubmissionFormat.CSV);
    Path out = dir.resolve("out");
    Path key =
        Files.writeString(dir.resolve("k.key"), "a-key-for-the-overwritten-resubmission-test");
    assertEquals(0, run(in, out, key).code());
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

    Run second = run(in, out, key);
    String summary = second.out();
    assertEquals(4, second.code(), summary);
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

  private static Run run(Path in, Path out, Path key) {
    return CliFixtures.withInput("run", in, out, key, "--no-reports");
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
    return CliFixtures.column(CliFixtures.currentDatabase(warehouse), sql);
  }
}

package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iste bench --reduced} on a very small national dataset (100 clients, 2 quarters): the
 * table has every stage of the run and of the incremental quarter, the DuckDB reference agrees with
 * Spark, and the results files are written. Timings are printed, never asserted.
 */
class BenchCommandTest {
  private static final List<String> STAGES =
      List.of("ingest", "model", "measures", "publish", "reports", "TOTAL");

  @TempDir static Path dir;
  private static int exit;
  private static String stdout;

  @BeforeAll
  static void runTheReducedBenchmark() {
    PrintStream before = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit =
          Main.run(
              "bench",
              "--reduced",
              "--national-clients",
              "100",
              "--quarters",
              "2024Q3..2024Q4",
              "--out",
              dir.resolve("bench").toString());
    } finally {
      System.setOut(before);
    }
    stdout = captured.toString(StandardCharsets.UTF_8);
    before.print(stdout);
  }

  @Test
  void succeedsAndTheReferenceAgrees() {
    assertEquals(ExitCode.OK, exit, stdout);
    assertTrue(
        Pattern.compile(
                "^1x\\s+\\d+\\s+reference \\(DuckDB\\).*agrees on \\d+ figures", Pattern.MULTILINE)
            .matcher(stdout)
            .find(),
        stdout);
  }

  @Test
  void printsEveryStageOfTheRunAndOfTheNewQuarter() {
    for (String run : List.of("1x", "1x\\+1q")) {
      for (String stage : STAGES) {
        assertTrue(
            Pattern.compile(
                    "^" + run + "\\s+\\d+\\s+" + stage + "\\s+\\d+\\.\\d\\d", Pattern.MULTILINE)
                .matcher(stdout)
                .find(),
            run + " " + stage + " missing in:\n" + stdout);
      }
    }
    for (String probe : List.of("generate", "query outcomes", "one KOV report")) {
      assertTrue(stdout.contains(probe), probe + " missing");
    }
  }

  @Test
  void printsTheTargetsAndWritesTheResultsFiles() throws IOException {
    assertTrue(stdout.contains("Targets (issue 20):"), stdout);
    // the end to end time over the DuckDB reference: a figure to watch, not a verdict
    assertTrue(
        Pattern.compile("^WATCH\\s+end to end / DuckDB reference \\(1x\\)", Pattern.MULTILINE)
            .matcher(stdout)
            .find(),
        stdout);
    assertTrue(
        Pattern.compile("^(PASS|MISS)\\s+national scale \\(1x\\) end to end", Pattern.MULTILINE)
            .matcher(stdout)
            .find(),
        stdout);
    assertTrue(
        Pattern.compile("^(PASS|MISS)\\s+one new quarter", Pattern.MULTILINE)
            .matcher(stdout)
            .find(),
        stdout);
    assertTrue(
        Pattern.compile("^NOT MEASURED\\s+10x", Pattern.MULTILINE).matcher(stdout).find(), stdout);
    String csv = Files.readString(dir.resolve("bench").resolve("bench.csv"));
    assertTrue(csv.startsWith("run,clients,stage,wall_s,"), csv);
    for (String stage : STAGES) {
      assertTrue(
          csv.contains("\n1x,") && csv.contains("," + stage + ","), stage + " missing in CSV");
    }
    String md = Files.readString(dir.resolve("bench").resolve("bench.md"));
    assertTrue(md.contains("| run | clients | stage |") && md.contains("## Targets"), md);
  }
}

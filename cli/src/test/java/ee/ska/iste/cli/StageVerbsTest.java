package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage verbs' command line: the one the Airflow tasks run is accepted by every stage; {@code
 * --quarter} is offered by the verbs it narrows (ingest, reports) and accepted, unshown, by those
 * that work on every staged quarter (model, measures, publish). No stage runs here.
 */
class StageVerbsTest {
  private static final List<String> STAGES =
      List.of("ingest", "model", "measures", "publish", "reports");

  @TempDir Path dir;

  @Test
  void everyStageTakesTheCommandLineOfTheAirflowTasks() {
    for (String stage : STAGES) {
      for (String quarter : List.of("2024Q2", "2024-05-15")) {
        // as iste_common.stage_command renders it, with the republish DAG's --kov
        Main.commandLine()
            .parseArgs(
                stage,
                "--quarter",
                quarter,
                "--input",
                "file:///opt/iste/input",
                "--out",
                "file:///opt/iste/out",
                "--kov",
                "0793");
      }
    }
  }

  @Test
  void onlyTheVerbsItNarrowsOfferTheQuarter() {
    for (String stage : STAGES) {
      String help = help(stage);
      boolean narrows = stage.equals("ingest") || stage.equals("reports");
      assertEquals(narrows, help.contains("--quarter=QUARTER|DATE"), stage + ":\n" + help);
      assertEquals(narrows, !help.contains("Works on every staged quarter."), stage + ":\n" + help);
    }
  }

  @Test
  void aQuarterThatIsNoneIsAUsageErrorEvenWhereItOnlyNamesTheRun() throws Exception {
    String out = dir.resolve("out").toString();
    Path key =
        Files.writeString(dir.resolve("test.key"), "a-test-key-of-at-least-32-bytes-0123456789\n");
    String input = Files.createDirectories(dir.resolve("input")).toString();
    List<List<String>> commands =
        List.of(
            List.of("ingest", "--input", input, "--key-file", key.toString()),
            List.of("model"),
            List.of("measures"),
            List.of("publish"),
            List.of("reports"));
    for (List<String> command : commands) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--quarter", "spring", "--out", out));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream savedErr = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit;
      try {
        exit = Main.run(args.toArray(String[]::new));
      } finally {
        System.setErr(savedErr);
      }
      String said = err.toString(StandardCharsets.UTF_8);
      assertEquals(ExitCode.USAGE, exit, args + ": " + said);
      assertTrue(said.contains("'spring'"), args + ": " + said);
      assertFalse(Files.exists(dir.resolve("out").resolve("work")), args.toString());
    }
  }

  private static String help(String stage) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream savedOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(ExitCode.OK, Main.run(stage, "--help"));
    } finally {
      System.setOut(savedOut);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

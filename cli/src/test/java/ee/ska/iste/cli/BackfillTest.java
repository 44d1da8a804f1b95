package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.SubmissionFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local backfill of all demo quarters, then a re-run that finds nothing to do. */
class BackfillTest {
  private static final List<Quarter> DEMO_QUARTERS = Quarter.parseRange("2023Q1..2024Q4");

  @TempDir Path dir;

  @Test
  void backfillOfEveryDemoQuarterThenANoOpReRun() throws Exception {
    Path submissions = dir.resolve("submissions");
    CliFixtures.generate(submissions, DEMO_QUARTERS, 42, 0.15, SubmissionFormat.CSV);
    RunPlan plan =
        CliFixtures.plan(
            submissions,
            dir.resolve("out"),
            List.of(),
            "backfill-test-key-0123456789abcdefgh",
            ReferenceData.builtIn(),
            false,
            List.of(),
            false);

    LocalRunner.Outcome backfill = CliFixtures.runLocally(plan, System.err);
    assertTrue(backfill.published());
    // Every demo quarter is in the published warehouse, with an ACTIVE figure nationally.
    List<String> quarters =
        CliFixtures.column(
            backfill.version().database(),
            "SELECT quarter FROM outcomes WHERE level = 'RIIK' AND measure = 'ACTIVE' ORDER BY"
                + " quarter");
    assertEquals(DEMO_QUARTERS.stream().map(Quarter::toString).toList(), quarters);

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LocalRunner.Outcome again =
        CliFixtures.runLocally(plan, new PrintStream(log, true, StandardCharsets.UTF_8));
    assertFalse(again.published());
    assertTrue(again.ingest().isEmpty());
    assertEquals(backfill.version().id(), again.version().id());
    String said = log.toString(StandardCharsets.UTF_8);
    // Every stage says it was skipped, in the user's terms.
    for (String stage : List.of("ingest", "model", "measures", "publish")) {
      assertTrue(said.contains(stage) && said.contains("skipped"), said);
    }
    assertEquals(4, said.lines().filter(l -> l.contains("skipped")).count(), said);
  }
}

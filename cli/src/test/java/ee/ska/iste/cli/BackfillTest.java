package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local backfill of all demo quarters, then a re-run that finds nothing to do. */
class BackfillTest {
  private static final List<Quarter> DEMO_QUARTERS = Quarter.parseRange("2023Q1..2024Q4");

  @TempDir Path dir;

  @Test
  void backfillOfEveryDemoQuarterThenANoOpReRun() throws Exception {
    Path submissions = dir.resolve("submissions");
    new SubmissionGenerator(ReferenceData.builtIn(), line -> {})
        .generate(
            GeneratorConfig.of(submissions, DEMO_QUARTERS, 42)
                .withScale(0.15)
                .withFormat(SubmissionFormat.CSV));
    RunPlan plan =
        new RunPlan(
            submissions,
            dir.resolve("out"),
            List.of(),
            PseudonymKeys.fromText("backfill-test-key-0123456789abcdefgh", "test"),
            ReferenceData.builtIn(),
            "local[2]",
            false,
            List.of(),
            List.of(Locale.forLanguageTag("et")),
            false);

    LocalRunner.Outcome backfill = run(plan);
    assertTrue(backfill.published());
    // Every demo quarter is in the published warehouse, with an ACTIVE figure nationally.
    List<String> quarters = new ArrayList<>();
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + backfill.version().database(), ro);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT quarter FROM outcomes WHERE level = 'RIIK' AND measure = 'ACTIVE' ORDER BY"
                    + " quarter")) {
      while (rs.next()) {
        quarters.add(rs.getString(1));
      }
    }
    assertEquals(DEMO_QUARTERS.stream().map(Quarter::toString).toList(), quarters);

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LocalRunner.Outcome again =
        new LocalRunner(new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC())
            .run(plan);
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

  private static LocalRunner.Outcome run(RunPlan plan) {
    return new LocalRunner(System.err, Clock.systemUTC()).run(plan);
  }
}

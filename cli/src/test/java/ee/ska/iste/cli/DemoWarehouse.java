package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.SubmissionFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small generated demo warehouse, built once per test JVM and shared by the tests that read it:
 * the whole round (every KOV of the allocations) at scale 0.2 for {@link #QUARTERS}, CSV
 * submissions with 1% broken rows, run through ingest → model → measures → publish without reports.
 * The system property {@code iste.test.demoDatabase} may name the database of an earlier build to
 * reuse.
 */
final class DemoWarehouse {
  static final List<Quarter> QUARTERS = Quarter.parseRange("2024Q1..2024Q2");
  static final Quarter LAST = Quarter.parse("2024Q2");
  static final ReferenceData REF = ReferenceData.builtIn();
  private static final String KEY = "demo-warehouse-test-key-0123456789abcdef";
  private static Path database;

  private DemoWarehouse() {}

  /** The published DuckDB database of the demo (built on first use). */
  static synchronized Path database() {
    String given = System.getProperty("iste.test.demoDatabase");
    if (database == null && given != null && Files.isRegularFile(Path.of(given))) {
      // a demo built by an earlier run, to try a change to the reports quickly (never in CI)
      database = Path.of(given);
    }
    if (database == null) {
      try {
        Path dir = Files.createTempDirectory("iste-demo-warehouse");
        Path submissions = dir.resolve("submissions");
        CliFixtures.generate(submissions, QUARTERS, 11, 0.2, SubmissionFormat.CSV, 0.01);
        RunPlan plan =
            CliFixtures.plan(
                submissions, dir.resolve("out"), List.of(), KEY, REF, false, List.of(LAST), false);
        LocalRunner.Outcome outcome =
            CliFixtures.runLocally(plan, new PrintStream(PrintStream.nullOutputStream()));
        database = outcome.version().database();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return database;
  }
}

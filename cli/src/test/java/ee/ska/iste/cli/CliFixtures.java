package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import ee.ska.iste.warehouse.RunMetadata;
import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the command-line tests share: running {@code iste} with its output caught, generating
 * submissions, a local run plan, publishing hand-written parquet, and reading a published database.
 */
public final class CliFixtures {
  /** The columns of {@code mart_outcomes} in their order. */
  public static final String OUTCOME_COLUMNS =
      "level, unit_code, measure, value, numerator, denominator, ci_low, ci_high, funnel_flag,"
          + " suppressed";

  private CliFixtures() {}

  /** One {@code iste} call: its exit code and what it printed. */
  public record Run(int code, String out, String err) {}

  /** Runs {@code iste args} through {@link Main#run}, catching standard output and error. */
  public static Run iste(String... args) {
    return capture(Main::run, args);
  }

  /** Runs an entry point on {@code args}, catching standard output and error. */
  public static Run capture(java.util.function.Function<String[], Integer> entry, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = entry.apply(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  public static Run withInput(String verb, Path in, Path out, Path key, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            verb, "--input", in.toString(), "--out", out.toString(), "--key-file", key.toString()));
    args.addAll(List.of(more));
    return iste(args.toArray(String[]::new));
  }

  /** Generates clean submissions with the built-in reference data. */
  public static void generate(
      Path dir, List<Quarter> quarters, long seed, double scale, SubmissionFormat format)
      throws IOException {
    generate(dir, quarters, seed, scale, format, 0.0);
  }

  /** Generates submissions with the built-in reference data, {@code defectRate} of rows broken. */
  public static void generate(
      Path dir,
      List<Quarter> quarters,
      long seed,
      double scale,
      SubmissionFormat format,
      double defectRate)
      throws IOException {
    new SubmissionGenerator(ReferenceData.builtIn(), line -> {})
        .generate(
            GeneratorConfig.of(dir, quarters, seed)
                .withScale(scale)
                .withFormat(format)
                .withDefectRate(defectRate));
  }

  /**
   * A local plan on two Spark threads with Estonian reports, not forced.
   *
   * @param quarters the quarters to run (empty: every quarter of the input)
   * @param reports whether reports are rendered
   * @param reportQuarters the quarters reported
   */
  public static RunPlan plan(
      Path in,
      Path out,
      List<Quarter> quarters,
      String key,
      ReferenceData ref,
      boolean reports,
      List<Quarter> reportQuarters,
      boolean rekey) {
    return new RunPlan(
        in,
        out,
        quarters,
        PseudonymKeys.fromText(key, "test"),
        ref,
        "local[2]",
        reports,
        reportQuarters,
        List.of(Locale.forLanguageTag("et")),
        false,
        rekey);
  }

  /** Runs {@code plan} locally, its progress going to {@code log}. */
  public static LocalRunner.Outcome runLocally(RunPlan plan, PrintStream log) {
    return new LocalRunner(log, Clock.systemUTC()).run(plan);
  }

  /** Run metadata of a test run of {@code quarter} started at {@code startedAt}. */
  public static RunMetadata started(String quarter, String startedAt) {
    return RunMetadata.started(
        "test", List.of(Quarter.parse(quarter)), List.of(), Instant.parse(startedAt));
  }

  /**
   * Writes each table's rows (folder under {@code work} → a SELECT) as a fresh parquet folder, then
   * publishes {@code work} as the next version of {@code warehouse}.
   */
  public static Version publish(
      Warehouse warehouse, Path work, RunMetadata meta, Map<String, String> tables)
      throws IOException, SQLException {
    for (Map.Entry<String, String> t : tables.entrySet()) {
      Path folder = work.resolve(t.getKey());
      FileTrees.deleteTree(folder);
      Files.createDirectories(folder);
      sql(
          "COPY ("
              + t.getValue()
              + ") TO '"
              + folder.resolve("part-00000.parquet")
              + "' (FORMAT PARQUET)");
    }
    return warehouse.publish(work, meta);
  }

  /** Executes one statement on an in-memory DuckDB. */
  public static void sql(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The database of the current version of {@code warehouse}. */
  public static Path currentDatabase(Path warehouse) {
    return warehouse.resolve("current").resolve(WarehouseLayout.DATABASE_FILE);
  }

  /** The first column of every row {@code sql} returns, read-only from {@code database}. */
  public static List<String> column(Path database, String sql) throws SQLException {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database, ro);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}

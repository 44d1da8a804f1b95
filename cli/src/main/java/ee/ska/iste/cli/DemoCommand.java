package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.person.DemoKey;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GenerationSummary;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionGenerator;
import ee.ska.iste.reports.dashboard.DashboardSite;
import ee.ska.iste.warehouse.DataDictionary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste demo}: synthetic submissions through every stage, and where to find the results. */
@Command(
    name = "demo",
    header = "Generate 8 quarters of synthetic submissions and run every stage on them.",
    description = {
      "Writes the submissions, the warehouse and the reports under --out (default out/demo) and",
      "prints where they are and a short table per KOV for the last quarter. Uses a generated demo",
      "pseudonymisation key, never a real one. --out must be new, empty or an earlier demo's"
          + " folder",
      "(marked by its .iste-demo file): the demo replaces its submissions, work area and reports."
    })
public final class DemoCommand extends BaseCommand {
  @Option(
      names = "--out",
      defaultValue = "out/demo",
      paramLabel = "DIR",
      description = "Output folder: new, empty or an earlier demo's (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin SyntheticDataOptions data;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      description = "Client count multiplier (default: ${DEFAULT-VALUE}).")
  double scale;

  @Mixin SparkMasterOption spark;

  @Override
  protected int execute() throws IOException, SQLException {
    List<Quarter> range = data.quarters();
    DemoFolder.claim(out);
    Path submissions = out.resolve("submissions");
    FileTrees.deleteTree(submissions);
    err()
        .println(
            "demo: generating synthetic submissions for "
                + range.size()
                + " quarters into "
                + submissions);
    GenerationSummary generated =
        new SubmissionGenerator(ReferenceData.builtIn(), line -> err().println("      " + line))
            .generate(
                GeneratorConfig.of(submissions, range, data.seed())
                    .withScale(scale)
                    .withFormat(data.format())
                    .withDefectRate(data.defects()));
    err().println("demo: " + generated.submissions() + " submissions written");

    Path keyFile = demoKey();
    err()
        .println(
            "demo: using a generated DEMO pseudonymisation key ("
                + keyFile
                + "), not for real data");
    FileTrees.deleteTree(out.resolve("reports"));
    FileTrees.deleteTree(out.resolve("work"));
    RunPlan plan =
        new RunPlan(
            submissions,
            out,
            List.of(),
            PseudonymKeys.load(keyFile, System.getenv()),
            ReferenceData.builtIn(),
            spark.master(err()),
            true,
            List.of(range.get(range.size() - 1)),
            List.of(Locale.forLanguageTag("et")),
            false);
    LocalRunner.Outcome outcome = new LocalRunner(err(), Clock.systemUTC()).run(plan);

    Path dictionary = out.resolve("data-dictionary.md");
    DataDictionary.write(outcome.version().database(), dictionary);
    OutputFiles.restrict(out);
    Path current =
        plan.warehouseRoot().resolve("current").resolve(outcome.version().database().getFileName());
    Quarter last = range.get(range.size() - 1);
    out().println();
    out().println("ISTE demo: done. Results:");
    out().println("  submissions  " + submissions);
    out()
        .println(
            "  warehouse    "
                + (Files.exists(current) ? current : outcome.version().database())
                + "  (open with any DuckDB client)");
    out()
        .println(
            "  reports      "
                + plan.reportsRoot().resolve(last.toString())
                + "  ("
                + outcome.reports().size()
                + " PDF files)");
    out()
        .println(
            "  dashboard    "
                + DashboardSite.indexOf(plan.reportsRoot(), last, "et").toAbsolutePath().toUri()
                + "  (open in a browser; no server needed)");
    out()
        .println(
            "  dictionary   " + dictionary + "  (every table and column, Estonian and English)");
    outcome.spark().ifPresent(where -> out().println("  spark        " + where));
    out().println();
    printKovTable(outcome.version().database(), last);
    return ExitCode.OK;
  }

  private void printKovTable(Path database, Quarter quarter) throws SQLException {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    String sql =
        "SELECT m.kov_code, m.kov_name,"
            + " max(CASE WHEN o.measure = 'ACTIVE' THEN o.value END) AS active,"
            + " max(CASE WHEN o.measure = 'QOL_N' THEN o.value END) AS qol_n,"
            + " max(CASE WHEN o.measure = 'QOL_CHANGE' THEN o.value END) AS qol_change,"
            + " max(CASE WHEN o.measure = 'QOL_CHANGE' THEN o.ci_low END) AS ci_low,"
            + " max(CASE WHEN o.measure = 'QOL_CHANGE' THEN o.ci_high END) AS ci_high"
            + " FROM dim_municipality m LEFT JOIN outcomes o"
            + " ON o.level = 'KOV' AND o.unit_code = m.kov_code AND o.quarter = ?"
            + " GROUP BY m.kov_code, m.kov_name ORDER BY m.kov_name";
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), props);
        java.sql.PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, quarter.toString());
      out()
          .printf(
              "%s — active cases and QoL change (internal figures, not disclosure-controlled)%n",
              quarter);
      out()
          .printf(
              "%-6s %-22s %7s %6s %11s %17s%n",
              "KOV", "name", "active", "QoL n", "QoL change", "95% CI");
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out()
              .printf(
                  Locale.ROOT,
                  "%-6s %-22s %7s %6s %11s %17s%n",
                  rs.getString(1),
                  rs.getString(2),
                  num(rs, 3, "%.0f"),
                  num(rs, 4, "%.0f"),
                  num(rs, 5, "%+.1f"),
                  rs.getObject(6) == null
                      ? ""
                      : String.format(
                          Locale.ROOT, "%.1f .. %.1f", rs.getDouble(6), rs.getDouble(7)));
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT measure, value FROM outcomes WHERE level = 'RIIK' AND quarter = '"
                      + quarter
                      + "' AND measure IN ('ACTIVE', 'QOL_CHANGE') ORDER BY measure")) {
        while (rs.next()) {
          out().printf(Locale.ROOT, "national %-10s %.1f%n", rs.getString(1), rs.getDouble(2));
        }
      }
    }
  }

  private static String num(ResultSet rs, int col, String fmt) throws SQLException {
    Object v = rs.getObject(col);
    return v == null ? "-" : String.format(Locale.ROOT, fmt, rs.getDouble(col));
  }

  /**
   * The demo's key file (0600), marked as a demo key so that {@code run} refuses it. A key file of
   * an earlier demo without the mark is replaced, and with it the warehouse built with it.
   */
  private Path demoKey() throws IOException {
    Path keyFile = out.resolve("demo-pseudonym.key");
    if (Files.exists(keyFile) && !DemoKey.isDemo(keyFile, Map.of())) {
      FileTrees.deleteTree(out.resolve("warehouse"));
      Files.delete(keyFile);
    }
    if (!Files.exists(keyFile)) {
      String key = DemoKey.generate(new SecureRandom()) + "\n";
      OutputFiles.writeSecret(keyFile, o -> o.write(key.getBytes(StandardCharsets.US_ASCII)));
    } else if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(keyFile, OutputFiles.SECRET);
    }
    return keyFile;
  }
}

package ee.ska.iste.cli.bench;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.reports.ReportRenderer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Timings a user feels after a run: a query on {@code outcomes} and rendering one KOV report. */
final class Probes {
  /** The query timed: one KOV's figures for a quarter, as an analyst or a report asks for them. */
  static final String KOV_QUERY =
      "SELECT measure, value, numerator, denominator, ci_low, ci_high, funnel_flag, suppressed"
          + " FROM outcomes WHERE level = 'KOV' AND unit_code = ? AND quarter = ? ORDER BY measure";

  /**
   * @param openSeconds opening the database read-only
   * @param firstSeconds the first run of the query on the fresh connection
   * @param medianSeconds the median of the runs after it
   * @param runs runs in the median
   * @param rows rows the query returned
   */
  record QueryTiming(
      double openSeconds, double firstSeconds, double medianSeconds, int runs, int rows) {}

  /**
   * @param firstSeconds opening a renderer and rendering the KOV's PDF once (a fresh command's
   *     cost)
   * @param medianSeconds median of further renders with the renderer open
   */
  record ReportTiming(double firstSeconds, double medianSeconds, int runs) {}

  private Probes() {}

  static QueryTiming query(Path database, String kov, Quarter quarter, int runs) {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    long t0 = System.nanoTime();
    try (Connection c =
        DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), props)) {
      double open = seconds(t0);
      try (PreparedStatement ps = c.prepareStatement(KOV_QUERY)) {
        long t1 = System.nanoTime();
        int rows = runOnce(ps, kov, quarter);
        double first = seconds(t1);
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          runOnce(ps, kov, quarter);
          times[i] = seconds(t);
        }
        return new QueryTiming(open, first, median(times), runs, rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the timed query failed: " + e.getMessage(), e);
    }
  }

  private static int runOnce(PreparedStatement ps, String kov, Quarter quarter)
      throws SQLException {
    ps.setString(1, kov);
    ps.setString(2, quarter.toString());
    int rows = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rs.getObject(2);
        rows++;
      }
    }
    return rows;
  }

  static ReportTiming kovReport(Path database, String kov, Quarter quarter, Path outDir, int runs) {
    long t0 = System.nanoTime();
    List<Double> times = new ArrayList<>();
    double first;
    try (ReportRenderer r = ReportRenderer.open(database, Locale.forLanguageTag("et"))) {
      r.renderKov(kov, quarter, ReportFormat.PDF, outDir);
      first = seconds(t0);
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        r.renderKov(kov, quarter, ReportFormat.PDF, outDir);
        times.add(seconds(t));
      }
    }
    return new ReportTiming(
        first, median(times.stream().mapToDouble(Double::doubleValue).toArray()), runs);
  }

  /**
   * Wall seconds of {@code iste report} in a fresh process, started by the launcher as a user
   * starts it (so with its lean class path and class-data archive): one KOV's report (the median of
   * {@code runs} after one warm-up run, which also makes the launcher's archive on first use), and
   * every report of the quarter in one command ({@code --every}, Estonian).
   *
   * @param kovSeconds median wall seconds of one KOV report from a cold process
   * @param quarterSeconds wall seconds of every report of the quarter from a cold process
   * @param reports how many reports the quarter's command wrote
   */
  record ColdTiming(double kovSeconds, double quarterSeconds, int reports) {}

  /**
   * Times {@code launcher report …} as separate processes; empty when the launcher is not known
   * (the bench was not started through {@code iste}: system property {@code iste.launcher}).
   */
  static java.util.Optional<ColdTiming> coldReports(
      Path database, String kov, Quarter quarter, Path outDir, int runs) {
    String launcher = System.getProperty("iste.launcher");
    if (launcher == null || !java.nio.file.Files.isExecutable(Path.of(launcher))) {
      return java.util.Optional.empty();
    }
    List<String> one =
        List.of(
            launcher,
            "report",
            "--db",
            database.toString(),
            "--kov",
            kov,
            "--quarter",
            quarter.toString(),
            "--out",
            outDir.resolve("cold").toString());
    run(one);
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      run(one);
      times[i] = seconds(t);
    }
    long t = System.nanoTime();
    List<String> written =
        run(
            List.of(
                launcher,
                "report",
                "--db",
                database.toString(),
                "--every",
                "--quarter",
                quarter.toString(),
                "--out",
                outDir.resolve("cold-quarter").toString()));
    return java.util.Optional.of(new ColdTiming(median(times), seconds(t), written.size()));
  }

  /**
   * Median wall seconds of {@code iste query} (one KOV's figures for a quarter, {@link #KOV_QUERY}
   * with the values written in) in a fresh process, started by the launcher as a user starts it
   * (issue 20): {@code runs} after one warm-up run, which also makes the launcher's archive on
   * first use. Empty when the launcher is not known (see {@link #coldReports}).
   */
  static java.util.OptionalDouble coldQuery(
      Path warehouse, String version, String kov, Quarter quarter, int runs) {
    String launcher = System.getProperty("iste.launcher");
    if (launcher == null || !java.nio.file.Files.isExecutable(Path.of(launcher))) {
      return java.util.OptionalDouble.empty();
    }
    if (!kov.matches("[0-9]{4}")) {
      throw new IllegalArgumentException("not a KOV code (four digits): " + kov);
    }
    String sql =
        KOV_QUERY
            .replace("unit_code = ?", "unit_code = '" + kov + "'")
            .replace("quarter = ?", "quarter = '" + quarter + "'");
    List<String> query =
        List.of(
            launcher,
            "query",
            "--warehouse",
            warehouse.toString(),
            "--version",
            version,
            "--csv",
            sql);
    run(query);
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      run(query);
      times[i] = seconds(t);
    }
    return java.util.OptionalDouble.of(median(times));
  }

  /** Runs a command; its standard output lines (the files written). */
  private static List<String> run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int exit = p.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
      }
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}

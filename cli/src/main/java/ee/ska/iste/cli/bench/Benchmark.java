package ee.ska.iste.cli.bench;

import ee.ska.iste.cli.runner.StageProgress;
import ee.ska.iste.cli.runner.StageRunner;
import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GenerationSummary;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.pipelines.spark.SparkSessions;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.warehouse.Version;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark of issue 8: for each scale, generates the submissions (timed apart), runs ingest →
 * model → measures → publish → reports through a {@link StageRunner}, measuring each stage's wall
 * time, rows, heap and sizes on disk; checks the core measures against a DuckDB reference; times a
 * query on {@code outcomes} and one KOV report; optionally adds one quarter on top of the 1×
 * history and one run through spark-submit. Results go to stdout and, as CSV and Markdown, under
 * the output folder.
 */
public final class Benchmark {
  /** Shuffle partitions the session starts with, as the stage runner's (the jobs resize them). */
  private static final int SHUFFLE_PARTITIONS = 8;

  static final List<String> STAGED_DATA =
      List.of("stg_client_episode", "stg_assessment", "stg_plan", "stg_participation", "stg_qol");
  static final List<String> MODEL_OUT =
      List.of(
          "int_episode",
          "fct_case",
          "fct_qol_score",
          "fct_assessment",
          "fct_plan",
          "fct_participation",
          "dim_municipality");

  /**
   * What to run.
   *
   * @param out output folder: one sub-folder per run, results files at its top
   * @param scales multiples of the national-rollout dataset (1 = {@code nationalClients} clients)
   * @param quarters the history generated and run at every scale
   * @param incremental also add the next quarter on top of the first scale's history
   * @param nationalClients distinct clients of the 1× dataset over the quarters
   * @param unitScale the generator scale of 1×; empty = measure it
   * @param seed the generator seed
   * @param master Spark master URL
   * @param format submission format (XLSX as the KOVs send them)
   * @param defects share of defective rows the generator injects
   * @param sparkSubmit run the first scale once more through spark-submit in a child JVM
   * @param reportKov the KOV whose report and query are timed
   */
  public record Options(
      Path out,
      List<Double> scales,
      List<Quarter> quarters,
      boolean incremental,
      long nationalClients,
      Optional<Double> unitScale,
      long seed,
      String master,
      SubmissionFormat format,
      double defects,
      boolean sparkSubmit,
      String reportKov) {
    public Options {
      if (scales.isEmpty() || scales.stream().anyMatch(s -> !(s > 0))) {
        throw new IllegalArgumentException("scales must be positive: " + scales);
      }
      if (quarters.isEmpty()) {
        throw new IllegalArgumentException("no quarters to benchmark");
      }
      if (nationalClients < 1) {
        throw new IllegalArgumentException(
            "national clients must be at least 1: " + nationalClients);
      }
      scales = List.copyOf(scales);
      quarters = List.copyOf(quarters);
    }
  }

  /**
   * What the benchmark measured.
   *
   * @param unitScale the generator scale of 1×
   * @param clientsAtScaleOne distinct clients the generator gave at scale 1 (0 when not measured)
   * @param figures every measured line, in order
   * @param targets issue 8's targets beside the measured figures
   * @param differences the first differences between Spark and the reference, empty when they agree
   */
  public record Report(
      double unitScale,
      long clientsAtScaleOne,
      List<StageFigure> figures,
      List<Targets.Target> targets,
      List<String> differences) {
    public boolean referenceAgrees() {
      return differences.isEmpty();
    }
  }

  private final Options options;
  private final ReferenceData ref;
  private final PrintStream err;
  private final List<StageFigure> figures = new ArrayList<>();
  private final List<String> differences = new ArrayList<>();
  private final String keyHex;
  private final Pseudonymiser key;
  private final SparkJobClock jobClock = new SparkJobClock();
  private boolean listening;

  public Benchmark(Options options, ReferenceData ref, PrintStream err) {
    this.options = options;
    this.ref = ref;
    this.err = err;
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    this.keyHex = HexFormat.of().formatHex(k);
    this.key = PseudonymKeys.fromText(keyHex, "a random benchmark key");
  }

  public Report run() throws IOException {
    Files.createDirectories(options.out());
    long atOne = 0;
    double unit;
    if (options.unitScale().isPresent()) {
      unit = options.unitScale().get();
      err.printf(Locale.ROOT, "bench: 1x = generator scale %.4f (given)%n", unit);
    } else {
      atOne = clientsAtScaleOne();
      unit = (double) options.nationalClients() / atOne;
      err.printf(
          Locale.ROOT,
          "bench: generator scale 1 gives %d distinct clients over %s; 1x (%d clients) = scale %d /"
              + " %d = %.4f%n",
          atOne,
          span(options.quarters()),
          options.nationalClients(),
          options.nationalClients(),
          atOne,
          unit);
    }
    Path firstSubmissions = null;
    for (int i = 0; i < options.scales().size(); i++) {
      double multiple = options.scales().get(i);
      boolean withIncrement = options.incremental() && i == 0;
      try {
        Path submissions = runScale(label(multiple), multiple * unit, withIncrement);
        if (i == 0) {
          firstSubmissions = submissions;
        }
      } catch (RuntimeException | OutOfMemoryError e) {
        // A scale that does not complete is a result too (e.g. the heap target missed).
        String why =
            e.getClass().getSimpleName()
                + ": "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        err.println("bench " + label(multiple) + ": FAILED: " + why);
        figures.add(new StageFigure(label(multiple), 0, "FAILED", 0, -1, 0, -1, -1, 0, 0, why));
      }
      if (i == 0 && options.sparkSubmit() && firstSubmissions != null) {
        // Before the larger scales, so that it is measured even when they are stopped.
        String first = label(options.scales().get(0));
        figures.add(
            new SparkSubmitRun(options, keyHex, err)
                .run(first + " spark-submit", firstSubmissions, clientsOf(first)));
      }
      // The results so far, in case a larger scale is stopped before it ends.
      writeFiles(
          new Report(
              unit,
              atOne,
              List.copyOf(figures),
              Targets.evaluate(figures, options.scales()),
              List.copyOf(differences)));
    }
    List<Targets.Target> targets = Targets.evaluate(figures, options.scales());
    Report report =
        new Report(unit, atOne, List.copyOf(figures), targets, List.copyOf(differences));
    writeFiles(report);
    return report;
  }

  /** Distinct clients at generator scale 1 over the quarters (a CSV generation, deleted after). */
  private long clientsAtScaleOne() throws IOException {
    Path dir = options.out().resolve("calibration");
    FileTrees.deleteTree(dir);
    err.println(
        "bench: measuring distinct clients at generator scale 1 over " + span(options.quarters()));
    GenerationSummary s =
        new SubmissionGenerator(ref, line -> {})
            .generate(
                GeneratorConfig.of(dir, options.quarters(), options.seed())
                    .withScale(1.0)
                    .withFormat(SubmissionFormat.CSV)
                    .withDefectRate(options.defects()));
    FileTrees.deleteTree(dir);
    if (s.distinctClients() == 0) {
      throw new IllegalStateException("the generator gave no clients at scale 1");
    }
    return s.distinctClients();
  }

  private Path runScale(String label, double scale, boolean withIncrement) throws IOException {
    Path dir = options.out().resolve("run-" + label);
    FileTrees.deleteTree(dir);
    Path submissions = dir.resolve("submissions");
    List<Quarter> quarters = options.quarters();
    Quarter last = quarters.get(quarters.size() - 1);
    List<Quarter> generated = new ArrayList<>(quarters);
    if (withIncrement) {
      generated.add(last.next());
    }
    err.printf(
        Locale.ROOT,
        "bench %s: generating %s at scale %.4f into %s%n",
        label,
        span(generated),
        scale,
        submissions);
    Measured<GenerationSummary> gen =
        measure(
            () -> {
              try {
                return new SubmissionGenerator(ref, line -> {})
                    .generate(
                        GeneratorConfig.of(submissions, generated, options.seed())
                            .withScale(scale)
                            .withFormat(options.format())
                            .withDefectRate(options.defects()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    long rowsWritten =
        gen.value().rowsPerSheet().values().stream().mapToLong(Long::longValue).sum();
    figures.add(
        gen.figure(
            label,
            0,
            "generate",
            rowsWritten,
            0,
            DiskUse.bytes(submissions),
            FigureTable.fmt(
                "scale %.3f, %d submissions, %d clients over %s; not in the totals",
                scale, gen.value().submissions(), gen.value().distinctClients(), span(generated))));

    StageProgress progress = new StageProgress(err, label + " " + span(quarters));
    StageRunner stages = new StageRunner(dir, ref, options.master(), progress, Clock.systemUTC());
    List<StageFigure> run = new ArrayList<>();
    Measured<SparkSession> start =
        measure(() -> SparkSessions.create(options.master(), SHUFFLE_PARTITIONS));
    if (!listening) {
      start.value().sparkContext().addSparkListener(jobClock);
      listening = true;
    }
    run.add(start.figure(label, 0, "spark session", 0, 0, 0, "start (or reuse) the local session"));
    run.addAll(pipeline(label, stages, dir, submissions, quarters));
    long clients = distinctClients(stages.workDir());
    run = withClients(run, clients);
    figures.add(withClients(List.of(figures.remove(figures.size() - 1)), clients).get(0));
    figures.addAll(run);
    figures.add(total(label, clients, run, "ingest → reports, " + span(quarters)));

    Version current = stages.warehouse().current().orElseThrow();
    check(label, clients, stages, current, run);
    probes(label, clients, current, last, dir);

    if (withIncrement) {
      String inc = label + "+1q";
      Quarter next = last.next();
      StageProgress p2 = new StageProgress(err, inc + " " + next);
      StageRunner more = new StageRunner(dir, ref, options.master(), p2, Clock.systemUTC());
      List<StageFigure> added =
          withClients(pipeline(inc, more, dir, submissions, List.of(next)), clients);
      figures.addAll(added);
      figures.add(
          total(inc, clients, added, "one new quarter " + next + " on the " + label + " history"));
    }
    return submissions;
  }

  /** The five stages of a run, each measured. */
  private List<StageFigure> pipeline(
      String label, StageRunner stages, Path dir, Path submissions, List<Quarter> quarters) {
    Path work = stages.workDir();
    List<StageFigure> out = new ArrayList<>();
    long inputBytes =
        DiskUse.bytes(
            submissions, p -> quarters.stream().anyMatch(q -> p.toString().contains("_" + q)));
    Measured<Optional<IngestResult>> ingest =
        measure(() -> stages.ingest(submissions, quarters, () -> key, false));
    long rowsRead = ingest.value().map(r -> (long) r.rowsRead()).orElse(0L);
    out.add(
        ingest.figure(
            label,
            0,
            "ingest",
            rowsRead,
            inputBytes,
            DiskUse.bytes(work.resolve("stg")),
            ingest
                .value()
                .map(
                    r ->
                        r.submissions().size()
                            + " submissions, "
                            + r.rowsRejected()
                            + " rows rejected")
                .orElse("skipped")));

    long modelRows = DiskUse.tableRows(work, STAGED_DATA);
    long modelIn = DiskUse.tableBytes(work, STAGED_DATA);
    Measured<Boolean> model = measure(() -> stages.model(false));
    out.add(
        model.figure(
            label,
            0,
            "model",
            modelRows,
            modelIn,
            layers(work, "int", "dim", "fct"),
            "staged rows in"));

    long measureRows = DiskUse.tableRows(work, MODEL_OUT);
    long measureIn = layers(work, "int", "dim", "fct");
    Measured<Boolean> measures = measure(() -> stages.measures(false));
    out.add(
        measures.figure(
            label,
            0,
            "measures",
            measureRows,
            measureIn,
            layers(work, "mart", "ref"),
            stages.stagedQuarters().size() + " quarters, int/fct rows in"));

    long workRows = DiskUse.tableRows(work, allTables(work));
    long workBytes = DiskUse.bytes(work);
    Measured<Optional<Version>> publish = measure(() -> stages.publish(submissions, false));
    Version v = stages.warehouse().current().orElseThrow();
    out.add(
        publish.figure(
            label,
            0,
            "publish",
            workRows,
            workBytes,
            DiskUse.bytes(v.dir()),
            "DuckDB " + FigureTable.fmt("%.1f MiB", DiskUse.bytes(v.database()) / 1048576.0)));

    Quarter last = quarters.get(quarters.size() - 1);
    Measured<List<Path>> reports =
        measure(
            () ->
                stages.reports(
                    List.of(last), List.of(Locale.forLanguageTag("et")), ReportFormat.PDF));
    out.add(
        reports.figure(
            label,
            0,
            "reports",
            0,
            DiskUse.bytes(v.database()),
            DiskUse.bytes(stages.reportsRoot().resolve(last.toString())),
            reports.value().size()
                + " PDFs for "
                + last
                + ", "
                + FigureTable.fmt(
                    "%.2f s each", reports.seconds() / Math.max(1, reports.value().size()))));
    return out;
  }

  private void check(
      String label, long clients, StageRunner stages, Version current, List<StageFigure> run) {
    err.println(
        "bench " + label + ": DuckDB reference of " + String.join(", ", ReferenceCheck.MEASURES));
    ReferenceCheck.Result r = ReferenceCheck.run(stages.workDir(), current.database(), ref);
    double measuresSeconds =
        run.stream()
            .filter(f -> f.stage().equals("measures"))
            .mapToDouble(StageFigure::seconds)
            .sum();
    double ratio = measuresSeconds / r.seconds();
    String note =
        r.agrees()
            ? FigureTable.fmt(
                "agrees on %d figures; measures stage / reference = %.1f", r.figures(), ratio)
            : FigureTable.fmt(
                "DIFFERS on %d of %d figures; measures stage / reference = %.1f",
                r.differences().size(), r.figures(), ratio);
    figures.add(
        new StageFigure(
            label,
            clients,
            "reference (DuckDB)",
            r.seconds(),
            -1,
            0,
            -1,
            -1,
            DiskUse.tableBytes(
                stages.workDir(), List.of("stg_client_episode", "stg_qol", "stg_participation")),
            0,
            note));
    if (!r.agrees()) {
      err.println(
          "bench "
              + label
              + ": Spark and the DuckDB reference differ on "
              + r.differences().size()
              + " figures (first 20):");
      r.differences().stream()
          .limit(20)
          .forEach(
              d -> {
                err.println("  " + d.line());
                if (differences.size() < 20) {
                  differences.add(label + " " + d.line());
                }
              });
    }
  }

  private void probes(String label, long clients, Version current, Quarter last, Path dir) {
    Probes.QueryTiming q = Probes.query(current.database(), options.reportKov(), last, 20);
    figures.add(
        new StageFigure(
            label,
            clients,
            "query outcomes",
            q.medianSeconds(),
            -1,
            q.rows(),
            -1,
            -1,
            DiskUse.bytes(current.database()),
            0,
            FigureTable.fmt(
                "median of %d: one KOV's %d figures for %s; first %.1f ms, open %.0f ms",
                q.runs(), q.rows(), last, q.firstSeconds() * 1000, q.openSeconds() * 1000)));
    Probes.ReportTiming t =
        Probes.kovReport(
            current.database(), options.reportKov(), last, dir.resolve("probe-reports"), 3);
    figures.add(
        new StageFigure(
            label,
            clients,
            "one KOV report",
            t.firstSeconds(),
            -1,
            0,
            -1,
            -1,
            0,
            0,
            FigureTable.fmt(
                "KOV %s %s PDF, renderer opened and first render; then median %.2f s of %d",
                options.reportKov(), last, t.medianSeconds(), t.runs())));
    coldReports(label, clients, current, last, dir);
    coldQuery(label, clients, current, last);
  }

  /** Issue 20: `iste query` in a fresh process. */
  private void coldQuery(String label, long clients, Version current, Quarter last) {
    Path warehouse = current.dir().getParent().getParent();
    java.util.OptionalDouble cold =
        Probes.coldQuery(warehouse, current.id(), options.reportKov(), last, 5);
    if (cold.isEmpty()) {
      return;
    }
    err.printf(Locale.ROOT, "query, cold: %.2f s (target ≤ %.1f s)%n", cold.getAsDouble(), 1.0);
    figures.add(
        new StageFigure(
            label,
            clients,
            "query, cold",
            cold.getAsDouble(),
            -1,
            0,
            -1,
            -1,
            0,
            0,
            FigureTable.fmt(
                "iste query (KOV %s, %s), a new process; median of 5 after a warm-up",
                options.reportKov(), last)));
  }

  /** Issue 19: `iste report` in a fresh process, one KOV and a whole quarter. */
  private void coldReports(String label, long clients, Version current, Quarter last, Path dir) {
    Optional<Probes.ColdTiming> cold =
        Probes.coldReports(
            current.database(), options.reportKov(), last, dir.resolve("probe-reports"), 3);
    if (cold.isEmpty()) {
      err.println("bench: report timings from a cold process need the iste launcher: not measured");
      return;
    }
    Probes.ColdTiming c = cold.get();
    err.printf(
        Locale.ROOT, "report, one KOV, cold: %.2f s (target ≤ %.1f s)%n", c.kovSeconds(), 1.5);
    err.printf(
        Locale.ROOT, "reports, one quarter: %.2f s (target ≤ %.0f s)%n", c.quarterSeconds(), 10.0);
    figures.add(
        new StageFigure(
            label,
            clients,
            "report, one KOV, cold",
            c.kovSeconds(),
            -1,
            0,
            -1,
            -1,
            0,
            0,
            FigureTable.fmt(
                "iste report --kov %s --quarter %s, a new process; median of 3 after a warm-up",
                options.reportKov(), last)));
    figures.add(
        new StageFigure(
            label,
            clients,
            "reports, one quarter, cold",
            c.quarterSeconds(),
            -1,
            0,
            -1,
            -1,
            0,
            0,
            FigureTable.fmt(
                "iste report --every --quarter %s, a new process: %d reports", last, c.reports())));
  }

  private static StageFigure total(String label, long clients, List<StageFigure> run, String note) {
    double seconds = run.stream().mapToDouble(StageFigure::seconds).sum();
    double cpu = run.stream().mapToDouble(f -> Math.max(0, f.cpuSeconds())).sum();
    long rows =
        run.stream().filter(f -> f.stage().equals("ingest")).mapToLong(StageFigure::rows).sum();
    long peak = run.stream().mapToLong(StageFigure::heapPeakBytes).max().orElse(-1);
    long live = run.stream().mapToLong(StageFigure::heapLiveBytes).max().orElse(-1);
    long in =
        run.stream()
            .filter(f -> f.stage().equals("ingest"))
            .mapToLong(StageFigure::inputBytes)
            .sum();
    long out =
        run.stream()
            .filter(f -> f.stage().equals("publish"))
            .mapToLong(StageFigure::outputBytes)
            .sum();
    return new StageFigure(
        label,
        clients,
        "TOTAL",
        seconds,
        cpu,
        rows,
        peak,
        live,
        in,
        out,
        note + "; output = warehouse version");
  }

  private long clientsOf(String label) {
    return figures.stream()
        .filter(f -> f.run().equals(label))
        .mapToLong(StageFigure::clients)
        .max()
        .orElse(0);
  }

  private static List<StageFigure> withClients(List<StageFigure> run, long clients) {
    return run.stream()
        .map(
            f ->
                new StageFigure(
                    f.run(),
                    clients,
                    f.stage(),
                    f.seconds(),
                    f.cpuSeconds(),
                    f.rows(),
                    f.heapPeakBytes(),
                    f.heapLiveBytes(),
                    f.inputBytes(),
                    f.outputBytes(),
                    f.note()))
        .toList();
  }

  /** Distinct clients of the staged episodes (pseudonyms: the count is that of persons). */
  private static long distinctClients(Path work) {
    Path dir = DiskUse.tableDir(work, "stg_client_episode");
    String glob = dir.toAbsolutePath().toString().replace("'", "''") + "/*/*.parquet";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT count(DISTINCT client_id) FROM read_parquet('" + glob + "')")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count clients in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long layers(Path work, String... layers) {
    return Stream.of(layers).mapToLong(l -> DiskUse.bytes(work.resolve(l))).sum();
  }

  private static List<String> allTables(Path work) {
    List<String> out = new ArrayList<>();
    for (String layer : List.of("stg", "int", "dim", "fct", "mart", "ref")) {
      Path dir = work.resolve(layer);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          s.filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .sorted()
              .forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  private void writeFiles(Report report) throws IOException {
    Path csv = options.out().resolve("bench.csv");
    Path md = options.out().resolve("bench.md");
    Files.writeString(csv, FigureTable.csv(report.figures()));
    StringBuilder sb = new StringBuilder();
    sb.append("# ISTE benchmark\n\n").append(Machine.describe()).append("\n\n");
    sb.append(
        FigureTable.fmt(
            "1x = %d distinct clients over %s = generator scale %.4f%s.%n%n",
            options.nationalClients(),
            span(options.quarters()),
            report.unitScale(),
            report.clientsAtScaleOne() > 0
                ? " (scale 1 gives " + report.clientsAtScaleOne() + ")"
                : ""));
    sb.append(FigureTable.markdown(report.figures())).append('\n');
    sb.append("## Targets\n\n").append(Targets.markdown(report.targets())).append('\n');
    if (!report.referenceAgrees()) {
      sb.append("## Spark and the DuckDB reference differ (first 20)\n\n");
      report.differences().forEach(d -> sb.append("- ").append(d).append('\n'));
    }
    Files.writeString(md, sb.toString());
    err.println("bench: results written to " + csv + " and " + md);
  }

  static String label(double multiple) {
    return (multiple == Math.rint(multiple)
            ? Long.toString((long) multiple)
            : FigureTable.fmt("%s", multiple))
        + "x";
  }

  static String span(List<Quarter> quarters) {
    return quarters.size() == 1
        ? quarters.get(0).toString()
        : quarters.get(0) + ".." + quarters.get(quarters.size() - 1);
  }

  /** A stage's value with its wall time, heap and Spark jobs. */
  private record Measured<T>(
      T value,
      double seconds,
      double cpuSeconds,
      HeapSampler.Peak heap,
      SparkJobClock.Snapshot jobs) {
    StageFigure figure(
        String run, long clients, String stage, long rows, long in, long out, String note) {
      String withJobs = jobs.jobs() > 0 ? note + "; " + jobs.text(seconds) : note;
      return new StageFigure(
          run,
          clients,
          stage,
          seconds,
          cpuSeconds,
          rows,
          heap.used(),
          heap.liveAfterGc(),
          in,
          out,
          withJobs);
    }
  }

  private <T> Measured<T> measure(Supplier<T> work) {
    System.gc();
    SparkJobClock.Snapshot before = jobClock.snapshot();
    try (HeapSampler heap = HeapSampler.start(100)) {
      long cpu0 = Machine.processCpuNanos();
      long t0 = System.nanoTime();
      T value = work.get();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (Machine.processCpuNanos() - cpu0) / 1e9;
      HeapSampler.Peak peak = heap.peak();
      awaitListenerBus();
      return new Measured<>(value, seconds, cpu, peak, jobClock.snapshot().minus(before));
    }
  }

  /** Spark delivers job events asynchronously: give the last job's end a moment to arrive. */
  private static void awaitListenerBus() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

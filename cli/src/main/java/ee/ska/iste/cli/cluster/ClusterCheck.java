package ee.ska.iste.cli.cluster;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.Stage;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import ee.ska.iste.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster smoke test: generated submissions of a few quarters go through the stages exactly as
 * the Airflow DAG {@code iste_quarterly} runs them, one {@code spark-submit} per quarter and stage
 * ({@link DagCommandLine}, the date of the run's data interval as {@code --quarter}), against a
 * Spark master; then the same submissions through a local run in this JVM ({@code local[2]}). It
 * passes when every submit exited 0, every Spark stage ran its tasks on the cluster's executors
 * (none in the driver) and {@code outcomes} of both warehouses agree figure for figure.
 */
public final class ClusterCheck {
  private static final Pattern WHERE =
      Pattern.compile("(\\d+) executors?, (\\d+) of (\\d+) tasks on executors");

  /**
   * What to check.
   *
   * @param master the master URL spark-submit is given
   * @param dir a new or empty folder for the submissions, both runs' outputs and the logs; on a
   *     cluster of several machines it must be a shared folder at the same path on every worker
   * @param jars the class path of the spark-submit JVMs and the application jar
   * @param submitArgs further spark-submit arguments (the DAG's {@code iste_spark_submit_args}); a
   *     properties file with the executors' Java options is always added before them
   * @param quarters the quarters to generate and submit, oldest first
   * @param scale the generator's scale (0.05 = a few dozen clients)
   * @param stageTimeout how long one submit may take
   */
  public record Settings(
      String master,
      Path dir,
      SparkJars jars,
      List<String> submitArgs,
      List<Quarter> quarters,
      double scale,
      Duration stageTimeout) {
    public Settings {
      submitArgs = List.copyOf(submitArgs);
      quarters = List.copyOf(quarters);
      if (quarters.isEmpty()) {
        throw new IllegalArgumentException("cluster check: no quarters");
      }
    }
  }

  /** One submit: quarter, stage, what it did, and for a Spark stage where its tasks ran. */
  public record StageRun(
      Quarter quarter,
      Stage stage,
      SparkSubmitProcess.Result result,
      int executors,
      long tasksOnExecutors,
      long tasks) {}

  /**
   * The outcome.
   *
   * @param stages every submit, in order
   * @param outcomes the comparison with the local run (null when the cluster run failed)
   * @param problems what failed, empty when the check passed
   */
  public record Verdict(
      List<StageRun> stages, OutcomesComparison.Result outcomes, List<String> problems) {
    public boolean passed() {
      return problems.isEmpty();
    }

    /** Tasks that ran on executors, over all submits. */
    public long tasksOnExecutors() {
      return stages.stream().mapToLong(StageRun::tasksOnExecutors).sum();
    }

    /** Tasks that ran anywhere, over all submits. */
    public long tasks() {
      return stages.stream().mapToLong(StageRun::tasks).sum();
    }

    /** Submits that started Spark (ingest, model, measures: one application each). */
    public long sparkStages() {
      return stages.stream().filter(s -> s.tasks() > 0).count();
    }
  }

  private final Settings settings;
  private final PrintStream err;

  public ClusterCheck(Settings settings, PrintStream err) {
    this.settings = settings;
    this.err = err;
  }

  /** The folder of one side's output: {@code cluster} or {@code local}. */
  public Path out(String side) {
    return settings.dir().resolve(side);
  }

  /** Generates, submits, runs locally and compares. */
  public Verdict run() throws IOException, SQLException {
    Path dir = settings.dir();
    Files.createDirectories(dir);
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException("the check's folder must be new or empty: " + dir);
      }
    }
    Path submissions = dir.resolve("submissions");
    err.println("cluster-check: generating submissions into " + submissions);
    new SubmissionGenerator(ReferenceData.builtIn(), line -> {})
        .generate(
            GeneratorConfig.of(submissions, settings.quarters(), 42)
                .withScale(settings.scale())
                .withFormat(SubmissionFormat.CSV)
                .withDefectRate(0.0));
    // a key for this check only; the children get it from the environment, as the DAG's tasks do
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String key = HexFormat.of().formatHex(bytes);

    List<StageRun> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    submitEveryStage(submissions, key, runs, problems);
    if (!problems.isEmpty()) {
      return new Verdict(runs, null, problems);
    }

    err.println("cluster-check: the same submissions in this JVM (local[2]) for comparison");
    Path local = out("local");
    new LocalRunner(err, Clock.systemUTC())
        .run(
            new RunPlan(
                submissions,
                local,
                settings.quarters(),
                PseudonymKeys.fromText(key, "cluster check key"),
                ReferenceData.builtIn(),
                "local[2]",
                false,
                List.of(),
                List.of(Locale.forLanguageTag("et")),
                false));
    OutcomesComparison.Result outcomes =
        OutcomesComparison.compare(database(out("cluster")), database(local));
    if (outcomes.rows() == 0) {
      problems.add("outcomes is empty on the cluster");
    }
    for (String d : outcomes.differences()) {
      problems.add("outcomes differ: " + d);
    }
    return new Verdict(runs, outcomes, problems);
  }

  private void submitEveryStage(
      Path submissions, String key, List<StageRun> runs, List<String> problems) throws IOException {
    Path properties = settings.dir().resolve("iste-spark.properties");
    Files.writeString(
        properties,
        "spark.executor.extraJavaOptions "
            + SparkJvmFlags.executorJavaOptions()
            + "\n"
            // as the local runs: re-planning ISTE's very large measure plans after every shuffle
            // costs more than it saves (SparkSessions)
            + "spark.sql.adaptive.enabled false\n",
        StandardCharsets.UTF_8);
    List<String> submitArgs = new ArrayList<>(List.of("--properties-file", properties.toString()));
    submitArgs.addAll(settings.submitArgs());
    DagCommandLine dag =
        new DagCommandLine(
            settings.master(),
            "client",
            submitArgs,
            settings.jars().appJar().toString(),
            submissions.toUri().toString(),
            out("cluster").toUri().toString());
    SparkSubmitProcess submit =
        new SparkSubmitProcess(
            settings.jars(), List.of("-Xmx1g"), environment(key), settings.stageTimeout());
    for (Quarter q : settings.quarters()) {
      String quarter = dataIntervalStart(q).toString();
      for (Stage stage : Stage.values()) {
        List<String> args = dag.arguments(stage, quarter);
        Path log = settings.dir().resolve("logs").resolve(q + "-" + stage.id() + ".log");
        err.printf("cluster-check: %s %-8s %s%n", q, stage.id(), SparkSubmitProcess.describe(args));
        SparkSubmitProcess.Result r = submit.run(args, log);
        StageRun run = where(q, stage, r);
        runs.add(run);
        err.printf(
            Locale.ROOT,
            "cluster-check: %s %-8s exit %d in %.1f s%s%n",
            q,
            stage.id(),
            r.exit(),
            r.seconds(),
            r.whereLines().isEmpty() ? "" : "; " + r.whereLines().get(r.whereLines().size() - 1));
        if (!r.ok()) {
          problems.add(
              q
                  + " "
                  + stage.id()
                  + (r.exit() < 0 ? " timed out" : " exited " + r.exit())
                  + ", see "
                  + log);
          return;
        }
        if (needsSpark(stage)) {
          if (run.tasksOnExecutors() == 0) {
            problems.add(q + " " + stage.id() + ": no task ran on an executor, see " + log);
          } else if (run.tasksOnExecutors() < run.tasks()) {
            problems.add(
                q
                    + " "
                    + stage.id()
                    + ": "
                    + (run.tasks() - run.tasksOnExecutors())
                    + " tasks ran in the driver, see "
                    + log);
          }
        }
      }
    }
  }

  /** The stages that start Spark; publish and reports run without it. */
  static boolean needsSpark(Stage stage) {
    return stage == Stage.INGEST || stage == Stage.MODEL || stage == Stage.MEASURES;
  }

  /**
   * The date the quarterly DAG passes as {@code --quarter} for {@code q}: the start of the run's
   * data interval, the 15th of the quarter's second month.
   */
  static LocalDate dataIntervalStart(Quarter q) {
    return q.firstDay().plusMonths(1).withDayOfMonth(15);
  }

  private Map<String, String> environment(String key) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put(PseudonymKeys.ENV_VARIABLE, key);
    String host = URI.create(settings.master().replaceFirst("^spark://", "http://")).getHost();
    if (host != null && (host.equals("127.0.0.1") || host.equals("localhost"))) {
      // the driver must be reachable from the executors: on a loopback cluster bind it there
      env.put("SPARK_LOCAL_IP", "127.0.0.1");
    }
    return env;
  }

  private static StageRun where(Quarter q, Stage stage, SparkSubmitProcess.Result r) {
    int executors = 0;
    long onExecutors = 0;
    long tasks = 0;
    if (!r.whereLines().isEmpty()) {
      // the last line of the stage: counts are cumulative over the process
      Matcher m = WHERE.matcher(r.whereLines().get(r.whereLines().size() - 1));
      if (m.find()) {
        executors = Integer.parseInt(m.group(1));
        onExecutors = Long.parseLong(m.group(2));
        tasks = Long.parseLong(m.group(3));
      }
    }
    return new StageRun(q, stage, r, executors, onExecutors, tasks);
  }

  private static Path database(Path out) {
    return Warehouse.at(out.resolve("warehouse"))
        .current()
        .orElseThrow(() -> new IllegalStateException("nothing published under " + out))
        .database();
  }
}

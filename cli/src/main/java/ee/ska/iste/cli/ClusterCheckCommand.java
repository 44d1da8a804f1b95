package ee.ska.iste.cli;

import ee.ska.iste.cli.cluster.ClusterCheck;
import ee.ska.iste.cli.cluster.LocalCluster;
import ee.ska.iste.cli.cluster.OutcomesComparison;
import ee.ska.iste.cli.cluster.SparkJars;
import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste cluster-check}: the stages on a Spark cluster, against a local run. */
@Command(
    name = "cluster-check",
    header =
        "Run the stages on a Spark cluster as the Airflow DAG does and compare with a local run.",
    description = {
      "Generates a small set of submissions (two quarters by default), submits every stage of",
      "every quarter through org.apache.spark.deploy.SparkSubmit in a child JVM with the arguments",
      "the iste_quarterly DAG renders, checks that the Spark stages ran their tasks on the",
      "cluster's executors, runs the same submissions locally (local[2]) and compares outcomes",
      "figure for figure. Without --master it starts a standalone master and one worker on the",
      "loopback first (and stops them). Prints PASS or FAIL; exit 1 on FAIL. On a cluster of",
      "several machines --work must be a shared folder at the same path on every worker."
    })
public final class ClusterCheckCommand extends BaseCommand {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "The cluster's master (spark://HOST:PORT); default: a standalone cluster started on"
              + " 127.0.0.1 for the check.")
  String master;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description =
          "New or empty folder for submissions, outputs and logs (default: a new"
              + " temporary folder, kept).")
  Path work;

  @Option(
      names = "--quarters",
      defaultValue = "2024Q3..2024Q4",
      description = "Quarters to generate and submit (default: ${DEFAULT-VALUE}).")
  String quarters;

  @Option(
      names = "--scale",
      defaultValue = "0.05",
      description = "Generator scale (default: ${DEFAULT-VALUE}, a few dozen clients).")
  double scale;

  @Option(
      names = "--submit-args",
      paramLabel = "ARGS",
      defaultValue = "",
      description =
          "Further spark-submit arguments, split at spaces as the DAG's iste_spark_submit_args"
              + " (e.g. \"--jars a.jar,b.jar --conf spark.executor.memory=2g\").")
  String submitArgs;

  @Option(
      names = "--stage-timeout",
      defaultValue = "900",
      paramLabel = "SECONDS",
      description = "Longest one submit may take (default: ${DEFAULT-VALUE}).")
  long stageTimeout;

  @Override
  protected int execute() throws Exception {
    List<Quarter> range;
    try {
      range = Quarter.parseRange(quarters);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    if (master != null && !master.startsWith("spark://")) {
      throw new UserError(
          ExitCode.USAGE, "--master " + master + ": a standalone master URL spark://HOST:PORT");
    }
    Path dir = work != null ? work : Files.createTempDirectory("iste-cluster-check-");
    // jars made of folders of classes (a development class path) go here, removed at the end
    Path scratch = Files.createTempDirectory("iste-cluster-jars-");
    try {
      return check(dir, SparkJars.ofThisJvm(scratch), range);
    } finally {
      FileTrees.deleteTree(scratch);
    }
  }

  private int check(Path dir, SparkJars jars, List<Quarter> range) throws Exception {
    List<String> extra =
        Arrays.stream(submitArgs.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    Duration timeout = Duration.ofSeconds(stageTimeout);
    if (master != null) {
      return report(check(master, dir, jars, extra, range, timeout), master, dir);
    }
    Path clusterDir = Files.createTempDirectory("iste-local-cluster-");
    err().println("cluster-check: starting a standalone master and one worker on 127.0.0.1");
    try (LocalCluster cluster =
        LocalCluster.start(
            clusterDir, jars, new LocalCluster.WorkerSize(1, "1g"), Duration.ofMinutes(3))) {
      err().println("cluster-check: master " + cluster.masterUrl() + ", logs " + clusterDir);
      return report(
          check(cluster.masterUrl(), dir, jars, extra, range, timeout), cluster.masterUrl(), dir);
    }
  }

  private ClusterCheck.Verdict check(
      String url,
      Path dir,
      SparkJars jars,
      List<String> extra,
      List<Quarter> range,
      Duration timeout)
      throws Exception {
    try {
      return new ClusterCheck(
              new ClusterCheck.Settings(url, dir, jars, extra, range, scale, timeout), err())
          .run();
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }

  private int report(ClusterCheck.Verdict v, String url, Path dir) {
    out().println("cluster-check: " + (v.passed() ? "PASS" : "FAIL") + " on " + url);
    out()
        .printf(
            Locale.ROOT,
            "  %d submits, %d of them Spark applications; %d of %d tasks on executors%n",
            v.stages().size(),
            v.sparkStages(),
            v.tasksOnExecutors(),
            v.tasks());
    OutcomesComparison.Result o = v.outcomes();
    if (o != null) {
      out()
          .printf(
              Locale.ROOT,
              "  outcomes: %d rows, %d figures compared with a local run, %d bit-for-bit equal,"
                  + " %d differences%n",
              o.rows(),
              o.figures(),
              o.identical(),
              o.differences().size());
    }
    for (String p : v.problems()) {
      out().println("  problem: " + p);
    }
    out().println("  submissions, outputs and logs: " + dir);
    return v.passed() ? ExitCode.OK : ExitCode.FAILURE;
  }
}

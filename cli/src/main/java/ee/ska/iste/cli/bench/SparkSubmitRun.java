package ee.ska.iste.cli.bench;

import ee.ska.iste.cli.cluster.LocalCluster;
import ee.ska.iste.cli.cluster.SparkJars;
import ee.ska.iste.cli.cluster.SparkJvmFlags;
import ee.ska.iste.cli.cluster.SparkSubmitProcess;
import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI's {@code run} verb once through {@code org.apache.spark.deploy.SparkSubmit} in a
 * child JVM against a Spark standalone cluster started for it on the loopback ({@link
 * LocalCluster}: a master and one worker in JVMs of their own, the executor in another): the CLI
 * jar as the application, this JVM's class path as the driver's and the cluster's jars. The figure
 * includes the driver's and the executor's start.
 */
final class SparkSubmitRun {
  /** The local cluster's one worker: both cores of the bench machine, room for one executor. */
  private static final LocalCluster.WorkerSize WORKER = new LocalCluster.WorkerSize(2, "4g");

  /** The executor's heap: the local run's (the launcher's -Xmx4g) less the worker's margin. */
  private static final String EXECUTOR_MEMORY = "3g";

  private final Benchmark.Options options;
  private final String keyHex;
  private final PrintStream err;

  SparkSubmitRun(Benchmark.Options options, String keyHex, PrintStream err) {
    this.options = options;
    this.keyHex = keyHex;
    this.err = err;
  }

  StageFigure run(String label, Path submissions, long clients) throws IOException {
    Path appJar = location(Benchmark.class);
    if (!Files.isRegularFile(appJar)) {
      return new StageFigure(
          label,
          clients,
          "spark-submit run",
          0,
          -1,
          0,
          -1,
          -1,
          0,
          0,
          "skipped: the CLI is not running from its jar (" + appJar.getFileName() + ")");
    }
    Path out = options.out().resolve("run-" + label.replace(' ', '-'));
    FileTrees.deleteTree(out);
    Files.createDirectories(out);
    List<Quarter> q = options.quarters();
    // The JVM flags of this JVM (heap, collector, Spark's --add-opens) for the driver, as before.
    List<String> jvm = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!arg.startsWith("-agentlib")
          && !arg.startsWith("-javaagent")
          && !SparkJvmFlags.ofThisJvm().contains(arg)) {
        jvm.add(arg);
      }
    }
    SparkJars jars = SparkJars.ofThisJvm(out.resolve("jars"));
    Path properties = out.resolve("iste-spark.properties");
    Files.writeString(
        properties,
        "spark.executor.extraJavaOptions "
            + SparkJvmFlags.executorJavaOptions()
            + " -XX:+UseParallelGC\n"
            + "spark.sql.adaptive.enabled false\n"
            + "spark.executor.memory "
            + EXECUTOR_MEMORY
            + "\n");
    SparkSubmitProcess submit =
        new SparkSubmitProcess(
            jars,
            jvm,
            Map.of(PseudonymKeys.ENV_VARIABLE, keyHex, "SPARK_LOCAL_IP", "127.0.0.1"),
            Duration.ofHours(6));
    Path log = out.resolve("spark-submit.log");
    SparkSubmitProcess.Result result;
    String master;
    try (LocalCluster cluster =
        LocalCluster.start(out.resolve("cluster"), jars, WORKER, Duration.ofMinutes(3))) {
      master = cluster.masterUrl();
      List<String> args =
          List.of(
              "--master",
              master,
              "--name",
              "iste-bench-run",
              "--properties-file",
              properties.toString(),
              "--class",
              "ee.ska.iste.cli.Main",
              jars.appJar().toString(),
              "run",
              "--input",
              submissions.toString(),
              "--out",
              out.toString(),
              "--from",
              q.get(0).toString(),
              "--to",
              q.get(q.size() - 1).toString());
      err.println(
          "bench: the same run through spark-submit on a local standalone cluster (one worker, "
              + WORKER.cores()
              + " cores, "
              + WORKER.memory()
              + "): "
              + SparkSubmitProcess.describe(args)
              + ", log "
              + log);
      result = submit.run(args, log);
    }
    double seconds = result.seconds();
    int exit = result.exit();
    String where =
        result.whereLines().isEmpty()
            ? "no Spark summary in the log"
            : result.whereLines().get(result.whereLines().size() - 1);
    boolean published = Files.exists(out.resolve("warehouse").resolve("current"));
    String note =
        exit == 0 && published
            ? "exit 0, warehouse published; local standalone cluster ("
                + WORKER.cores()
                + " cores, executor "
                + EXECUTOR_MEMORY
                + "), child JVMs, session and executor start included; "
                + where
            : "FAILED with exit " + exit + ", see " + log;
    return new StageFigure(
        label,
        clients,
        "spark-submit run",
        seconds,
        -1,
        0,
        -1,
        -1,
        DiskUse.bytes(submissions),
        DiskUse.bytes(out.resolve("warehouse")),
        note);
  }

  private static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + c.getName(), e);
    }
  }
}

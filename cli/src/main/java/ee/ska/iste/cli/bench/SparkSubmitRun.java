package ee.ska.iste.cli.bench;

import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.deploy.SparkSubmit;

/**
 * Runs the CLI's {@code run} verb once through {@code org.apache.spark.deploy.SparkSubmit} in a
 * child JVM, as a cluster would start it: the CLI jar as the application, the copied dependencies
 * as the class path, the master given to spark-submit.
 */
final class SparkSubmitRun {
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
    Path lib = location(SparkSubmit.class).getParent();
    Path out = options.out().resolve("run-" + label.replace(' ', '-'));
    FileTrees.deleteTree(out);
    Files.createDirectories(out);
    List<Quarter> q = options.quarters();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) {
        cmd.add(arg);
      }
    }
    cmd.addAll(
        List.of(
            "-cp",
            lib + "/*",
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            options.master(),
            "--class",
            "ee.ska.iste.cli.Main",
            appJar.toString(),
            "run",
            "--input",
            submissions.toString(),
            "--out",
            out.toString(),
            "--from",
            q.get(0).toString(),
            "--to",
            q.get(q.size() - 1).toString()));
    Path log = out.resolve("spark-submit.log");
    err.println(
        "bench: the same run through spark-submit ("
            + String.join(
                " ", cmd.subList(cmd.indexOf("org.apache.spark.deploy.SparkSubmit"), cmd.size()))
            + "), log "
            + log);
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put(PseudonymKeys.ENV_VARIABLE, keyHex);
    long t0 = System.nanoTime();
    int exit;
    try {
      exit = pb.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while spark-submit ran", e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    boolean published = Files.exists(out.resolve("warehouse").resolve("current"));
    String note =
        exit == 0 && published
            ? "exit 0, warehouse published; child JVM, session start included"
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

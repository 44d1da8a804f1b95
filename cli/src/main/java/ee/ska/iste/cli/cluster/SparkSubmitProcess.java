package ee.ska.iste.cli.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code spark-submit} in a child JVM, as a scheduler's task would run it: {@code java <Spark's
 * flags> <jvm options> -cp <jars> org.apache.spark.deploy.SparkSubmit <arguments>}, its output in a
 * log file. In client deploy mode the child JVM is the driver.
 *
 * @param jars the class path of the child JVM
 * @param jvmOptions heap and other options of the child JVM (Spark's flags are added)
 * @param environment variables added to the child's environment (e.g. the pseudonymisation key)
 * @param timeout how long the child may run before it is stopped
 */
public record SparkSubmitProcess(
    SparkJars jars, List<String> jvmOptions, Map<String, String> environment, Duration timeout) {
  /** What the CLI prints after each Spark stage on where its tasks ran ({@code spark: ...}). */
  public static final String WHERE_LINE = "spark: master ";

  public SparkSubmitProcess {
    jvmOptions = List.copyOf(jvmOptions);
    environment = Map.copyOf(environment);
  }

  /**
   * What one submit did.
   *
   * @param exit the exit code, -1 when it was stopped at the timeout
   * @param seconds wall time
   * @param log the child's output
   * @param whereLines the lines saying where the stage's tasks ran (none for stages without Spark)
   */
  public record Result(int exit, double seconds, Path log, List<String> whereLines) {
    public boolean ok() {
      return exit == 0;
    }
  }

  /** The command line (for messages): {@code SparkSubmit} and its arguments. */
  public static String describe(List<String> arguments) {
    return "spark-submit " + String.join(" ", arguments);
  }

  /** Runs spark-submit with {@code arguments}, its output into {@code log}. */
  public Result run(List<String> arguments, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(SparkJvmFlags.ofThisJvm());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", jars.classPath(), "org.apache.spark.deploy.SparkSubmit"));
    cmd.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(environment);
    long t0 = System.nanoTime();
    Process p = pb.start();
    // the child (and its executors' driver connection) must not outlive this JVM
    Thread hook = new Thread(() -> stop(p), "iste-spark-submit-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    int exit;
    try {
      if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exit = p.exitValue();
      } else {
        stop(p);
        exit = -1;
      }
    } catch (InterruptedException e) {
      stop(p);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while spark-submit ran", e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook stops the child
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<String> where =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> l.startsWith(WHERE_LINE))
            .toList();
    return new Result(exit, seconds, log, where);
  }

  private static void stop(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }
}

package ee.ska.iste.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on the loopback: one master and one worker, each in a JVM of its own
 * started from the project's jars, the worker's executors in JVMs of their own. What a worker needs
 * when it is started from plain jars rather than a Spark distribution (nothing of this is in
 * Spark's documentation):
 *
 * <ul>
 *   <li>a Spark home with {@code jars/} (every jar of the class path; here symbolic links) and a
 *       {@code RELEASE} file (empty), given to the worker as {@code SPARK_HOME};
 *   <li>{@code SPARK_SCALA_VERSION=2.13} in the worker's environment, or every executor fails with
 *       "Cannot find any build directories";
 *   <li>the {@code --add-opens} flags of {@link SparkJvmFlags} on the master and the worker, and on
 *       the executors through the application's {@code spark.executor.extraJavaOptions}.
 * </ul>
 *
 * Ports are ephemeral (chosen free just before the start); the master's REST submission server is
 * off. {@link #close()} stops the worker, its executors and the master, and a shutdown hook does
 * the same if the JVM ends first.
 */
public final class LocalCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Path sparkHome;
  private final int masterPort;
  private final int webUiPort;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "iste-local-cluster-stop");

  /** How big the worker is: cores and memory it offers executors. */
  public record WorkerSize(int cores, String memory) {
    public WorkerSize {
      if (cores < 1 || !memory.matches("\\d+[mg]")) {
        throw new IllegalArgumentException("worker size: " + cores + " cores, memory " + memory);
      }
    }
  }

  private LocalCluster(Path dir, Path sparkHome, int masterPort, int webUiPort) {
    this.dir = dir;
    this.sparkHome = sparkHome;
    this.masterPort = masterPort;
    this.webUiPort = webUiPort;
  }

  /**
   * Starts a master and one worker under {@code dir} (Spark home, logs, the worker's work folder)
   * and waits until the worker has registered with the master.
   *
   * @throws IllegalStateException when a process ends or the worker is not registered in time;
   *     whatever was started is stopped first
   */
  public static LocalCluster start(Path dir, SparkJars jars, WorkerSize size, Duration timeout)
      throws IOException {
    Path home = dir.resolve("spark-home");
    Path jarsDir = home.resolve("jars");
    Files.createDirectories(jarsDir);
    for (Path jar : jars.jars()) {
      Path link = jarsDir.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    }
    Files.writeString(home.resolve("RELEASE"), "");
    Files.createDirectories(dir.resolve("worker-work"));
    LocalCluster cluster = new LocalCluster(dir, home, freePort(), freePort());
    Runtime.getRuntime().addShutdownHook(cluster.hook);
    try {
      cluster.launch(
          "master",
          "org.apache.spark.deploy.master.Master",
          List.of(
              "--host",
              HOST,
              "--port",
              Integer.toString(cluster.masterPort),
              "--webui-port",
              Integer.toString(cluster.webUiPort)));
      cluster.launch(
          "worker",
          "org.apache.spark.deploy.worker.Worker",
          List.of(
              "--host",
              HOST,
              "--cores",
              Integer.toString(size.cores()),
              "--memory",
              size.memory(),
              "--work-dir",
              cluster.workerWorkDir().toString(),
              "--webui-port",
              Integer.toString(freePort()),
              cluster.masterUrl()));
      cluster.awaitWorker(timeout);
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The master's URL for spark-submit, {@code spark://127.0.0.1:<port>}. */
  public String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  /** The master's state as its web UI serves it ({@code /json/}). */
  public URI stateUri() {
    return URI.create("http://" + HOST + ":" + webUiPort + "/json/");
  }

  /** The worker's work folder: one folder per application, one per executor, its stderr. */
  public Path workerWorkDir() {
    return dir.resolve("worker-work");
  }

  public Path sparkHome() {
    return sparkHome;
  }

  /** The master's state: workers, running and completed applications. */
  public JsonNode state() throws IOException {
    HttpURLConnection c = (HttpURLConnection) stateUri().toURL().openConnection();
    c.setConnectTimeout(5_000);
    c.setReadTimeout(10_000);
    try (InputStream in = c.getInputStream()) {
      return JSON.readTree(in);
    } finally {
      c.disconnect();
    }
  }

  /**
   * The executors' stderr files under the worker's work folder ({@code <app>/<executor>/stderr}).
   */
  public List<Path> executorLogs() throws IOException {
    if (!Files.isDirectory(workerWorkDir())) {
      return List.of();
    }
    try (var walk = Files.walk(workerWorkDir(), 3)) {
      return walk.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
    }
  }

  /** The tail of a process's log, for messages. */
  public String logTail(String name) {
    Path log = dir.resolve(name + ".log");
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log " + log + ")";
    }
  }

  private void launch(String name, String mainClass, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(SparkJvmFlags.ofThisJvm());
    cmd.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Dspark.master.rest.enabled=false",
            "-Dspark.ui.showConsoleProgress=false",
            "-cp",
            sparkHome.resolve("jars") + "/*",
            mainClass));
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", HOST);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    synchronized (processes) {
      processes.add(pb.start());
    }
  }

  private void awaitWorker(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (processes) {
        for (int i = 0; i < processes.size(); i++) {
          if (!processes.get(i).isAlive()) {
            String name = i == 0 ? "master" : "worker";
            throw new IllegalStateException(
                "the local Spark " + name + " ended:\n" + logTail(name));
          }
        }
      }
      try {
        JsonNode state = state();
        if (state.path("aliveworkers").asInt() >= 1) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the local cluster started", e);
      }
    }
    throw new IllegalStateException(
        "no worker registered with the local Spark master within "
            + timeout.toSeconds()
            + " s\nmaster:\n"
            + logTail("master")
            + "\nworker:\n"
            + logTail("worker"));
  }

  /** Stops the worker and its executors, then the master: politely, then by force. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs or ran
    }
  }

  private void stopAll() {
    List<ProcessHandle> all = new ArrayList<>();
    synchronized (processes) {
      // the worker (and its executors) first, so that the master does not see it vanish
      for (int i = processes.size() - 1; i >= 0; i--) {
        ProcessHandle h = processes.get(i).toHandle();
        h.descendants().forEach(all::add);
        all.add(h);
      }
      processes.clear();
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (ProcessHandle h : all) {
      try {
        h.onExit()
            .get(
                Math.max(1, deadline - System.nanoTime()),
                java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }
}

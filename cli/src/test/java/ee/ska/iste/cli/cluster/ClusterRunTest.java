package ee.ska.iste.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ee.ska.iste.cli.CliFixtures;
import ee.ska.iste.cli.ExitCode;
import ee.ska.iste.core.Stage;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages on a real Spark standalone cluster: a master and one worker (1 core, 1 GiB) on the
 * loopback, each in its own JVM started from the project's jars, executors in JVMs of their own.
 * Two quarters of generated submissions go through ingest, model, measures, publish and reports,
 * one {@code org.apache.spark.deploy.SparkSubmit} child JVM per quarter and stage, with the
 * arguments the Airflow DAG renders, by {@code iste cluster-check --master <the cluster>}; {@code
 * outcomes} must equal a local run's.
 */
class ClusterRunTest {
  private static final List<Quarter> QUARTERS = Quarter.parseRange("2024Q3..2024Q4");

  /** The dates the quarterly DAG's runs pass as --quarter: the 15th of each second month. */
  private static final List<String> RUN_DATES = List.of("2024-08-15", "2024-11-15");

  @TempDir static Path dir;
  private static LocalCluster cluster;
  private static CliFixtures.Run check;

  @BeforeAll
  static void checkTwoQuartersOnALocalCluster() throws Exception {
    cluster =
        LocalCluster.start(
            dir.resolve("cluster"),
            SparkJars.ofThisJvm(dir.resolve("jars")),
            new LocalCluster.WorkerSize(1, "1g"),
            Duration.ofMinutes(3));
    check =
        CliFixtures.iste(
            "cluster-check",
            "--master",
            cluster.masterUrl(),
            "--work",
            work().toString(),
            "--quarters",
            "2024Q3..2024Q4",
            "--scale",
            "0.05");
    System.err.print(check.err());
    System.out.print(check.out());
  }

  @AfterAll
  static void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Path work() {
    return dir.resolve("check");
  }

  @Test
  void theVerdictIsPassWithEveryStageOfEveryQuarterSubmitted() {
    assertEquals(ExitCode.OK, check.code(), check.out() + check.err());
    List<String> lines = List.of(check.out().split("\n"));
    assertEquals("cluster-check: PASS on " + cluster.masterUrl(), lines.get(0));
    // 2 quarters x 5 stages; ingest, model and measures start Spark: 6 applications
    assertTrue(
        lines
            .get(1)
            .matches(
                "  10 submits, 6 of them Spark applications; (\\d+) of \\1 tasks on"
                    + " executors"),
        lines.get(1));
    assertTrue(lines.get(2).matches("  outcomes: \\d+ rows, .*, 0 differences"), lines.get(2));
  }

  @Test
  void theSparkStagesRanEveryTaskOnTheWorkersExecutor() throws IOException {
    Pattern where =
        Pattern.compile(
            "spark: master "
                + Pattern.quote(cluster.masterUrl())
                + ", 1 executor, (\\d+) of (\\d+) tasks on executors");
    for (Quarter q : QUARTERS) {
      for (Stage stage : Stage.values()) {
        Path log = work().resolve("logs").resolve(q + "-" + stage.id() + ".log");
        List<String> said =
            Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("spark: "))
                .toList();
        if (stage == Stage.PUBLISH || stage == Stage.REPORTS) {
          assertEquals(List.of(), said, stage + " starts no Spark");
          continue;
        }
        assertEquals(1, said.size(), log + ": " + said);
        Matcher m = where.matcher(said.get(0));
        assertTrue(m.matches(), said.get(0));
        assertTrue(Long.parseLong(m.group(1)) > 0, said.get(0));
        assertEquals(m.group(2), m.group(1), "every task on the executor: " + said.get(0));
      }
    }
    // the master saw one finished application per Spark stage and quarter, named as the DAG names
    // them (iste-<stage>-<run date>)
    Set<String> expected = new TreeSet<>();
    for (String date : RUN_DATES) {
      for (String stage : List.of("ingest", "model", "measures")) {
        expected.add("iste-" + stage + "-" + date);
      }
    }
    JsonNode state = cluster.state();
    Set<String> finished = new TreeSet<>();
    for (JsonNode app : state.path("completedapps")) {
      assertEquals("FINISHED", app.path("state").asText(), app.toString());
      finished.add(app.path("name").asText());
    }
    assertEquals(expected, finished);
    // and the worker started an executor JVM for each: <work dir>/<app id>/<executor id>/stderr
    List<Path> logs = cluster.executorLogs();
    assertEquals(6, logs.size(), logs.toString());
    for (Path log : logs) {
      assertTrue(
          Files.readString(log, StandardCharsets.UTF_8).contains("CoarseGrainedExecutorBackend"),
          "an executor's log: " + log);
    }
  }

  @Test
  void outcomesOnTheClusterEqualALocalRunFigureForFigure() throws SQLException {
    List<List<Object>> onCluster = outcomes(database(work().resolve("cluster")));
    List<List<Object>> local = outcomes(database(work().resolve("local")));
    assertTrue(onCluster.size() > 100, "outcomes has rows: " + onCluster.size());
    assertEquals(local.size(), onCluster.size());
    Set<Object> quarters = new TreeSet<>();
    for (int i = 0; i < local.size(); i++) {
      List<Object> a = onCluster.get(i);
      List<Object> b = local.get(i);
      quarters.add(a.get(2));
      for (int c = 0; c < a.size(); c++) {
        if (a.get(c) instanceof Double x && b.get(c) instanceof Double y) {
          assertTrue(
              Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)),
              "row " + a + " against " + b);
        } else {
          assertEquals(b.get(c), a.get(c), "row " + a + " against " + b);
        }
      }
    }
    assertEquals(Set.of("2024Q3", "2024Q4"), quarters);
    assertTrue(check.out().contains("  outcomes: " + onCluster.size() + " rows"), check.out());
  }

  @Test
  void eachQuartersReportsWereRenderedByTheReportsSubmit() throws IOException {
    for (Quarter q : QUARTERS) {
      Path folder = work().resolve("cluster").resolve("reports").resolve(q.toString());
      try (var files = Files.list(folder)) {
        assertTrue(
            files.anyMatch(f -> f.getFileName().toString().endsWith(".pdf")),
            "PDF reports in " + folder);
      }
    }
  }

  /**
   * The arguments submitted are the DAG's: {@code stage_command} of {@code iste_common.py},
   * rendered by python3 and run by bash with a stand-in for spark-submit that prints its arguments,
   * equals {@link DagCommandLine} for every stage.
   */
  @Test
  void theSubmittedArgumentsAreTheOnesTheDagRenders() throws Exception {
    Path stubs = dir.resolve("python");
    Files.createDirectories(stubs.resolve("airflow").resolve("operators"));
    Files.writeString(stubs.resolve("airflow").resolve("__init__.py"), "");
    Files.writeString(stubs.resolve("airflow").resolve("operators").resolve("__init__.py"), "");
    Files.writeString(
        stubs.resolve("airflow").resolve("operators").resolve("bash.py"),
        "class BashOperator:\n    pass\n");
    Path dags = Path.of("..", "dags", "airflow").toAbsolutePath().normalize();
    String script =
        "import sys\n"
            + "sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
            + "import iste_common\n"
            + "for s in iste_common.stages():\n"
            + "    print(s['id'] + '\\t' + iste_common.stage_command(s['id'], False))\n";
    List<String> lines =
        List.of(
            runText(
                    new ProcessBuilder(
                        "python3", "-B", "-c", script, stubs.toString(), dags.toString()),
                    Map.of())
                .split("\n"));
    Path stand = dir.resolve("spark-submit-stand-in");
    Files.writeString(stand, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    stand.toFile().setExecutable(true);
    Map<String, String> env =
        Map.of(
            "ISTE_SPARK_SUBMIT", stand.toString(),
            "ISTE_SPARK_MASTER", "spark://127.0.0.1:7077",
            "ISTE_SPARK_DEPLOY_MODE", "client",
            "ISTE_SPARK_SUBMIT_ARGS", "--properties-file /opt/iste/spark.conf --jars a.jar",
            "ISTE_JAR", "/opt/iste/iste-cli.jar",
            "ISTE_INPUT_URI", "file:///srv/in",
            "ISTE_OUT_URI", "file:///srv/out",
            "ISTE_QUARTER", "2024-08-15");
    DagCommandLine fromJava =
        new DagCommandLine(
            "spark://127.0.0.1:7077",
            "client",
            List.of("--properties-file", "/opt/iste/spark.conf", "--jars", "a.jar"),
            "/opt/iste/iste-cli.jar",
            "file:///srv/in",
            "file:///srv/out");
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      String[] idAndCommand = line.split("\t", 2);
      Stage stage = Stage.valueOf(idAndCommand[0].toUpperCase(java.util.Locale.ROOT));
      ids.add(stage.id());
      String printed = runText(new ProcessBuilder("bash", "-c", idAndCommand[1]), env);
      assertEquals(
          fromJava.arguments(stage, "2024-08-15"), List.of(printed.split("\n")), stage.id());
    }
    assertEquals(List.of("ingest", "model", "measures", "publish", "reports"), ids);
  }

  private static String runText(ProcessBuilder pb, Map<String, String> env)
      throws IOException, InterruptedException {
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not finish: " + pb.command());
    assertEquals(0, p.exitValue(), text);
    return text.strip();
  }

  private static Path database(Path out) {
    return Warehouse.at(out.resolve("warehouse")).current().orElseThrow().database();
  }

  private static List<List<Object>> outcomes(Path database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), props);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT level, unit_code, quarter, measure, value, numerator, denominator,"
                    + " ci_low, ci_high, funnel_flag, suppressed FROM outcomes"
                    + " ORDER BY level, unit_code, quarter, measure")) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}

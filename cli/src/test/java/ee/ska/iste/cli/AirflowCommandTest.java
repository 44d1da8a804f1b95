package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iste airflow} end to end against a small local HTTP server answering as Airflow 2's {@code
 * /api/v1} does (the client itself is tested against WireMock in the dags module).
 */
class AirflowCommandTest {
  @TempDir Path dir;

  private HttpServer server;
  private Path config;

  /** "METHOD path" -> status and body. */
  private final Map<String, String[]> answers = new HashMap<>();

  private final List<String> requests = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  private static String run(String state) {
    return "{\"dag_id\": \"iste_quarterly\", \"dag_run_id\": \"iste_2024Q2_manual__1\","
        + " \"logical_date\": \"2024-04-01T00:00:00+00:00\", \"state\": \""
        + state
        + "\","
        + " \"conf\": {\"quarter\": \"2024Q2\"}}";
  }

  private static final String TASKS =
      "{\"task_instances\": ["
          + "{\"task_id\": \"model\", \"state\": \"failed\", \"try_number\": 4},"
          + "{\"task_id\": \"reports\", \"state\": \"upstream_failed\", \"try_number\": 0},"
          + "{\"task_id\": \"ingest\", \"state\": \"success\", \"try_number\": 1}"
          + "], \"total_entries\": 3}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              key + " " + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
          String[] answer = answers.getOrDefault(key, new String[] {"404", "{\"detail\": \"no\"}"});
          byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    config = dir.resolve("airflow.properties");
    Files.writeString(
        config,
        "url=http://127.0.0.1:"
            + server.getAddress().getPort()
            + "\n"
            + "api=v1\nuser=iste\npassword=s3cret\nretries=0\n");
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    server.stop(0);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void triggerStartsTheQuarterRunAndPrintsItsId() {
    answers.put("POST /api/v1/dags/iste_quarterly/dagRuns", new String[] {"200", run("queued")});

    int code = Main.run("airflow", "trigger", "--quarter", "2024Q2", "--config", config.toString());

    assertEquals(0, code, err());
    assertEquals("iste_2024Q2_manual__1\n", out());
    assertEquals(
        "POST /api/v1/dags/iste_quarterly/dagRuns Basic aXN0ZTpzM2NyZXQ="
            + " {\"dag_run_id\":\"iste_2024Q2_manual__1\","
            + "\"logical_date\":\"2024-04-01T00:00:00Z\","
            + "\"conf\":{\"quarter\":\"2024Q2\"}}",
        requests.get(0));
    assertFalse(out().contains("s3cret") || err().contains("s3cret"));
  }

  @Test
  void triggerWaitReportsTheFinishedRun() {
    answers.put("POST /api/v1/dags/iste_quarterly/dagRuns", new String[] {"200", run("queued")});
    answers.put(
        "GET /api/v1/dags/iste_quarterly/dagRuns/iste_2024Q2_manual__1",
        new String[] {"200", run("success")});
    answers.put(
        "GET /api/v1/dags/iste_quarterly/dagRuns/iste_2024Q2_manual__1/taskInstances?limit=100",
        new String[] {"200", "{\"task_instances\": [], \"total_entries\": 0}"});

    int code =
        Main.run(
            "airflow",
            "trigger",
            "--quarter",
            "2024Q2",
            "--wait",
            "--timeout",
            "1m",
            "--config",
            config.toString());

    assertEquals(0, code, err());
    assertEquals("iste_quarterly  iste_2024Q2_manual__1  success\n", out());
  }

  @Test
  void triggerAgainFindsTheExistingRun() {
    answers.put(
        "POST /api/v1/dags/iste_quarterly/dagRuns",
        new String[] {"409", "{\"detail\": \"exists\", \"status\": 409, \"title\": \"Conflict\"}"});
    answers.put(
        "GET /api/v1/dags/iste_quarterly/dagRuns/iste_2024Q2_manual__1",
        new String[] {"200", run("running")});

    int code = Main.run("airflow", "trigger", "--quarter", "2024Q2", "--config", config.toString());

    assertEquals(0, code, err());
    assertTrue(
        err().contains("found existing iste_quarterly run iste_2024Q2_manual__1 (running)"), err());
  }

  @Test
  void statusPrintsTasksInStageOrderAndFailsForAFailedRun() {
    answers.put(
        "GET /api/v1/dags/iste_quarterly/dagRuns/iste_2024Q2_manual__1",
        new String[] {"200", run("failed")});
    answers.put(
        "GET /api/v1/dags/iste_quarterly/dagRuns/iste_2024Q2_manual__1/taskInstances?limit=100",
        new String[] {"200", TASKS});

    int code =
        Main.run("airflow", "status", "iste_2024Q2_manual__1", "--config", config.toString());

    assertEquals(1, code);
    assertEquals(
        "iste_quarterly  iste_2024Q2_manual__1  failed\n"
            + "TASK         STATE              TRY\n"
            + "ingest       success            1\n"
            + "model        failed             4\n"
            + "reports      upstream_failed    0\n",
        out());
  }

  @Test
  void clearSendsTheTask() {
    answers.put(
        "POST /api/v1/dags/iste_quarterly/clearTaskInstances",
        new String[] {
          "200", "{\"task_instances\": [{\"task_id\": \"model\"}], \"total_entries\": 1}"
        });

    int code =
        Main.run(
            "airflow", "clear", "iste_2024Q2_manual__1", "model", "--config", config.toString());

    assertEquals(0, code, err());
    assertTrue(requests.get(0).contains("\"task_ids\":[\"model\"]"), requests.get(0));
  }

  @Test
  void refusedCredentialsFailWithOneLine() {
    answers.put(
        "GET /api/v1/dags/iste_quarterly/dagRuns/x",
        new String[] {"401", "{\"detail\": null, \"status\": 401, \"title\": \"Unauthorized\"}"});

    int code = Main.run("airflow", "status", "x", "--config", config.toString());

    assertEquals(1, code);
    assertTrue(err().startsWith("iste: not authorised by Airflow (401)"), err());
    assertFalse(err().contains("s3cret"), err());
  }

  @Test
  void badQuarterIsAUsageError() {
    assertEquals(
        2, Main.run("airflow", "trigger", "--quarter", "2024Q5", "--config", config.toString()));
    assertEquals(2, Main.run("airflow", "trigger", "--config", config.toString()));
    assertEquals(2, Main.run("airflow"));
    assertEquals(
        2,
        Main.run(
            "airflow",
            "trigger",
            "--quarter",
            "2024Q2",
            "--attempt",
            "0",
            "--config",
            dir.resolve("nope").toString()));
    assertTrue(err().contains("attempt must be 1..999: 0"), err());
    assertTrue(requests.isEmpty());
  }

  @Test
  void missingSettingsFileIsAFailure() {
    int code = Main.run("airflow", "status", "x", "--config", dir.resolve("nope").toString());
    assertEquals(1, code);
    assertTrue(err().startsWith("iste: Airflow settings: no such configuration file"), err());
  }
}

package ee.ska.iste.dags.airflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@link AirflowClient} on {@code java.net.http} and Jackson, for both API versions: v1 with basic
 * authentication, v2 with a bearer token (given, or obtained once from {@code /auth/token}).
 */
final class HttpAirflowClient implements AirflowClient {
  /** Waits; tests pass one that does not. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AirflowConfig config;
  private final HttpClient http;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private String bearerToken;

  HttpAirflowClient(AirflowConfig config, HttpClient http, Sleeper sleeper, LongSupplier nanoTime) {
    this.config = config;
    this.http = http;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.bearerToken = config.token();
  }

  static HttpAirflowClient create(AirflowConfig config) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new HttpAirflowClient(config, http, d -> Thread.sleep(d.toMillis()), System::nanoTime);
  }

  @Override
  public DagRun trigger(
      String dagId, String runId, OffsetDateTime logicalDate, Map<String, Object> conf) {
    ObjectNode body = JSON.createObjectNode();
    body.put("dag_run_id", runId);
    if (logicalDate != null) {
      body.put("logical_date", logicalDate.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else if (config.api() == ApiVersion.V2) {
      body.putNull("logical_date"); // required (nullable) in v2
    }
    body.set("conf", JSON.valueToTree(conf == null ? Map.of() : conf));
    return dagRunOf(send("POST", api("dags", dagId, "dagRuns"), body));
  }

  @Override
  public DagRun dagRun(String dagId, String runId) {
    return dagRunOf(send("GET", api("dags", dagId, "dagRuns", runId), null));
  }

  @Override
  public List<TaskInstance> taskInstances(String dagId, String runId) {
    JsonNode answer =
        send("GET", api("dags", dagId, "dagRuns", runId, "taskInstances") + "?limit=100", null);
    List<TaskInstance> out = new ArrayList<>();
    for (JsonNode ti : answer.path("task_instances")) {
      out.add(
          new TaskInstance(
              text(ti, "task_id"),
              text(ti, "state"),
              ti.path("try_number").asInt(0),
              date(ti, "start_date"),
              date(ti, "end_date")));
    }
    return List.copyOf(out);
  }

  @Override
  public void clearTaskInstance(String dagId, String runId, String taskId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("dry_run", false);
    body.put("dag_run_id", runId);
    body.putArray("task_ids").add(taskId);
    body.put("only_failed", false);
    body.put("include_downstream", true);
    body.put("reset_dag_runs", true);
    JsonNode answer = send("POST", api("dags", dagId, "clearTaskInstances"), body);
    if (answer.path("task_instances").isEmpty()) {
      throw new AirflowNotFoundException(
          200, "nothing cleared: no task '" + taskId + "' in run " + runId + " of DAG " + dagId);
    }
  }

  @Override
  public DagRun waitFor(String dagId, String runId, Duration limit, Duration pollEvery) {
    long deadline = nanoTime.getAsLong() + limit.toNanos();
    while (true) {
      DagRun run = dagRun(dagId, runId);
      if (run.isFinished()) {
        return run;
      }
      if (nanoTime.getAsLong() + pollEvery.toNanos() > deadline) {
        throw new AirflowTimeoutException(
            0,
            "run "
                + runId
                + " of DAG "
                + dagId
                + " has not finished within "
                + limit
                + " (state: "
                + run.state()
                + ")");
      }
      pause(pollEvery);
    }
  }

  private String api(String... segments) {
    StringBuilder path = new StringBuilder(config.api().prefix());
    for (String s : segments) {
      path.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  private JsonNode send(String method, String path, JsonNode body) {
    URI uri = URI.create(config.baseUrl() + path);
    String what = method + " " + uri;
    boolean tokenRenewed = false;
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = exchange(request(method, uri, body, authorization()));
      } catch (HttpTimeoutException e) {
        throw new AirflowTimeoutException(
            0, "Airflow did not answer within " + config.requestTimeout() + ": " + what, e);
      } catch (IOException e) {
        if (attempt < config.retries()) {
          backOff(attempt);
          continue;
        }
        throw new AirflowException(
            0, "cannot reach Airflow (" + (attempt + 1) + " attempts): " + what + ": " + e, e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return parse(response.body(), what);
      }
      if (status == 401 && canRenewToken() && !tokenRenewed) {
        // A token obtained from /auth/token expires (a day by default): get a new one, once.
        bearerToken = null;
        tokenRenewed = true;
        attempt--;
        continue;
      }
      if (status >= 500 && attempt < config.retries()) {
        backOff(attempt);
        continue;
      }
      throw failure(status, what, detail(response.body()), attempt + 1);
    }
  }

  private HttpRequest request(String method, URI uri, JsonNode body, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", "application/json")
            .header("Authorization", authorization);
    if (body == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return b.header("Content-Type", "application/json")
        .method(
            method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private boolean canRenewToken() {
    return config.api() == ApiVersion.V2 && (config.token() == null || config.token().isBlank());
  }

  private String authorization() {
    if (config.api() == ApiVersion.V1) {
      String pair = config.user() + ":" + config.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    if (bearerToken == null || bearerToken.isBlank()) {
      bearerToken = fetchToken();
    }
    return "Bearer " + bearerToken;
  }

  /** Airflow 3: {@code POST /auth/token} with the user name and password gives a JWT. */
  private String fetchToken() {
    URI uri = URI.create(config.baseUrl() + "/auth/token");
    ObjectNode body = JSON.createObjectNode();
    body.put("username", config.user());
    body.put("password", config.password());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    String what = "POST " + uri;
    HttpResponse<String> response;
    try {
      response = exchange(request);
    } catch (HttpTimeoutException e) {
      throw new AirflowTimeoutException(
          0, "Airflow did not answer within " + config.requestTimeout() + ": " + what, e);
    } catch (IOException e) {
      throw new AirflowException(0, "cannot reach Airflow: " + what + ": " + e, e);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw failure(status, what, detail(response.body()), 1);
    }
    String token = parse(response.body(), what).path("access_token").asText("");
    if (token.isBlank()) {
      throw new AirflowException(status, "no access_token in the answer of " + what);
    }
    return token;
  }

  private static AirflowException failure(int status, String what, String detail, int attempts) {
    String tail = detail.isEmpty() ? "" : ": " + detail;
    return switch (status) {
      case 401, 403 ->
          new AirflowUnauthorizedException(
              status,
              "not authorised by Airflow ("
                  + status
                  + ") for "
                  + what
                  + tail
                  + "; check the configured user/password or token");
      case 404 -> new AirflowNotFoundException(status, "DAG or run not found: " + what + tail);
      case 409 -> new DagRunExistsException(status, "run id already exists: " + what + tail);
      default ->
          new AirflowException(
              status,
              "Airflow answered "
                  + status
                  + " to "
                  + what
                  + (status >= 500 ? " (" + attempts + " attempts)" : "")
                  + tail);
    };
  }

  /** The {@code detail} (or {@code title}) of Airflow's error body, or its start. */
  private static String detail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode detail = node.path("detail");
      if (detail.isTextual()) {
        return detail.asText();
      }
      if (!detail.isMissingNode() && !detail.isNull()) {
        return detail.toString();
      }
      return node.path("title").asText("");
    } catch (JsonProcessingException e) {
      return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
  }

  private static JsonNode parse(String body, String what) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AirflowException(0, "Airflow's answer to " + what + " is not JSON", e);
    }
  }

  private static DagRun dagRunOf(JsonNode node) {
    OffsetDateTime logical = date(node, "logical_date");
    if (logical == null) {
      logical = date(node, "execution_date"); // Airflow 2.0/2.1
    }
    Map<String, Object> conf =
        node.path("conf").isObject()
            ? JSON.convertValue(node.get("conf"), new TypeReference<Map<String, Object>>() {})
            : Map.of();
    return new DagRun(
        text(node, "dag_id"), text(node, "dag_run_id"), text(node, "state"), logical, conf);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static OffsetDateTime date(JsonNode node, String field) {
    String v = text(node, field);
    return v == null || v.isBlank() ? null : OffsetDateTime.parse(v);
  }

  private void backOff(int attempt) {
    pause(config.retryBackoff().multipliedBy(1L << attempt));
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirflowException(0, "interrupted while waiting for Airflow", e);
    }
  }

  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirflowException(0, "interrupted while waiting for Airflow", e);
    }
  }
}

package ee.ska.iste.dags.airflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against a local server answering as Airflow's stable REST API (v1 and v2) does. */
class HttpAirflowClientTest {
  @RegisterExtension
  static WireMockExtension airflow =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String DAG = "iste_quarterly";
  private static final String RUN = "iste_2024Q2_manual__1";
  private static final String BASIC = "Basic aXN0ZTpzM2NyZXQ="; // base64 of iste:s3cret
  private static final String RUN_JSON =
      """
      {"dag_id": "iste_quarterly", "dag_run_id": "iste_2024Q2_manual__1",
       "logical_date": "2024-04-01T00:00:00+00:00", "state": "%s",
       "conf": {"quarter": "2024Q2"}, "start_date": null, "end_date": null,
       "data_interval_start": "2024-04-01T00:00:00+00:00",
       "data_interval_end": "2024-04-01T00:00:00+00:00"}
      """;

  private final List<Duration> sleeps = new ArrayList<>();
  private final AtomicLong fakeNanos = new AtomicLong();

  private AirflowConfig config(ApiVersion api, Duration requestTimeout) {
    return new AirflowConfig(
        URI.create(airflow.baseUrl() + "/"),
        api,
        "iste",
        "s3cret",
        null,
        Duration.ofSeconds(2),
        requestTimeout,
        2,
        Duration.ofMillis(100));
  }

  private AirflowClient client(ApiVersion api) {
    return client(config(api, Duration.ofSeconds(5)));
  }

  /** A client whose sleeps are recorded and advance a fake clock instead of waiting. */
  private AirflowClient client(AirflowConfig config) {
    return new HttpAirflowClient(
        config,
        HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build(),
        d -> {
          sleeps.add(d);
          fakeNanos.addAndGet(d.toNanos());
        },
        fakeNanos::get);
  }

  private static String prefix(ApiVersion api) {
    return api == ApiVersion.V1 ? "/api/v1" : "/api/v2";
  }

  /** What the client must send: basic auth on v1, the token from /auth/token on v2. */
  private static String expectedAuth(ApiVersion api) {
    if (api == ApiVersion.V2) {
      airflow.stubFor(
          post("/auth/token")
              .withRequestBody(equalToJson("{\"username\": \"iste\", \"password\": \"s3cret\"}"))
              .willReturn(
                  aResponse()
                      .withStatus(201)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"access_token\": \"jwt-for-iste\"}")));
      return "Bearer jwt-for-iste";
    }
    return BASIC;
  }

  /** Error bodies: v1 answers problem JSON, v2 (FastAPI) a {"detail": ...} object. */
  private static String error(ApiVersion api, int status, String title, String detail) {
    if (api == ApiVersion.V1) {
      return String.format(
          "{\"detail\": \"%s\", \"status\": %d, \"title\": \"%s\", \"type\":"
              + " \"https://airflow.apache.org/docs/apache-airflow/stable/"
              + "stable-rest-api-ref.html\"}",
          detail, status, title);
    }
    return "{\"detail\": \"" + detail + "\"}";
  }

  private static ResponseDefinitionBuilder answer(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/problem+json")
        .withBody(body);
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void triggerSendsRunIdLogicalDateConfAndAuth(ApiVersion api) {
    String auth = expectedAuth(api);
    airflow.stubFor(
        post(prefix(api) + "/dags/iste_quarterly/dagRuns")
            .withHeader("Authorization", equalTo(auth))
            .withRequestBody(
                equalToJson(
                    "{\"dag_run_id\": \"iste_2024Q2_manual__1\","
                        + " \"logical_date\": \"2024-04-01T00:00:00Z\","
                        + " \"conf\": {\"quarter\": \"2024Q2\"}}"))
            .willReturn(okJson(RUN_JSON.formatted("queued"))));

    DagRun run =
        client(api)
            .trigger(
                DAG,
                RUN,
                OffsetDateTime.of(2024, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                Map.of("quarter", "2024Q2"));

    assertEquals(
        new DagRun(
            DAG,
            RUN,
            "queued",
            OffsetDateTime.of(2024, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            Map.of("quarter", "2024Q2")),
        run);
    assertFalse(run.isFinished());
  }

  @Test
  void v2UsesAGivenTokenWithoutAskingForOne() {
    AirflowConfig given =
        new AirflowConfig(
            URI.create(airflow.baseUrl()),
            ApiVersion.V2,
            null,
            null,
            "given-jwt",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            0,
            Duration.ofMillis(100));
    airflow.stubFor(
        get("/api/v2/dags/iste_quarterly/dagRuns/" + RUN)
            .withHeader("Authorization", equalTo("Bearer given-jwt"))
            .willReturn(okJson(RUN_JSON.formatted("running"))));

    assertEquals("running", client(given).dagRun(DAG, RUN).state());
    airflow.verify(0, postRequestedFor(urlEqualTo("/auth/token")));
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void v2AsksForTheTokenOnceOnly(ApiVersion api) {
    String auth = expectedAuth(api);
    airflow.stubFor(
        get(prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN)
            .withHeader("Authorization", equalTo(auth))
            .willReturn(okJson(RUN_JSON.formatted("success"))));
    AirflowClient client = client(api);

    assertTrue(client.dagRun(DAG, RUN).isSuccess());
    assertTrue(client.dagRun(DAG, RUN).isSuccess());
    airflow.verify(api == ApiVersion.V2 ? 1 : 0, postRequestedFor(urlEqualTo("/auth/token")));
  }

  @Test
  void v2RenewsAnExpiredTokenOnce() {
    airflow.stubFor(
        post("/auth/token")
            .inScenario("token")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"access_token\": \"old-jwt\"}"))
            .willSetStateTo("renewed"));
    airflow.stubFor(
        post("/auth/token")
            .inScenario("token")
            .whenScenarioStateIs("renewed")
            .willReturn(okJson("{\"access_token\": \"new-jwt\"}")));
    String path = "/api/v2/dags/iste_quarterly/dagRuns/" + RUN;
    airflow.stubFor(
        get(path)
            .withHeader("Authorization", equalTo("Bearer old-jwt"))
            .willReturn(answer(401, error(ApiVersion.V2, 401, "Unauthorized", "Token expired"))));
    airflow.stubFor(
        get(path)
            .withHeader("Authorization", equalTo("Bearer new-jwt"))
            .willReturn(okJson(RUN_JSON.formatted("running"))));

    assertEquals("running", client(ApiVersion.V2).dagRun(DAG, RUN).state());

    airflow.verify(2, postRequestedFor(urlEqualTo("/auth/token")));
    assertEquals(List.of(), sleeps);
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void taskInstancesReadTaskIdStateAndTry(ApiVersion api) {
    String auth = expectedAuth(api);
    airflow.stubFor(
        get(prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN + "/taskInstances?limit=100")
            .withHeader("Authorization", equalTo(auth))
            .willReturn(
                okJson(
                    """
                    {"task_instances": [
                      {"task_id": "ingest", "dag_id": "iste_quarterly",
                       "dag_run_id": "iste_2024Q2_manual__1", "state": "success",
                       "try_number": 1, "start_date": "2024-08-15T06:00:05+00:00",
                       "end_date": "2024-08-15T06:04:05+00:00"},
                      {"task_id": "model", "dag_id": "iste_quarterly",
                       "dag_run_id": "iste_2024Q2_manual__1", "state": "up_for_retry",
                       "try_number": 2, "start_date": "2024-08-15T06:04:10+00:00",
                       "end_date": null},
                      {"task_id": "measures", "dag_id": "iste_quarterly",
                       "dag_run_id": "iste_2024Q2_manual__1", "state": null,
                       "try_number": 0, "start_date": null, "end_date": null}
                    ], "total_entries": 3}
                    """)));

    List<TaskInstance> tasks = client(api).taskInstances(DAG, RUN);

    assertEquals(
        List.of(
            new TaskInstance(
                "ingest",
                "success",
                1,
                OffsetDateTime.of(2024, 8, 15, 6, 0, 5, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 8, 15, 6, 4, 5, 0, ZoneOffset.UTC)),
            new TaskInstance(
                "model",
                "up_for_retry",
                2,
                OffsetDateTime.of(2024, 8, 15, 6, 4, 10, 0, ZoneOffset.UTC),
                null),
            new TaskInstance("measures", "none", 0, null, null)),
        tasks);
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void clearSendsTheTaskWithItsDownstream(ApiVersion api) {
    String auth = expectedAuth(api);
    airflow.stubFor(
        post(prefix(api) + "/dags/iste_quarterly/clearTaskInstances")
            .withHeader("Authorization", equalTo(auth))
            .withRequestBody(
                equalToJson(
                    "{\"dry_run\": false, \"dag_run_id\": \"iste_2024Q2_manual__1\","
                        + " \"task_ids\": [\"model\"], \"only_failed\": false,"
                        + " \"include_downstream\": true, \"reset_dag_runs\": true}"))
            .willReturn(
                okJson(
                    "{\"task_instances\": [{\"task_id\": \"model\", \"dag_id\":"
                        + " \"iste_quarterly\", \"dag_run_id\": \"iste_2024Q2_manual__1\"}],"
                        + " \"total_entries\": 1}")));

    client(api).clearTaskInstance(DAG, RUN, "model");

    airflow.verify(
        1, postRequestedFor(urlEqualTo(prefix(api) + "/dags/iste_quarterly/clearTaskInstances")));
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void unauthorisedIsAClearError(ApiVersion api) {
    airflow.stubFor(
        post("/auth/token")
            .willReturn(answer(401, error(api, 401, "Unauthorized", "Invalid credentials"))));
    airflow.stubFor(
        get(prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN)
            .willReturn(answer(401, error(api, 401, "Unauthorized", "Invalid credentials"))));

    AirflowUnauthorizedException e =
        assertThrows(AirflowUnauthorizedException.class, () -> client(api).dagRun(DAG, RUN));

    assertEquals(401, e.status());
    assertTrue(e.getMessage().startsWith("not authorised by Airflow (401)"), e.getMessage());
    assertTrue(e.getMessage().contains("Invalid credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void notFoundSaysSo(ApiVersion api) {
    expectedAuth(api);
    airflow.stubFor(
        get(prefix(api) + "/dags/iste_quarterly/dagRuns/nope")
            .willReturn(
                answer(
                    404,
                    error(
                        api,
                        404,
                        "DAGRun not found",
                        "DAGRun with DAG ID: 'iste_quarterly' and DagRun ID: 'nope' not found"))));

    AirflowNotFoundException e =
        assertThrows(AirflowNotFoundException.class, () -> client(api).dagRun(DAG, "nope"));

    assertEquals(
        "DAG or run not found: GET "
            + airflow.baseUrl()
            + prefix(api)
            + "/dags/iste_quarterly/dagRuns/nope: DAGRun with DAG ID: 'iste_quarterly' and DagRun"
            + " ID: 'nope' not found",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void existingRunIdIsADistinctError(ApiVersion api) {
    expectedAuth(api);
    airflow.stubFor(
        post(prefix(api) + "/dags/iste_quarterly/dagRuns")
            .willReturn(
                answer(
                    409,
                    error(
                        api,
                        409,
                        "Conflict",
                        "DAGRun with DAG ID: 'iste_quarterly' and DAGRun ID:"
                            + " 'iste_2024Q2_manual__1' already exists"))));

    DagRunExistsException e =
        assertThrows(
            DagRunExistsException.class,
            () -> client(api).trigger(DAG, RUN, Map.of("quarter", "2024Q2")));

    assertEquals(409, e.status());
    assertTrue(e.getMessage().startsWith("run id already exists"), e.getMessage());
    airflow.verify(1, postRequestedFor(urlEqualTo(prefix(api) + "/dags/iste_quarterly/dagRuns")));
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void serverErrorsAreRetriedWithDoublingBackOff(ApiVersion api) {
    String auth = expectedAuth(api);
    String path = prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN;
    airflow.stubFor(
        get(path)
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(answer(503, error(api, 503, "Service Unavailable", "database is busy")))
            .willSetStateTo("second"));
    airflow.stubFor(
        get(path)
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(answer(500, error(api, 500, "Internal Server Error", "oops")))
            .willSetStateTo("third"));
    airflow.stubFor(
        get(path)
            .inScenario("flaky")
            .whenScenarioStateIs("third")
            .withHeader("Authorization", equalTo(auth))
            .willReturn(okJson(RUN_JSON.formatted("running"))));

    assertEquals("running", client(api).dagRun(DAG, RUN).state());

    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
    airflow.verify(3, getRequestedFor(urlEqualTo(path)));
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void serverErrorsFailAfterTheLastRetry(ApiVersion api) {
    expectedAuth(api);
    String path = prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN;
    airflow.stubFor(
        get(path).willReturn(answer(502, error(api, 502, "Bad Gateway", "proxy down"))));

    AirflowException e = assertThrows(AirflowException.class, () -> client(api).dagRun(DAG, RUN));

    assertEquals(502, e.status());
    assertEquals(
        "Airflow answered 502 to GET " + airflow.baseUrl() + path + " (3 attempts): proxy down",
        e.getMessage());
    airflow.verify(3, getRequestedFor(urlEqualTo(path)));
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void aSlowAnswerIsATimeOut(ApiVersion api) {
    expectedAuth(api);
    String path = prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN;
    airflow.stubFor(
        get(path).willReturn(okJson(RUN_JSON.formatted("running")).withFixedDelay(1500)));

    AirflowTimeoutException e =
        assertThrows(
            AirflowTimeoutException.class,
            () -> client(config(api, Duration.ofMillis(300))).dagRun(DAG, RUN));

    assertEquals(
        "Airflow did not answer within PT0.3S: GET " + airflow.baseUrl() + path, e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void waitForPollsUntilTheRunFinishes(ApiVersion api) {
    expectedAuth(api);
    String path = prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN;
    airflow.stubFor(
        get(path)
            .inScenario("run")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(RUN_JSON.formatted("queued")))
            .willSetStateTo("running"));
    airflow.stubFor(
        get(path)
            .inScenario("run")
            .whenScenarioStateIs("running")
            .willReturn(okJson(RUN_JSON.formatted("running")))
            .willSetStateTo("done"));
    airflow.stubFor(
        get(path)
            .inScenario("run")
            .whenScenarioStateIs("done")
            .willReturn(okJson(RUN_JSON.formatted("failed"))));

    DagRun run = client(api).waitFor(DAG, RUN, Duration.ofHours(2), Duration.ofSeconds(30));

    assertEquals("failed", run.state());
    assertTrue(run.isFinished());
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), sleeps);
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void waitForGivesUpAtItsLimit(ApiVersion api) {
    expectedAuth(api);
    airflow.stubFor(
        get(prefix(api) + "/dags/iste_quarterly/dagRuns/" + RUN)
            .willReturn(okJson(RUN_JSON.formatted("running"))));

    AirflowTimeoutException e =
        assertThrows(
            AirflowTimeoutException.class,
            () -> client(api).waitFor(DAG, RUN, Duration.ofMinutes(2), Duration.ofSeconds(30)));

    // Polls at 0, 30, 60, 90 and 120 s; the next one would be past the 2 minute limit.
    assertEquals(4, sleeps.size());
    assertEquals(
        "run iste_2024Q2_manual__1 of DAG iste_quarterly has not finished within PT2M"
            + " (state: running)",
        e.getMessage());
    assertInstanceOf(AirflowException.class, e);
  }
}

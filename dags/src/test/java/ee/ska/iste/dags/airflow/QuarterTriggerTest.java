package ee.ska.iste.dags.airflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import ee.ska.iste.core.time.Quarter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuarterTriggerTest {
  @RegisterExtension
  static WireMockExtension airflow =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String RUN_JSON =
      "{\"dag_id\": \"iste_quarterly\", \"dag_run_id\": \"iste_2024Q2_manual__1\","
          + " \"logical_date\": \"2024-04-01T00:00:00+00:00\", \"state\": \"%s\","
          + " \"conf\": {\"quarter\": \"2024Q2\"}}";

  private AirflowClient client() {
    return AirflowClient.connect(
        AirflowConfig.of(
            Map.of(
                "url", airflow.baseUrl(), "user", "iste", "password", "s3cret", "retries", "0")));
  }

  @Test
  void firstTriggerStartsTheRun() {
    airflow.stubFor(
        post("/api/v1/dags/iste_quarterly/dagRuns")
            .withRequestBody(
                equalToJson(
                    "{\"dag_run_id\": \"iste_2024Q2_manual__1\", \"logical_date\":"
                        + " \"2024-04-01T00:00:00Z\", \"conf\": {\"quarter\": \"2024Q2\"}}"))
            .willReturn(okJson(RUN_JSON.formatted("queued"))));

    QuarterTrigger.Result r =
        QuarterTrigger.trigger(
            client(), "iste_quarterly", new QuarterRun(Quarter.parse("2024Q2"), 1));

    assertFalse(r.alreadyExisted());
    assertEquals("queued", r.run().state());
  }

  @Test
  void repeatedTriggerFindsTheExistingRun() {
    airflow.stubFor(
        post("/api/v1/dags/iste_quarterly/dagRuns")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"detail\": \"DAGRun with DAG ID: 'iste_quarterly' and DAGRun ID:"
                            + " 'iste_2024Q2_manual__1' already exists\", \"status\": 409,"
                            + " \"title\": \"Conflict\", \"type\": \"about:blank\"}")));
    airflow.stubFor(
        get("/api/v1/dags/iste_quarterly/dagRuns/iste_2024Q2_manual__1")
            .willReturn(okJson(RUN_JSON.formatted("running"))));

    QuarterTrigger.Result r =
        QuarterTrigger.trigger(
            client(), "iste_quarterly", new QuarterRun(Quarter.parse("2024Q2"), 1));

    assertTrue(r.alreadyExisted());
    assertEquals("running", r.run().state());
  }
}

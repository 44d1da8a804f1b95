package ee.ska.iste.dags.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirflowConfigTest {
  @TempDir Path home;

  @Test
  void readsTheDefaultFileUnderHome() throws Exception {
    Path file = home.resolve(AirflowConfig.DEFAULT_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "url = https://airflow.example:8080/\n"
            + "api = v2\n"
            + "token = jwt-123\n"
            + "request-timeout = 45s\n"
            + "retries = 5\n");

    AirflowConfig c = AirflowConfig.load(null, home, Map.of());

    assertEquals(URI.create("https://airflow.example:8080"), c.baseUrl());
    assertEquals(ApiVersion.V2, c.api());
    assertEquals("jwt-123", c.token());
    assertNull(c.user());
    assertEquals(Duration.ofSeconds(10), c.connectTimeout());
    assertEquals(Duration.ofSeconds(45), c.requestTimeout());
    assertEquals(5, c.retries());
    assertEquals(Duration.ofSeconds(2), c.retryBackoff());
  }

  @Test
  void environmentWinsOverTheGivenFile() throws Exception {
    Path file = home.resolve("airflow.properties");
    Files.writeString(file, "url=https://old:8080\nuser=file-user\npassword=file-pass\n");

    AirflowConfig c =
        AirflowConfig.load(
            file,
            home,
            Map.of(
                "ISTE_AIRFLOW_URL", "https://new:8080",
                "ISTE_AIRFLOW_PASSWORD", "env-pass",
                "ISTE_AIRFLOW_API", "V1"));

    assertEquals(URI.create("https://new:8080"), c.baseUrl());
    assertEquals("file-user", c.user());
    assertEquals("env-pass", c.password());
    assertEquals(ApiVersion.V1, c.api());
  }

  @Test
  void environmentAloneIsEnough() throws Exception {
    AirflowConfig c =
        AirflowConfig.load(
            null,
            home,
            Map.of(
                "ISTE_AIRFLOW_URL", "https://airflow:8080",
                "ISTE_AIRFLOW_USER", "iste",
                "ISTE_AIRFLOW_PASSWORD", "s3cret"));
    assertEquals(ApiVersion.V1, c.api());
    assertEquals("iste", c.user());
  }

  @Test
  void toStringNeverShowsSecrets() {
    AirflowConfig c =
        AirflowConfig.of(
            Map.of(
                "url",
                "https://airflow:8080",
                "api",
                "v2",
                "user",
                "iste",
                "password",
                "s3cret",
                "token",
                "jwt-abc"));
    String text = c.toString();
    assertFalse(text.contains("s3cret"), text);
    assertFalse(text.contains("jwt-abc"), text);
    assertTrue(text.contains("password=****, token=****"), text);
    assertTrue(text.contains("user=iste"), text);
  }

  @Test
  void saysWhatIsMissing() {
    IllegalArgumentException noUrl =
        assertThrows(
            IllegalArgumentException.class, () -> AirflowConfig.load(null, home, Map.of()));
    assertEquals(
        "no Airflow URL: set url in the configuration file or ISTE_AIRFLOW_URL",
        noUrl.getMessage());
    IllegalArgumentException noLogin =
        assertThrows(
            IllegalArgumentException.class,
            () -> AirflowConfig.of(Map.of("url", "https://airflow:8080", "user", "iste")));
    assertEquals(
        "Airflow API v1 needs a user and password (ISTE_AIRFLOW_USER, ISTE_AIRFLOW_PASSWORD)",
        noLogin.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AirflowConfig.of(Map.of("url", "https://airflow:8080", "api", "v2")));
    assertThrows(
        IllegalArgumentException.class,
        () -> AirflowConfig.of(Map.of("url", "ftp://airflow", "user", "u", "password", "p")));
    assertThrows(
        IllegalArgumentException.class,
        () -> AirflowConfig.of(Map.of("url", "https://u:p@airflow", "user", "u", "password", "p")));
    IllegalArgumentException missingFile =
        assertThrows(
            IllegalArgumentException.class,
            () -> AirflowConfig.load(home.resolve("nope.properties"), home, Map.of()));
    assertTrue(missingFile.getMessage().startsWith("no such configuration file: "));
  }

  @Test
  void refusesPlainHttpExceptOnTheLoopback() {
    for (String url :
        java.util.List.of(
            "http://airflow.example:8080",
            "http://10.0.0.7:8080",
            "http://128.0.0.1",
            "http://127.0.0.1.example.org",
            "http://localhost.example.org",
            "http://[::2]:8080",
            "http://[1::]:8080",
            "http://[::ffff:127.0.0.1]:8080")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> AirflowConfig.of(Map.of("url", url, "user", "u", "password", "p")),
              url);
      assertEquals(
          "Airflow URL "
              + url
              + " is plain http: the password or token would cross the network unencrypted; use"
              + " https (http is accepted only for 127.0.0.1, ::1 or localhost)",
          e.getMessage());
    }
    for (String url :
        java.util.List.of(
            "http://127.0.0.1:8080",
            "http://127.255.3.9",
            "http://localhost:8080",
            "http://LOCALHOST",
            "http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1]",
            "https://airflow.example")) {
      assertEquals(
          URI.create(url),
          AirflowConfig.of(Map.of("url", url, "user", "u", "password", "p")).baseUrl(),
          url);
    }
  }
}

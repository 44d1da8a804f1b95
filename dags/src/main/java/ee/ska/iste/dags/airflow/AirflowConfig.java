package ee.ska.iste.dags.airflow;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the Airflow server is and how to log in. Read from a properties file and the environment,
 * never from a command-line argument; {@link #toString()} never shows the password or token.
 *
 * <p>Properties file keys (environment variable in brackets, which wins over the file): {@code url}
 * ({@code ISTE_AIRFLOW_URL}), {@code api} = v1|v2 ({@code ISTE_AIRFLOW_API}, default v1), {@code
 * user} ({@code ISTE_AIRFLOW_USER}), {@code password} ({@code ISTE_AIRFLOW_PASSWORD}), {@code
 * token} ({@code ISTE_AIRFLOW_TOKEN}), {@code connect-timeout} (default 10s), {@code
 * request-timeout} (default 30s), {@code retries} (default 3), {@code retry-backoff} (default 2s,
 * doubled on each retry).
 *
 * @param baseUrl the server's root, e.g. {@code https://airflow.example:8080} (no API prefix);
 *     {@code http} only on the loopback (127.0.0.0/8, ::1, localhost), since the credentials go
 *     with every request
 * @param api the stable REST API version
 * @param user user name for basic authentication (v1) or for {@code /auth/token} (v2); may be null
 * @param password its password; may be null
 * @param token a bearer token for v2; may be null (then one is obtained with user and password)
 * @param connectTimeout time limit for opening a connection
 * @param requestTimeout time limit for one request's answer
 * @param retries how many times a 5xx answer or a lost connection is retried
 * @param retryBackoff the wait before the first retry, doubled on each further one
 */
public record AirflowConfig(
    URI baseUrl,
    ApiVersion api,
    String user,
    String password,
    String token,
    Duration connectTimeout,
    Duration requestTimeout,
    int retries,
    Duration retryBackoff) {

  /** The file read when no {@code --config} is given, relative to the user's home directory. */
  public static final String DEFAULT_FILE = ".config/iste/airflow.properties";

  public AirflowConfig {
    if (baseUrl == null) {
      throw new IllegalArgumentException(
          "no Airflow URL: set url in the configuration file or ISTE_AIRFLOW_URL");
    }
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("Airflow URL must be http or https: " + baseUrl);
    }
    if (baseUrl.getUserInfo() != null) {
      throw new IllegalArgumentException("put the Airflow user and password apart from the URL");
    }
    if ("http".equals(scheme) && !isLoopback(baseUrl.getHost())) {
      throw new IllegalArgumentException(
          "Airflow URL "
              + baseUrl
              + " is plain http: the password or token would cross the network unencrypted; use"
              + " https (http is accepted only for 127.0.0.1, ::1 or localhost)");
    }
    if (api == null) {
      throw new IllegalArgumentException("no Airflow API version");
    }
    boolean hasLogin = !isBlank(user) && password != null;
    if (api == ApiVersion.V1 && !hasLogin) {
      throw new IllegalArgumentException(
          "Airflow API v1 needs a user and password (ISTE_AIRFLOW_USER, ISTE_AIRFLOW_PASSWORD)");
    }
    if (api == ApiVersion.V2 && isBlank(token) && !hasLogin) {
      throw new IllegalArgumentException(
          "Airflow API v2 needs a token (ISTE_AIRFLOW_TOKEN) or a user and password");
    }
    requirePositive(connectTimeout, "connect-timeout");
    requirePositive(requestTimeout, "request-timeout");
    requirePositive(retryBackoff, "retry-backoff");
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be 0..10: " + retries);
    }
    String url = baseUrl.toString();
    if (url.endsWith("/")) {
      baseUrl = URI.create(url.substring(0, url.length() - 1));
    }
  }

  /**
   * Reads the configuration: the file (the given one, which must exist, or else {@code
   * home/DEFAULT_FILE} if it exists), then the {@code ISTE_AIRFLOW_*} environment variables over
   * it.
   */
  public static AirflowConfig load(Path configFile, Path home, Map<String, String> env)
      throws IOException {
    Properties props = new Properties();
    Path file = configFile;
    if (file == null && home != null && Files.isRegularFile(home.resolve(DEFAULT_FILE))) {
      file = home.resolve(DEFAULT_FILE);
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such configuration file: " + file);
      }
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(r);
      }
    }
    Map<String, String> values = new HashMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
    Map<String, String> fromEnv =
        Map.of(
            "ISTE_AIRFLOW_URL", "url",
            "ISTE_AIRFLOW_API", "api",
            "ISTE_AIRFLOW_USER", "user",
            "ISTE_AIRFLOW_PASSWORD", "password",
            "ISTE_AIRFLOW_TOKEN", "token");
    fromEnv.forEach(
        (variable, key) -> {
          String v = env.get(variable);
          if (v != null && !v.isBlank()) {
            values.put(key, v.trim());
          }
        });
    return of(values);
  }

  /** Builds a configuration from the properties-file keys listed on this class. */
  public static AirflowConfig of(Map<String, String> values) {
    String url = values.get("url");
    return new AirflowConfig(
        isBlank(url) ? null : URI.create(url),
        ApiVersion.parse(values.getOrDefault("api", "v1")),
        values.get("user"),
        values.get("password"),
        values.get("token"),
        Durations.parse(values.getOrDefault("connect-timeout", "10s")),
        Durations.parse(values.getOrDefault("request-timeout", "30s")),
        Integer.parseInt(values.getOrDefault("retries", "3")),
        Durations.parse(values.getOrDefault("retry-backoff", "2s")));
  }

  @Override
  public String toString() {
    return "AirflowConfig[baseUrl="
        + baseUrl
        + ", api="
        + api
        + ", user="
        + user
        + ", password="
        + mask(password)
        + ", token="
        + mask(token)
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", retries="
        + retries
        + ", retryBackoff="
        + retryBackoff
        + "]";
  }

  private static String mask(String secret) {
    return secret == null ? "null" : "****";
  }

  /**
   * Whether {@code host} names this machine's loopback interface without asking a name server:
   * {@code localhost}, an IPv4 literal in 127.0.0.0/8 or the IPv6 literal {@code ::1}.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (h.matches("[0-9a-f:.]*:[0-9a-f:.]*")) {
      try {
        return java.net.InetAddress.getByName(h).isLoopbackAddress()
            && h.replace("0", "").replace(":", "").equals("1");
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration: " + d);
    }
  }
}

package ee.ska.iste.dags.airflow;

import java.util.Locale;

/** Which stable REST API the Airflow server speaks. */
public enum ApiVersion {
  /** Airflow 2: {@code /api/v1}, HTTP basic authentication. */
  V1("/api/v1"),
  /** Airflow 3: {@code /api/v2}, a bearer token (given, or obtained from {@code /auth/token}). */
  V2("/api/v2");

  private final String prefix;

  ApiVersion(String prefix) {
    this.prefix = prefix;
  }

  /** The path every endpoint starts with, e.g. {@code /api/v1}. */
  public String prefix() {
    return prefix;
  }

  /** Reads {@code v1} or {@code v2} (any case); the message names the value otherwise. */
  public static ApiVersion parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "v1" -> V1;
      case "v2" -> V2;
      default -> throw new IllegalArgumentException("Airflow API must be v1 or v2: '" + text + "'");
    };
  }
}

package ee.ska.iste.dags.airflow;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads short durations such as {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /** Parses one or more {@code <number><unit>} parts, unit one of ms, s, m, h, d. */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      end = m.end();
    }
    if (t.isEmpty() || end != t.length()) {
      throw new IllegalArgumentException("not a duration (e.g. 90s, 30m, 2h): '" + text + "'");
    }
    return total;
  }
}

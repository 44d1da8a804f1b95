package ee.ska.iste.core.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads a quarter given either as {@code YYYYQn} or as an ISO date or date-time, meaning the
 * quarter that date falls in. Airflow passes {@code {{ data_interval_start | ds }}} (for example
 * {@code 2024-05-15}) and the stage verbs derive the quarter here, in tested Java, instead of in a
 * template.
 */
public final class QuarterOrDate {
  private QuarterOrDate() {}

  /**
   * Parses {@code 2024Q2}, {@code 2024-05-15} or {@code 2024-05-15T06:00:00+00:00}; a date-time is
   * taken at its own offset's calendar date (Airflow's data interval is in UTC).
   */
  public static Quarter parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.length() == 6 && (t.charAt(4) == 'Q' || t.charAt(4) == 'q')) {
      return Quarter.parse(t.toUpperCase(Locale.ROOT));
    }
    try {
      if (t.length() == 10) {
        return Quarter.of(LocalDate.parse(t));
      }
      return Quarter.of(OffsetDateTime.parse(t).toLocalDate());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a quarter (YYYYQn) nor an ISO date (YYYY-MM-DD): '" + text + "'", e);
    }
  }
}

package ee.ska.iste.dags.airflow;

import ee.ska.iste.core.time.Quarter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A manual run of a quarter: its deterministic run id, logical date and conf. Triggering the same
 * quarter and attempt twice names the same run, so a repeated trigger finds the first one instead
 * of starting a second.
 *
 * @param quarter the quarter to run
 * @param attempt 1 for the first manual run of the quarter, 2 for another one, and so on
 */
public record QuarterRun(Quarter quarter, int attempt) {
  public QuarterRun {
    if (quarter == null) {
      throw new IllegalArgumentException("a quarter run needs a quarter");
    }
    if (attempt < 1 || attempt > 999) {
      throw new IllegalArgumentException("attempt must be 1..999: " + attempt);
    }
  }

  /** For example {@code iste_2024Q2_manual__1}. */
  public String runId() {
    return "iste_" + quarter + "_manual__" + attempt;
  }

  /**
   * The quarter's first day at 00:00 UTC, plus one hour per attempt after the first: Airflow 2
   * allows one run per logical date, and the DAG reads the quarter from the conf anyway.
   */
  public OffsetDateTime logicalDate() {
    return quarter.firstDay().atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(attempt - 1L);
  }

  /** The run conf: {@code {"quarter": "2024Q2"}}. */
  public Map<String, Object> conf() {
    return Map.of("quarter", quarter.toString());
  }
}

package ee.ska.iste.core;

import java.util.List;
import java.util.Locale;

/**
 * The stages of a quarter's run, in order. This list is the one source of truth for the local
 * runner, the CLI and the Airflow DAGs (the build writes it out for the DAG files).
 */
public enum Stage {
  /** Read submissions, validate, pseudonymise, write {@code stg_} tables and rejects. */
  INGEST,
  /** Build episodes, cases, dimensions and facts. */
  MODEL,
  /** Compute every measure, with intervals, funnel limits and disclosure control. */
  MEASURES,
  /** Build the DuckDB catalogue and switch the published version. */
  PUBLISH,
  /** Render the KOV, national and data-quality reports. */
  REPORTS;

  /** The lower-case name used as CLI verb and Airflow task id. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stages this one directly depends on (a straight line: the previous stage). */
  public List<Stage> upstream() {
    return ordinal() == 0 ? List.of() : List.of(values()[ordinal() - 1]);
  }
}

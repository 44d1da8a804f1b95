package ee.ska.iste.pipelines.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a run. Local mode by default; under spark-submit the master and
 * everything else come from the submit configuration, unchanged.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * The session for a run.
   *
   * @param master a master URL such as {@code local[2]}, or null to take it from spark-submit
   * @param shufflePartitions partitions for shuffles, sized to the data (the default 200 is far
   *     too many for a quarter of ISTE data)
   */
  public static SparkSession create(String master, int shufflePartitions) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("iste")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", shufflePartitions)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
            .config("spark.sql.parquet.compression.codec", "zstd")
            // Spark keeps every query's plan and metrics for its UI even when the UI is off; the
            // measures run hundreds of queries with very large plans. Nobody reads them here, so
            // keep few (a precaution for the heap; its effect is not measured separately).
            .config("spark.sql.ui.retainedExecutions", "20")
            .config("spark.ui.retainedJobs", "100")
            .config("spark.ui.retainedStages", "100")
            .config("spark.ui.retainedTasks", "10000")
            .config("spark.ui.dagGraph.retainedRootRDDs", "100");
    if (master != null) {
      // Local runs only (under spark-submit the submit configuration decides): adaptive query
      // execution re-plans the remaining query after every shuffle stage. ISTE's measures are few
      // rows but very large plans, and on 2 cores that re-planning was half of the measures
      // stage's time (iste bench: 262 s -> 144 s for one quarter on a busy machine).
      b = b.master(master).config("spark.sql.adaptive.enabled", "false");
    }
    return b.getOrCreate();
  }
}

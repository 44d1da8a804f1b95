package ee.ska.iste.pipelines.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a run. Local mode by default; under spark-submit the master and
 * everything else come from the submit configuration, unchanged.
 *
 * <p>Secrets on disk: ingest's tasks carry the pseudonymisation key, and whatever Spark ships to
 * tasks (broadcast variables, the tasks' own code and closures) are blocks that may be written to
 * Spark's local folders, as may cached and shuffled rows. In local mode those folders are one
 * private folder per run ({@link PrivateLocalDir}, 0700, removed when the JVM ends), unless the
 * environment variable {@code SPARK_LOCAL_DIRS} names others; under spark-submit, where the cluster
 * manager chooses them, Spark's I/O encryption is turned on unless the submit configuration sets
 * {@value #IO_ENCRYPTION} itself.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * The session for a run.
   *
   * @param master a master URL such as {@code local[2]}, or null to take it from spark-submit
   * @param shufflePartitions partitions for shuffles, sized to the data (the default 200 is far too
   *     many for a quarter of ISTE data)
   */
  public static SparkSession create(String master, int shufflePartitions) {
    SparkSession.Builder b =
        SparkSession.builder()
            // spark-submit's --name (the DAG's iste-<stage>-<quarter>) names the application in
            // the cluster's UI; "iste" when nothing named it
            .appName(System.getProperty("spark.app.name", "iste"))
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
            .config("spark.ui.dagGraph.retainedRootRDDs", "100")
            // What Spark and Hadoop write through Hadoop's file systems (Parquet parts, their
            // checksums, _SUCCESS, the committer's folders): files 0640, folders 0750.
            .config("spark.hadoop." + UMASK_KEY, UMASK);
    if (master != null) {
      // Local runs only (under spark-submit the submit configuration decides): adaptive query
      // execution re-plans the remaining query after every shuffle stage. ISTE's measures are few
      // rows but very large plans, and on 2 cores that re-planning was half of the measures
      // stage's time (iste bench: 262 s -> 144 s for one quarter on a busy machine).
      b = b.master(master).config("spark.sql.adaptive.enabled", "false");
      if (SparkSession.getDefaultSession().isEmpty() && System.getenv("SPARK_LOCAL_DIRS") == null) {
        b = b.config("spark.local.dir", PrivateLocalDir.create().toString());
      }
    } else if (System.getProperty(IO_ENCRYPTION) == null) {
      // Under spark-submit the executors' scratch folders belong to the cluster manager (YARN's
      // or Kubernetes' local dirs, SPARK_LOCAL_DIRS on a standalone worker): encrypt what Spark
      // writes there instead, unless the submit configuration decided otherwise.
      b = b.config(IO_ENCRYPTION, "true");
    }
    SparkSession session = b.getOrCreate();
    // A session that existed before keeps its Hadoop configuration: narrow it here as well.
    session.sparkContext().hadoopConfiguration().set(UMASK_KEY, UMASK);
    return session;
  }

  /** Hadoop's umask for files and folders it creates. */
  static final String UMASK_KEY = "fs.permissions.umask-mode";

  /** Group may read, others nothing: files 0640, folders 0750. */
  static final String UMASK = "027";

  /** Spark's switch for encrypting shuffle files, spills and blocks it writes to local disk. */
  static final String IO_ENCRYPTION = "spark.io.encryption.enabled";
}

package ee.ska.iste.cli.runner;

import ee.ska.iste.pipelines.spark.SparkSessions;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the stages that need one, created when the first of them runs (publish and
 * reports need none). The session is shared by the JVM (getOrCreate) and stops with it.
 */
final class SparkOnDemand {
  /**
   * Shuffle partitions the session starts with (Spark's default of 200 is far too many for ISTE
   * data); the model and measures jobs size their own to their input (ShufflePartitions).
   */
  private static final int SHUFFLE_PARTITIONS = 8;

  private final String master;
  private SparkSession spark;
  private SparkPlace place;

  /**
   * @param master Spark master URL ({@code local[2]}), or null when spark-submit sets it
   */
  SparkOnDemand(String master) {
    this.master = master;
  }

  SparkSession get() {
    if (spark == null) {
      spark = SparkSessions.create(master, SHUFFLE_PARTITIONS);
      place = SparkPlace.watch(spark.sparkContext());
    }
    return spark;
  }

  /** Where the session's tasks ran; empty when no stage needed a session. */
  Optional<SparkPlace> place() {
    return Optional.ofNullable(place);
  }
}

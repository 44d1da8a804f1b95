package ee.ska.iste.pipelines.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM: {@code local[2]}, 2 shuffle partitions, UTC, UI off.
 * Tests call {@link #session()}; the JVM's shutdown stops it.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.create("local[2]", 2);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }
}

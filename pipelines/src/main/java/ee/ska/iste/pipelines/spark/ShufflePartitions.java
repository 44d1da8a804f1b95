package ee.ska.iste.pipelines.spark;

import ee.ska.iste.core.layout.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes {@code spark.sql.shuffle.partitions} to a stage's input: two partitions per core, and one
 * more per {@link #BYTES_PER_PARTITION} of compressed Parquet read beyond that. On the national
 * dataset (25 MiB of staged Parquet, 2 cores) that is 4: with 8, the measures stage spent a sixth
 * of its time starting, serialising and finishing tiny tasks; with 2, one slow partition held up
 * each stage. Ten times the data gives 9.
 */
public final class ShufflePartitions {
  static final long BYTES_PER_PARTITION = 32L << 20;
  private static final Logger LOG = LoggerFactory.getLogger("ee.ska.iste.pipelines");

  private ShufflePartitions() {}

  /** Partitions for {@code inputBytes} on {@code cores} cores. */
  public static int forInput(long inputBytes, int cores) {
    long bySize = (inputBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.max(2L * Math.max(1, cores), Math.min(10_000L, bySize));
  }

  /** Sets the session's shuffle partitions for a stage reading the given tables of the layout. */
  public static int sizeTo(
      SparkSession spark, String stage, WarehouseLayout layout, String... tables) {
    long bytes = 0;
    for (String t : tables) {
      bytes += bytes(spark, layout.table(t));
    }
    int n = forInput(bytes, spark.sparkContext().defaultParallelism());
    spark.conf().set("spark.sql.shuffle.partitions", n);
    LOG.debug("{}: {} shuffle partitions for {} MiB of input", stage, n, bytes >> 20);
    return n;
  }

  private static long bytes(SparkSession spark, String folder) {
    try {
      Path p = new Path(folder);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + folder, e);
    }
  }
}

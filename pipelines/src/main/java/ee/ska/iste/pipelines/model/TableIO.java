package ee.ska.iste.pipelines.model;

import ee.ska.iste.core.layout.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Reads and writes warehouse tables at the edges of the model and measures jobs. */
public final class TableIO {
  private TableIO() {}

  /**
   * Every partition of a table in the given schema; an empty Dataset when the table is absent or
   * has no data file (an empty partitioned table is written as a folder without Parquet files).
   */
  public static Dataset<Row> read(
      SparkSession spark, WarehouseLayout layout, String table, StructType schema) {
    String dir = layout.table(table);
    if (!hasData(spark, dir)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(dir);
  }

  /** Reads a table written by this project (its schema from the files). */
  public static Dataset<Row> read(SparkSession spark, WarehouseLayout layout, String table) {
    return spark.read().parquet(layout.table(table));
  }

  /** Replaces an unpartitioned table, rows sorted by {@code sortBy}. */
  public static void write(
      Dataset<Row> rows, WarehouseLayout layout, String table, String... sortBy) {
    sorted(rows, sortBy).write().mode(SaveMode.Overwrite).parquet(layout.table(table));
  }

  /**
   * Replaces the quarter partitions present in {@code rows} (dynamic partition overwrite), rows
   * sorted by {@code sortBy} within each.
   */
  public static void writeByQuarter(
      Dataset<Row> rows, WarehouseLayout layout, String table, String... sortBy) {
    sorted(rows, sortBy)
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy("quarter")
        .parquet(layout.table(table));
  }

  private static Dataset<Row> sorted(Dataset<Row> rows, String... sortBy) {
    if (sortBy.length == 0) {
      return rows.coalesce(1);
    }
    return rows.coalesce(1)
        .sortWithinPartitions(sortBy[0], java.util.Arrays.copyOfRange(sortBy, 1, sortBy.length));
  }

  private static boolean hasData(SparkSession spark, String dir) {
    try {
      Path p = new Path(dir);
      org.apache.hadoop.fs.FileSystem fs =
          p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return false;
      }
      org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files =
          fs.listFiles(p, true);
      while (files.hasNext()) {
        if (files.next().getPath().getName().endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check table folder " + dir, e);
    }
  }
}

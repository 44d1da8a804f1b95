package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Keeps, per key, the row of the latest quarter's submission (quarter renamed from_quarter). */
final class LatestVersion {
  private LatestVersion() {}

  static Dataset<Row> of(Dataset<Row> staged, String... key) {
    return staged
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy(key[0], java.util.Arrays.copyOfRange(key, 1, key.length))
                        .orderBy(col("quarter").desc(), col("source_row").asc())))
        .filter(col("_rank").equalTo(1))
        .drop("_rank")
        .withColumnRenamed("quarter", "from_quarter");
  }
}

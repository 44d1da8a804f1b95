package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code int_episode}: one row per episode, key ({@code client_id, kov_code, start_date}); the
 * version from the latest quarter's submission wins. Columns: the staged episode columns with
 * {@code quarter} renamed to {@code from_quarter}.
 */
public final class IntEpisode {
  public static final String TABLE = "int_episode";

  private IntEpisode() {}

  public static Dataset<Row> transform(Dataset<Row> stgClientEpisode) {
    return stgClientEpisode
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy("client_id", "kov_code", "start_date")
                        .orderBy(col("quarter").desc(), col("source_row").asc())))
        .filter(col("_rank").equalTo(1))
        .drop("_rank")
        .withColumnRenamed("quarter", "from_quarter");
  }
}

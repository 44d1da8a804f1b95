package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Keeps, per key, the row of the latest quarter's submission (the first source row when a
 * submission has two); {@code quarter} is renamed {@code from_quarter}.
 *
 * <p>The rows are brought into one partition and sorted once by key, quarter (latest first) and
 * source row: the window then needs no sort of its own, and the result comes out sorted by key, the
 * order the model tables are written in. One task sorts them; a table is written as one file
 * anyway, and a single sort costs less than the shuffle and two sorts of a partitioned window.
 */
final class LatestVersion {
  private LatestVersion() {}

  /** The schema of {@link #of} over rows of schema {@code staged}. */
  static StructType schema(StructType staged) {
    return new StructType(
        Arrays.stream(staged.fields())
            .map(
                f ->
                    f.name().equals("quarter")
                        ? new StructField("from_quarter", f.dataType(), f.nullable(), f.metadata())
                        : f)
            .toArray(StructField[]::new));
  }

  static Dataset<Row> of(Dataset<Row> staged, String... key) {
    Column[] keyColumns = Arrays.stream(key).map(k -> col(k)).toArray(Column[]::new);
    List<Column> order = new ArrayList<>(Arrays.asList(keyColumns));
    order.add(col("quarter").desc());
    order.add(col("source_row").asc());
    return staged
        .repartition(1)
        .sortWithinPartitions(order.toArray(Column[]::new))
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy(keyColumns)
                        .orderBy(col("quarter").desc(), col("source_row").asc())))
        .filter(col("_rank").equalTo(1))
        .drop("_rank")
        .withColumnRenamed("quarter", "from_quarter");
  }
}

package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code dim_client}: one row per client (pseudonym), key {@code client_id}: birth_year,
 * birth_month, sex as given on the client's latest-starting episode, first_start (earliest
 * episode start in any KOV), episodes, kovs (number of KOVs the client has had episodes in).
 */
public final class DimClient {
  public static final String TABLE = "dim_client";

  private DimClient() {}

  public static Dataset<Row> transform(Dataset<Row> intEpisode) {
    return intEpisode
        .groupBy("client_id")
        .agg(
            max_by(struct("birth_year", "birth_month", "sex"), struct(col("start_date"), col("kov_code"))).as("_latest"),
            min("start_date").as("first_start"),
            count(lit(1)).cast("int").as("episodes"),
            countDistinct("kov_code").cast("int").as("kovs"))
        .select(
            col("client_id"),
            col("_latest.birth_year").as("birth_year"),
            col("_latest.birth_month").as("birth_month"),
            col("_latest.sex").as("sex"),
            col("first_start"),
            col("episodes"),
            col("kovs"));
  }
}

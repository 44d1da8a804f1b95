package ee.ska.iste.pipelines.model;

import ee.ska.iste.pipelines.staged.StagedSchemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code int_episode}: one row per episode, key ({@code client_id, kov_code, start_date}); the
 * version from the latest quarter's submission wins. Columns: the staged episode columns with
 * {@code quarter} renamed to {@code from_quarter}.
 */
public final class IntEpisode {
  public static final String TABLE = "int_episode";
  public static final StructType SCHEMA = LatestVersion.schema(StagedSchemas.CLIENT_EPISODE);

  private IntEpisode() {}

  public static Dataset<Row> transform(Dataset<Row> stgClientEpisode) {
    return LatestVersion.of(stgClientEpisode, "client_id", "kov_code", "start_date");
  }
}

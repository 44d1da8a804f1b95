package ee.ska.iste.core.layout;

import ee.ska.iste.core.time.Quarter;

/**
 * Where the tables of one warehouse version live: {@code <root>/<layer>/<table>/quarter=YYYYQn/}.
 * The root is a URI or a local path ({@code file:/…}, {@code s3a://…}, {@code hdfs://…}); the
 * layout only joins strings, so the same code serves local runs and a cluster. Beside the layer
 * folders, a published version holds its DuckDB database, {@link #DATABASE_FILE}.
 */
public record WarehouseLayout(String root) {
  /** The file name of a version's DuckDB database, in the version's folder. */
  public static final String DATABASE_FILE = "iste.duckdb";

  public WarehouseLayout {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException("warehouse root must be given");
    }
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  /** The folder of a table, e.g. {@code <root>/stg/stg_client_episode}. */
  public String table(String tableName) {
    return root + "/" + Layer.ofTable(tableName).prefix() + "/" + tableName;
  }

  /** The folder of one quarter's partition of a table. */
  public String partition(String tableName, Quarter quarter) {
    return table(tableName) + "/quarter=" + quarter;
  }
}

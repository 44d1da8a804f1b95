package ee.ska.iste.core.layout;

import ee.ska.iste.core.time.Quarter;

/**
 * Where the tables of one warehouse version live: {@code <root>/<layer>/<table>/quarter=YYYYQn/}.
 * The root is a URI or a local path ({@code file:/…}, {@code s3a://…}, {@code hdfs://…}); the
 * layout only joins strings, so the same code serves local runs and a cluster.
 */
public record WarehouseLayout(String root) {
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

  /** The DuckDB database file of this version. */
  public String duckDbFile() {
    return root + "/iste.duckdb";
  }
}

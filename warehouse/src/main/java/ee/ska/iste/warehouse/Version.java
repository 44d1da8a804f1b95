package ee.ska.iste.warehouse;

import ee.ska.iste.core.layout.WarehouseLayout;
import java.nio.file.Path;

/**
 * One published version of the warehouse: a folder holding the Parquet tables, the DuckDB database
 * {@code iste.duckdb} and the run metadata {@code run.json}.
 *
 * @param id the version's id, {@code v} and six digits ({@code v000007}); ids grow with each run
 * @param dir the version's folder
 * @param run the metadata of the run that made it
 */
public record Version(String id, Path dir, RunMetadata run) {
  public Version {
    if (!VersionId.isValid(id)) {
      throw new IllegalArgumentException("not a version id: " + id);
    }
    if (dir == null) {
      throw new IllegalArgumentException("version folder must be given");
    }
    if (run == null) {
      throw new IllegalArgumentException("run metadata must be given for " + id);
    }
  }

  /** The DuckDB database of this version. */
  public Path database() {
    return dir.resolve(Warehouse.DATABASE_FILE);
  }

  /** The layout of the version's Parquet tables. */
  public WarehouseLayout layout() {
    return new WarehouseLayout(dir.toString());
  }
}

package ee.ska.iste.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens a published DuckDB file read-only: the reports and the dashboard never write to one. */
public final class ReadOnlyDatabase {
  private ReadOnlyDatabase() {}

  /** A read-only connection to the file; a missing file is a usage error. */
  public static Connection open(Path database) throws SQLException {
    if (!Files.isRegularFile(database)) {
      throw new IllegalArgumentException("no DuckDB database at " + database);
    }
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), props);
  }
}

package ee.ska.iste.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Runs SQL against a version's DuckDB database through a read-only connection. */
public final class Query {
  private static final Set<Integer> NUMERIC =
      Set.of(
          Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.FLOAT,
          Types.REAL,
          Types.DOUBLE,
          Types.NUMERIC,
          Types.DECIMAL);

  private Query() {}

  /** A read-only JDBC connection to a database file. */
  public static Connection openReadOnly(Path database) throws SQLException {
    if (!Files.isRegularFile(database)) {
      throw new IllegalArgumentException("no database at " + database);
    }
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + database, p);
  }

  /** Runs one statement and returns its rows as text. */
  public static QueryResult run(Path database, String sql) throws SQLException {
    try (Connection c = openReadOnly(database)) {
      return run(c, sql);
    }
  }

  /** Runs one statement on an open connection and returns its rows as text. */
  public static QueryResult run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return new QueryResult(
            List.of("changed"),
            List.of(true),
            List.of(List.of(String.valueOf(s.getUpdateCount()))));
      }
      try (ResultSet r = s.getResultSet()) {
        ResultSetMetaData md = r.getMetaData();
        List<String> cols = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cols.add(md.getColumnLabel(i));
          numeric.add(NUMERIC.contains(md.getColumnType(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (r.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= cols.size(); i++) {
            row.add(r.getString(i));
          }
          rows.add(row);
        }
        return new QueryResult(cols, numeric, rows);
      }
    }
  }
}

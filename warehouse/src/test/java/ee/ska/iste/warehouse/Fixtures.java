package ee.ska.iste.warehouse;

import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.layout.WarehouseLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Writes small Parquet tables the way Spark lays them out, and reads databases back. */
final class Fixtures {
  static final String OUTCOME_COLUMNS =
      "level, unit_code, measure, value, numerator, denominator, ci_low, ci_high, funnel_flag,"
          + " suppressed";

  private Fixtures() {}

  /** The layout of a work area, where a test writes the tables it then publishes. */
  static WarehouseLayout layout(Path workArea) {
    return new WarehouseLayout(workArea.toString());
  }

  /**
   * Writes one quarter's partition of mart_outcomes, replacing it as Spark does (delete the folder,
   * write new files). Each row: level, unit, measure, value, numerator, denominator, ci_low,
   * ci_high, funnel_flag, suppressed as SQL literals.
   */
  static void outcomes(WarehouseLayout layout, String quarter, String... rows) throws IOException {
    String select =
        "SELECT level::VARCHAR AS level, unit_code::VARCHAR AS unit_code, measure::VARCHAR AS"
            + " measure, value::DOUBLE AS value, numerator::DOUBLE AS numerator,"
            + " denominator::DOUBLE AS denominator, ci_low::DOUBLE AS ci_low, ci_high::DOUBLE AS"
            + " ci_high, funnel_flag::VARCHAR AS funnel_flag, suppressed::BOOLEAN AS suppressed"
            + " FROM (VALUES "
            + String.join(", ", rows)
            + ") AS t("
            + OUTCOME_COLUMNS
            + ")";
    partition(Path.of(layout.table("mart_outcomes")), "quarter=" + quarter, select);
  }

  /** Replaces one partition folder of a table with one Parquet file holding the query's rows. */
  static void partition(Path tableDir, String partitionFolder, String select) throws IOException {
    Path dir = partitionFolder == null ? tableDir : tableDir.resolve(partitionFolder);
    FileTrees.deleteTree(dir);
    Files.createDirectories(dir);
    String name = "part-00000-" + Math.abs(select.hashCode()) + ".c000.snappy.parquet";
    Path file = dir.resolve(name);
    sql("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    Files.writeString(dir.resolve("." + name + ".crc"), "crc");
    Files.writeString(tableDir.resolve("_SUCCESS"), "");
  }

  static void sql(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static Connection readOnly(Path db) throws SQLException {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + db, p);
  }

  /** Every row of a query as strings joined by '|', null as "null". */
  static List<String> rows(Connection c, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : "|").append(r.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  static List<String> rows(Path db, String query) throws SQLException {
    try (Connection c = readOnly(db)) {
      return rows(c, query);
    }
  }
}

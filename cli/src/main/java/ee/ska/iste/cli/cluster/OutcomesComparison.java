package ee.ska.iste.cli.cluster;

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
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Compares the {@code outcomes} of two published DuckDB databases row by row (a row is one level,
 * unit, quarter and measure) and column by column. Text, flags and missing values must be equal;
 * numbers equal, or within {@value #RELATIVE} of each other (Spark may add a quarter's doubles in
 * another order on another partitioning), and how many were bit-for-bit equal is counted.
 */
public final class OutcomesComparison {
  /** The largest relative difference two numbers may have and still count as the same figure. */
  static final double RELATIVE = 1e-9;

  private static final List<String> KEY = List.of("level", "unit_code", "quarter", "measure");

  private OutcomesComparison() {}

  /**
   * What was compared.
   *
   * @param rows rows of the first database
   * @param figures numbers compared (non-missing on both sides)
   * @param identical of those, bit-for-bit equal
   * @param differences the first differences, as lines naming row, column and both values
   */
  public record Result(int rows, int figures, int identical, List<String> differences) {
    public boolean equal() {
      return differences.isEmpty();
    }
  }

  /** Compares {@code outcomes} of database {@code a} (e.g. the cluster's) with {@code b}'s. */
  public static Result compare(Path a, Path b) throws SQLException {
    Map<String, List<Object>> left = read(a);
    Map<String, List<Object>> right = read(b);
    List<String> diffs = new ArrayList<>();
    int figures = 0;
    int identical = 0;
    for (Map.Entry<String, List<Object>> e : left.entrySet()) {
      List<Object> other = right.get(e.getKey());
      if (other == null) {
        note(diffs, e.getKey() + ": only in " + a);
        continue;
      }
      List<Object> mine = e.getValue();
      for (int i = 0; i < mine.size(); i += 2) {
        String column = (String) mine.get(i);
        Object x = mine.get(i + 1);
        Object y = other.get(i + 1);
        if (x instanceof Double dx && y instanceof Double dy) {
          figures++;
          if (Double.compare(dx, dy) == 0) {
            identical++;
          } else if (!close(dx, dy)) {
            note(diffs, e.getKey() + " " + column + ": " + dx + " against " + dy);
          }
        } else if (!Objects.equals(x, y)) {
          note(diffs, e.getKey() + " " + column + ": " + x + " against " + y);
        }
      }
    }
    for (String key : right.keySet()) {
      if (!left.containsKey(key)) {
        note(diffs, key + ": only in " + b);
      }
    }
    return new Result(left.size(), figures, identical, List.copyOf(diffs));
  }

  private static boolean close(double x, double y) {
    return Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y));
  }

  private static void note(List<String> diffs, String line) {
    if (diffs.size() < 20) {
      diffs.add(line);
    }
  }

  /** Each row's key (level, unit, quarter, measure) and its other columns as name, value pairs. */
  private static Map<String, List<Object>> read(Path database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    Map<String, List<Object>> rows = new TreeMap<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), props);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM outcomes")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> key = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String name = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
          Object v = rs.getObject(i);
          if (KEY.contains(name)) {
            key.add(name + "=" + v);
          } else {
            values.add(name);
            values.add(isNumber(md.getColumnType(i)) && v != null ? rs.getDouble(i) : v);
          }
        }
        if (rows.put(String.join(" ", key), values) != null) {
          throw new IllegalStateException(
              "outcomes in " + database + " has the row " + key + " twice");
        }
      }
    }
    return rows;
  }

  private static boolean isNumber(int type) {
    return type == Types.DOUBLE
        || type == Types.FLOAT
        || type == Types.REAL
        || type == Types.DECIMAL
        || type == Types.NUMERIC
        || type == Types.INTEGER
        || type == Types.BIGINT;
  }
}

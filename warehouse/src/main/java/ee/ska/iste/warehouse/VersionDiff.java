package ee.ska.iste.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of {@code outcomes} that differ between two versions, e.g. a provisional quarter
 * against its final revision. A figure present in only one version is listed with null on the other
 * side.
 */
public final class VersionDiff {
  private VersionDiff() {}

  /**
   * One figure that changed.
   *
   * @param oldValue the value in the older version, null when absent or NULL there
   * @param newValue the value in the newer version, null when absent or NULL there
   */
  public record ChangedFigure(
      String level,
      String unitCode,
      String quarter,
      String measure,
      Double oldValue,
      Double newValue) {
    public ChangedFigure {
      if (level == null || unitCode == null || quarter == null || measure == null) {
        throw new IllegalArgumentException(
            "a changed figure needs level, unit, quarter and measure");
      }
    }
  }

  /** The figures that differ, ordered by level, unit, quarter and measure. */
  public static List<ChangedFigure> between(Version older, Version newer) throws SQLException {
    if (older.id().equals(newer.id())) {
      return List.of();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "ATTACH "
              + DuckDbCatalogue.literal(older.database().toString())
              + " AS old_v (READ_ONLY)");
      s.execute(
          "ATTACH "
              + DuckDbCatalogue.literal(newer.database().toString())
              + " AS new_v (READ_ONLY)");
      requireOutcomes(s, "old_v", older.id());
      requireOutcomes(s, "new_v", newer.id());
      String sql =
          "SELECT coalesce(n.level, o.level), coalesce(n.unit_code, o.unit_code),"
              + " coalesce(n.quarter, o.quarter), coalesce(n.measure, o.measure), o.value, n.value"
              + " FROM old_v.outcomes AS o FULL OUTER JOIN new_v.outcomes AS n ON o.level = n.level"
              + " AND o.unit_code = n.unit_code AND o.quarter = n.quarter AND o.measure = n.measure"
              + " WHERE o.value IS DISTINCT FROM n.value OR (o.level IS NULL) <> (n.level IS NULL)"
              + " ORDER BY 1, 2, 3, 4";
      List<ChangedFigure> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          out.add(
              new ChangedFigure(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  value(r, 5),
                  value(r, 6)));
        }
      }
      return List.copyOf(out);
    }
  }

  private static Double value(ResultSet r, int col) throws SQLException {
    double d = r.getDouble(col);
    return r.wasNull() ? null : d;
  }

  private static void requireOutcomes(Statement s, String catalog, String id) throws SQLException {
    try (ResultSet r =
        s.executeQuery(
            "SELECT count(*) FROM duckdb_views() WHERE database_name = '"
                + catalog
                + "' AND view_name = 'outcomes'")) {
      r.next();
      if (r.getLong(1) == 0) {
        throw new IllegalArgumentException(
            "version " + id + " has no outcomes (no mart_outcomes was published)");
      }
    }
  }

  /** The changes as a printable table. */
  public static QueryResult asTable(List<ChangedFigure> changes) {
    List<List<String>> rows = new ArrayList<>();
    for (ChangedFigure f : changes) {
      rows.add(
          java.util.Arrays.asList(
              f.level(),
              f.unitCode(),
              f.quarter(),
              f.measure(),
              f.oldValue() == null ? null : String.valueOf(f.oldValue()),
              f.newValue() == null ? null : String.valueOf(f.newValue())));
    }
    return new QueryResult(
        List.of("level", "unit_code", "quarter", "measure", "old", "new"),
        List.of(false, false, false, false, true, true),
        rows);
  }
}

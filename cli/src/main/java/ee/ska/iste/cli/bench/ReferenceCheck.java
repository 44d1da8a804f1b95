package ee.ska.iste.cli.bench;

import ee.ska.iste.core.ref.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The core measures per KOV and quarter recomputed by plain DuckDB SQL ({@code
 * bench/reference_measures.sql}) from the work area's staged Parquet, and compared with what the
 * Spark stages published in the {@code outcomes} view.
 */
final class ReferenceCheck {
  /** The measures the reference computes. */
  static final List<String> MEASURES =
      List.of("ACTIVE", "NEW", "EXIT", "QOL_N", "QOL_CHANGE", "HOURS", "COST");

  /** Two figures agree when they differ by at most this (times the figure when it is above 1). */
  static final double TOLERANCE = 1e-9;

  private static final List<String> STAGED =
      List.of("stg_submission", "stg_client_episode", "stg_qol", "stg_participation");

  /** A figure the two disagree on; null = no row on that side. */
  record Difference(String quarter, String unit, String measure, Double spark, Double reference) {
    String line() {
      return FigureTable.fmt(
          "%s %s %-10s spark %s, reference %s",
          quarter, unit, measure, text(spark), text(reference));
    }

    private static String text(Double v) {
      return v == null ? "(no row)" : FigureTable.fmt("%.10g", v);
    }
  }

  /**
   * @param seconds the reference query's wall time (reading the staged Parquet included)
   * @param figures figures compared (rows on either side)
   * @param differences the figures that disagree, in key order
   */
  record Result(double seconds, int figures, List<Difference> differences) {
    boolean agrees() {
      return differences.isEmpty();
    }
  }

  private ReferenceCheck() {}

  static Result run(Path workRoot, Path publishedDatabase, ReferenceData ref) {
    Map<String, double[]> reference = new TreeMap<>();
    double seconds;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (String table : STAGED) {
        String glob =
            DiskUse.tableDir(workRoot, table).toAbsolutePath().toString().replace("'", "''")
                + "/*/*.parquet";
        st.execute(
            "CREATE VIEW "
                + table
                + " AS SELECT * FROM read_parquet('"
                + glob
                + "', hive_partitioning = true, union_by_name = true)");
      }
      loadPrices(c, ref);
      String sql = sql();
      long t0 = System.nanoTime();
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          reference.put(
              key(rs.getString(1), rs.getString(2), rs.getString(3)),
              new double[] {
                rs.getDouble(4), rs.getObject(5) == null ? Double.NaN : rs.getDouble(5)
              });
        }
      }
      seconds = (System.nanoTime() - t0) / 1e9;
    } catch (SQLException e) {
      throw new IllegalStateException("the DuckDB reference failed: " + e.getMessage(), e);
    }
    Map<String, double[]> spark = published(publishedDatabase);
    List<Difference> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(reference.keySet());
    keys.addAll(spark.keySet());
    for (String k : keys) {
      double[] s = spark.get(k);
      double[] r = reference.get(k);
      if (s == null || r == null || !same(s[0], r[0]) || !sameN(s[1], r[1])) {
        String[] parts = k.split("\\|");
        differences.add(
            new Difference(
                parts[0], parts[1], parts[2], s == null ? null : s[0], r == null ? null : r[0]));
      }
    }
    return new Result(seconds, keys.size(), List.copyOf(differences));
  }

  private static Map<String, double[]> published(Path database) {
    Map<String, double[]> out = new TreeMap<>();
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    String sql =
        "SELECT quarter, unit_code, measure, value, denominator FROM outcomes"
            + " WHERE level = 'KOV' AND measure IN ('"
            + String.join("', '", MEASURES)
            + "')";
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), props);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String measure = rs.getString(3);
        double n =
            measure.equals("QOL_CHANGE") && rs.getObject(5) != null ? rs.getDouble(5) : Double.NaN;
        out.put(key(rs.getString(1), rs.getString(2), measure), new double[] {rs.getDouble(4), n});
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read outcomes from " + database + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static void loadPrices(Connection c, ReferenceData ref) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE ref_price (component VARCHAR, mode VARCHAR, price_eur DECIMAL(12, 2),"
              + " valid_from DATE, valid_to DATE)");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO ref_price VALUES (?, ?, ?, ?, ?)")) {
      for (Map<String, String> row : ref.table("prices").rows()) {
        ps.setString(1, row.get("component"));
        ps.setString(2, row.get("mode"));
        ps.setBigDecimal(3, new java.math.BigDecimal(row.get("price_eur")));
        ps.setDate(4, date(row.get("valid_from")));
        ps.setDate(5, date(row.get("valid_to")));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Date date(String s) {
    return s == null || s.isBlank() ? null : Date.valueOf(LocalDate.parse(s));
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) <= TOLERANCE * Math.max(1.0, Math.abs(b));
  }

  private static boolean sameN(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.isNaN(a) == Double.isNaN(b) : a == b;
  }

  private static String key(String quarter, String unit, String measure) {
    return quarter + "|" + unit + "|" + measure;
  }

  static String sql() {
    try (InputStream in =
        ReferenceCheck.class.getResourceAsStream("/bench/reference_measures.sql")) {
      if (in == null) {
        throw new IllegalStateException("bench/reference_measures.sql is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the reference SQL", e);
    }
  }
}

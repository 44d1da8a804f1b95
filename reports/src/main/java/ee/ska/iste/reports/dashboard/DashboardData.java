package ee.ska.iste.reports.dashboard;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the dashboard may read of a published database, and nothing more: the figures of {@code
 * outcomes_public} (a hidden figure has no value there) and the catalogue tables for names and
 * rules ({@code ref_measure}, {@code ref_municipalities}, {@code ref_counties}, {@code
 * ref_thresholds}). Never {@code outcomes} nor an internal table. Opened read-only.
 */
final class DashboardData implements AutoCloseable {
  static final String KOV = "KOV";
  static final String NATION_LEVEL = "RIIK";
  static final String NATION = "EE";

  /** A measure of the catalogue. {@code unit} as {@code ref_measure} writes it (count, share…). */
  record Measure(String code, String nameEt, String nameEn, String unit) {
    String name(String lang) {
      String n = "en".equals(lang) ? nameEn : nameEt;
      return n == null || n.isBlank() ? code : n;
    }
  }

  /**
   * One figure of {@code outcomes_public}. A hidden one (suppressed, or without a value) keeps
   * nothing but the fact that it is hidden: every number and the flag are null, so nothing hidden
   * can reach a page or its JSON.
   */
  record Cell(
      Double value,
      Double numerator,
      Double denominator,
      Double ciLow,
      Double ciHigh,
      String flag) {
    static final Cell HIDDEN = new Cell(null, null, null, null, null, null);

    boolean hidden() {
      return value == null;
    }
  }

  /** A KOV with its Estonian name and its county's names. */
  record Kov(String code, String name, String countyCode, String countyEt, String countyEn) {
    String county(String lang) {
      String c = "en".equals(lang) && countyEn != null ? countyEn : countyEt;
      return c == null ? (countyCode == null ? "" : countyCode) : c;
    }
  }

  private final Connection connection;
  private final Set<String> tables;

  private DashboardData(Connection connection, Set<String> tables) {
    this.connection = connection;
    this.tables = tables;
  }

  static DashboardData open(Path database) throws SQLException {
    Connection c = ee.ska.iste.reports.ReadOnlyDatabase.open(database);
    Set<String> names = new HashSet<>();
    try (PreparedStatement st =
            c.prepareStatement(
                "select table_name || '.' || column_name from information_schema.columns"
                    + " where table_schema = 'main'");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return new DashboardData(c, Set.copyOf(names));
  }

  private boolean has(String table, String column) {
    return tables.contains(table + "." + column);
  }

  /** The catalogue, by measure code; empty without {@code ref_measure}. */
  Map<String, Measure> measures() throws SQLException {
    Map<String, Measure> out = new LinkedHashMap<>();
    if (!has("ref_measure", "measure")) {
      return out;
    }
    try (PreparedStatement st =
            connection.prepareStatement(
                "select measure, name_et, name_en, unit from ref_measure" + " order by measure");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.put(
            rs.getString(1),
            new Measure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }

  /** The KOVs valid on a day ({@code ref_municipalities}) with their counties' names, by code. */
  Map<String, Kov> municipalities(LocalDate on) throws SQLException {
    Map<String, Kov> out = new TreeMap<>();
    if (!has("ref_municipalities", "kov_code")) {
      return out;
    }
    boolean counties = has("ref_counties", "name");
    boolean countiesEn = has("ref_counties", "name_en");
    String sql =
        "select m.kov_code, m.name, m.county_code, "
            + (counties ? "c.name" : "null")
            + ", "
            + (countiesEn ? "c.name_en" : "null")
            + " from ref_municipalities m"
            + (counties ? " left join ref_counties c on c.county_code = m.county_code" : "")
            + " where (m.valid_from is null or m.valid_from <= ?)"
            + " and (m.valid_to is null or m.valid_to >= ?) order by m.kov_code, m.valid_from";
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setDate(1, Date.valueOf(on));
      st.setDate(2, Date.valueOf(on));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.putIfAbsent(
              rs.getString(1),
              new Kov(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)));
        }
      }
    }
    return out;
  }

  /** A threshold of {@code ref_thresholds} valid on a day. */
  Optional<Double> threshold(String key, LocalDate on) throws SQLException {
    if (!has("ref_thresholds", "key")) {
      return Optional.empty();
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select cast(value as double) from ref_thresholds where key = ?"
                + " and (valid_from is null or valid_from <= ?)"
                + " and (valid_to is null or valid_to >= ?) order by valid_from desc limit 1")) {
      st.setString(1, key);
      st.setDate(2, Date.valueOf(on));
      st.setDate(3, Date.valueOf(on));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable((Double) rs.getObject(1)) : Optional.empty();
      }
    }
  }

  /** The quarters {@code outcomes_public} has figures for, up to and including {@code last}. */
  List<Quarter> quartersUpTo(Quarter last) throws SQLException {
    if (!has("outcomes_public", "quarter")) {
      return List.of();
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select distinct quarter from outcomes_public where quarter <= ? order by quarter")) {
      st.setString(1, last.toString());
      try (ResultSet rs = st.executeQuery()) {
        java.util.ArrayList<Quarter> out = new java.util.ArrayList<>();
        while (rs.next()) {
          out.add(Quarter.parse(rs.getString(1)));
        }
        return List.copyOf(out);
      }
    }
  }

  /**
   * The figures of a level in the quarters from {@code first} to {@code last}: quarter → unit code
   * → measure → cell ({@link Cell#HIDDEN} for a hidden one).
   */
  Map<Quarter, Map<String, Map<String, Cell>>> figures(String level, Quarter first, Quarter last)
      throws SQLException {
    Map<Quarter, Map<String, Map<String, Cell>>> out = new TreeMap<>();
    if (!has("outcomes_public", "value")) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select quarter, unit_code, measure, value, numerator, denominator, ci_low, ci_high,"
                + " funnel_flag, suppressed is not false from outcomes_public where level = ?"
                + " and quarter between ? and ? order by quarter, unit_code, measure")) {
      st.setString(1, level);
      st.setString(2, first.toString());
      st.setString(3, last.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Double value = doubleOrNull(rs, 4);
          Cell cell =
              rs.getBoolean(10) || value == null
                  ? Cell.HIDDEN
                  : new Cell(
                      value,
                      doubleOrNull(rs, 5),
                      doubleOrNull(rs, 6),
                      doubleOrNull(rs, 7),
                      doubleOrNull(rs, 8),
                      rs.getString(9));
          out.computeIfAbsent(Quarter.parse(rs.getString(1)), k -> new TreeMap<>())
              .computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
              .put(rs.getString(3), cell);
        }
      }
    }
    return out;
  }

  /**
   * Every KOV with a row in {@code outcomes_public} in a quarter (shown or hidden), with its
   * publishable status as the view carries it (null when the view has no status column).
   */
  Map<String, String> kovs(Quarter quarter) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    if (!has("outcomes_public", "unit_code")) {
      return out;
    }
    String status = has("outcomes_public", "status") ? "min(status)" : "null";
    try (PreparedStatement st =
        connection.prepareStatement(
            "select unit_code, "
                + status
                + " from outcomes_public where level = ? and quarter = ?"
                + " group by unit_code order by unit_code")) {
      st.setString(1, KOV);
      st.setString(2, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
    double d = rs.getDouble(column);
    return rs.wasNull() ? null : d;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

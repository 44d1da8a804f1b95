package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The published DuckDB database as the reports read it: every SQL statement they run, in one place.
 * The rules come from the database too, as the run that published it applied them: the measure
 * catalogue ({@code ref_measure}), thresholds ({@code ref_thresholds}), the names of domains,
 * counties and municipalities ({@code ref_domains}, {@code ref_counties}, {@code
 * ref_municipalities}) and the funnel limits ({@code mart_funnel}). The database is opened
 * read-only. Optional tables ({@code ref_*}, {@code stg_*}, …) are looked up in {@code
 * information_schema} first: a missing one gives empty results, not an error.
 */
final class PublishedDatabase implements AutoCloseable {
  static final String LEVEL_KOV = "KOV";
  static final String LEVEL_COUNTY = "MAAKOND";
  static final String LEVEL_NATION = "RIIK";
  static final String NATION = "EE";

  private static final String FIGURE_COLUMNS =
      "measure, value, numerator, denominator, ci_low, ci_high, funnel_flag, suppressed";

  private final Connection connection;
  private final Set<String> tables;

  private PublishedDatabase(Connection connection, Set<String> tables) {
    this.connection = connection;
    this.tables = tables;
  }

  static PublishedDatabase open(Path database) throws SQLException {
    Connection c = ReadOnlyDatabase.open(database);
    try {
      return over(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * The reports' queries over a connection opened elsewhere (read-only by the caller's choice).
   * Closing the result closes the connection.
   */
  static PublishedDatabase over(Connection c) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement st =
            c.prepareStatement(
                "select table_name from information_schema.tables where table_schema = 'main'");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return new PublishedDatabase(c, Set.copyOf(names));
  }

  boolean has(String table) {
    return tables.contains(table);
  }

  private boolean hasColumn(String table, String column) throws SQLException {
    if (!has(table)) {
      return false;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select count(*) from information_schema.columns where table_schema = 'main'"
                + " and table_name = ? and column_name = ?")) {
      st.setString(1, table);
      st.setString(2, column);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  // ---- municipalities -------------------------------------------------------------------------

  List<Municipality> municipalities() throws SQLException {
    if (!has("dim_municipality")) {
      return List.of();
    }
    List<Municipality> out = new ArrayList<>();
    try (PreparedStatement st =
            connection.prepareStatement(
                "select kov_code, kov_name, county_code, county_name, cast(allocation_id as"
                    + " varchar), cast(places as integer) from dim_municipality order by kov_name,"
                    + " kov_code");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Municipality(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                (Integer) rs.getObject(6, Integer.class)));
      }
    }
    return out;
  }

  Optional<Municipality> municipality(String kovCode) throws SQLException {
    return municipalities().stream().filter(m -> m.kovCode().equals(kovCode)).findFirst();
  }

  /**
   * A KOV of {@code ref_municipalities} valid on a day, with its county's Estonian name from {@code
   * ref_counties} (else the county code): the KOV that has no row in {@code dim_municipality}.
   */
  Optional<Municipality> referenceMunicipality(String kovCode, LocalDate on) throws SQLException {
    if (!has("ref_municipalities")) {
      return Optional.empty();
    }
    String county =
        has("ref_counties")
            ? "coalesce((select c.name from ref_counties c where c.county_code = m.county_code"
                + " limit 1), m.county_code)"
            : "m.county_code";
    try (PreparedStatement st =
        connection.prepareStatement(
            "select m.kov_code, m.name, m.county_code, "
                + county
                + " from ref_municipalities m where m.kov_code = ? and (m.valid_from is null or"
                + " m.valid_from <= ?) and (m.valid_to is null or m.valid_to >= ?) order by"
                + " m.valid_from limit 1")) {
      st.setString(1, kovCode);
      st.setDate(2, Date.valueOf(on));
      st.setDate(3, Date.valueOf(on));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Municipality(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null, null))
            : Optional.empty();
      }
    }
  }

  // ---- reference data ---------------------------------------------------------------------------

  /** A threshold of {@code ref_thresholds} valid on a day; empty when there is none. */
  Optional<Double> threshold(String key, LocalDate on) throws SQLException {
    if (!has("ref_thresholds")) {
      return Optional.empty();
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select cast(value as double) from ref_thresholds where key = ?"
                + " and (valid_from is null or valid_from <= ?)"
                + " and (valid_to is null or valid_to >= ?) order by valid_from limit 1")) {
      st.setString(1, key);
      st.setDate(2, Date.valueOf(on));
      st.setDate(3, Date.valueOf(on));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable((Double) rs.getObject(1)) : Optional.empty();
      }
    }
  }

  /**
   * Code → name of a reference table's rows, e.g. {@code ref_domains} by {@code name_en}; empty
   * when the table or column is missing.
   */
  Map<String, String> names(String table, String codeColumn, String nameColumn)
      throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!hasColumn(table, codeColumn) || !hasColumn(table, nameColumn)) {
      return out;
    }
    try (PreparedStatement st =
            connection.prepareStatement(
                "select " + codeColumn + ", " + nameColumn + " from " + table);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  // ---- funnel plots -----------------------------------------------------------------------------

  /**
   * The funnel of a measure in a quarter as the measures stage published it: target and σ from
   * {@code mart_funnel}, z and the smallest n plotted from {@code ref_thresholds} (FUNNEL_Z_95,
   * FUNNEL_Z_998, FUNNEL_MIN_N, valid on the quarter's last day). Empty when any of them is missing
   * (no KOV reached the minimum n, or a database published before {@code sigma}).
   *
   * @param proportion whether the limits are held to 0..1 (a share)
   */
  Optional<FunnelLimits> funnel(Quarter quarter, String measure, boolean proportion)
      throws SQLException {
    if (!hasColumn("mart_funnel", "sigma")) {
      return Optional.empty();
    }
    LocalDate on = quarter.lastDay();
    Optional<Double> z95 = threshold("FUNNEL_Z_95", on);
    Optional<Double> z998 = threshold("FUNNEL_Z_998", on);
    Optional<Double> minN = threshold("FUNNEL_MIN_N", on);
    if (z95.isEmpty() || z998.isEmpty() || minN.isEmpty()) {
      return Optional.empty();
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select target, sigma from mart_funnel where quarter = ? and measure = ?"
                + " and target is not null and sigma is not null limit 1")) {
      st.setString(1, quarter.toString());
      st.setString(2, measure);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new FunnelLimits(
                rs.getDouble(1), rs.getDouble(2), z95.get(), z998.get(), minN.get(), proportion));
      }
    }
  }

  // ---- measures ---------------------------------------------------------------------------------

  Map<String, MeasureInfo> catalogue() throws SQLException {
    Map<String, MeasureInfo> out = new LinkedHashMap<>();
    if (!has("ref_measure")) {
      return out;
    }
    try (PreparedStatement st =
            connection.prepareStatement(
                "select measure, name_et, name_en, unit, higher_is_better from ref_measure");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String code = rs.getString(1);
        out.put(
            code,
            new MeasureInfo(
                code,
                rs.getString(2),
                rs.getString(3),
                Unit.parse(rs.getString(4), code),
                (Boolean) rs.getObject(5)));
      }
    }
    return out;
  }

  /** Figures of one unit and quarter from {@code outcomes_public}, by measure. */
  Map<String, Figure> figures(String level, String unit, Quarter quarter) throws SQLException {
    Map<String, Figure> out = new TreeMap<>();
    if (!has("outcomes_public")) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select "
                + FIGURE_COLUMNS
                + " from outcomes_public where level = ? and unit_code = ? and quarter = ?")) {
      st.setString(1, level);
      st.setString(2, unit);
      st.setString(3, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Figure f = figure(rs);
          out.put(f.measure(), f);
        }
      }
    }
    return out;
  }

  /** Figures of every unit of a level in a quarter: unit code → measure → figure. */
  Map<String, Map<String, Figure>> figuresByUnit(String level, Quarter quarter)
      throws SQLException {
    Map<String, Map<String, Figure>> out = new TreeMap<>();
    if (!has("outcomes_public")) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select unit_code, "
                + FIGURE_COLUMNS
                + " from outcomes_public where level = ? and quarter = ?")) {
      st.setString(1, level);
      st.setString(2, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Figure f = figure(rs);
          out.computeIfAbsent(rs.getString("unit_code"), k -> new TreeMap<>()).put(f.measure(), f);
        }
      }
    }
    return out;
  }

  /** One measure of one unit over the given quarters (a missing quarter has no entry). */
  Map<Quarter, Figure> series(String level, String unit, String measure, List<Quarter> quarters)
      throws SQLException {
    Map<Quarter, Figure> out = new TreeMap<>();
    if (!has("outcomes_public") || quarters.isEmpty()) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select quarter, "
                + FIGURE_COLUMNS
                + " from outcomes_public where level = ? and unit_code = ? and measure = ?"
                + " and quarter between ? and ?")) {
      st.setString(1, level);
      st.setString(2, unit);
      st.setString(3, measure);
      st.setString(4, quarters.get(0).toString());
      st.setString(5, quarters.get(quarters.size() - 1).toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(Quarter.parse(rs.getString("quarter")), figure(rs));
        }
      }
    }
    return out;
  }

  /** Whether any figure of the quarter exists at all. */
  boolean hasQuarter(Quarter quarter) throws SQLException {
    if (!has("outcomes_public")) {
      return false;
    }
    try (PreparedStatement st =
        connection.prepareStatement("select count(*) from outcomes_public where quarter = ?")) {
      st.setString(1, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  private static Figure figure(ResultSet rs) throws SQLException {
    Boolean suppressed = (Boolean) rs.getObject("suppressed");
    return new Figure(
        rs.getString("measure"),
        doubleOrNull(rs, "value"),
        doubleOrNull(rs, "numerator"),
        doubleOrNull(rs, "denominator"),
        doubleOrNull(rs, "ci_low"),
        doubleOrNull(rs, "ci_high"),
        rs.getString("funnel_flag"),
        Boolean.TRUE.equals(suppressed));
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double d = rs.getDouble(column);
    return rs.wasNull() ? null : d;
  }

  // ---- publishable status -----------------------------------------------------------------------

  /** A KOV's publishable status in a quarter (table {@code kov_status}; docs/measures.md). */
  record KovStatus(String kovCode, String status, List<String> reasons) {
    KovStatus {
      reasons = List.copyOf(reasons);
    }

    boolean withheld() {
      return "WITHHELD".equals(status);
    }

    boolean provisional() {
      return "PROVISIONAL".equals(status);
    }
  }

  /** Every KOV's status in a quarter, by KOV code; empty when the database has no kov_status. */
  Map<String, KovStatus> kovStatuses(Quarter quarter) throws SQLException {
    Map<String, KovStatus> out = new TreeMap<>();
    if (!has("kov_status")) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select kov_code, status, reasons from kov_status where quarter = ? order by"
                + " kov_code")) {
      st.setString(1, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String reasons = rs.getString(3);
          out.put(
              rs.getString(1),
              new KovStatus(
                  rs.getString(1),
                  rs.getString(2),
                  reasons == null || reasons.isBlank() ? List.of() : List.of(reasons.split(";"))));
        }
      }
    }
    return out;
  }

  /** The status {@code outcomes_public} gives a unit in a quarter, when it has that column. */
  Optional<String> unitStatus(String level, String unit, Quarter quarter) throws SQLException {
    if (!hasColumn("outcomes_public", "status")) {
      return Optional.empty();
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select max(status) from outcomes_public where level = ? and unit_code = ?"
                + " and quarter = ?")) {
      st.setString(1, level);
      st.setString(2, unit);
      st.setString(3, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  // ---- data quality -----------------------------------------------------------------------------

  /** The latest loaded (or else refused) submission of each KOV in a quarter. */
  record Submission(
      String kovCode,
      LocalDate submittedOn,
      String status,
      String refusalReason,
      long rowsRead,
      long rowsAccepted,
      long rowsRejected) {}

  Map<String, Submission> submissions(Quarter quarter) throws SQLException {
    Map<String, Submission> out = new TreeMap<>();
    if (!has("stg_submission")) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select kov_code, cast(submitted_on as date), status, refusal_reason,"
                + " cast(rows_read as bigint), cast(rows_accepted as bigint),"
                + " cast(rows_rejected as bigint) from stg_submission where quarter = ?"
                + " and status not in ('SUPERSEDED', 'DUPLICATE')"
                // entries refused unread (a bad name, a link) have no checksum and may have no KOV
                + " and kov_code is not null and checksum_sha256 is not null"
                + " order by kov_code, (status = 'LOADED'), submitted_on")) {
      st.setString(1, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Date d = rs.getDate(2);
          out.put(
              rs.getString(1),
              new Submission(
                  rs.getString(1),
                  d == null ? null : d.toLocalDate(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7)));
        }
      }
    }
    return out;
  }

  /** A refused submission: its file name, KOV (may be null) and refusal reason code. */
  record Refused(String file, String kovCode, String reason) {}

  /** Every submission of the quarter refused whole, read or unread, by file name. */
  List<Refused> refusedSubmissions(Quarter quarter) throws SQLException {
    List<Refused> out = new ArrayList<>();
    if (!has("stg_submission")) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select source_file, kov_code, refusal_reason from stg_submission"
                + " where quarter = ? and status = 'REFUSED' order by source_file, kov_code")) {
      st.setString(1, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Refused(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  /** Rejected rows of the quarter counted by reason code; {@code kovCode} null = all KOVs. */
  Map<String, Long> rejectsByReason(Quarter quarter, String kovCode) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    if (!has("stg_reject")) {
      return out;
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            "select reason_code, count(*) as n from stg_reject where quarter = ?"
                + " and (cast(? as varchar) is null or kov_code = ?) group by reason_code"
                + " order by n desc, reason_code")) {
      st.setString(1, quarter.toString());
      st.setString(2, kovCode);
      st.setString(3, kovCode);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /**
   * The disclosure audit of a quarter: hidden cells, of which hidden to protect others ({@code
   * SECONDARY}), and those that failed the audit.
   */
  record DisclosureAudit(long hidden, long secondary, long failed) {}

  /** The quarter's summary of {@code mart_disclosure_audit}; empty when the table is absent. */
  Optional<DisclosureAudit> disclosureAudit(Quarter quarter) throws SQLException {
    if (!has("mart_disclosure_audit")) {
      return Optional.empty();
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            // one row per judged quantity (a share's numerator and denominator are two):
            // figures are the distinct cells
            "select count(distinct (level, unit_code, measure)), count(distinct (level, unit_code,"
                + " measure)) filter (where hidden_because = 'SECONDARY'), count(distinct (level,"
                + " unit_code, measure)) filter (where not coalesce(pass, false)) from"
                + " mart_disclosure_audit where quarter = ?")) {
      st.setString(1, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return Optional.of(new DisclosureAudit(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
      }
    }
  }

  // ---- evaluation (issue 18)
  // ---------------------------------------------------------------------

  /**
   * One band of {@code mart_trajectory}: when the row is suppressed, n, mean and interval are null,
   * so that nothing hidden can reach a report.
   */
  record TrajectoryBand(
      String band,
      Integer bandFrom,
      Integer bandTo,
      String measure,
      String population,
      Long n,
      Double mean,
      Double ciLow,
      Double ciHigh,
      boolean suppressed) {
    TrajectoryBand {
      if (suppressed) {
        n = null;
        mean = null;
        ciLow = null;
        ciHigh = null;
      }
    }
  }

  /**
   * The national trajectory bands of a quarter ({@code mart_trajectory}, level RIIK), by measure,
   * population and band start; empty when the table is missing (a warehouse published before it).
   */
  Optional<List<TrajectoryBand>> nationalTrajectory(Quarter quarter) throws SQLException {
    if (!has("mart_trajectory")) {
      return Optional.empty();
    }
    List<TrajectoryBand> out = new ArrayList<>();
    try (PreparedStatement st =
        connection.prepareStatement(
            "select band, cast(band_from as integer), cast(band_to as integer), measure,"
                + " population, cast(n as bigint), cast(mean as double), cast(ci_low as double),"
                + " cast(ci_high as double), suppressed from mart_trajectory where level = ?"
                + " and cast(quarter as varchar) = ?"
                + " order by measure, population, band_from, band")) {
      st.setString(1, LEVEL_NATION);
      st.setString(2, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Long n = rs.getLong(6);
          n = rs.wasNull() ? null : n;
          out.add(
              new TrajectoryBand(
                  rs.getString(1),
                  (Integer) rs.getObject(2, Integer.class),
                  (Integer) rs.getObject(3, Integer.class),
                  rs.getString(4),
                  rs.getString(5),
                  n,
                  doubleOrNull(rs, 7),
                  doubleOrNull(rs, 8),
                  doubleOrNull(rs, 9),
                  !Boolean.FALSE.equals(rs.getObject(10))));
        }
      }
    }
    return Optional.of(out);
  }

  /** One figure of {@code mart_projection} (county {@code EE}: the sum over counties). */
  record ProjectionFigure(
      String placesSource,
      String fromQuarter,
      String scenario,
      int year,
      String quantity,
      Double value) {}

  /**
   * The national rollout projection ({@code mart_projection}, county {@code EE}) from the quarter,
   * or else from the latest quarter before it that has one; ordered by places source, scenario,
   * year and quantity. Empty when the table is missing.
   */
  Optional<List<ProjectionFigure>> nationalProjection(Quarter quarter) throws SQLException {
    if (!has("mart_projection")) {
      return Optional.empty();
    }
    List<ProjectionFigure> out = new ArrayList<>();
    try (PreparedStatement st =
        connection.prepareStatement(
            "with p as (select places_source, cast(from_quarter as varchar) as from_quarter,"
                + " scenario, cast(year as integer) as year, quantity, cast(value as double) as"
                + " value from mart_projection where county_code = ?)"
                + " select places_source, from_quarter, scenario, year, quantity, value from p"
                + " where from_quarter = (select max(from_quarter) from p where from_quarter <= ?)"
                + " order by places_source, scenario, year, quantity")) {
      st.setString(1, NATION);
      st.setString(2, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ProjectionFigure(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5),
                  doubleOrNull(rs, 6)));
        }
      }
    }
    return Optional.of(out);
  }

  /** One term of the case-mix model ({@code mart_casemix_model}). */
  record ModelTerm(
      String covariate,
      String level,
      boolean reference,
      Double coefficient,
      Double stdError,
      Long n,
      Double rSquared,
      Double residualSd,
      String mergedLevels) {}

  /**
   * The quarter's case-mix model, in the table's stored order of covariate, reference first, level;
   * empty when the table is missing.
   */
  Optional<List<ModelTerm>> casemixModel(Quarter quarter) throws SQLException {
    if (!has("mart_casemix_model")) {
      return Optional.empty();
    }
    List<ModelTerm> out = new ArrayList<>();
    try (PreparedStatement st =
        connection.prepareStatement(
            "select covariate, level, coalesce(is_reference, false), cast(coefficient as double),"
                + " cast(std_error as double), cast(n as bigint), cast(r_squared as double),"
                + " cast(residual_sd as double), merged_levels from mart_casemix_model"
                + " where cast(quarter as varchar) = ?"
                + " order by covariate, is_reference desc, level nulls first")) {
      st.setString(1, quarter.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Long n = rs.getLong(6);
          n = rs.wasNull() ? null : n;
          out.add(
              new ModelTerm(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  doubleOrNull(rs, 4),
                  doubleOrNull(rs, 5),
                  n,
                  doubleOrNull(rs, 7),
                  doubleOrNull(rs, 8),
                  rs.getString(9)));
        }
      }
    }
    return Optional.of(out);
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

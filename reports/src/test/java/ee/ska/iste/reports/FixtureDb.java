package ee.ska.iste.reports;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds small DuckDB warehouses with the published tables' columns (docs/tables.md). With the
 * optional tables, the reference tables the reports read ({@code ref_thresholds}, {@code
 * ref_domains}, {@code ref_counties}, {@code ref_municipalities}) hold the shipped reference data,
 * as the publish stage loads it, and {@code mart_funnel} is there, empty.
 */
final class FixtureDb {
  private FixtureDb() {}

  static void create(Path file, boolean withOptionalTables, String... inserts) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        Statement st = c.createStatement()) {
      st.execute(
          "create table mart_outcomes (level varchar, unit_code varchar, quarter varchar,"
              + " measure varchar, value double, numerator double, denominator double,"
              + " ci_low double, ci_high double, funnel_flag varchar, suppressed boolean)");
      st.execute("create view outcomes as select * from mart_outcomes");
      st.execute(
          "create view outcomes_public as select level, unit_code, quarter, measure,"
              + " case when suppressed then null else value end as value,"
              + " case when suppressed then null else numerator end as numerator,"
              + " case when suppressed then null else denominator end as denominator,"
              + " case when suppressed then null else ci_low end as ci_low,"
              + " case when suppressed then null else ci_high end as ci_high,"
              + " funnel_flag, suppressed from mart_outcomes");
      st.execute(
          "create table dim_municipality (kov_code varchar, kov_name varchar, county_code varchar,"
              + " county_name varchar, allocation_id varchar, places integer)");
      if (withOptionalTables) {
        st.execute(
            "create table ref_measure (measure varchar, name_et varchar, name_en varchar,"
                + " definition_en varchar, unit varchar, higher_is_better boolean, kind varchar)");
        st.execute(
            "create table stg_submission (submission_id varchar, source_file varchar,"
                + " kov_code varchar, quarter varchar, submitted_on date, form_version varchar,"
                + " checksum_sha256 varchar, status varchar, refusal_reason varchar,"
                + " refusal_message varchar, rows_read integer, rows_accepted integer,"
                + " rows_rejected integer)");
        st.execute(
            "create table stg_reject (submission_id varchar, source_file varchar, kov_code varchar,"
                + " quarter varchar, sheet varchar, source_row integer, column_name varchar,"
                + " reason_code varchar, value varchar, message varchar)");
        st.execute(
            "create table stg_client_episode (client_id varchar, kov_code varchar,"
                + " quarter varchar, ineligible_reason varchar)");
        st.execute(
            "create table mart_funnel (measure varchar, kov_code varchar, n bigint, value double,"
                + " target double, sigma double, lower_95 double, upper_95 double,"
                + " lower_998 double, upper_998 double, phi double, lower_95_adj double,"
                + " upper_95_adj double, lower_998_adj double, upper_998_adj double,"
                + " flag varchar, flag_adjusted varchar, quarter varchar)");
        ReferenceData ref = ReferenceData.builtIn();
        st.execute(
            "create table ref_thresholds (key varchar, value double, valid_from date,"
                + " valid_to date, description varchar)");
        insert(st, "ref_thresholds", ref.table("thresholds"));
        st.execute("create table ref_domains (code varchar, name_et varchar, name_en varchar)");
        insert(st, "ref_domains", ref.table("domains"));
        st.execute(
            "create table ref_counties (county_code varchar, name varchar, name_en varchar)");
        insert(st, "ref_counties", ref.table("counties"));
        st.execute(
            "create table ref_municipalities (kov_code varchar, name varchar, county_code varchar,"
                + " valid_from date, valid_to date)");
        insert(st, "ref_municipalities", ref.table("municipalities"));
      }
      for (String sql : inserts) {
        st.execute(sql);
      }
    }
  }

  /** Inserts a reference table's rows, the columns in the table's order. */
  private static void insert(Statement st, String table, RefTable rows) throws SQLException {
    for (Map<String, String> r : rows.rows()) {
      Object[] cells = rows.columns().stream().map(r::get).toArray();
      st.execute("insert into " + table + " values " + values(cells));
    }
  }

  /**
   * One row as SQL values: a string quoted (its quotes doubled), null as null, a number or a
   * boolean as Java writes it.
   */
  static String values(Object... cells) {
    StringBuilder row = new StringBuilder("(");
    for (Object cell : cells) {
      if (row.length() > 1) {
        row.append(',');
      }
      row.append(
          cell instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(cell));
    }
    return row.append(')').toString();
  }

  /** An insert of the rows into dim_municipality. */
  static String municipalities(String... rows) {
    return "insert into dim_municipality values " + String.join(",", rows);
  }

  /** An insert of the rows ({@link #count} strings and {@link Outcome}s) into mart_outcomes. */
  static String outcomes(Object... rows) {
    return "insert into mart_outcomes values "
        + String.join(",", Arrays.stream(rows).map(String::valueOf).toList());
  }

  /** An insert of the rows ({@link #funnel} strings) into mart_funnel. */
  static String funnels(String... rows) {
    return "insert into mart_funnel values " + String.join(",", rows);
  }

  /**
   * A row of mart_funnel as SQL values: limits target ± z·σ/√n at z 1.96 and 3.09, no
   * overdispersion (φ 1), flags as given.
   */
  static String funnel(
      String quarter,
      String measure,
      String kov,
      long n,
      double value,
      double target,
      double sigma,
      String flag) {
    double s = sigma / Math.sqrt(n);
    double[] limits = {target - 1.96 * s, target + 1.96 * s, target - 3.09 * s, target + 3.09 * s};
    List<Object> cells = new ArrayList<>(List.of(measure, kov, n, value, target, sigma));
    for (double l : limits) {
      cells.add(l);
    }
    cells.add(1.0);
    for (double l : limits) {
      cells.add(l);
    }
    cells.addAll(List.of(flag, flag, quarter));
    return values(cells.toArray());
  }

  /** A count in mart_outcomes: value and numerator the count, no denominator, interval or flag. */
  static String count(
      String level, String unit, String quarter, String measure, double value, boolean suppressed) {
    return outcome(level, unit, quarter, measure).count(value, suppressed).toString();
  }

  /** A KOV's row of mart_outcomes, to be filled in. */
  static Outcome kov(String code, String quarter, String measure) {
    return outcome("KOV", code, quarter, measure);
  }

  /** The nation's row of mart_outcomes, to be filled in. */
  static Outcome nation(String quarter, String measure) {
    return outcome("RIIK", "EE", quarter, measure);
  }

  /** A row of mart_outcomes, to be filled in. */
  static Outcome outcome(String level, String unit, String quarter, String measure) {
    return new Outcome(level, unit, quarter, measure);
  }

  /**
   * A row of mart_outcomes; {@link #toString} writes it as SQL values. What is not set is null (the
   * flag) or false (suppressed).
   */
  static final class Outcome {
    private final String level;
    private final String unit;
    private final String quarter;
    private final String measure;
    private final Double[] figures = new Double[5];
    private String flag;
    private boolean suppressed;

    private Outcome(String level, String unit, String quarter, String measure) {
      this.level = level;
      this.unit = unit;
      this.quarter = quarter;
      this.measure = measure;
    }

    /** Value and numerator the count. */
    Outcome count(double n, boolean hidden) {
      figures[0] = n;
      figures[1] = n;
      suppressed = hidden;
      return this;
    }

    /** The value alone, no numerator or denominator. */
    Outcome value(double value) {
      figures[0] = value;
      return this;
    }

    /** The value with its numerator and denominator. */
    Outcome ratio(double value, double numerator, double denominator) {
      figures[0] = value;
      figures[1] = numerator;
      figures[2] = denominator;
      return this;
    }

    /** The confidence interval. */
    Outcome ci(double low, double high) {
      figures[3] = low;
      figures[4] = high;
      return this;
    }

    /** The funnel flag. */
    Outcome flag(String funnelFlag) {
      flag = funnelFlag;
      return this;
    }

    /** Hidden in outcomes_public. */
    Outcome suppressed() {
      suppressed = true;
      return this;
    }

    @Override
    public String toString() {
      List<Object> cells = new ArrayList<>(List.of(level, unit, quarter, measure));
      cells.addAll(Arrays.asList(figures));
      cells.add(flag);
      cells.add(suppressed);
      return values(cells.toArray());
    }
  }
}

package ee.ska.iste.reports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds small DuckDB warehouses with the published tables' columns (docs/tables.md). */
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
      }
      for (String sql : inserts) {
        st.execute(sql);
      }
    }
  }

  /** A row of mart_outcomes as SQL values. */
  static String outcome(
      String level,
      String unit,
      String quarter,
      String measure,
      Double value,
      Double numerator,
      Double denominator,
      Double ciLow,
      Double ciHigh,
      String flag,
      boolean suppressed) {
    return "('"
        + level
        + "','"
        + unit
        + "','"
        + quarter
        + "','"
        + measure
        + "',"
        + value
        + ","
        + numerator
        + ","
        + denominator
        + ","
        + ciLow
        + ","
        + ciHigh
        + ","
        + (flag == null ? "null" : "'" + flag + "'")
        + ","
        + suppressed
        + ")";
  }

  static String count(
      String level, String unit, String quarter, String measure, double value, boolean suppressed) {
    return outcome(level, unit, quarter, measure, value, value, null, null, null, null, suppressed);
  }
}

package ee.ska.iste.reports.dashboard;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small published database for the dashboard's tests, figures chosen by hand: two quarters
 * (2024Q1, 2024Q2), six KOVs of three counties, the catalogue, counties, municipalities and
 * thresholds as shipped. {@code mart_outcomes} holds values behind the hidden figures too (777.25,
 * 0.4321, 0.3333) so that a test can show they never reach a page; {@code outcomes_public} hides
 * them as the published view does, and carries each KOV's status.
 *
 * <p>2024Q2: Tartu linn (0793) above the funnel in QOL_IMPROVED and QOL_CHANGE; Elva vald (0171)
 * with its QOL_IMPROVED hidden; Tallinn (0784); Keila linn (0296) with its cost hidden; Harku vald
 * (0198) withheld; Antsla vald (0145) with only ACTIVE shown.
 */
final class DashboardFixture {
  static final String Q1 = "2024Q1";
  static final String Q2 = "2024Q2";

  private DashboardFixture() {}

  static void create(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        Statement st = c.createStatement()) {
      st.execute(
          "create table mart_outcomes (level varchar, unit_code varchar, quarter varchar,"
              + " measure varchar, value double, numerator double, denominator double,"
              + " ci_low double, ci_high double, funnel_flag varchar, suppressed boolean)");
      st.execute("create table kov_status (quarter varchar, kov_code varchar, status varchar)");
      st.execute(
          "create view outcomes_public as select o.level, o.unit_code, o.quarter, o.measure,"
              + " case when o.suppressed then null else o.value end as value,"
              + " case when o.suppressed then null else o.numerator end as numerator,"
              + " case when o.suppressed then null else o.denominator end as denominator,"
              + " case when o.suppressed then null else o.ci_low end as ci_low,"
              + " case when o.suppressed then null else o.ci_high end as ci_high,"
              + " case when o.suppressed then null else o.funnel_flag end as funnel_flag,"
              + " o.suppressed, coalesce(s.status, 'PUBLISHABLE') as status"
              + " from mart_outcomes o left join kov_status s on o.level = 'KOV'"
              + " and s.kov_code = o.unit_code and s.quarter = o.quarter");
      ReferenceData ref = ReferenceData.builtIn();
      st.execute(
          "create table ref_measure (measure varchar, name_et varchar, name_en varchar,"
              + " definition_en varchar, unit varchar, higher_is_better varchar, kind varchar)");
      insert(st, "ref_measure", ref.table("measures"));
      st.execute(
          "create table ref_thresholds (key varchar, value double, valid_from date,"
              + " valid_to date, description varchar)");
      insert(st, "ref_thresholds", ref.table("thresholds"));
      st.execute("create table ref_counties (county_code varchar, name varchar, name_en varchar)");
      insert(st, "ref_counties", ref.table("counties"));
      st.execute(
          "create table ref_municipalities (kov_code varchar, name varchar, county_code varchar,"
              + " valid_from date, valid_to date)");
      insert(st, "ref_municipalities", ref.table("municipalities"));
      st.execute("insert into kov_status values ('2024Q2', '0198', 'WITHHELD')");
      st.execute("insert into kov_status values ('2024Q2', '0296', 'PROVISIONAL')");

      List<String> rows = new ArrayList<>();
      // the nation: never hidden
      rows.add(count("RIIK", "EE", Q1, "ACTIVE", 100));
      rows.add(count("RIIK", "EE", Q2, "ACTIVE", 120));
      rows.add(figure("RIIK", "EE", Q1, "QOL_CHANGE", 3.0, 150, 50, 1.5, 4.5, null));
      rows.add(figure("RIIK", "EE", Q2, "QOL_CHANGE", 4.0, 240, 60, 2.5, 5.5, null));
      rows.add(figure("RIIK", "EE", Q1, "QOL_IMPROVED", 0.2, 10, 50, 0.11, 0.33, null));
      rows.add(figure("RIIK", "EE", Q2, "QOL_IMPROVED", 0.25, 15, 60, 0.16, 0.37, null));
      rows.add(figure("RIIK", "EE", Q1, "NEED_REDUCED", 0.45, 18, 40, 0.31, 0.6, null));
      rows.add(figure("RIIK", "EE", Q2, "NEED_REDUCED", 0.5, 25, 50, 0.37, 0.63, null));
      rows.add(figure("RIIK", "EE", Q1, "COST_PER_CLIENT", 2400, 240000, 100, null, null, null));
      rows.add(figure("RIIK", "EE", Q2, "COST_PER_CLIENT", 2500, 300000, 120, null, null, null));
      // Tartu linn
      rows.add(count("KOV", "0793", Q1, "ACTIVE", 35));
      rows.add(count("KOV", "0793", Q2, "ACTIVE", 40));
      rows.add(figure("KOV", "0793", Q1, "QOL_IMPROVED", 0.45, 9, 20, 0.26, 0.66, "WITHIN"));
      rows.add(figure("KOV", "0793", Q2, "QOL_IMPROVED", 0.5, 10, 20, 0.3, 0.7, "ABOVE"));
      rows.add(figure("KOV", "0793", Q2, "QOL_CHANGE", 7.5, 150, 20, 4.0, 11.0, "ABOVE"));
      rows.add(figure("KOV", "0793", Q2, "NEED_REDUCED", 0.6, 6, 10, 0.31, 0.83, null));
      rows.add(figure("KOV", "0793", Q1, "COST_PER_CLIENT", 2550, 89250, 35, null, null, null));
      rows.add(figure("KOV", "0793", Q2, "COST_PER_CLIENT", 2600, 104000, 40, null, null, null));
      // Elva vald: its share improved is hidden
      rows.add(count("KOV", "0171", Q1, "ACTIVE", 12));
      rows.add(count("KOV", "0171", Q2, "ACTIVE", 12));
      rows.add(hidden("KOV", "0171", Q2, "QOL_IMPROVED", 0.3333, 3, 9));
      rows.add(figure("KOV", "0171", Q2, "QOL_CHANGE", 2.0, 20, 10, -1.0, 5.0, "WITHIN"));
      rows.add(figure("KOV", "0171", Q2, "COST_PER_CLIENT", 2300, 27600, 12, null, null, null));
      // Tallinn: last quarter's share improved was hidden
      rows.add(count("KOV", "0784", Q1, "ACTIVE", 40));
      rows.add(count("KOV", "0784", Q2, "ACTIVE", 50));
      rows.add(hidden("KOV", "0784", Q1, "QOL_IMPROVED", 0.1, 2, 20));
      rows.add(figure("KOV", "0784", Q2, "QOL_IMPROVED", 0.25, 6, 24, 0.12, 0.45, "WITHIN"));
      rows.add(figure("KOV", "0784", Q2, "QOL_CHANGE", 3.5, 84, 24, 1.0, 6.0, "WITHIN"));
      // 8 of 21: a share with a long tail of digits, which the pages round
      rows.add(figure("KOV", "0784", Q2, "NEED_REDUCED", 8 / 21.0, 8, 21, 0.2, 0.59, null));
      rows.add(figure("KOV", "0784", Q2, "COST_PER_CLIENT", 2550, 127500, 50, null, null, null));
      // Keila linn, provisional: its cost is hidden
      rows.add(count("KOV", "0296", Q2, "ACTIVE", 8));
      rows.add(figure("KOV", "0296", Q2, "QOL_IMPROVED", 0.0, 0, 6, 0.0, 0.39, "WITHIN"));
      rows.add(figure("KOV", "0296", Q2, "QOL_CHANGE", 1.0, 6, 6, -3.0, 5.0, "WITHIN"));
      rows.add(hidden("KOV", "0296", Q2, "COST_PER_CLIENT", 777.25, 6218, 8));
      // Harku vald, withheld: figures in the view, but none may be shown
      rows.add(count("KOV", "0198", Q2, "ACTIVE", 11));
      rows.add(figure("KOV", "0198", Q2, "QOL_IMPROVED", 0.3, 3, 10, 0.11, 0.6, "WITHIN"));
      // Antsla vald: only its active cases are shown
      rows.add(count("KOV", "0145", Q2, "ACTIVE", 10));
      rows.add(hidden("KOV", "0145", Q2, "QOL_IMPROVED", 0.4321, 2, 5));
      st.execute("insert into mart_outcomes values " + String.join(",", rows));
    }
  }

  private static String count(String level, String unit, String q, String measure, double v) {
    return figure(level, unit, q, measure, v, v, null, null, null, null);
  }

  private static String figure(
      String level,
      String unit,
      String q,
      String measure,
      double value,
      Number num,
      Number den,
      Double lo,
      Double hi,
      String flag) {
    return values(level, unit, q, measure, value, num, den, lo, hi, flag, false);
  }

  private static String hidden(
      String level, String unit, String q, String measure, double value, double num, double den) {
    return values(level, unit, q, measure, value, num, den, null, null, null, true);
  }

  private static String values(Object... cells) {
    StringBuilder row = new StringBuilder("(");
    for (Object cell : cells) {
      if (row.length() > 1) {
        row.append(',');
      }
      row.append(cell instanceof String s ? "'" + s.replace("'", "''") + "'" : cell);
    }
    return row.append(')').toString();
  }

  private static void insert(Statement st, String table, RefTable rows) throws SQLException {
    for (Map<String, String> r : rows.rows()) {
      Object[] cells =
          rows.columns().stream()
              .map(col -> r.get(col) == null || r.get(col).isEmpty() ? null : r.get(col))
              .toArray();
      st.execute("insert into " + table + " values " + values(cells));
    }
  }
}

package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.funnel;
import static ee.ska.iste.reports.FixtureDb.kov;
import static ee.ska.iste.reports.FixtureDb.nation;

import ee.ska.iste.reports.FixtureDb.Outcome;

/**
 * Fixture rows that several report tests share, each written once. The figures are those the tests
 * work out by hand: Põltsamaa vald (0618) in 2024Q2 has 23 active cases and 7 QoL follow-ups with a
 * mean change of 12.25 [4.5; 20.0]; Tartu linn (0793) has 30 with 25.0 [20.0; 30.0]; the nation's
 * mean change is 8.0 [6.1; 9.9] over 120, with σ 10.5 for the funnels.
 */
final class FixtureRows {
  private FixtureRows() {}

  // dim_municipality: kov_code, kov_name, county_code, county_name, allocation_id, places
  static final String POLTSAMAA = "('0618','Põltsamaa vald','0050','Jõgeva maakond','A0618',5)";
  static final String TARTU = "('0793','Tartu linn','0079','Tartu maakond','A0793',41)";
  static final String JOHVI = "('0251','Jõhvi vald','0045','Ida-Viru maakond','A0251',5)";
  static final String KOHTLA_JARVE =
      "('0321','Kohtla-Järve linn','0045','Ida-Viru maakond','A0321',27)";

  // mart_outcomes
  static final String POLTSAMAA_ACTIVE = count("KOV", "0618", "2024Q2", "ACTIVE", 23, false);
  static final Outcome POLTSAMAA_QOL_CHANGE =
      kov("0618", "2024Q2", "QOL_CHANGE").ratio(12.25, 85.75, 7.0).ci(4.5, 20.0).flag("WITHIN");
  static final Outcome TARTU_QOL_CHANGE =
      kov("0793", "2024Q2", "QOL_CHANGE").ratio(25.0, 750.0, 30.0).ci(20.0, 30.0).flag("ABOVE");
  static final Outcome NATION_QOL_CHANGE =
      nation("2024Q2", "QOL_CHANGE").ratio(8.0, 960.0, 120.0).ci(6.1, 9.9);

  /** -3 over 6 cases. */
  static final Outcome POLTSAMAA_MENTAL_HEALTH_NEED_CHANGE =
      kov("0618", "2024Q2", "NEED_CHANGE_VAIMNE_TERVIS").ratio(-0.5, -3.0, 6.0);

  // mart_funnel: the national 8.0 and σ 10.5
  static final String POLTSAMAA_QOL_CHANGE_FUNNEL =
      funnel("2024Q2", "QOL_CHANGE", "0618", 7, 12.25, 8.0, 10.5, "WITHIN");
  static final String TARTU_QOL_CHANGE_FUNNEL =
      funnel("2024Q2", "QOL_CHANGE", "0793", 30, 25.0, 8.0, 10.5, "ABOVE");
}

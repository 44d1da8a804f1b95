package ee.ska.iste.core.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The projection's arithmetic for two counties and a ramp-up, worked out by hand. */
class ProjectionTest {
  static final Set<String> COUNTIES = Set.of("0037", "0079", "0056");

  // Harju 10 places in year 1, 20 in year 2, kept in year 3; Tartu 5 in year 1 only (kept)
  static final String RAMP_UP =
      String.join(
          "\n",
          "# two counties",
          "county_code,year,places",
          "0037,1,10",
          "0037,2,20",
          "0079,1,5",
          "");

  static Rates rates(double occupancy, double entries, double cost, double bt, double mental) {
    Map<String, Double> hours = new LinkedHashMap<>();
    hours.put("BT", bt);
    hours.put("VAIMNE_TERVIS", mental);
    return new Rates(occupancy, entries, cost, hours);
  }

  static final List<Projection.Line> LINES =
      Projection.project(
          PlacesPlan.parse("ramp.csv", "ramp.csv", RAMP_UP, COUNTIES),
          "2024Q4",
          Map.of(
              Scenario.NATIONAL, rates(0.8, 40, 30, 6, 2),
              Scenario.P90, rates(1.0, 60, 40, 10, 3)));

  static double value(Scenario s, int year, String county, String quantity) {
    return LINES.stream()
        .filter(
            l ->
                l.scenario() == s
                    && l.year() == year
                    && l.countyCode().equals(county)
                    && l.quantity().equals(quantity))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + s + " " + year + " " + county + quantity))
        .value();
  }

  @Test
  void yearOneNationalRatesPerCounty() {
    // Harju, 10 places: client days 10 x 0.8 x 365 = 2,920; entries 10 x 40 / 100 = 4;
    // clients 2,920 / 365 + 4 = 8 + 4 = 12; cost 2,920 x 30 = 87,600;
    // BT hours 2,920 / 30.4375 x 6 = 17,520 / 30.4375; VAIMNE_TERVIS 5,840 / 30.4375
    Scenario n = Scenario.NATIONAL;
    assertEquals(10, value(n, 1, "0037", "PLACES"), 1e-12);
    assertEquals(2_920, value(n, 1, "0037", "CLIENT_DAYS"), 1e-9);
    assertEquals(4, value(n, 1, "0037", "ENTRIES"), 1e-12);
    assertEquals(12, value(n, 1, "0037", "CLIENTS"), 1e-12);
    assertEquals(87_600, value(n, 1, "0037", "COST_EUR"), 1e-6);
    assertEquals(17_520 / 30.4375, value(n, 1, "0037", "HOURS_BT"), 1e-9);
    assertEquals(5_840 / 30.4375, value(n, 1, "0037", "HOURS_VAIMNE_TERVIS"), 1e-9);
    // Tartu, 5 places: client days 1,460; entries 2; clients 4 + 2 = 6; cost 43,800
    assertEquals(1_460, value(n, 1, "0079", "CLIENT_DAYS"), 1e-9);
    assertEquals(6, value(n, 1, "0079", "CLIENTS"), 1e-12);
    assertEquals(43_800, value(n, 1, "0079", "COST_EUR"), 1e-6);
    // EE: 15 places, 4,380 client days, 6 entries, 18 clients, EUR 131,400
    assertEquals(15, value(n, 1, "EE", "PLACES"), 1e-12);
    assertEquals(4_380, value(n, 1, "EE", "CLIENT_DAYS"), 1e-9);
    assertEquals(6, value(n, 1, "EE", "ENTRIES"), 1e-12);
    assertEquals(18, value(n, 1, "EE", "CLIENTS"), 1e-12);
    assertEquals(131_400, value(n, 1, "EE", "COST_EUR"), 1e-6);
  }

  @Test
  void theRampUpAndThePlacesKeptInLaterYears() {
    Scenario n = Scenario.NATIONAL;
    // year 2: Harju 20 places (client days 5,840, clients 16 + 8 = 24), Tartu keeps 5:
    // EE 25 places, 5,840 + 1,460 = 7,300 client days, 24 + 6 = 30 clients, EUR 219,000
    assertEquals(20, value(n, 2, "0037", "PLACES"), 1e-12);
    assertEquals(24, value(n, 2, "0037", "CLIENTS"), 1e-12);
    assertEquals(5, value(n, 2, "0079", "PLACES"), 1e-12);
    assertEquals(25, value(n, 2, "EE", "PLACES"), 1e-12);
    assertEquals(7_300, value(n, 2, "EE", "CLIENT_DAYS"), 1e-9);
    assertEquals(30, value(n, 2, "EE", "CLIENTS"), 1e-12);
    assertEquals(219_000, value(n, 2, "EE", "COST_EUR"), 1e-6);
    // year 3: Harju keeps its year-2 places
    assertEquals(20, value(n, 3, "0037", "PLACES"), 1e-12);
    assertEquals(219_000, value(n, 3, "EE", "COST_EUR"), 1e-6);
  }

  @Test
  void theP90RatesAndAMissingScenario() {
    // P90, year 3, EE 25 places: client days 25 x 1.0 x 365 = 9,125; entries 25 x 60 / 100 = 15;
    // clients 25 + 15 = 40; cost 9,125 x 40 = 365,000; BT 9,125 / 30.4375 x 10
    Scenario p = Scenario.P90;
    assertEquals(9_125, value(p, 3, "EE", "CLIENT_DAYS"), 1e-9);
    assertEquals(15, value(p, 3, "EE", "ENTRIES"), 1e-12);
    assertEquals(40, value(p, 3, "EE", "CLIENTS"), 1e-12);
    assertEquals(365_000, value(p, 3, "EE", "COST_EUR"), 1e-6);
    assertEquals(91_250 / 30.4375, value(p, 3, "EE", "HOURS_BT"), 1e-9);
    // no P10 rates given: no P10 rows; 2 scenarios x 3 years x (2 counties + EE) x 7 quantities
    assertFalse(LINES.stream().anyMatch(l -> l.scenario() == Scenario.P10));
    assertEquals(2 * 3 * 3 * 7, LINES.size());
    assertTrue(LINES.stream().allMatch(l -> l.fromQuarter().equals("2024Q4")));
    assertEquals(
        List.of("PLACES", "CLIENTS", "ENTRIES", "CLIENT_DAYS", "COST_EUR", "HOURS_BT"),
        LINES.subList(0, 6).stream().map(Projection.Line::quantity).toList());
  }

  @Test
  void ratesAreReadFromMeasureCodesAndAMissingOneIsNamed() {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("OCCUPANCY", 0.8);
    figures.put("ENTRIES_PER_100_PLACES", 40.0);
    figures.put("COST_PER_CLIENT_DAY", 30.0);
    figures.put("HOURS_PER_CLIENT_MONTH_BT", 6.0);
    List<String> missing = new java.util.ArrayList<>();
    assertTrue(Rates.of(figures, List.of("BT", "SUHTED"), missing).isEmpty());
    assertEquals(List.of("HOURS_PER_CLIENT_MONTH_SUHTED"), missing);
    Rates r = Rates.of(figures, List.of("BT"), new java.util.ArrayList<>()).orElseThrow();
    assertEquals(6.0, r.hoursPerClientMonth().get("BT"));
  }
}

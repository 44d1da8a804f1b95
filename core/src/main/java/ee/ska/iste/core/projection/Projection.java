package ee.ska.iste.core.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollout projection (measures.md, Evaluation; docs/measures.md): for each scenario whose rates
 * are given, each year 1..3 and each county of the plan, with places p:
 *
 * <ul>
 *   <li>{@code PLACES} = p;
 *   <li>{@code CLIENT_DAYS} = p × occupancy × 365;
 *   <li>{@code ENTRIES} = p × entries per 100 places / 100;
 *   <li>{@code CLIENTS} (served in the year) = CLIENT_DAYS / 365 + ENTRIES: the mean number of
 *       clients on the places plus those who enter during the year;
 *   <li>{@code COST_EUR} = CLIENT_DAYS × cost per client-day (prices of the quarter, no inflation);
 *   <li>{@code HOURS_<component>} = CLIENT_DAYS / 30.4375 × hours per client-month of the
 *       component.
 * </ul>
 *
 * and the county {@code EE}, the sum over the plan's counties. Rows in the order scenario, year,
 * county (EE last), quantity.
 */
public final class Projection {
  /** The county code of the sum over counties. */
  public static final String TOTAL = "EE";

  public static final double DAYS_PER_YEAR = 365;

  /** 365.25 / 12, as the HOURS_PER_CLIENT_MONTH_ measures. */
  public static final double DAYS_PER_CLIENT_MONTH = 365.25 / 12;

  public static final String PLACES = "PLACES";
  public static final String CLIENTS = "CLIENTS";
  public static final String ENTRIES = "ENTRIES";
  public static final String CLIENT_DAYS = "CLIENT_DAYS";
  public static final String COST_EUR = "COST_EUR";
  public static final String HOURS = "HOURS_";

  /** One row of {@code mart_projection}. */
  public record Line(
      String placesSource,
      String fromQuarter,
      Scenario scenario,
      int year,
      String countyCode,
      String quantity,
      double value) {}

  private Projection() {}

  /**
   * @param rates the scenarios to project (a scenario without complete rates is left out by the
   *     caller)
   */
  public static List<Line> project(
      PlacesPlan plan, String fromQuarter, Map<Scenario, Rates> rates) {
    List<Line> out = new ArrayList<>();
    for (Scenario s : Scenario.values()) {
      Rates r = rates.get(s);
      if (r == null) {
        continue;
      }
      for (int year = 1; year <= PlacesPlan.YEARS; year++) {
        Map<String, Double> total = new LinkedHashMap<>();
        for (String county : plan.places().keySet()) {
          Map<String, Double> q = quantities(plan.placesIn(county, year), r);
          q.forEach((k, v) -> total.merge(k, v, Double::sum));
          add(out, plan, fromQuarter, s, year, county, q);
        }
        if (total.isEmpty()) {
          total.putAll(quantities(0, r));
        }
        add(out, plan, fromQuarter, s, year, TOTAL, total);
      }
    }
    return List.copyOf(out);
  }

  /** The quantities of one county and year with {@code places} places, in the output order. */
  public static Map<String, Double> quantities(double places, Rates r) {
    double clientDays = places * r.occupancy() * DAYS_PER_YEAR;
    double entries = places * r.entriesPer100Places() / 100;
    Map<String, Double> q = new LinkedHashMap<>();
    q.put(PLACES, places);
    q.put(CLIENTS, clientDays / DAYS_PER_YEAR + entries);
    q.put(ENTRIES, entries);
    q.put(CLIENT_DAYS, clientDays);
    q.put(COST_EUR, clientDays * r.costPerClientDay());
    r.hoursPerClientMonth()
        .forEach((c, h) -> q.put(HOURS + c, clientDays / DAYS_PER_CLIENT_MONTH * h));
    return q;
  }

  private static void add(
      List<Line> out,
      PlacesPlan plan,
      String fromQuarter,
      Scenario s,
      int year,
      String county,
      Map<String, Double> q) {
    q.forEach((k, v) -> out.add(new Line(plan.source(), fromQuarter, s, year, county, k, v)));
  }
}

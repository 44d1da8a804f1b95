package ee.ska.iste.core.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rates of one scenario, from one quarter's figures.
 *
 * @param occupancy client days / (places × days)
 * @param entriesPer100Places new cases per 100 places a year
 * @param costPerClientDay EUR per client day, at the prices of the quarter
 * @param hoursPerClientMonth component → hours per client-month (30.4375 client days), in the
 *     components' order
 */
public record Rates(
    double occupancy,
    double entriesPer100Places,
    double costPerClientDay,
    Map<String, Double> hoursPerClientMonth) {

  public static final String OCCUPANCY = "OCCUPANCY";
  public static final String ENTRIES = "ENTRIES_PER_100_PLACES";
  public static final String COST_PER_CLIENT_DAY = "COST_PER_CLIENT_DAY";
  public static final String HOURS_PER_CLIENT_MONTH = "HOURS_PER_CLIENT_MONTH_";

  public Rates {
    check("occupancy", occupancy);
    check("entries per 100 places", entriesPer100Places);
    check("cost per client-day", costPerClientDay);
    hoursPerClientMonth.forEach((c, h) -> check("hours per client-month of " + c, h));
    hoursPerClientMonth = Collections.unmodifiableMap(new LinkedHashMap<>(hoursPerClientMonth));
  }

  /** The measure codes a scenario's rates are read from, for the components given. */
  public static List<String> measures(List<String> components) {
    List<String> m = new ArrayList<>(List.of(OCCUPANCY, ENTRIES, COST_PER_CLIENT_DAY));
    components.forEach(c -> m.add(HOURS_PER_CLIENT_MONTH + c));
    return m;
  }

  /**
   * The rates from measure code → figure, or empty when one is missing (then {@code missing}
   * receives the codes that are).
   */
  public static Optional<Rates> of(
      Map<String, Double> figures, List<String> components, List<String> missing) {
    for (String m : measures(components)) {
      if (figures.get(m) == null) {
        missing.add(m);
      }
    }
    if (!missing.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> hours = new LinkedHashMap<>();
    components.forEach(c -> hours.put(c, figures.get(HOURS_PER_CLIENT_MONTH + c)));
    return Optional.of(
        new Rates(
            figures.get(OCCUPANCY), figures.get(ENTRIES), figures.get(COST_PER_CLIENT_DAY), hours));
  }

  private static void check(String what, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(what + " must be a finite number ≥ 0: " + v);
    }
  }
}

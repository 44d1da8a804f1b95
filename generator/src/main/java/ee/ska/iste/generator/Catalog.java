package ee.ska.iste.generator;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The code lists and prices the generator draws from, read once from the reference data. */
final class Catalog {
  final List<String> domains;
  final String baseComponent;
  final Map<String, String> componentOfDomain = new HashMap<>();
  final List<String> familyComponents = new ArrayList<>();
  final List<String> respiteComponents = new ArrayList<>();
  final List<String> modes;
  final String administrativeExit;
  final String instrument;
  final int instrumentItems;
  final int itemMin;
  final int itemMax;
  private final RefTable prices;
  private final Map<LocalDate, Set<String>> pricedOn = new HashMap<>();

  Catalog(ReferenceData ref, LocalDate on) {
    domains = ref.codes("domains");
    modes = ref.codes("modes");
    RefTable comps = ref.table("components");
    String base = null;
    for (Map<String, String> r : comps.rows()) {
      String code = comps.required(r, "code");
      switch (comps.required(r, "component_group")) {
        case "BASE" -> base = code;
        case "ADDITIONAL" -> componentOfDomain.put(comps.required(r, "domain"), code);
        case "FAMILY" -> familyComponents.add(code);
        case "RESPITE" -> respiteComponents.add(code);
        default -> {}
      }
    }
    if (base == null) {
      throw new IllegalStateException("components.csv has no BASE component");
    }
    baseComponent = base;
    RefTable exits = ref.table("exit_reasons");
    administrativeExit =
        exits.rows().stream()
            .filter(r -> "true".equals(r.get("administrative")))
            .map(r -> exits.required(r, "code"))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("exit_reasons.csv has no administrative reason"));
    RefTable instruments = ref.table("instruments");
    Map<String, String> first =
        instruments.validOn(on).stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no QoL instrument valid on " + on));
    instrument = instruments.required(first, "code");
    instrumentItems = Integer.parseInt(instruments.required(first, "items"));
    itemMin = Integer.parseInt(instruments.required(first, "scale_min"));
    itemMax = Integer.parseInt(instruments.required(first, "scale_max"));
    prices = ref.table("prices");
  }

  /** True when the component has a price for the mode on the date. */
  boolean priced(String component, String mode, LocalDate on) {
    return pricedOn
        .computeIfAbsent(
            on,
            d -> {
              Set<String> s = new HashSet<>();
              for (Map<String, String> r : prices.validOn(d)) {
                s.add(r.get("component") + "|" + r.get("mode"));
              }
              return s;
            })
        .contains(component + "|" + mode);
  }
}

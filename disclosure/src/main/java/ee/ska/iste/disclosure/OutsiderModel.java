package ee.ska.iste.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an outsider who holds every published figure of one quarter knows: the figures' quantities
 * (numerator and denominator; the value of a count or sum is its numerator), the exact linear
 * identities between them, and the bounds the documented rules imply. Which figures are hidden is
 * not part of the model: {@link Auditor} takes it as a mask.
 *
 * <p>Identities: every hierarchical measure's KOV quantities add up to their county's and to the
 * nation's (the KOV → county map is public); the unit identities of the reference data (EXIT = Σ
 * EXIT_<reason>, a share's denominator equal to a count, …); and the occupancy's client days equal
 * to the client days of the KOVs sharing the allocation (the allocations are public), and likewise
 * every per-allocation measure's numerator ({@link DisclosureRules#perAllocation()}). A declared
 * identity that does not hold on the true figures is left out and named in {@link #dropped()}.
 *
 * <p>Bounds: counts are whole and at least 0 (zeros may be hidden to protect others), a hidden
 * share's or mean's denominator at least 1 (a figure with denominator 0 has no row), sums at least
 * 0, and {@code caseMin × den ≤ num ≤ caseMax × den} from the measure's case bounds.
 */
public final class OutsiderModel {
  private final List<Figure> figures;
  private final MeasureRule[] rules;
  private final List<Identity> identities;
  private final Map<String, Integer> index = new HashMap<>();
  private final DisclosureRules disclosure;

  /** quantity → the identities it appears in. */
  private final Map<Integer, List<Integer>> byQuantity = new HashMap<>();

  private final List<String> dropped = new ArrayList<>();

  private OutsiderModel(
      List<Figure> figures, DisclosureRules disclosure, List<Identity> identities) {
    this.figures = List.copyOf(figures);
    this.disclosure = disclosure;
    this.rules = new MeasureRule[figures.size()];
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      rules[i] = disclosure.rule(f.measure(), f.kind());
      if (index.put(f.key(), i) != null) {
        throw new IllegalArgumentException("two figures " + f.key());
      }
    }
    this.identities = identities;
  }

  /**
   * The model of one quarter's figures.
   *
   * @param kovCounty KOV code → county code (municipalities valid on the quarter's last day)
   * @param allocationPeers KOV code → the KOVs sharing its allocation of places (itself included),
   *     for the KOVs with an allocation valid on the quarter's last day
   */
  public static OutsiderModel of(
      List<Figure> figures,
      DisclosureRules disclosure,
      Map<String, String> kovCounty,
      Map<String, List<String>> allocationPeers) {
    OutsiderModel m = new OutsiderModel(figures, disclosure, new ArrayList<>());
    m.addHierarchy(kovCounty);
    m.addUnitIdentities();
    m.addOccupancy(kovCounty, allocationPeers);
    m.identities.removeIf(
        id -> {
          boolean holds = m.holds(id);
          if (!holds) {
            m.dropped.add(id.name());
          }
          return !holds;
        });
    for (int i = 0; i < m.identities.size(); i++) {
      Identity id = m.identities.get(i);
      for (int q : id.quantities()) {
        m.byQuantity.computeIfAbsent(q, k -> new ArrayList<>()).add(i);
      }
    }
    return m;
  }

  public List<Figure> figures() {
    return figures;
  }

  public Figure figure(int i) {
    return figures.get(i);
  }

  public MeasureRule rule(int i) {
    return rules[i];
  }

  public List<Identity> identities() {
    return identities;
  }

  public DisclosureRules disclosure() {
    return disclosure;
  }

  /** The identities a quantity appears in (indexes into {@link #identities()}). */
  public List<Integer> identitiesOf(int quantity) {
    return byQuantity.getOrDefault(quantity, List.of());
  }

  private volatile Map<String, Set<String>> families;

  /**
   * The measures tied to {@code measure} by identities, itself included (EXIT with its reasons;
   * ACTIVE, HOURS, COST and the shares built on them; QOL_N and the QoL shares): hiding figures of
   * other measures cannot change what the outsider can work out about these.
   */
  public Set<String> family(String measure) {
    Map<String, Set<String>> f = families;
    if (f == null) {
      f = families = familiesOf();
    }
    return f.getOrDefault(measure, Set.of(measure));
  }

  private Map<String, Set<String>> familiesOf() {
    Map<String, String> parent = new HashMap<>();
    java.util.function.UnaryOperator<String> find =
        new java.util.function.UnaryOperator<>() {
          @Override
          public String apply(String x) {
            String p = parent.getOrDefault(x, x);
            if (p.equals(x)) {
              return x;
            }
            String r = apply(p);
            parent.put(x, r);
            return r;
          }
        };
    for (Identity id : identities) {
      String first = null;
      for (int q : id.quantities()) {
        String m = figure(figureOf(q)).measure();
        parent.putIfAbsent(m, m);
        if (first == null) {
          first = m;
        } else {
          String a = find.apply(first);
          String b = find.apply(m);
          if (!a.equals(b)) {
            parent.put(b, a);
          }
        }
      }
    }
    Map<String, Set<String>> byRoot = new HashMap<>();
    for (String m : new ArrayList<>(parent.keySet())) {
      byRoot.computeIfAbsent(find.apply(m), k -> new java.util.TreeSet<>()).add(m);
    }
    Map<String, Set<String>> out = new HashMap<>();
    byRoot
        .values()
        .forEach(set -> set.forEach(m -> out.put(m, java.util.Collections.unmodifiableSet(set))));
    return out;
  }

  /** The figure at {@code level/unit/measure}, or -1. */
  public int indexOf(String level, String unit, String measure) {
    return index.getOrDefault(level + "/" + unit + "/" + measure, -1);
  }

  /** A quantity's id: figure index × 2 + field. */
  public static int quantity(int figure, Field field) {
    return figure * 2 + field.ordinal();
  }

  public static int figureOf(int quantity) {
    return quantity / 2;
  }

  public static Field fieldOf(int quantity) {
    return Field.values()[quantity % 2];
  }

  /** The true value of a quantity. */
  public double value(int quantity) {
    Figure f = figures.get(figureOf(quantity));
    return fieldOf(quantity) == Field.NUM ? f.numerator() : f.denominator();
  }

  /** True when the quantity is a whole count. */
  public boolean whole(int quantity) {
    MeasureRule r = rules[figureOf(quantity)];
    return fieldOf(quantity) == Field.NUM ? r.wholeNumerator() : r.wholeDenominator();
  }

  /** The outsider's lower bound of a quantity from the rules alone. */
  public double lowerBound(int quantity) {
    int f = figureOf(quantity);
    MeasureRule r = rules[f];
    if (fieldOf(quantity) == Field.DEN) {
      return r.wholeDenominator() ? 1 : 0;
    }
    if (figures.get(f).kind().additive()) {
      return 0;
    }
    return Double.isNaN(r.caseMin()) || r.caseMin() < 0 ? Double.NEGATIVE_INFINITY : 0;
  }

  /** True when the outsider knows the quantity whether or not the figure is hidden. */
  public boolean alwaysPublic(int quantity) {
    return fieldOf(quantity) == Field.DEN && rules[figureOf(quantity)].denominatorPublic();
  }

  /** True when the figure has the quantity (counts and sums have no denominator). */
  public boolean exists(int quantity) {
    return fieldOf(quantity) == Field.NUM || figures.get(figureOf(quantity)).hasDenominator();
  }

  private void addHierarchy(Map<String, String> kovCounty) {
    Map<String, List<Integer>> byMeasure = new TreeMap<>();
    for (int i = 0; i < figures.size(); i++) {
      byMeasure.computeIfAbsent(figures.get(i).measure(), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> e : byMeasure.entrySet()) {
      int first = e.getValue().get(0);
      if (!rules[first].hierarchical()) {
        continue;
      }
      Map<String, List<Integer>> kovsByCounty = new TreeMap<>();
      List<Integer> kovs = new ArrayList<>();
      Map<String, Integer> counties = new TreeMap<>();
      Integer nation = null;
      for (int i : e.getValue()) {
        Figure f = figures.get(i);
        switch (f.level()) {
          case Level.KOV -> {
            kovs.add(i);
            String county = kovCounty.get(f.unit());
            if (county != null) {
              kovsByCounty.computeIfAbsent(county, k -> new ArrayList<>()).add(i);
            }
          }
          case Level.COUNTY -> counties.put(f.unit(), i);
          case Level.NATION -> nation = i;
          default ->
              throw new IllegalArgumentException("unknown level " + f.level() + " of " + f.key());
        }
      }
      TreeSet<String> countyCodes = new TreeSet<>(counties.keySet());
      countyCodes.addAll(kovsByCounty.keySet());
      for (Field field : Field.values()) {
        if (field == Field.DEN && figures.get(first).kind().additive()) {
          continue;
        }
        for (String c : countyCodes) {
          addSum(
              "hierarchy " + e.getKey() + " " + field + " county " + c,
              counties.get(c),
              kovsByCounty.getOrDefault(c, List.of()),
              field);
        }
        if (nation != null || !kovs.isEmpty()) {
          addSum("hierarchy " + e.getKey() + " " + field + " nation", nation, kovs, field);
        }
        if (!counties.isEmpty()
            && kovsByCounty.values().stream().mapToInt(List::size).sum() == kovs.size()) {
          // every KOV has its county: the counties add up to the nation too
          addSum(
              "hierarchy " + e.getKey() + " " + field + " nation by county",
              nation,
              new ArrayList<>(counties.values()),
              field);
        }
      }
    }
  }

  /** total − Σ parts = 0 (a missing total is 0). */
  private void addSum(String name, Integer total, List<Integer> parts, Field field) {
    List<Integer> q = new ArrayList<>();
    List<Double> c = new ArrayList<>();
    if (total != null) {
      q.add(quantity(total, field));
      c.add(-1.0);
    }
    for (int p : parts) {
      q.add(quantity(p, field));
      c.add(1.0);
    }
    add(name, q, c);
  }

  private void addUnitIdentities() {
    Map<String, List<Integer>> units = new LinkedHashMap<>();
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      units.computeIfAbsent(f.level() + "/" + f.unit(), k -> new ArrayList<>()).add(i);
    }
    for (DisclosureRules.IdentityTemplate t : disclosure.identities()) {
      for (String unit : units.keySet()) {
        List<Integer> q = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        boolean any = false;
        for (DisclosureRules.Term term : t.terms()) {
          Integer i = index.get(unit + "/" + term.measure());
          if (i != null) {
            any = true;
            if (term.field() == Field.DEN && !figures.get(i).hasDenominator()) {
              throw new IllegalArgumentException(
                  "identity " + t.name() + ": " + term.measure() + " has no denominator");
            }
            q.add(quantity(i, term.field()));
            c.add(term.coefficient());
          }
        }
        if (any) {
          add(t.name() + " " + unit, q, c);
        }
      }
    }
  }

  private void addOccupancy(
      Map<String, String> kovCounty, Map<String, List<String>> allocationPeers) {
    disclosure
        .perAllocation()
        .forEach((occ, days) -> addPerAllocation(occ, days, kovCounty, allocationPeers));
  }

  /** The numerator of {@code occ} equal to the sum of {@code days} over its allocation's KOVs. */
  private void addPerAllocation(
      String occ,
      String days,
      Map<String, String> kovCounty,
      Map<String, List<String>> allocationPeers) {
    String name = occ.equals("OCCUPANCY") ? "occupancy days" : occ + " numerator";
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      if (!f.measure().equals(occ)) {
        continue;
      }
      List<String> kovs = new ArrayList<>();
      switch (f.level()) {
        case Level.KOV -> kovs.addAll(allocationPeers.getOrDefault(f.unit(), List.of()));
        case Level.COUNTY ->
            allocationPeers.keySet().stream()
                .filter(k -> f.unit().equals(kovCounty.get(k)))
                .sorted()
                .forEach(kovs::add);
        default -> allocationPeers.keySet().stream().sorted().forEach(kovs::add);
      }
      List<Integer> q = new ArrayList<>(List.of(quantity(i, Field.NUM)));
      List<Double> c = new ArrayList<>(List.of(-1.0));
      for (String k : kovs) {
        int d = indexOf(Level.KOV, k, days);
        if (d >= 0) {
          q.add(quantity(d, Field.NUM));
          c.add(1.0);
        }
      }
      add(name + " " + f.key(), q, c);
      if (!f.level().equals(Level.KOV)) {
        // every KOV of the unit with client days has an allocation: the unit's own client days
        int unitDays = indexOf(f.level(), f.unit(), days);
        boolean all = unitDays >= 0;
        for (int j = 0; j < figures.size() && all; j++) {
          Figure g = figures.get(j);
          boolean inUnit =
              f.level().equals(Level.NATION) || f.unit().equals(kovCounty.get(g.unit()));
          if (g.level().equals(Level.KOV)
              && g.measure().equals(days)
              && inUnit
              && g.numerator() != 0) {
            all = allocationPeers.containsKey(g.unit()) && kovCounty.containsKey(g.unit());
          }
        }
        if (all) {
          add(
              name + " equal " + f.key(),
              new ArrayList<>(List.of(quantity(i, Field.NUM), quantity(unitDays, Field.NUM))),
              new ArrayList<>(List.of(-1.0, 1.0)));
        }
      }
    }
  }

  private void add(String name, List<Integer> q, List<Double> c) {
    if (q.size() < 2) {
      return; // a lone quantity equal to 0 or a total without parts says nothing new
    }
    identities.add(
        new Identity(
            name,
            q.stream().mapToInt(Integer::intValue).toArray(),
            c.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /**
   * The declared identities that do not hold on these figures (left out: what does not hold is no
   * identity the outsider can use; a test checks that none is dropped on generated data).
   */
  public List<String> dropped() {
    return dropped;
  }

  private boolean holds(Identity id) {
    double sum = 0;
    double scale = 1;
    for (int k = 0; k < id.size(); k++) {
      double v = id.coefficients()[k] * value(id.quantities()[k]);
      sum += v;
      scale += Math.abs(v);
    }
    return Math.abs(sum) <= 1e-7 * scale;
  }
}

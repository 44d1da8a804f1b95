package ee.ska.iste.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The outsider's audit: for every hidden quantity that must be protected, the smallest and largest
 * value it can take given everything published (the visible figures' quantities as constants, the
 * model's identities and bounds), by linear programming (ojAlgo's {@link ExpressionsBasedModel});
 * whole counts have their bounds rounded inwards. Only the visible figures' values enter the
 * programmes; a hidden figure's true value is used only to judge the interval.
 *
 * <p>Which quantities must be protected: the numerator of every hidden figure (a count: interval at
 * least {@code countWidth} wide; a sum: reaching {@code sumMargin} of it either side), and the
 * denominator of a hidden figure whose denominator is a count below {@code min} (the reason it is
 * hidden).
 */
public final class Auditor {
  private static final double EPS = 1e-6;

  static {
    quietSolver();
    // The outsider's programmes are small (tens of variables) and solved thousands of times per
    // quarter: ojAlgo's presolvers (exact BigDecimal arithmetic) took 40% of the time and changed
    // no interval. This JVM uses ojAlgo for nothing else.
    ExpressionsBasedModel.clearPresolvers();
  }

  /**
   * ojAlgo prints a note about hardware profiles to stdout when it first loads, where the command
   * line writes its results: it is loaded here once with stdout held back.
   */
  private static synchronized void quietSolver() {
    java.io.PrintStream out = System.out;
    try {
      System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      Class.forName("org.ojalgo.OjAlgoUtils", true, Auditor.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the linear programming library is missing", e);
    } finally {
      System.setOut(out);
    }
  }

  /**
   * One quantity of a hidden figure judged: its feasible interval and whether that protects it (a
   * quantity that need not be protected passes).
   */
  public record Check(
      int figure,
      Field field,
      Protection protection,
      double value,
      double low,
      double high,
      boolean required,
      boolean pass) {}

  private final OutsiderModel model;

  private final String nationUnit;

  public Auditor(OutsiderModel model) {
    this.model = model;
    this.nationUnit =
        model.figures().stream().filter(Figure::national).map(Figure::unit).findFirst().orElse("");
  }

  /**
   * Every hidden figure judged, in figure order: the quantities that must be protected, and for a
   * figure with none (hidden only to protect others) its numerator, which passes whatever its
   * interval ({@code withUnrequired}; false leaves those out).
   *
   * @param primary the figures hidden by the primary rule
   */
  public List<Check> audit(boolean[] hidden, boolean[] primary, boolean withUnrequired) {
    List<Check> checks = new ArrayList<>();
    Set<Integer> known = pinned(hidden);
    Components comps = new Components(model, hidden, known);
    Map<Integer, List<Integer>> programmes = new HashMap<>();
    for (int f = 0; f < hidden.length; f++) {
      if (!hidden[f]) {
        continue;
      }
      List<Integer> required = protectedQuantities(f, primary[f]);
      List<Integer> judged = required;
      if (required.isEmpty() && withUnrequired && model.rule(f).numerator() != Protection.NONE) {
        judged = List.of(OutsiderModel.quantity(f, Field.NUM));
      }
      for (int q : judged) {
        if (known.contains(q)) {
          checks.add(judge(q, new double[] {model.value(q), model.value(q)}, required.contains(q)));
          continue;
        }
        List<Integer> members =
            programmes.computeIfAbsent(comps.root(q), r -> sorted(comps.members(r)));
        checks.add(judge(q, range(members, q), required.contains(q)));
      }
    }
    return checks;
  }

  /**
   * The checks of the protected quantities of one hidden figure under a mask. Only its component is
   * looked at (found by a walk from the quantity, not over the whole quarter): what substitution
   * pins there, then the programme over the rest of it.
   */
  public List<Check> audit(boolean[] hidden, boolean primary, int figure) {
    List<Check> checks = new ArrayList<>();
    for (int q : protectedQuantities(figure, primary)) {
      List<Integer> comp = component(hidden, q, Set.of());
      Set<Integer> known = pinnedWithin(hidden, comp);
      if (known.contains(q)) {
        checks.add(judge(q, new double[] {model.value(q), model.value(q)}, true));
        continue;
      }
      checks.add(judge(q, range(sorted(component(hidden, q, known)), q), true));
    }
    return checks;
  }

  /**
   * The outsider's programme over a component depends on nothing but its members (the other
   * quantities of their identities are published, or pinned and so known at their values): its
   * intervals are kept, so that a component unchanged by the last hiding is not solved again.
   */
  private final Map<List<Integer>, Map<Integer, double[]>> solved = new HashMap<>();

  private double[] range(List<Integer> members, int q) {
    Map<Integer, double[]> ranges = solved.computeIfAbsent(members, k -> new HashMap<>());
    double[] r = ranges.get(q);
    if (r == null) {
      r = new Lp(model, members).range(q);
      ranges.put(q, r);
    }
    return r;
  }

  private static List<Integer> sorted(List<Integer> members) {
    List<Integer> out = new ArrayList<>(members);
    out.sort(null);
    return List.copyOf(out);
  }

  /**
   * The hidden quantities linked to q through identities and hidden figures (a figure's numerator
   * and denominator), leaving out {@code known} ones (constants to the outsider).
   */
  List<Integer> component(boolean[] hidden, int q, Set<Integer> known) {
    Set<Integer> seen = new LinkedHashSet<>();
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    seen.add(q);
    todo.add(q);
    while (!todo.isEmpty()) {
      int x = todo.poll();
      for (int i : model.identitiesOf(x)) {
        for (int y : model.identities().get(i).quantities()) {
          if (!known.contains(y) && isHidden(model, hidden, y) && seen.add(y)) {
            todo.add(y);
          }
        }
      }
      int f = OutsiderModel.figureOf(x);
      int other =
          OutsiderModel.quantity(f, OutsiderModel.fieldOf(x) == Field.NUM ? Field.DEN : Field.NUM);
      if (hidden[f]
          && !known.contains(other)
          && isHidden(model, hidden, other)
          && seen.add(other)) {
        todo.add(other);
      }
    }
    return new ArrayList<>(seen);
  }

  /** {@link #pinned} within one component: the identities touching it only. */
  private Set<Integer> pinnedWithin(boolean[] hidden, List<Integer> comp) {
    Set<Integer> ids = new java.util.TreeSet<>();
    comp.forEach(x -> ids.addAll(model.identitiesOf(x)));
    return pinnedBy(hidden, ids);
  }

  /**
   * The hidden quantities the outsider works out exactly by substitution alone: an identity with
   * one unknown term gives it, repeatedly (what the programmes would find, without solving them).
   */
  Set<Integer> pinned(boolean[] hidden) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < model.identities().size(); i++) {
      all.add(i);
    }
    return pinnedBy(hidden, all);
  }

  /** The hidden quantities substitution gives away through the identities {@code ids}. */
  private Set<Integer> pinnedBy(boolean[] hidden, Iterable<Integer> ids) {
    Set<Integer> known = new java.util.HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i : ids) {
        int unknown = -1;
        int count = 0;
        for (int x : model.identities().get(i).quantities()) {
          if (isHidden(model, hidden, x) && !known.contains(x)) {
            count++;
            unknown = x;
            if (count > 1) {
              break;
            }
          }
        }
        if (count == 1) {
          known.add(unknown);
          changed = true;
        }
      }
    }
    return known;
  }

  /**
   * The quantities of a hidden figure that must be protected: a count from 1 to {@code min − 1} (a
   * zero or a large count tells nothing the rules would hide), a denominator that is a count below
   * {@code min}, and the sum of a figure the primary rule hides (a sum resting on few cases, a
   * mean's total over few cases).
   */
  public List<Integer> protectedQuantities(int f, boolean primary) {
    Figure fig = model.figure(f);
    MeasureRule r = model.rule(f);
    int min = model.disclosure().min();
    List<Integer> out = new ArrayList<>();
    boolean smallCount =
        r.numerator() == Protection.COUNT && fig.numerator() >= 1 && fig.numerator() < min;
    boolean primarySum = r.numerator() == Protection.SUM && primary && fig.numerator() != 0;
    if (smallCount || primarySum) {
      out.add(OutsiderModel.quantity(f, Field.NUM));
    }
    if (fig.hasDenominator()
        && !r.denominatorPublic()
        && r.denominator() == Protection.COUNT
        && fig.denominator() < min) {
      out.add(OutsiderModel.quantity(f, Field.DEN));
    }
    return out;
  }

  private Check judge(int q, double[] range, boolean required) {
    int f = OutsiderModel.figureOf(q);
    Field field = OutsiderModel.fieldOf(q);
    MeasureRule r = model.rule(f);
    Protection p = field == Field.NUM ? r.numerator() : r.denominator();
    double v = model.value(q);
    double low = range[0];
    double high = range[1];
    if (p == Protection.COUNT) {
      low = Double.isInfinite(low) ? low : Math.ceil(low - EPS);
      high = Double.isInfinite(high) ? high : Math.floor(high + EPS);
    }
    boolean pass = passes(p, v, low, high, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    if (!pass && required) {
      // what the national figures (never hidden) allow: the interval with every other figure of
      // the measure hidden, then (narrower, so asking less) with every figure of its family hidden
      double[] widest = widest(q);
      pass = passes(p, v, low, high, widest[0], widest[1]);
      if (!pass) {
        double[] floor = floor(q);
        pass = passes(p, v, low, high, floor[0], floor[1]);
      }
    }
    return new Check(f, field, p, v, low + 0.0, high + 0.0, required, pass || !required);
  }

  /**
   * Whether [low, high] protects v: a count's interval at least {@code countWidth} wide, a sum's
   * reaching {@code sumMargin} of it either side — or as wide as [capLow, capHigh], the most the
   * national figures allow.
   */
  private boolean passes(
      Protection p, double v, double low, double high, double capLow, double capHigh) {
    if (p == Protection.COUNT) {
      double cl = Double.isInfinite(capLow) ? capLow : Math.ceil(capLow - EPS);
      double ch = Double.isInfinite(capHigh) ? capHigh : Math.floor(capHigh + EPS);
      double need = Math.min(model.disclosure().countWidth(), ch - cl);
      return high - low >= need - EPS;
    }
    double margin = model.disclosure().sumMargin() * Math.abs(v);
    double tol = EPS * Math.max(1, Math.abs(v));
    double wantLow = Math.max(v - margin, capLow);
    double wantHigh = Math.min(v + margin, capHigh);
    return low <= wantLow + tol && high >= wantHigh - tol;
  }

  private final Map<Integer, double[]> widest = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The interval of q with every figure of its measure below the nation hidden, under the measure's
   * own identities (the hierarchy) and bounds only: at least as wide as anything hiding more could
   * give, since identities with other measures only narrow it. What the national figure alone pins
   * down cannot be protected by hiding, and is not asked for.
   */
  private double[] widest(int q) {
    return widest.computeIfAbsent(
        q,
        k -> {
          String measure = model.figure(OutsiderModel.figureOf(q)).measure();
          boolean[] mask = new boolean[model.figures().size()];
          List<Integer> members = new ArrayList<>();
          for (int i = 0; i < mask.length; i++) {
            Figure g = model.figure(i);
            if (g.measure().equals(measure) && !g.national()) {
              mask[i] = true;
              for (Field fl : Field.values()) {
                int x = OutsiderModel.quantity(i, fl);
                if (isHidden(model, mask, x)) {
                  members.add(x);
                }
              }
            }
          }
          return new Lp(model, members, measure).range(q);
        });
  }

  private final Map<Integer, double[]> floor = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The interval of q with every figure below the nation of every measure of its {@linkplain
   * OutsiderModel#family family} hidden, under all their identities: exactly the most any
   * suppression can give (figures of other measures share no identity with these), what the
   * national figures and the rows that exist pin down. {@link Suppression}'s last resort reaches
   * it.
   */
  private double[] floor(int q) {
    return floor.computeIfAbsent(
        q,
        k -> {
          Set<String> family = model.family(model.figure(OutsiderModel.figureOf(q)).measure());
          boolean[] mask = new boolean[model.figures().size()];
          for (int i = 0; i < mask.length; i++) {
            Figure g = model.figure(i);
            mask[i] = family.contains(g.measure()) && !g.national();
          }
          return new Lp(model, component(mask, q, Set.of())).range(q);
        });
  }

  private String nationUnit(String measure) {
    return nationUnit;
  }

  /** Quantities linked by identities and bounds through hidden quantities (union-find). */
  static final class Components {
    private final Map<Integer, Integer> parent = new HashMap<>();
    private final Map<Integer, List<Integer>> members = new HashMap<>();

    /**
     * @param known hidden quantities known exactly: constants, not variables
     */
    Components(OutsiderModel m, boolean[] hidden, Set<Integer> known) {
      for (Identity id : m.identities()) {
        int first = -1;
        for (int q : id.quantities()) {
          if (isHidden(m, hidden, q) && !known.contains(q)) {
            if (first < 0) {
              first = q;
              find(q);
            } else {
              union(first, q);
            }
          }
        }
      }
      for (int f = 0; f < hidden.length; f++) {
        int num = OutsiderModel.quantity(f, Field.NUM);
        int den = OutsiderModel.quantity(f, Field.DEN);
        if (hidden[f] && !known.contains(num)) {
          find(num);
          if (isHidden(m, hidden, den) && !known.contains(den)) {
            union(num, den);
          }
        }
      }
      for (int q : new ArrayList<>(parent.keySet())) {
        members.computeIfAbsent(find(q), k -> new ArrayList<>()).add(q);
      }
    }

    int root(int q) {
      return find(q);
    }

    List<Integer> members(int root) {
      return members.getOrDefault(root, List.of(root));
    }

    private int find(int q) {
      Integer p = parent.putIfAbsent(q, q);
      if (p == null || p == q) {
        return q;
      }
      int r = find(p);
      parent.put(q, r);
      return r;
    }

    private void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        if (ra < rb) {
          parent.put(rb, ra);
        } else {
          parent.put(ra, rb);
        }
      }
    }
  }

  static boolean isHidden(OutsiderModel m, boolean[] hidden, int q) {
    return m.exists(q) && hidden[OutsiderModel.figureOf(q)] && !m.alwaysPublic(q);
  }

  /**
   * The linear programme of one component: its hidden quantities are the variables, solved by
   * ojAlgo's {@link ExpressionsBasedModel} (a fresh model per objective).
   */
  static final class Lp {
    /** One row: Σ coefficient × variable, between low and high (equal for an identity). */
    private record Row(Map<Integer, Double> terms, double low, double high) {}

    private final Map<Integer, Integer> var = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final double[] lower;
    private final int k;

    Lp(OutsiderModel m, List<Integer> quantities) {
      this(m, quantities, null);
    }

    /**
     * @param onlyMeasure when set, only the identities among that measure's figures
     */
    Lp(OutsiderModel m, List<Integer> quantities, String onlyMeasure) {
      for (int q : quantities) {
        var.put(q, var.size());
      }
      k = var.size();
      lower = new double[k];
      for (int q : quantities) {
        lower[var.get(q)] = m.lowerBound(q);
      }
      Set<Integer> ids = new LinkedHashSet<>();
      for (int q : quantities) {
        ids.addAll(m.identitiesOf(q));
      }
      for (int i : ids) {
        Identity id = m.identities().get(i);
        if (onlyMeasure != null && !ofMeasure(m, id, onlyMeasure)) {
          continue;
        }
        Map<Integer, Double> terms = new java.util.TreeMap<>();
        double rhs = 0;
        for (int t = 0; t < id.size(); t++) {
          int q = id.quantities()[t];
          Integer v = var.get(q);
          if (v != null) {
            terms.merge(v, id.coefficients()[t], Double::sum);
          } else {
            rhs -= id.coefficients()[t] * m.value(q); // a published (or worked-out) quantity
          }
        }
        rows.add(new Row(terms, rhs, rhs));
      }
      for (int q : quantities) {
        if (OutsiderModel.fieldOf(q) != Field.NUM) {
          continue;
        }
        int v = var.get(q);
        int f = OutsiderModel.figureOf(q);
        MeasureRule r = m.rule(f);
        if (!m.figure(f).hasDenominator()) {
          continue;
        }
        int den = OutsiderModel.quantity(f, Field.DEN);
        Integer dv = var.get(den);
        double dValue = m.value(den);
        if (!Double.isNaN(r.caseMin())) {
          rows.add(caseBound(v, dv, r.caseMin(), dValue, true));
        }
        if (!Double.isNaN(r.caseMax())) {
          rows.add(caseBound(v, dv, r.caseMax(), dValue, false));
        }
      }
    }

    private static boolean ofMeasure(OutsiderModel m, Identity id, String measure) {
      for (int q : id.quantities()) {
        if (!m.figure(OutsiderModel.figureOf(q)).measure().equals(measure)) {
          return false;
        }
      }
      return true;
    }

    /** num − c × den ≥ 0 (or ≤ 0), the denominator a variable or a published constant. */
    private static Row caseBound(int num, Integer den, double c, double denValue, boolean atLeast) {
      Map<Integer, Double> terms = new java.util.TreeMap<>();
      terms.put(num, 1.0);
      double bound = 0;
      if (den != null) {
        terms.merge(den, -c, Double::sum);
      } else {
        bound = c * denValue;
      }
      return atLeast
          ? new Row(terms, bound, Double.POSITIVE_INFINITY)
          : new Row(terms, Double.NEGATIVE_INFINITY, bound);
    }

    /** {min, max} of quantity q (±∞ when unbounded). */
    double[] range(int q) {
      Presolved p = presolved();
      int v = var.get(q);
      int r = p.root(v);
      double s = p.scale[v];
      double o = p.offset[v];
      double[] root = p.inRows[r] ? p.solve(r) : new double[] {p.lo[r], p.hi[r]};
      double a = s * root[0] + o;
      double b = s * root[1] + o;
      return s >= 0 ? new double[] {a, b} : new double[] {b, a};
    }

    private Presolved presolved;

    private Presolved presolved() {
      if (presolved == null) {
        presolved = new Presolved(k, lower, rows);
      }
      return presolved;
    }

    /**
     * The programme made smaller before it is solved, as the outsider would by hand: an identity of
     * two unknowns (a figure's denominator equal to a count, client-months = client days ÷ 30.4375,
     * a cost numerator equal to {@code COST}) expresses one as a multiple of the other and is
     * dropped, a row of one unknown becomes a bound, and rows made equal by this are kept once.
     * Every variable is then {@code scale × root + offset}; a root in no row is bounded by its
     * bounds alone and needs no programme. The ranges are those of the programme as written: only
     * exact substitutions are made.
     */
    private static final class Presolved {
      private final int[] rep;
      private final double[] scale;
      private final double[] offset;
      private final double[] lo;
      private final double[] hi;
      private final boolean[] inRows;
      private final List<Row> rows;

      Presolved(int k, double[] lower, List<Row> original) {
        rep = new int[k];
        scale = new double[k];
        offset = new double[k];
        lo = lower.clone();
        hi = new double[k];
        for (int i = 0; i < k; i++) {
          rep[i] = i;
          scale[i] = 1;
          hi[i] = Double.POSITIVE_INFINITY;
        }
        List<Row> work = new ArrayList<>(original);
        boolean changed = true;
        while (changed) {
          changed = false;
          List<Row> next = new ArrayList<>();
          for (Row row : work) {
            Row sub = substituted(row);
            if (sub.terms().size() <= 1) {
              bound(sub);
              changed |= !sub.terms().isEmpty();
            } else if (sub.terms().size() == 2 && sub.low() == sub.high()) {
              eliminate(sub);
              changed = true;
            } else {
              next.add(sub);
            }
          }
          work = next;
        }
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        rows = new ArrayList<>();
        inRows = new boolean[k];
        for (Row row : work) {
          Row sub = substituted(row);
          if (sub.terms().size() <= 1) {
            bound(sub);
          } else if (seen.add(key(sub))) {
            rows.add(sub);
            sub.terms().keySet().forEach(i -> inRows[i] = true);
          }
        }
        for (int i = 0; i < k; i++) {
          if (rep[i] == i && lo[i] > hi[i]) {
            if (lo[i] - hi[i] > EPS * Math.max(1, Math.abs(lo[i]))) {
              throw new IllegalStateException(
                  "the outsider's programme has no solution (bounds): the published figures"
                      + " contradict the identities");
            }
            double mid = (lo[i] + hi[i]) / 2;
            lo[i] = mid;
            hi[i] = mid;
          }
        }
      }

      /** The root of variable i, its scale and offset brought up to date (path compression). */
      int root(int i) {
        int r = rep[i];
        if (r == i) {
          return i;
        }
        int top = root(r);
        if (top != r) {
          offset[i] = scale[i] * offset[r] + offset[i];
          scale[i] = scale[i] * scale[r];
          rep[i] = top;
        }
        return top;
      }

      /** The row over roots: terms merged, constants moved to the bounds, zero terms dropped. */
      private Row substituted(Row row) {
        Map<Integer, Double> terms = new java.util.TreeMap<>();
        double shift = 0;
        for (Map.Entry<Integer, Double> t : row.terms().entrySet()) {
          int v = t.getKey();
          int r = root(v);
          terms.merge(r, t.getValue() * scale[v], Double::sum);
          shift += t.getValue() * offset[v];
        }
        terms.values().removeIf(c -> Math.abs(c) < 1e-12);
        return new Row(terms, row.low() - shift, row.high() - shift);
      }

      /** A row of one root: its bounds tightened (of none: nothing). */
      private void bound(Row row) {
        if (row.terms().isEmpty()) {
          return;
        }
        Map.Entry<Integer, Double> t = row.terms().entrySet().iterator().next();
        int v = t.getKey();
        double c = t.getValue();
        double a = row.low() / c;
        double b = row.high() / c;
        lo[v] = Math.max(lo[v], Math.min(a, b));
        hi[v] = Math.min(hi[v], Math.max(a, b));
      }

      /** a·u + b·w = r: u = (−b/a)·w + r/a; u's bounds move onto w. */
      private void eliminate(Row row) {
        var it = row.terms().entrySet().iterator();
        Map.Entry<Integer, Double> first = it.next();
        Map.Entry<Integer, Double> second = it.next();
        int u = first.getKey();
        int w = second.getKey();
        double s = -second.getValue() / first.getValue();
        double o = row.low() / first.getValue();
        rep[u] = w;
        scale[u] = s;
        offset[u] = o;
        // lo_u ≤ s·w + o ≤ hi_u
        double a = (lo[u] - o) / s;
        double b = (hi[u] - o) / s;
        if (s > 0) {
          lo[w] = Math.max(lo[w], a);
          hi[w] = Math.min(hi[w], b);
        } else {
          lo[w] = Math.max(lo[w], b);
          hi[w] = Math.min(hi[w], a);
        }
      }

      /** A row up to a positive (inequality) or any (identity) factor, rounded: for duplicates. */
      private static List<Object> key(Row row) {
        double f = row.terms().values().iterator().next();
        if (row.low() != row.high()) {
          f = Math.abs(f);
        }
        List<Object> k = new ArrayList<>();
        for (Map.Entry<Integer, Double> t : row.terms().entrySet()) {
          k.add(t.getKey());
          k.add(round(t.getValue() / f));
        }
        k.add(round(row.low() / f));
        k.add(round(row.high() / f));
        return k;
      }

      private static double round(double v) {
        return Double.isInfinite(v) ? v : Math.round(v * 1e9) / 1e9;
      }

      /** {min, max} of root r under the rows and bounds. */
      double[] solve(int r) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        Variable[] vars = new Variable[rep.length];
        for (int i = 0; i < rep.length; i++) {
          if (rep[i] == i && inRows[i]) {
            vars[i] = m.addVariable("x" + i);
            if (!Double.isInfinite(lo[i])) {
              vars[i].lower(lo[i]);
            }
            if (!Double.isInfinite(hi[i])) {
              vars[i].upper(hi[i]);
            }
          }
        }
        for (int j = 0; j < rows.size(); j++) {
          Row row = rows.get(j);
          Expression e = m.addExpression("r" + j);
          row.terms().forEach((i, c) -> e.set(vars[i], c));
          if (!Double.isInfinite(row.low())) {
            e.lower(row.low());
          }
          if (!Double.isInfinite(row.high())) {
            e.upper(row.high());
          }
        }
        vars[r].weight(1.0);
        return new double[] {optimum(m, false), optimum(m, true)};
      }
    }

    private static double optimum(ExpressionsBasedModel model, boolean max) {
      Optimisation.Result result = max ? model.maximise() : model.minimise();
      Optimisation.State state = result.getState();
      if (state == Optimisation.State.UNBOUNDED) {
        return max ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      }
      if (!state.isFeasible()) {
        throw new IllegalStateException(
            "the outsider's programme has no solution ("
                + state
                + "): the published figures contradict the identities");
      }
      return result.getValue();
    }
  }
}

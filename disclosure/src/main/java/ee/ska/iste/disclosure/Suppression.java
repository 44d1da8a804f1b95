package ee.ska.iste.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Primary and secondary suppression of one quarter's figures: starting from {@link Primary}, more
 * figures are hidden until the {@link Auditor} finds every hidden quantity protected.
 *
 * <p>For a hidden quantity that fails, the candidates are the visible, non-national figures that
 * share an identity with it — the identities with the fewest hidden terms first, in each the
 * smallest quantity first (zeros included), then level, unit and measure. The first candidate whose
 * hiding protects the failing quantity is hidden; when none of the first {@value #TRIALS} does, the
 * one that widens its interval most (or, if none widens it, every candidate of its tightest
 * identity). A figure is hidden with its twins (figures tied to it by an identity of two terms).
 * Every step hides at least one more figure, so it ends; if a quantity still fails, every figure
 * below the nation of its measure's family (the measures its identities tie it to) is hidden: the
 * widest the national figures allow, which the audit accepts. The same figures give the same
 * result.
 */
public final class Suppression {
  static final int TRIALS = 12;

  /** Why a figure is hidden. */
  public enum Reason {
    PRIMARY,
    SECONDARY
  }

  /** The figures hidden and why (null: shown), and the final audit. */
  public record Result(Reason[] reasons, List<Auditor.Check> audit) {
    public boolean hidden(int figure) {
      return reasons[figure] != null;
    }

    public boolean passed() {
      return audit.stream().allMatch(Auditor.Check::pass);
    }

    public long count(Reason r) {
      long n = 0;
      for (Reason x : reasons) {
        n += x == r ? 1 : 0;
      }
      return n;
    }
  }

  private final OutsiderModel model;
  private final Auditor auditor;

  public Suppression(OutsiderModel model) {
    this.model = model;
    this.auditor = new Auditor(model);
  }

  public Result apply() {
    boolean[] primary = Primary.mask(model);
    boolean[] hidden = primary.clone();
    for (int i = 0; i < hidden.length; i++) {
      if (primary[i]) {
        hideWithTwins(hidden, i);
      }
    }
    List<Auditor.Check> audit = auditor.audit(hidden, primary, false);
    int rounds = 0;
    while (audit.stream().anyMatch(c -> !c.pass()) && rounds++ < hidden.length) {
      boolean changed = false;
      for (Auditor.Check c : audit) {
        if (c.pass()) {
          continue;
        }
        Auditor.Check now = recheck(hidden, primary, c);
        if (now == null || now.pass()) {
          continue;
        }
        changed |= protect(hidden, primary, now);
      }
      audit = auditor.audit(hidden, primary, false);
      if (!changed) {
        break; // nothing more can be hidden: the audit stays failed and publishing stops
      }
    }
    if (audit.stream().anyMatch(c -> !c.pass())) {
      // last resort: every figure below the nation of a failing measure's family (the measures
      // its identities tie it to): what the national figures allow, which the audit accepts
      for (Auditor.Check c : audit) {
        if (!c.pass()) {
          Set<String> family = model.family(model.figure(c.figure()).measure());
          for (int i = 0; i < hidden.length; i++) {
            if (!hidden[i]
                && !model.figure(i).national()
                && family.contains(model.figure(i).measure())) {
              hideWithTwins(hidden, i);
            }
          }
        }
      }
    }
    audit = auditor.audit(hidden, primary, true);
    Reason[] reasons = new Reason[hidden.length];
    for (int i = 0; i < hidden.length; i++) {
      reasons[i] = primary[i] ? Reason.PRIMARY : hidden[i] ? Reason.SECONDARY : null;
    }
    return new Result(reasons, audit);
  }

  private Auditor.Check recheck(boolean[] hidden, boolean[] primary, Auditor.Check c) {
    for (Auditor.Check x : auditor.audit(hidden, primary[c.figure()], c.figure())) {
      if (x.field() == c.field()) {
        return x;
      }
    }
    return null;
  }

  /** Hides one or more figures for a failing check; false when there is no candidate. */
  private boolean protect(boolean[] hidden, boolean[] primary, Auditor.Check failing) {
    List<List<Integer>> byIdentity = candidates(hidden, failing);
    List<Integer> all = new ArrayList<>();
    byIdentity.forEach(l -> l.stream().filter(x -> !all.contains(x)).forEach(all::add));
    if (all.isEmpty()) {
      return false;
    }
    int best = -1;
    double bestWidth = width(failing);
    for (int i = 0; i < Math.min(TRIALS, all.size()); i++) {
      int cand = all.get(i);
      boolean[] trial = hidden.clone();
      hideWithTwins(trial, cand);
      Auditor.Check after = recheck(trial, primary, failing);
      if (after != null && after.pass()) {
        System.arraycopy(trial, 0, hidden, 0, hidden.length);
        return true;
      }
      double w = after == null ? bestWidth : width(after);
      if (w > bestWidth + 1e-9) {
        bestWidth = w;
        best = cand;
      }
    }
    if (best >= 0) {
      hideWithTwins(hidden, best);
      return true;
    }
    for (List<Integer> tightest : byIdentity) {
      if (!tightest.isEmpty()) {
        tightest.forEach(x -> hideWithTwins(hidden, x));
        return true;
      }
    }
    return false;
  }

  /**
   * Hides a figure and every non-national figure tied to it by an identity of two terms (a share's
   * denominator equal to a count, an occupancy's client days equal to a KOV's): shown, the twin
   * would give the hidden figure away.
   */
  private void hideWithTwins(boolean[] hidden, int figure) {
    List<Integer> todo = new ArrayList<>(List.of(figure));
    while (!todo.isEmpty()) {
      int f = todo.remove(todo.size() - 1);
      hidden[f] = true;
      for (Field field : Field.values()) {
        for (int i : model.identitiesOf(OutsiderModel.quantity(f, field))) {
          Identity id = model.identities().get(i);
          if (id.size() != 2) {
            continue;
          }
          for (int q : id.quantities()) {
            int g = OutsiderModel.figureOf(q);
            if (!hidden[g] && !model.figure(g).national() && !model.alwaysPublic(q)) {
              todo.add(g);
            }
          }
        }
      }
    }
  }

  private static double width(Auditor.Check c) {
    return c.high() - c.low();
  }

  /** Per identity of the failing quantity (tightest first), its visible non-national figures. */
  private List<List<Integer>> candidates(boolean[] hidden, Auditor.Check failing) {
    int q = OutsiderModel.quantity(failing.figure(), failing.field());
    Comparator<Integer> tightest =
        Comparator.<Integer>comparingInt(i -> hiddenTerms(hidden, model.identities().get(i)))
            .thenComparingInt(i -> model.identities().get(i).size())
            .thenComparing(i -> model.identities().get(i).name());
    List<Integer> ids = new ArrayList<>(model.identitiesOf(q));
    ids.sort(tightest);
    // then the identities of the rest of its component: a figure shown there may pin it too
    Set<Integer> more = new java.util.TreeSet<>();
    for (int member : auditor.component(hidden, q, Set.of())) {
      more.addAll(model.identitiesOf(member));
    }
    more.removeAll(ids);
    List<Integer> rest = new ArrayList<>(more);
    rest.sort(tightest);
    ids.addAll(rest);
    List<List<Integer>> out = new ArrayList<>();
    for (int i : ids) {
      Identity id = model.identities().get(i);
      Set<Integer> figs = new LinkedHashSet<>();
      List<int[]> terms = new ArrayList<>();
      for (int t = 0; t < id.size(); t++) {
        int f = OutsiderModel.figureOf(id.quantities()[t]);
        if (!hidden[f] && !model.figure(f).national() && figs.add(f)) {
          terms.add(new int[] {f, id.quantities()[t]});
        }
      }
      terms.sort(
          Comparator.<int[]>comparingDouble(x -> Math.abs(model.value(x[1])))
              .thenComparing(x -> model.figure(x[0]).level())
              .thenComparing(x -> model.figure(x[0]).unit())
              .thenComparing(x -> model.figure(x[0]).measure()));
      out.add(terms.stream().map(x -> x[0]).toList());
    }
    return out;
  }

  private int hiddenTerms(boolean[] hidden, Identity id) {
    int n = 0;
    for (int q : id.quantities()) {
      n += Auditor.isHidden(model, hidden, q) ? 1 : 0;
    }
    return n;
  }
}

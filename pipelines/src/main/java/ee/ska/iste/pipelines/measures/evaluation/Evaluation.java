package ee.ska.iste.pipelines.measures.evaluation;

import ee.ska.iste.pipelines.measures.Kind;
import ee.ska.iste.pipelines.measures.MeasureDefinition;
import ee.ska.iste.pipelines.measures.Stats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The evaluation figures of one quarter from its {@code QOL_N} cases (measures.md, Evaluation): the
 * case-mix model, {@code QOL_CHANGE_EXPECTED} and {@code QOL_CHANGE_ADJ} per KOV, county and
 * nation, and per KOV the shrunken {@code QOL_CHANGE_EB} and {@code QOL_CHANGE_ADJ_EB} with their
 * ranks. Pure Java: the cases of a quarter are few (one row per case with a change).
 *
 * <p>Disclosure: every figure carries the {@code suppressed} flag of its unit's {@code QOL_CHANGE}
 * row. The shrunken figures and ranks of a quarter and measure are all hidden when exactly one KOV
 * of the pool is hidden: the pooled mean and τ², which the shown figures reveal, would pin its
 * figure down.
 */
public final class Evaluation {
  public static final String EXPECTED = "QOL_CHANGE_EXPECTED";
  public static final String ADJ = "QOL_CHANGE_ADJ";
  public static final String EB = "QOL_CHANGE_EB";
  public static final String ADJ_EB = "QOL_CHANGE_ADJ_EB";
  public static final String EB_RANK = "QOL_CHANGE_EB_RANK";
  public static final String ADJ_EB_RANK = "QOL_CHANGE_ADJ_EB_RANK";

  /** The measures whose figures this class computes, in the registry's order. */
  public static final List<MeasureDefinition> DEFINITIONS =
      List.of(
          new MeasureDefinition(EXPECTED, Kind.MODEL),
          new MeasureDefinition(ADJ, Kind.MODEL),
          new MeasureDefinition(EB, Kind.MODEL),
          new MeasureDefinition(ADJ_EB, Kind.MODEL),
          new MeasureDefinition(EB_RANK, Kind.MODEL),
          new MeasureDefinition(ADJ_EB_RANK, Kind.MODEL));

  static final String KOV = "KOV";
  static final String COUNTY = "MAAKOND";
  static final String NATION = "RIIK";
  static final String NATIONAL_UNIT = "EE";

  /** The measure whose flag every evaluation figure carries. */
  public static final String SOURCE = "QOL_CHANGE";

  private Evaluation() {}

  /**
   * One evaluation figure: the columns of {@code mart_outcomes} (without funnel_flag) and n (the
   * unit's cases) and sd (the sd behind the interval, for the funnel limits of the adjusted
   * figure).
   */
  public record Figure(
      String level,
      String unitCode,
      String quarter,
      String measure,
      long n,
      double value,
      Double numerator,
      Double denominator,
      Double ciLow,
      Double ciHigh,
      Double sd,
      boolean suppressed) {}

  /** A quarter's model (empty when none could be fitted) and figures. */
  public record Result(Optional<CasemixModel.Fit> model, List<Figure> figures) {}

  /** The flags of the units' {@code QOL_CHANGE} figures. */
  @FunctionalInterface
  public interface SourceFlags {
    /** True when the unit's QOL_CHANGE figure is hidden (or missing). */
    boolean hidden(String level, String unitCode);

    /** Flags from a map keyed {@code level/unit_code}; a missing unit counts as hidden. */
    static SourceFlags of(Map<String, Boolean> byUnit) {
      return (level, unit) -> byUnit.getOrDefault(level + "/" + unit, true);
    }
  }

  /** The evaluation of one quarter's cases. */
  public static Result of(String quarter, List<CaseRow> caseRows, SourceFlags flags) {
    List<CaseRow> cases = new ArrayList<>(caseRows);
    cases.sort(Comparator.comparing(CaseRow::caseId));
    for (CaseRow c : cases) {
      if (!c.quarter().equals(quarter)) {
        throw new IllegalArgumentException("case " + c.caseId() + " is of " + c.quarter());
      }
    }
    Optional<CasemixModel.Fit> fit = CasemixModel.fit(quarter, cases);
    Map<String, Unit> units = new TreeMap<>();
    for (int i = 0; i < cases.size(); i++) {
      CaseRow c = cases.get(i);
      double prediction = fit.isPresent() ? fit.get().predictions()[i] : Double.NaN;
      unit(units, KOV, c.kovCode()).add(c.change(), prediction);
      if (c.countyCode() != null) {
        unit(units, COUNTY, c.countyCode()).add(c.change(), prediction);
      }
      unit(units, NATION, NATIONAL_UNIT).add(c.change(), prediction);
    }
    List<Figure> figures = new ArrayList<>();
    if (cases.isEmpty()) {
      return new Result(fit, figures);
    }
    double s = fit.map(CasemixModel.Fit::residualSd).orElse(Double.NaN);
    double national = units.get(NATION + "/" + NATIONAL_UNIT).mean();
    List<Shrinkage.Estimate> raw = new ArrayList<>();
    List<Shrinkage.Estimate> adjusted = new ArrayList<>();
    for (Unit u : units.values()) {
      boolean hidden = !u.level.equals(NATION) && flags.hidden(u.level, u.code);
      long n = u.changes.size();
      boolean pooled = u.level.equals(KOV) && n >= 2;
      if (pooled && u.sd() > 0) {
        raw.add(new Shrinkage.Estimate(u.code, u.mean(), u.sd() * u.sd() / n, n));
      }
      if (fit.isEmpty()) {
        continue;
      }
      double expected = u.sumPredictions / n;
      double adj = national + (u.mean() - expected);
      Double half = n >= 2 ? Stats.studentTQuantile(0.975, n - 1) * s / Math.sqrt(n) : null;
      figures.add(
          new Figure(
              u.level,
              u.code,
              quarter,
              EXPECTED,
              n,
              expected,
              u.sumPredictions,
              (double) n,
              null,
              null,
              null,
              hidden));
      figures.add(
          new Figure(
              u.level,
              u.code,
              quarter,
              ADJ,
              n,
              adj,
              null,
              (double) n,
              half == null ? null : adj - half,
              half == null ? null : adj + half,
              s,
              hidden));
      if (pooled && s > 0) {
        adjusted.add(new Shrinkage.Estimate(u.code, adj, s * s / n, n));
      }
    }
    figures.addAll(shrunk(quarter, EB, EB_RANK, raw, flags));
    figures.addAll(shrunk(quarter, ADJ_EB, ADJ_EB_RANK, adjusted, flags));
    return new Result(fit, List.copyOf(figures));
  }

  /**
   * The shrunken figures of one measure and, when τ² > 0, their ranks. With τ² = 0 every estimate
   * is the pooled mean and every posterior a point there: the KOVs cannot be told apart, so no
   * ranks are written (ranking them by code would claim a certainty there is none).
   */
  private static List<Figure> shrunk(
      String quarter,
      String measure,
      String rankMeasure,
      List<Shrinkage.Estimate> pool,
      SourceFlags flags) {
    List<Figure> out = new ArrayList<>();
    if (pool.size() < 2) {
      return out;
    }
    long hiddenInPool = pool.stream().filter(e -> flags.hidden(KOV, e.kovCode())).count();
    boolean hideAll = hiddenInPool == 1;
    Shrinkage.Pooled pooled = Shrinkage.pool(pool);
    for (Shrinkage.Shrunk k : pooled.kovs()) {
      out.add(
          new Figure(
              KOV,
              k.kovCode(),
              quarter,
              measure,
              k.n(),
              k.eb(),
              null,
              (double) k.n(),
              k.ciLow(),
              k.ciHigh(),
              null,
              hideAll || flags.hidden(KOV, k.kovCode())));
    }
    if (pooled.tau2() > 0) {
      for (Shrinkage.Rank r :
          Shrinkage.ranks(pooled.kovs(), seed(quarter, rankMeasure), Shrinkage.DRAWS)) {
        out.add(
            new Figure(
                KOV,
                r.kovCode(),
                quarter,
                rankMeasure,
                r.k(),
                r.rank(),
                null,
                (double) r.k(),
                (double) r.low(),
                (double) r.high(),
                null,
                hideAll || flags.hidden(KOV, r.kovCode())));
      }
    }
    return out;
  }

  /** The seed of a quarter's and measure's rank draws: 64-bit FNV-1a of "quarter/measure". */
  static long seed(String quarter, String measure) {
    long h = 0xcbf29ce484222325L;
    for (byte b : (quarter + "/" + measure).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static Unit unit(Map<String, Unit> units, String level, String code) {
    return units.computeIfAbsent(level + "/" + code, k -> new Unit(level, code));
  }

  /** A unit's cases: their changes and the sum of their predictions. */
  private static final class Unit {
    final String level;
    final String code;
    final List<Double> changes = new ArrayList<>();
    double sumPredictions;

    Unit(String level, String code) {
      this.level = level;
      this.code = code;
    }

    void add(double change, double prediction) {
      changes.add(change);
      sumPredictions += prediction;
    }

    double mean() {
      double sum = 0;
      for (double c : changes) {
        sum += c;
      }
      return sum / changes.size();
    }

    /** The sample sd (n − 1), NaN below two cases. */
    double sd() {
      int n = changes.size();
      if (n < 2) {
        return Double.NaN;
      }
      double m = mean();
      double ss = 0;
      for (double c : changes) {
        ss += (c - m) * (c - m);
      }
      return Math.sqrt(ss / (n - 1));
    }
  }
}

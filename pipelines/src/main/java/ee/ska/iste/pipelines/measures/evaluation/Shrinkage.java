package ee.ska.iste.pipelines.measures.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Shrunken (empirical Bayes) estimates across KOVs, DerSimonian–Laird exactly as measures.md writes
 * it, and ranks with 95% rank intervals from seeded draws of the estimates' posteriors.
 *
 * <p>For the KOVs k of the pool, y_k with variance v_k: w_k = 1/v_k, ȳ = Σw_k·y_k/Σw_k, Q =
 * Σw_k(y_k − ȳ)², τ² = max(0, (Q − (K − 1)) / (Σw_k − Σw_k²/Σw_k)), B_k = v_k/(v_k + τ²), EB_k =
 * B_k·ȳ + (1 − B_k)·y_k, interval EB_k ± 1.96·√((1 − B_k)·v_k).
 */
public final class Shrinkage {
  /** The normal quantile of the EB interval (measures.md). */
  public static final double Z = 1.96;

  /** Draws of the posteriors behind a rank interval (measures.md). */
  public static final int DRAWS = 10_000;

  private Shrinkage() {}

  /** One KOV's figure: y with variance v (both finite, v > 0) from n cases. */
  public record Estimate(String kovCode, double y, double v, long n) {
    public Estimate {
      if (!Double.isFinite(y) || !(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "KOV " + kovCode + ": an estimate needs a finite y and v > 0, got " + y + ", " + v);
      }
    }
  }

  /** One KOV's shrunken estimate: EB value, shrinkage factor B and its interval. */
  public record Shrunk(
      String kovCode, double eb, double b, double v, long n, double ciLow, double ciHigh) {
    /** The posterior variance (1 − B)·v. */
    public double posteriorVariance() {
      return (1 - b) * v;
    }
  }

  /** The pool: ȳ, Q, τ² and each KOV's shrunken estimate, in the order given. */
  public record Pooled(double mean, double q, double tau2, List<Shrunk> kovs) {}

  /** A KOV's rank (1 = highest EB estimate) and its 95% rank interval among {@code k} KOVs. */
  public record Rank(String kovCode, int rank, int low, int high, int k) {}

  /** DerSimonian–Laird over at least two estimates. */
  public static Pooled pool(List<Estimate> estimates) {
    int k = estimates.size();
    if (k < 2) {
      throw new IllegalArgumentException("shrinkage needs at least two KOVs, got " + k);
    }
    double sw = 0;
    double sw2 = 0;
    double swy = 0;
    for (Estimate e : estimates) {
      double w = 1 / e.v();
      sw += w;
      sw2 += w * w;
      swy += w * e.y();
    }
    double mean = swy / sw;
    double q = 0;
    for (Estimate e : estimates) {
      q += (e.y() - mean) * (e.y() - mean) / e.v();
    }
    double tau2 = Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
    List<Shrunk> out = new ArrayList<>();
    for (Estimate e : estimates) {
      double b = e.v() / (e.v() + tau2);
      double eb = b * mean + (1 - b) * e.y();
      double half = Z * Math.sqrt((1 - b) * e.v());
      out.add(new Shrunk(e.kovCode(), eb, b, e.v(), e.n(), eb - half, eb + half));
    }
    return new Pooled(mean, q, tau2, List.copyOf(out));
  }

  /**
   * Ranks (1 = highest EB; equal values ordered by kov_code) and 95% rank intervals: {@code draws}
   * draws of every KOV's posterior N(EB_k, (1 − B_k)·v_k) from {@code new Random(seed)} (for each
   * draw, the KOVs in kov_code order), each draw ranked the same way; the interval is the 2.5th and
   * 97.5th percentile of a KOV's ranks, nearest-rank (the ⌈P/100 · draws⌉-th smallest). Result in
   * kov_code order.
   */
  public static List<Rank> ranks(List<Shrunk> kovs, long seed, int draws) {
    List<Shrunk> byCode = new ArrayList<>(kovs);
    byCode.sort(Comparator.comparing(Shrunk::kovCode));
    int k = byCode.size();
    double[] point = new double[k];
    double[] sd = new double[k];
    for (int i = 0; i < k; i++) {
      point[i] = byCode.get(i).eb();
      sd[i] = Math.sqrt(byCode.get(i).posteriorVariance());
    }
    int[] rank = rankDescending(point);
    int[][] drawn = new int[k][draws];
    Random random = new Random(seed);
    double[] value = new double[k];
    for (int d = 0; d < draws; d++) {
      for (int i = 0; i < k; i++) {
        value[i] = point[i] + sd[i] * random.nextGaussian();
      }
      int[] r = rankDescending(value);
      for (int i = 0; i < k; i++) {
        drawn[i][d] = r[i];
      }
    }
    List<Rank> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Arrays.sort(drawn[i]);
      out.add(
          new Rank(
              byCode.get(i).kovCode(),
              rank[i],
              drawn[i][nearestRank(2.5, draws) - 1],
              drawn[i][nearestRank(97.5, draws) - 1],
              k));
    }
    return List.copyOf(out);
  }

  /** The position (1-based) of the P-th percentile of {@code m} sorted values, nearest-rank. */
  static int nearestRank(double percent, int m) {
    return Math.max(1, (int) Math.ceil(percent / 100 * m - 1e-9));
  }

  /**
   * Ranks of values given in kov_code order: 1 for the highest; equal values keep kov_code order.
   */
  static int[] rankDescending(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // a stable sort: equal values stay in kov_code order
    Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    int[] rank = new int[values.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r + 1;
    }
    return rank;
  }
}

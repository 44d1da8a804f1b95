package ee.ska.iste.pipelines.measures;

/**
 * The few statistical functions the measures need, so that no statistics library is required: the
 * Student t quantile (inverse of its CDF through the regularised incomplete beta function) and the
 * Wilson score interval.
 */
public final class Stats {
  private static final double EPS = 1e-15;

  private Stats() {}

  /**
   * The {@code p} quantile of Student's t with {@code df} degrees of freedom, {@code 0 < p < 1}.
   */
  public static double studentTQuantile(double p, double df) {
    if (!(p > 0 && p < 1) || !(df > 0)) {
      throw new IllegalArgumentException(
          "t quantile needs 0 < p < 1 and df > 0, got p=" + p + " df=" + df);
    }
    if (p == 0.5) {
      return 0;
    }
    if (p < 0.5) {
      return -studentTQuantile(1 - p, df);
    }
    double lo = 0;
    double hi = 1;
    while (studentTCdf(hi, df) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
      double mid = (lo + hi) / 2;
      if (studentTCdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The CDF of Student's t with {@code df} degrees of freedom. */
  public static double studentTCdf(double t, double df) {
    double x = df / (df + t * t);
    double tail = 0.5 * regularisedIncompleteBeta(x, df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** I_x(a, b), by the continued fraction (Lentz's method). */
  static double regularisedIncompleteBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * betaContinuedFraction(x, a, b) / a;
    }
    return 1 - Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a) / b;
  }

  private static double betaContinuedFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 1000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        break;
      }
    }
    return h;
  }

  /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
  static double logGamma(double x) {
    double[] c = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double xx = x - 1;
    double sum = c[0];
    double t = xx + 7.5;
    for (int i = 1; i < 9; i++) {
      sum += c[i] / (xx + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /**
   * The Wilson score interval {low, high} for {@code successes} of {@code n} at normal quantile z.
   */
  public static double[] wilson(double successes, double n, double z) {
    if (n <= 0) {
      throw new IllegalArgumentException("Wilson interval needs n > 0, got " + n);
    }
    double p = successes / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new double[] {centre - half, centre + half};
  }
}

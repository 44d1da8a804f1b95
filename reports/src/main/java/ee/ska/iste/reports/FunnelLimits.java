package ee.ska.iste.reports;

/**
 * Funnel limits around a national target (measures.md): for a proportion p₀ ± z·√(p₀(1−p₀)/n), for
 * a mean target ± z·σ/√n.
 *
 * @param target the national value
 * @param sigma for a mean, the national sd of individual values; for a proportion null
 */
record FunnelLimits(double target, Double sigma) {
  static final double Z95 = 1.96;
  static final double Z998 = 3.09;

  FunnelLimits {
    if (Double.isNaN(target)) {
      throw new IllegalArgumentException("funnel target is NaN");
    }
    if (sigma == null && (target < 0 || target > 1)) {
      throw new IllegalArgumentException("a proportion's target must be in 0..1: " + target);
    }
  }

  double halfWidth(double n, double z) {
    double sd = sigma == null ? Math.sqrt(target * (1 - target)) : sigma;
    return z * sd / Math.sqrt(n);
  }

  double lower(double n, double z) {
    double l = target - halfWidth(n, z);
    return sigma == null ? Math.max(0, l) : l;
  }

  double upper(double n, double z) {
    double u = target + halfWidth(n, z);
    return sigma == null ? Math.min(1, u) : u;
  }

  /**
   * The sd of individual values behind a national mean, recovered from its 95% interval mean ±
   * t(0.975, n−1)·sd/√n.
   */
  static Double sigmaFromInterval(double mean, double ciHigh, double n) {
    if (n < 2 || Double.isNaN(ciHigh)) {
      return null;
    }
    return (ciHigh - mean) * Math.sqrt(n) / t975(n - 1);
  }

  /** t(0.975, df) by the Cornish–Fisher expansion around z (error below 0.01 for df ≥ 3). */
  static double t975(double df) {
    double z = Z95;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    return z
        + (z3 + z) / (4 * df)
        + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
  }
}

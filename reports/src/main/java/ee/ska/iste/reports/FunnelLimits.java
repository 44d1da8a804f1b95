package ee.ska.iste.reports;

/**
 * The funnel of one measure and quarter as the measures stage published it ({@code mart_funnel},
 * {@code ref_thresholds}; docs/measures.md): the limits target ± z·σ/√n over n, at z = FUNNEL_Z_95
 * and FUNNEL_Z_998. For a share σ = √(p₀(1−p₀)) and the limits are drawn within 0..1.
 *
 * @param target the national value
 * @param sigma the sd of one case ({@code mart_funnel.sigma})
 * @param z95 the inner limit's z (FUNNEL_Z_95)
 * @param z998 the outer limit's z (FUNNEL_Z_998)
 * @param minN units with fewer cases are left out of the plot (FUNNEL_MIN_N)
 * @param proportion whether the measure is a share, its limits held to 0..1
 */
record FunnelLimits(
    double target, double sigma, double z95, double z998, double minN, boolean proportion) {

  FunnelLimits {
    if (Double.isNaN(target) || Double.isNaN(sigma) || sigma < 0) {
      throw new IllegalArgumentException(
          "funnel target and sigma must be numbers, sigma ≥ 0: " + target + ", " + sigma);
    }
    if (proportion && (target < 0 || target > 1)) {
      throw new IllegalArgumentException("a proportion's target must be in 0..1: " + target);
    }
  }

  double halfWidth(double n, double z) {
    return z * sigma / Math.sqrt(n);
  }

  double lower(double n, double z) {
    double l = target - halfWidth(n, z);
    return proportion ? Math.max(0, l) : l;
  }

  double upper(double n, double z) {
    double u = target + halfWidth(n, z);
    return proportion ? Math.min(1, u) : u;
  }
}

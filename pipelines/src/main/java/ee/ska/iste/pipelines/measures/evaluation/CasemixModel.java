package ee.ska.iste.pipelines.measures.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national case-mix model of one quarter (measures.md, Evaluation): ordinary least squares of
 * QoL change on the baseline score and the categorical covariates of {@link Covariate#CATEGORICAL},
 * with an intercept, fitted with Apache Commons Math over every case in {@code QOL_N}.
 *
 * <ul>
 *   <li>A missing category is its own level {@link #UNKNOWN}.
 *   <li>Reference level of a covariate: the most frequent (ties: the smallest code); a level with
 *       fewer than {@link #MERGE_BELOW} cases is merged into the reference.
 *   <li>The design's columns are taken in order (intercept, baseline, then each covariate's levels
 *       in code order); a column that adds nothing to the rank of those before it (all zero, or
 *       collinear with them) is dropped: its level joins the reference ("CODE (collinear)" in
 *       {@code merged_levels}), the baseline's row has no coefficient.
 *   <li>No model when fewer cases than columns + 1 remain, or when nothing but the intercept is
 *       left (then the adjusted figures would equal the raw ones by construction).
 * </ul>
 */
public final class CasemixModel {
  private static final Logger LOG =
      LoggerFactory.getLogger("ee.ska.iste.pipelines.measures.evaluation");

  /** The level of a missing category value. */
  public static final String UNKNOWN = "UNKNOWN";

  /** A level with fewer cases than this is merged into its covariate's reference level. */
  public static final int MERGE_BELOW = 5;

  /** A residual sd below this (in score points) is an exact fit: s = 0. */
  static final double EXACT = 1e-9;

  /**
   * One row of {@code mart_casemix_model}: an estimated term, or a covariate's reference level
   * (coefficient 0, no standard error, the levels merged into it).
   *
   * @param level the category (null for the intercept and the baseline)
   * @param coefficient null only for a baseline dropped as collinear
   * @param mergedLevels levels merged into the reference, comma-separated in code order, or null
   */
  public record Term(
      Covariate covariate,
      String level,
      boolean reference,
      Double coefficient,
      Double stdError,
      String mergedLevels) {}

  /**
   * A fitted model.
   *
   * @param rSquared null when the changes do not vary
   * @param residualSd s = √(RSS / (n − p)), p the estimated coefficients (intercept included)
   * @param predictions each case's prediction, in the order of the cases fitted
   */
  public record Fit(
      String quarter,
      List<Term> terms,
      int n,
      Double rSquared,
      double residualSd,
      double[] predictions) {}

  private CasemixModel() {}

  /** A design column: the term it estimates and its value for each case. */
  private record Column(Covariate covariate, String level, double[] values) {}

  /** The model of {@code cases} (all of one quarter), if one can be fitted. */
  public static Optional<Fit> fit(String quarter, List<CaseRow> cases) {
    int n = cases.size();
    if (n < 2) {
      return Optional.empty();
    }
    List<Column> candidates = new ArrayList<>();
    double[] ones = new double[n];
    double[] baseline = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      ones[i] = 1;
      baseline[i] = cases.get(i).baseline();
      y[i] = cases.get(i).change();
    }
    candidates.add(new Column(Covariate.INTERCEPT, null, ones));
    candidates.add(new Column(Covariate.BASELINE_SCORE, null, baseline));
    Map<Covariate, Levels> levels = new TreeMap<>();
    for (Covariate c : Covariate.CATEGORICAL) {
      Levels l = Levels.of(cases, c);
      levels.put(c, l);
      for (String level : l.estimated()) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = level.equals(level(cases.get(i), c)) ? 1 : 0;
        }
        candidates.add(new Column(c, level, x));
      }
    }
    List<Column> kept = new ArrayList<>();
    List<Column> dropped = new ArrayList<>();
    for (Column c : candidates) {
      kept.add(c);
      if (rank(kept, n) < kept.size()) {
        kept.remove(kept.size() - 1);
        dropped.add(c);
      }
    }
    if (!dropped.isEmpty()) {
      LOG.info(
          "case-mix model {}: columns dropped as collinear with those before them: {}",
          quarter,
          dropped.stream()
              .map(c -> c.covariate() + (c.level() == null ? "" : "=" + c.level()))
              .toList());
    }
    int p = kept.size();
    if (p < 2 || n - p < 1) {
      LOG.info("case-mix model {}: not fitted ({} cases, {} columns after merging)", quarter, n, p);
      return Optional.empty();
    }
    double[][] x = new double[n][p - 1];
    for (int j = 1; j < p; j++) {
      double[] v = kept.get(j).values();
      for (int i = 0; i < n; i++) {
        x[i][j - 1] = v[i];
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] beta = ols.estimateRegressionParameters();
    double[] se = ols.estimateRegressionParametersStandardErrors();
    double r2 = ols.calculateRSquared();
    // an exact fit leaves rounding residuals (~1e-15 points): read as s = 0, so that the adjusted
    // figures have no spread rather than a spurious tiny one
    double s = ols.estimateRegressionStandardError();
    s = s < EXACT ? 0 : s;
    double[] residuals = ols.estimateResiduals();
    double[] predictions = new double[n];
    for (int i = 0; i < n; i++) {
      predictions[i] = y[i] - residuals[i];
    }
    List<Term> terms = new ArrayList<>();
    for (Covariate cov : List.of(Covariate.INTERCEPT, Covariate.BASELINE_SCORE)) {
      int j = index(kept, cov);
      terms.add(
          j < 0
              ? new Term(cov, null, false, null, null, "(collinear)")
              : new Term(cov, null, false, beta[j], se[j], null));
    }
    for (Covariate cov : Covariate.CATEGORICAL) {
      Levels l = levels.get(cov);
      List<String> merged = new ArrayList<>(l.merged());
      dropped.stream()
          .filter(c -> c.covariate() == cov)
          .forEach(c -> merged.add(c.level() + " (collinear)"));
      terms.add(
          new Term(
              cov,
              l.reference(),
              true,
              0.0,
              null,
              merged.isEmpty() ? null : String.join(",", merged)));
      for (int j = 0; j < p; j++) {
        Column c = kept.get(j);
        if (c.covariate() == cov) {
          terms.add(new Term(cov, c.level(), false, beta[j], se[j], null));
        }
      }
    }
    return Optional.of(
        new Fit(quarter, List.copyOf(terms), n, Double.isFinite(r2) ? r2 : null, s, predictions));
  }

  private static int index(List<Column> columns, Covariate cov) {
    for (int j = 0; j < columns.size(); j++) {
      if (columns.get(j).covariate() == cov) {
        return j;
      }
    }
    return -1;
  }

  /** The case's level of a categorical covariate, {@link #UNKNOWN} when missing. */
  static String level(CaseRow c, Covariate cov) {
    String v = c.category(cov);
    return v == null ? UNKNOWN : v;
  }

  /** The rank of the columns (Commons Math's SVD, its default relative tolerance). */
  private static int rank(List<Column> columns, int n) {
    double[][] m = new double[n][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      double[] v = columns.get(j).values();
      for (int i = 0; i < n; i++) {
        m[i][j] = v[i];
      }
    }
    return new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getRank();
  }

  /**
   * A categorical covariate's levels: the reference, those merged into it (fewer than {@link
   * #MERGE_BELOW} cases), and those estimated, each in code order.
   */
  record Levels(String reference, List<String> merged, List<String> estimated) {
    static Levels of(List<CaseRow> cases, Covariate cov) {
      TreeMap<String, Integer> counts = new TreeMap<>();
      for (CaseRow c : cases) {
        counts.merge(level(c, cov), 1, Integer::sum);
      }
      String reference = null;
      int most = -1;
      // in code order, a later level must be strictly more frequent: ties keep the smallest code
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (e.getValue() > most) {
          most = e.getValue();
          reference = e.getKey();
        }
      }
      List<String> merged = new ArrayList<>();
      List<String> estimated = new ArrayList<>();
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (e.getKey().equals(reference)) {
          continue;
        }
        (e.getValue() < MERGE_BELOW ? merged : estimated).add(e.getKey());
      }
      return new Levels(reference, List.copyOf(merged), List.copyOf(estimated));
    }
  }
}

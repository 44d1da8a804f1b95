package ee.ska.iste.pipelines.measures.evaluation;

import java.util.List;

/** The terms of the case-mix model (measures.md, Evaluation), in the order of its design. */
public enum Covariate {
  INTERCEPT,
  BASELINE_SCORE,
  AGE_BAND,
  SEX,
  DIAGNOSIS_GROUP,
  SEVERITY,
  ENTRY_ROUTE;

  /** The categorical covariates, each entered as 0/1 indicators against a reference level. */
  public static final List<Covariate> CATEGORICAL =
      List.of(AGE_BAND, SEX, DIAGNOSIS_GROUP, SEVERITY, ENTRY_ROUTE);
}

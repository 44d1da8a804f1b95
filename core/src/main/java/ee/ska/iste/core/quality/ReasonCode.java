package ee.ska.iste.core.quality;

/**
 * Why a row was rejected at ingest. The codes are stable: they are stored in {@code stg_reject}.
 * Their Estonian and English texts, and how to fix each, are reference data ({@code
 * ref/reasons.csv}, read by {@link ReasonTexts}).
 */
public enum ReasonCode {
  VALUE_REQUIRED,
  INVALID_PERSONAL_CODE,
  DATE_UNPARSEABLE,
  MONTH_UNPARSEABLE,
  INTEGER_UNPARSEABLE,
  DECIMAL_UNPARSEABLE,
  EXTRA_CELLS,
  UNKNOWN_CODE,
  DIAGNOSIS_INVALID,
  OUTSIDE_QUARTER,
  EPISODE_NOT_ACTIVE,
  END_BEFORE_START,
  EXIT_REASON_MISSING,
  EXIT_REASON_WITHOUT_END,
  REVIEW_BEFORE_PLAN,
  GOALS_NEGATIVE,
  GOALS_REACHED_EXCEEDS_GOALS,
  GOALS_REACHED_WITHOUT_REVIEW,
  HOURS_OUT_OF_RANGE,
  LEVEL_OUT_OF_RANGE,
  ITEM_OUT_OF_RANGE,
  CLIENT_NOT_IN_KLIENT,
  DUPLICATE_ROW,
  DUPLICATE_KEY,
  // Provider codes (issue 16): bto and osutaja must be business registry codes, never a person.
  PROVIDER_CODE_INVALID;

  /** The Estonian text, from the reason table ({@link ReasonTexts}). */
  public String descriptionEt() {
    return ReasonTexts.shipped().of(this).textEt();
  }

  /** The English text, from the reason table ({@link ReasonTexts}). */
  public String descriptionEn() {
    return ReasonTexts.shipped().of(this).textEn();
  }
}

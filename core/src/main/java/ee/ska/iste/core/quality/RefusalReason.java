package ee.ska.iste.core.quality;

/**
 * Why a whole submission was refused (nothing of it loaded). Stored in {@code stg_submission
 * .refusal_reason}; the texts are reference data ({@code ref/reasons.csv}, read by {@link
 * ReasonTexts}).
 */
public enum RefusalReason {
  UNREADABLE_FILE,
  PASSWORD_PROTECTED,
  MISSING_SHEET,
  MISSING_COLUMN,
  COVER_ROW_COUNT,
  COVER_MISMATCH,
  COVER_INVALID,
  KOV_NOT_IN_ROUND,
  SUBMITTED_BEFORE_QUARTER,
  UNKNOWN_FORM_VERSION,
  // Hostile or careless files (issue 16): the message names the cap, part or sheet.
  TOO_LARGE,
  DOCTYPE_FORBIDDEN,
  // Inbox hygiene and resubmissions (issue 16): decided before or after reading, never an abort.
  NOT_A_REGULAR_FILE,
  NAME_NOT_IN_CONTRACT,
  QUARTER_IMPOSSIBLE,
  QUARTER_NOT_BEGUN,
  RESUBMISSION_CONFLICT;

  /** The Estonian text, from the reason table ({@link ReasonTexts}). */
  public String descriptionEt() {
    return ReasonTexts.shipped().of(this).textEt();
  }

  /** The English text, from the reason table ({@link ReasonTexts}). */
  public String descriptionEn() {
    return ReasonTexts.shipped().of(this).textEn();
  }
}

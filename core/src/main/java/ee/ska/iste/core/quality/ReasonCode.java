package ee.ska.iste.core.quality;

/**
 * Why a row was rejected at ingest. The codes are stable: they are stored in {@code stg_reject} and
 * shown, with their Estonian or English description, in the data-quality report.
 */
public enum ReasonCode {
  VALUE_REQUIRED("Kohustuslik väärtus puudub", "A required value is missing"),
  INVALID_PERSONAL_CODE("Vigane isikukood", "Not a valid personal identification code"),
  DATE_UNPARSEABLE("Kuupäev ei ole loetav (AAAA-KK-PP)", "Date cannot be read (YYYY-MM-DD)"),
  MONTH_UNPARSEABLE("Kuu ei ole loetav (AAAA-KK)", "Month cannot be read (YYYY-MM)"),
  INTEGER_UNPARSEABLE("Täisarv ei ole loetav", "Whole number cannot be read"),
  DECIMAL_UNPARSEABLE(
      "Arv ei ole loetav (kümnendkoha eraldaja on punkt)",
      "Number cannot be read (decimal separator is a point)"),
  EXTRA_CELLS(
      "Real on väärtusi päiseta veergudes (jutumärkideta koma?)",
      "Row has values in columns without a header (an unquoted comma?)"),
  UNKNOWN_CODE("Tundmatu kood", "Code not in the code list"),
  DIAGNOSIS_INVALID("Põhidiagnoos ei ole RHK-10 kood", "Primary diagnosis is not an ICD-10 code"),
  OUTSIDE_QUARTER("Kuupäev või kuu on väljaspool kvartalit", "Date or month outside the quarter"),
  EPISODE_NOT_ACTIVE("Juhtum ei ole kvartalis aktiivne", "Episode is not active in the quarter"),
  END_BEFORE_START("Lõpp on enne algust", "End is before start"),
  EXIT_REASON_MISSING("Lõpu korral puudub väljumise põhjus", "End given without an exit reason"),
  EXIT_REASON_WITHOUT_END(
      "Väljumise põhjus on antud ilma lõputa", "Exit reason given without an end date"),
  REVIEW_BEFORE_PLAN("Ülevaatus on enne plaani koostamist", "Review is before the plan was made"),
  GOALS_NEGATIVE("Eesmärkide arv on negatiivne", "Number of goals is negative"),
  GOALS_REACHED_EXCEEDS_GOALS(
      "Saavutatud eesmärke on rohkem kui eesmärke", "More goals reached than goals set"),
  GOALS_REACHED_WITHOUT_REVIEW(
      "Saavutatud eesmärgid on antud ilma ülevaatuseta", "Goals reached given without a review"),
  HOURS_OUT_OF_RANGE(
      "Tunnid ei ole üle nulli või ületavad kuu maksimumi",
      "Hours not above zero or above the monthly maximum"),
  LEVEL_OUT_OF_RANGE("Abivajaduse tase ei ole skaalal", "Need level is not on the scale"),
  ITEM_OUT_OF_RANGE(
      "Vastus ei ole instrumendi skaalal", "Item answer outside the instrument's scale"),
  CLIENT_NOT_IN_KLIENT(
      "Isik puudub lehelt klient (või tema rida lükati tagasi)",
      "Person has no accepted row on sheet klient"),
  DUPLICATE_ROW("Korduv rida (teine koopia)", "Duplicate row (the second copy)"),
  DUPLICATE_KEY(
      "Sama võtmega rida on juba olemas (erinevad väärtused)",
      "Another row has the same key with different values"),
  // Provider codes (issue 16): bto and osutaja must be business registry codes, never a person.
  PROVIDER_CODE_INVALID(
      "Teenuseosutaja registrikood ei ole 8-kohaline number",
      "Provider code is not an 8-digit registry code");

  private final String descriptionEt;
  private final String descriptionEn;

  ReasonCode(String descriptionEt, String descriptionEn) {
    this.descriptionEt = descriptionEt;
    this.descriptionEn = descriptionEn;
  }

  /** The description in Estonian, for the KOV's data-quality report. */
  public String descriptionEt() {
    return descriptionEt;
  }

  /** The description in English. */
  public String descriptionEn() {
    return descriptionEn;
  }
}

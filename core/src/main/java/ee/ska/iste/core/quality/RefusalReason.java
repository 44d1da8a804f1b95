package ee.ska.iste.core.quality;

/**
 * Why a whole submission was refused (nothing of it loaded). Stored in {@code stg_submission
 * .refusal_reason}; the descriptions are for the data-quality report.
 */
public enum RefusalReason {
  UNREADABLE_FILE("Faili ei saa lugeda", "The file cannot be read"),
  PASSWORD_PROTECTED(
      "Fail on parooliga kaitstud või vanas .xls vormingus",
      "The file is password-protected or an old .xls workbook"),
  MISSING_SHEET("Leht puudub", "A sheet is missing"),
  MISSING_COLUMN("Veerg puudub", "A column is missing"),
  COVER_ROW_COUNT(
      "Kaanelehel ei ole täpselt üks rida", "The cover sheet does not have exactly one row"),
  COVER_MISMATCH(
      "Kaanelehe KOV või kvartal ei vasta faili nimele",
      "The cover's KOV or quarter disagrees with the file name"),
  COVER_INVALID("Kaanelehe väärtus on vigane", "A value on the cover sheet is invalid"),
  KOV_NOT_IN_ROUND("KOV ei osale selle kvartali voorus", "The KOV is not in the funding round"),
  SUBMITTED_BEFORE_QUARTER(
      "Esitamise kuupäev on enne kvartali algust", "Submission date is before the quarter starts"),
  UNKNOWN_FORM_VERSION("Tundmatu vormi versioon", "Unknown form version"),
  // Hostile or careless files (issue 16): the message names the cap, part or sheet.
  TOO_LARGE(
      "Fail ületab lubatud piiri (suurus, read, lahtri pikkus)",
      "The file is over a cap (size, rows, cell length; ingest_caps.csv)"),
  DOCTYPE_FORBIDDEN(
      "Töövihikus on DOCTYPE-deklaratsioon; salvesta fail Excelis uuesti",
      "The workbook declares a DOCTYPE; save it again from a spreadsheet program"),
  // Inbox hygiene and resubmissions (issue 16): decided before or after reading, never an abort.
  NOT_A_REGULAR_FILE(
      "Ei ole tavaline fail ega kaust (link, FIFO või seadmefail)",
      "Not a regular file or folder (a symbolic link, FIFO or device)"),
  NAME_NOT_IN_CONTRACT(
      "Nimi ei vasta mustrile ISTE_<EHAK>_<AAAA>Q<n>.xlsx",
      "The name does not follow ISTE_<EHAK>_<YYYY>Q<n>.xlsx"),
  QUARTER_IMPOSSIBLE("Nimes olev kvartal on võimatu", "The quarter in the name is impossible"),
  QUARTER_NOT_BEGUN(
      "Nimes olev kvartal ei ole veel alanud", "The quarter in the name has not begun"),
  RESUBMISSION_CONFLICT(
      "Sama KOV, kvartali ja esitamise kuupäevaga on erineva sisuga esitus; esitage uuesti hilisema"
          + " kuupäevaga",
      "Another submission for the same KOV, quarter and date has different content; resubmit with"
          + " a later date");

  private final String descriptionEt;
  private final String descriptionEn;

  RefusalReason(String descriptionEt, String descriptionEn) {
    this.descriptionEt = descriptionEt;
    this.descriptionEn = descriptionEn;
  }

  public String descriptionEt() {
    return descriptionEt;
  }

  public String descriptionEn() {
    return descriptionEn;
  }
}

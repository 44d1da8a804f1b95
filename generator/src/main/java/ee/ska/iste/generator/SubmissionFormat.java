package ee.ska.iste.generator;

/** The two forms of a submission the contract allows. */
public enum SubmissionFormat {
  /** One workbook {@code ISTE_<EHAK>_<YYYY>Q<n>.xlsx} with one sheet per contract sheet. */
  XLSX,
  /** One folder {@code ISTE_<EHAK>_<YYYY>Q<n>/} holding one UTF-8 CSV file per sheet. */
  CSV
}

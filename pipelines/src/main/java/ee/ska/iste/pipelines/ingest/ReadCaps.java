package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * The caps on the work one submission may cost (reference data {@code ingest_caps.csv}): sizes of
 * the file and of each uncompressed workbook part, rows per sheet, columns per row, characters per
 * cell, shared-strings entries and digits in a number. A reader that finds a cap exceeded refuses
 * the submission with {@link RefusalReason#TOO_LARGE} and a message naming the cap.
 */
record ReadCaps(
    long fileBytes,
    long partBytes,
    long sheetPartBytes,
    long parts,
    long sharedStringsBytes,
    long sharedStringsEntries,
    long sheetRows,
    int sheetColumns,
    int cellChars,
    int numberDigits)
    implements Serializable {
  static final String TABLE = "ingest_caps";

  /** The caps valid on a date; every cap must have a row valid then. */
  static ReadCaps of(ReferenceData ref, LocalDate on) {
    RefTable t = ref.table(TABLE);
    java.util.List<Map<String, String>> rows = t.validOn(on);
    java.util.function.ToLongFunction<String> cap =
        key ->
            rows.stream()
                .filter(r -> key.equals(r.get("key")))
                .mapToLong(r -> Long.parseLong(t.required(r, "value")))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no cap " + key + " in " + TABLE + ".csv valid on " + on));
    return new ReadCaps(
        cap.applyAsLong("FILE_BYTES"),
        cap.applyAsLong("XLSX_PART_BYTES"),
        cap.applyAsLong("XLSX_SHEET_PART_BYTES"),
        cap.applyAsLong("XLSX_PARTS"),
        cap.applyAsLong("SHARED_STRINGS_BYTES"),
        cap.applyAsLong("SHARED_STRINGS_ENTRIES"),
        cap.applyAsLong("SHEET_ROWS"),
        Math.toIntExact(cap.applyAsLong("SHEET_COLUMNS")),
        Math.toIntExact(cap.applyAsLong("CELL_CHARS")),
        Math.toIntExact(cap.applyAsLong("NUMBER_DIGITS")));
  }

  /** The caps the shipped reference data gives for today (tests and tools outside a run). */
  static ReadCaps builtIn() {
    return of(ReferenceData.builtIn(), LocalDate.now());
  }

  /** The refusal for a cap exceeded: {@code what} says where, in the user's terms. */
  static SubmissionRefused exceeded(String where, String cap, long value, String unit) {
    return new SubmissionRefused(
        RefusalReason.TOO_LARGE,
        where + " is over the cap " + cap + " (" + value + " " + unit + ", " + TABLE + ".csv)");
  }

  /** The number of digits when {@code text} is a number ({@code [+-]?digits[.,]digits}), else 0. */
  static int digitsOfNumber(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if ((c == '.' || c == ',') && !point) {
        point = true;
      } else {
        return 0;
      }
    }
    return digits;
  }
}

package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.ReasonCode;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A submission that was read and checked row by row: its accepted rows per staged data table, its
 * rejects and its per-sheet counts. No personal code is left in it. Serializable: Spark keeps it
 * between reading and writing.
 */
record ValidatedSubmission(
    LocalDate submittedOn,
    String formVersion,
    Map<String, List<StagedRow>> accepted,
    List<Reject> rejects,
    List<SheetCount> sheetCounts)
    implements Serializable {

  /** An accepted row: its Excel row number and the table's specific columns, in schema order. */
  record StagedRow(int sourceRow, Object[] values) implements Serializable {}

  /** One broken rule of one row. */
  record Reject(
      String sheet, int sourceRow, String column, ReasonCode reason, String value, String message)
      implements Serializable {}

  /** Rows read, accepted and rejected on one sheet, with the reader's warnings. */
  record SheetCount(String sheet, int read, int accepted, int rejected, List<String> warnings)
      implements Serializable {
    SheetCount {
      if (read != accepted + rejected) {
        throw new IllegalStateException(
            "sheet " + sheet + ": " + read + " read != " + accepted + " + " + rejected);
      }
      warnings = List.copyOf(warnings);
    }
  }

  int rowsRead() {
    return sheetCounts.stream().mapToInt(SheetCount::read).sum();
  }

  int rowsAccepted() {
    return sheetCounts.stream().mapToInt(SheetCount::accepted).sum();
  }

  int rowsRejected() {
    return sheetCounts.stream().mapToInt(SheetCount::rejected).sum();
  }
}

package ee.ska.iste.generator;

import ee.ska.iste.core.contract.ContractSheet;
import java.io.Closeable;
import java.io.IOException;

/** Receives the rows of one submission, sheet by sheet in any interleaving. */
interface SubmissionSink extends Closeable {
  /** Writes one data row; {@code values} follows the sheet's columns, null or "" = empty cell. */
  void row(ContractSheet sheet, String[] values) throws IOException;
}

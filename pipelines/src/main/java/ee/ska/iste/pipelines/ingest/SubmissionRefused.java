package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.RefusalReason;

/**
 * Thrown while reading a submission that must be refused as a whole. The message names the file
 * (and the sheet and column when relevant) and never carries a cell's value.
 */
final class SubmissionRefused extends Exception {
  private static final long serialVersionUID = 1L;
  private final RefusalReason reason;

  SubmissionRefused(RefusalReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  RefusalReason reason() {
    return reason;
  }
}

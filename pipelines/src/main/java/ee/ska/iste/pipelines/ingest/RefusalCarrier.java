package ee.ska.iste.pipelines.ingest;

/**
 * Carries a refusal out of SAX callbacks, which cannot throw checked exceptions; the reader unwraps
 * it from whatever the parser wrapped it in.
 */
final class RefusalCarrier extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient SubmissionRefused refusal;

  RefusalCarrier(SubmissionRefused refusal) {
    super(null, null, false, false);
    this.refusal = refusal;
  }

  SubmissionRefused refusal() {
    return refusal;
  }

  /** The refusal somewhere in {@code t}'s cause chain, or null. */
  static SubmissionRefused in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RefusalCarrier r) {
        return r.refusal;
      }
      if (c instanceof SubmissionRefused r) {
        return r;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}

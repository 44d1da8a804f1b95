package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.time.Quarter;
import java.time.LocalDate;
import java.util.List;

/**
 * The submissions loaded into the warehouse by earlier runs (its input archive), so that a
 * resubmission with the same {@code esitatud} and other content cannot replace what was published:
 * the earlier one stays loaded, even when its file was overwritten in the inbox.
 */
public interface EarlierSubmissions {
  /**
   * One submission loaded earlier.
   *
   * @param sha256 the checksum ingest recorded for it
   * @param name its file or folder name
   * @param kovCode the KOV from its name
   * @param quarter the quarter from its name
   * @param submittedOn its cover's {@code esitatud}
   */
  record Entry(
      String sha256, String name, String kovCode, Quarter quarter, LocalDate submittedOn) {}

  /** Every submission loaded earlier. */
  List<Entry> entries();

  /**
   * A copy of {@code e}'s content under its original name, in a folder of its own that Spark's
   * tasks can read.
   */
  SubmissionFile fetch(Entry e);

  /** No earlier submissions: a new warehouse, or a test. */
  EarlierSubmissions NONE =
      new EarlierSubmissions() {
        @Override
        public List<Entry> entries() {
          return List.of();
        }

        @Override
        public SubmissionFile fetch(Entry e) {
          throw new IllegalStateException("no earlier submissions");
        }
      };
}

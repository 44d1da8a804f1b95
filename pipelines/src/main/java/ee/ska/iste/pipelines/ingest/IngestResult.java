package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What an ingest run did, per submission and in total.
 *
 * @param submissions one entry per submission read, in file-name order
 * @param quarters the quarters whose staged partitions were replaced
 */
public record IngestResult(List<Submission> submissions, List<Quarter> quarters) {
  public IngestResult {
    submissions = List.copyOf(submissions);
    quarters = List.copyOf(quarters);
  }

  /** The status of a submission in {@code stg_submission}. */
  public enum Status {
    /** Its rows are in the staged data tables. */
    LOADED,
    /** A later submission for the same KOV and quarter replaced it. */
    SUPERSEDED,
    /**
     * The same bytes as another submission for the same KOV, quarter and date, which was kept:
     * counted once.
     */
    DUPLICATE,
    /** It could not be read or its cover was wrong: nothing of it was loaded. */
    REFUSED
  }

  /**
   * One submission's outcome.
   *
   * @param file the file or folder name
   * @param submissionId the id in the staged tables
   * @param kovCode the KOV from the name, null when the name carries none
   * @param quarter the quarter whose {@code stg_submission} partition records it
   * @param refusalMessage why it was refused (names the file), null otherwise
   * @param refusalReason the refusal's code ({@link ee.ska.iste.core.quality.RefusalReason}), null
   *     otherwise
   * @param checksum SHA-256 of the content read, null when refused before reading
   * @param submittedOn the cover's {@code esitatud}, null when not read
   * @param path where it was read from, null when refused before reading
   * @param csvFolder true for a folder of CSV files
   */
  public record Submission(
      String file,
      String submissionId,
      String kovCode,
      Quarter quarter,
      Status status,
      String refusalMessage,
      int rowsRead,
      int rowsAccepted,
      int rowsRejected,
      String refusalReason,
      String checksum,
      LocalDate submittedOn,
      Path path,
      boolean csvFolder) {}

  /** The refused submissions. */
  public List<Submission> refused() {
    return submissions.stream().filter(s -> s.status() == Status.REFUSED).toList();
  }

  public int rowsRead() {
    return submissions.stream().mapToInt(Submission::rowsRead).sum();
  }

  public int rowsAccepted() {
    return submissions.stream().mapToInt(Submission::rowsAccepted).sum();
  }

  public int rowsRejected() {
    return submissions.stream().mapToInt(Submission::rowsRejected).sum();
  }

  public long count(Status status) {
    return submissions.stream().filter(s -> s.status() == status).count();
  }
}

package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What to ingest and where to.
 *
 * @param inputDir the folder holding the submissions (XLSX files and CSV folders, also in
 *     sub-folders)
 * @param layout the warehouse version to write the staged tables into
 * @param quarters the quarters to ingest; empty = every quarter found
 * @param pseudonymiser the keyed pseudonymiser of personal codes
 * @param ref the reference data
 * @param refusalQuarter the quarter whose {@code stg_submission} records the entries refused unread
 *     that belong to no quarter of the run (a bad name, an impossible quarter); they are recorded
 *     only when that quarter is ingested. Null = the run's latest quarter.
 * @param earlier the submissions loaded by earlier runs (the warehouse's input archive)
 * @param inbox what the input folder holds for {@code quarters}, as the caller already found it;
 *     null = the stage looks itself ({@link Inbox#scan} as of today)
 */
public record IngestRequest(
    Path inputDir,
    WarehouseLayout layout,
    List<Quarter> quarters,
    Pseudonymiser pseudonymiser,
    ReferenceData ref,
    Quarter refusalQuarter,
    EarlierSubmissions earlier,
    Inbox inbox) {
  /** A request whose unplaced refusals go to the run's latest quarter. */
  public IngestRequest(
      Path inputDir,
      WarehouseLayout layout,
      List<Quarter> quarters,
      Pseudonymiser pseudonymiser,
      ReferenceData ref) {
    this(inputDir, layout, quarters, pseudonymiser, ref, null, EarlierSubmissions.NONE, null);
  }

  /** The canonical constructor. */
  public IngestRequest {
    if (inputDir == null || !Files.isDirectory(inputDir)) {
      throw new IllegalArgumentException("input folder does not exist: " + inputDir);
    }
    if (layout == null || pseudonymiser == null || ref == null) {
      throw new IllegalArgumentException("layout, pseudonymiser and reference data must be given");
    }
    quarters = quarters == null ? List.of() : List.copyOf(quarters);
    earlier = earlier == null ? EarlierSubmissions.NONE : earlier;
  }
}

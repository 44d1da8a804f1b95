package ee.ska.iste.cli.runner;

import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What one run of the pipeline does: which submissions, into which output folder, for which
 * quarters, with which key and reference data, and which reports it renders.
 *
 * @param input folder of submissions ({@code ISTE_<EHAK>_<YYYY>Q<n>.xlsx} files and CSV folders)
 * @param out output folder: {@code warehouse/} and {@code reports/} are written below it
 * @param quarters quarters to ingest; empty = every quarter found in the input
 * @param master Spark master URL ({@code local[2]}), or null when spark-submit sets it
 * @param renderReports whether to render reports at all
 * @param reportQuarters quarters to render reports for; empty = the latest quarter ingested
 * @param languages report languages
 * @param force run every stage even when its input did not change
 * @param rekey rebuild every quarter from the input archive and the input folder with this key,
 *     which becomes the warehouse's key
 */
public record RunPlan(
    Path input,
    Path out,
    List<Quarter> quarters,
    Pseudonymiser pseudonymiser,
    ReferenceData ref,
    String master,
    boolean renderReports,
    List<Quarter> reportQuarters,
    List<Locale> languages,
    boolean force,
    boolean rekey) {
  /** A plan that keeps the warehouse's key. */
  public RunPlan(
      Path input,
      Path out,
      List<Quarter> quarters,
      Pseudonymiser pseudonymiser,
      ReferenceData ref,
      String master,
      boolean renderReports,
      List<Quarter> reportQuarters,
      List<Locale> languages,
      boolean force) {
    this(
        input,
        out,
        quarters,
        pseudonymiser,
        ref,
        master,
        renderReports,
        reportQuarters,
        languages,
        force,
        false);
  }

  /** The canonical constructor. */
  public RunPlan {
    if (input == null || out == null || pseudonymiser == null || ref == null) {
      throw new IllegalArgumentException("input, output, key and reference data must be given");
    }
    if (rekey && !quarters.isEmpty()) {
      throw new IllegalArgumentException(
          "a re-key rebuilds every quarter: no quarters can be given");
    }
    quarters = List.copyOf(quarters);
    reportQuarters = List.copyOf(reportQuarters);
    languages = List.copyOf(languages);
  }

  public Path warehouseRoot() {
    return out.resolve("warehouse");
  }

  public Path reportsRoot() {
    return out.resolve("reports");
  }
}

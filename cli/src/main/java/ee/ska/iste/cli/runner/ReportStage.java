package ee.ska.iste.cli.runner;

import ee.ska.iste.core.Stage;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.QuarterReports;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.reports.WarehouseStamp;
import ee.ska.iste.reports.dashboard.DashboardSite;
import ee.ska.iste.warehouse.Version;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The reports stage: every KOV report, the national dashboard and the data-quality report of each
 * quarter, and the evaluation report of the latest one, rendered from a published version under
 * {@code <out>/reports/<quarter>/}, each quarter marked done ({@link ReportsDone}) once all of its
 * reports are in place.
 */
public final class ReportStage {
  private final Path reportsRoot;
  private final StageProgress progress;

  ReportStage(Path reportsRoot, StageProgress progress) {
    this.reportsRoot = reportsRoot;
    this.progress = progress;
  }

  /** The version and publication date printed on the reports of a version. */
  public static WarehouseStamp stampOf(Version v) {
    return new WarehouseStamp(
        v.id(),
        v.run() == null || v.run().endedAt() == null
            ? null
            : LocalDate.ofInstant(v.run().endedAt(), ZoneOffset.UTC));
  }

  /** Renders the reports of {@code quarters} from {@code current}; returns the files written. */
  List<Path> render(
      Version current, List<Quarter> quarters, List<Locale> languages, ReportFormat format) {
    progress.start(
        Stage.REPORTS,
        "quarters " + StageProgress.span(quarters) + " from version " + current.id());
    OutputFiles.ownFolder(reportsRoot);
    quarters.forEach(q -> ReportsDone.clear(reportsRoot, q));
    List<Path> written = new ArrayList<>();
    int threads = Runtime.getRuntime().availableProcessors();
    // the evaluation report (issue 18) only for the run's latest quarter
    Quarter latest = quarters.stream().max(Comparator.naturalOrder()).orElse(null);
    for (Locale language : languages) {
      QuarterReports set =
          new QuarterReports(current.database(), language, stampOf(current), threads);
      for (Quarter q : quarters) {
        written.addAll(
            q.equals(latest)
                ? set.renderWithEvaluation(q, format, reportsRoot)
                : set.render(q, format, reportsRoot));
        progress.note(q + " (" + language.getLanguage() + "): " + written.size() + " reports");
      }
    }
    // the dashboard of each quarter (issue 19), beside the PDFs it links to
    DashboardSite dashboard = new DashboardSite(current.database(), stampOf(current));
    for (Quarter q : quarters) {
      dashboard.write(q, reportsRoot);
      progress.note(q + ": dashboard " + DashboardSite.indexOf(reportsRoot, q, "et"));
    }
    // Only now is each quarter done: a run killed before this line renders it again.
    quarters.forEach(q -> ReportsDone.mark(reportsRoot, q, current.id(), languages, format));
    progress.done(Stage.REPORTS, written.size() + " files under " + reportsRoot);
    return written;
  }

  /**
   * Whether the reports of every quarter were completed (their marker written) from {@code version}
   * in {@code format} and every one of {@code languages}.
   */
  boolean done(
      Version version, List<Quarter> quarters, List<Locale> languages, ReportFormat format) {
    return quarters.stream()
        .allMatch(q -> ReportsDone.done(reportsRoot, q, version.id(), languages, format));
  }
}

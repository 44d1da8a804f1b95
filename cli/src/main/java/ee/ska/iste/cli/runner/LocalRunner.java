package ee.ska.iste.cli.runner;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.warehouse.Version;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The whole quarter (or range of quarters) on one machine: every stage of {@link
 * ee.ska.iste.core.Stage} in order through a {@link StageRunner}. Quarters whose submissions did
 * not change since they were last ingested are skipped (unless forced); after a failure the next
 * run resumes at the stage that failed; a crash leaves the last published version as it was.
 */
public final class LocalRunner {
  private final PrintStream err;
  private final Clock clock;

  public LocalRunner(PrintStream err, Clock clock) {
    this.err = err;
    this.clock = clock;
  }

  /**
   * What a run produced.
   *
   * @param version the published version after the run
   * @param ingest the ingest result, empty when no quarter needed ingesting
   * @param published whether this run published a new version
   * @param reports the report files written
   */
  public record Outcome(
      Version version, Optional<IngestResult> ingest, boolean published, List<Path> reports) {}

  public Outcome run(RunPlan plan) {
    StageProgress progress =
        new StageProgress(err, plan.quarters().isEmpty() ? "all quarters" : span(plan.quarters()));
    if (plan.rekey()) {
      return new Rekey(plan, progress, clock).run();
    }
    try (StageRunner stages =
        new StageRunner(plan.out(), plan.ref(), plan.master(), progress, clock)) {
      Optional<IngestResult> ingested =
          stages.ingest(plan.input(), plan.quarters(), plan::pseudonymiser, plan.force());
      stages.model(plan.force());
      stages.measures(plan.force());
      Optional<Version> published = stages.publish(plan.input(), plan.force());
      return finish(plan, stages, ingested, published);
    }
  }

  /** Renders the reports when needed and says what the run produced. */
  static Outcome finish(
      RunPlan plan,
      StageRunner stages,
      Optional<IngestResult> ingested,
      Optional<Version> published) {
    Version current = stages.warehouse().current().orElseThrow();
    List<Path> reports = List.of();
    List<Quarter> quarters =
        plan.reportQuarters().isEmpty() ? latest(stages.stagedQuarters()) : plan.reportQuarters();
    if (plan.renderReports()
        && (published.isPresent()
            || plan.force()
            || !stages.reportsDone(quarters, plan.languages(), ReportFormat.PDF))) {
      reports = stages.reports(quarters, plan.languages(), ReportFormat.PDF);
    }
    return new Outcome(current, ingested, published.isPresent(), reports);
  }

  private static List<Quarter> latest(List<Quarter> quarters) {
    return List.of(quarters.get(quarters.size() - 1));
  }

  static String span(List<Quarter> quarters) {
    if (quarters.isEmpty()) {
      return "(none)";
    }
    return quarters.size() == 1
        ? quarters.get(0).toString()
        : quarters.get(0) + ".." + quarters.get(quarters.size() - 1);
  }
}

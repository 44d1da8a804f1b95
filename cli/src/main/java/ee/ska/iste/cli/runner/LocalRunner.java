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
   * @param spark where the Spark stages ran (master, executors, tasks); empty when none ran
   */
  public record Outcome(
      Version version,
      Optional<IngestResult> ingest,
      boolean published,
      List<Path> reports,
      Optional<String> spark) {}

  /**
   * Runs the plan: discover → ingest → model → measures → publish → reports. A re-key first
   * assembles its input and empties the work area ({@link Rekey}), then runs every stage.
   */
  public Outcome run(RunPlan plan) {
    StageProgress progress =
        new StageProgress(
            err, plan.quarters().isEmpty() ? "all quarters" : StageProgress.span(plan.quarters()));
    Rekey rekey = plan.rekey() ? Rekey.begin(plan, progress) : null;
    boolean force = plan.force() || rekey != null;
    try (StageRunner stages =
        new StageRunner(plan.out(), plan.ref(), plan.master(), progress, clock)) {
      if (rekey == null) {
        KeyCheck.requireWarehouseKey(plan.warehouseRoot(), plan.pseudonymiser());
      }
      InboxFiles inbox = stages.discover(rekey == null ? plan.input() : rekey.input());
      Optional<IngestResult> ingested =
          stages.ingestWithKey(inbox, plan.quarters(), plan.pseudonymiser(), force);
      stages.model(force);
      stages.measures(force);
      Optional<Version> published = stages.publish(inbox, force);
      if (rekey != null) {
        rekey.end();
      }
      Version current = stages.warehouse().current().orElseThrow();
      List<Path> reports = reports(plan, stages, published.isPresent());
      if (rekey != null) {
        rekey.removeInput();
      }
      return new Outcome(current, ingested, published.isPresent(), reports, stages.sparkSummary());
    }
  }

  /** Renders the reports when asked for and not already done from the current version. */
  private static List<Path> reports(RunPlan plan, StageRunner stages, boolean published) {
    List<Quarter> quarters =
        plan.reportQuarters().isEmpty() ? latest(stages.stagedQuarters()) : plan.reportQuarters();
    if (plan.renderReports()
        && (published
            || plan.force()
            || !stages.reportsDone(quarters, plan.languages(), ReportFormat.PDF))) {
      return stages.reports(quarters, plan.languages(), ReportFormat.PDF);
    }
    return List.of();
  }

  private static List<Quarter> latest(List<Quarter> quarters) {
    return List.of(quarters.get(quarters.size() - 1));
  }
}

package ee.ska.iste.cli.runner;

import ee.ska.iste.core.Stage;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.pipelines.measures.MeasuresJob;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.warehouse.BuildFingerprints;
import ee.ska.iste.warehouse.InputArchive;
import ee.ska.iste.warehouse.RunMetadata;
import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one stage at a time over an output folder: the Spark stages write into the work area {@code
 * <out>/work} ({@link WorkArea}), {@code publish} makes the work area a new warehouse version and
 * switches to it atomically ({@link Warehouse#publish}), {@code reports} renders from the published
 * version ({@link ReportStage}). Each stage records what it completed on ({@link Fingerprints}), so
 * a stage whose input did not change is skipped and a run after a failure resumes at the stage that
 * failed. Used in one process by {@link LocalRunner} and one stage per process by the Airflow
 * tasks.
 */
public final class StageRunner implements AutoCloseable {
  private final Path out;
  private final ReferenceData ref;
  private final StageProgress progress;
  private final Clock clock;
  private final WorkArea work;
  private final Fingerprints fingerprints;
  private final SparkOnDemand spark;
  private InboxFiles found;

  public StageRunner(
      Path out, ReferenceData ref, String master, StageProgress progress, Clock clock) {
    this.out = out;
    this.ref = ref;
    this.progress = progress;
    this.clock = clock;
    this.work = new WorkArea(WorkArea.under(out));
    this.fingerprints = new Fingerprints(ref);
    this.spark = new SparkOnDemand(master);
  }

  public Path workDir() {
    return work.dir();
  }

  public Path warehouseRoot() {
    return out.resolve("warehouse");
  }

  public Path reportsRoot() {
    return out.resolve("reports");
  }

  /**
   * The input folder's submissions, walked once: the first call walks it, later calls for the same
   * folder answer from that walk.
   */
  public InboxFiles discover(Path input) {
    if (found == null || !found.input().equals(input)) {
      found = InboxFiles.scan(input, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
    return found;
  }

  /**
   * Ingests the quarters of {@code input} whose submissions or reference data changed since they
   * were last ingested (all of them with {@code force}); empty result when nothing needed
   * ingesting. The key must be the warehouse's ({@link KeyCheck}); see {@link #ingestWithKey}.
   */
  public Optional<IngestResult> ingest(
      Path input, List<Quarter> quarters, Supplier<Pseudonymiser> key, boolean force) {
    Pseudonymiser pseudonymiser = key.get();
    KeyCheck.requireWarehouseKey(warehouseRoot(), pseudonymiser);
    return ingestWithKey(discover(input), quarters, pseudonymiser, force);
  }

  /**
   * Ingests the quarters whose submissions or reference data changed since they were last ingested
   * (all of them with {@code force}); empty result when nothing needed ingesting. A staged quarter
   * outside {@code quarters} whose reference data changed is ingested again too. Loaded submissions
   * are archived ({@link InputArchive}). The caller has checked the key ({@link KeyCheck}).
   */
  Optional<IngestResult> ingestWithKey(
      InboxFiles inbox, List<Quarter> quarters, Pseudonymiser pseudonymiser, boolean force) {
    Optional<IngestResult> result =
        new IngestStage(work, fingerprints, ref, warehouseRoot(), progress, clock)
            .run(spark, inbox, quarters, pseudonymiser, force);
    result.ifPresent(r -> noteWhereSparkRan());
    return result;
  }

  /**
   * Where the Spark stages of this runner ran so far: the master URL, the executors and how many
   * tasks ran on them; empty when no stage needed Spark.
   */
  public Optional<String> sparkSummary() {
    return spark.place().map(SparkPlace::summary);
  }

  private void noteWhereSparkRan() {
    sparkSummary().ifPresent(s -> progress.note("spark: " + s));
  }

  /** Builds episodes, cases, facts and dimensions from everything staged. */
  public boolean model(boolean force) {
    return runIfChanged(
        Stage.MODEL,
        force,
        "episodes, cases, facts and dimensions",
        () -> {
          new ModelJob().run(spark.get(), work.layout(), ref);
          return "";
        });
  }

  /** Computes every measure for every staged quarter. */
  public boolean measures(boolean force) {
    List<Quarter> quarters = stagedQuarters();
    return runIfChanged(
        Stage.MEASURES,
        force,
        quarters.size() + " quarters " + StageProgress.span(quarters),
        () -> new MeasuresJob().run(spark.get(), work.layout(), quarters, ref).text());
  }

  /**
   * Publishes the work area as a new warehouse version, its run metadata naming the submissions of
   * {@code input} (none when null); skipped when the current version already holds it.
   */
  public Optional<Version> publish(Path input, boolean force) {
    return publish(() -> input == null ? null : discover(input), force);
  }

  /**
   * Publishes the work area as a new warehouse version with its DuckDB catalogue and switches the
   * published pointer to it in one step; skipped when the current version already holds it. The run
   * metadata names the staged quarters' submissions in {@code inbox} (none when null).
   */
  public Optional<Version> publish(InboxFiles inbox, boolean force) {
    return publish(() -> inbox, force);
  }

  private Optional<Version> publish(Supplier<InboxFiles> submitted, boolean force) {
    Warehouse warehouse = warehouse();
    String fp = fingerprints.staged(work.state());
    if (!force
        && work.state().stage(Stage.PUBLISH.id()).equals(Optional.of(fp))
        && warehouse.current().isPresent()) {
      progress.skip(
          Stage.PUBLISH, "version " + warehouse.current().get().id() + " already holds this data");
      return Optional.empty();
    }
    requireDone(Stage.MEASURES, fp);
    List<Quarter> quarters = stagedQuarters();
    progress.start(
        Stage.PUBLISH,
        "a new version with " + StageProgress.span(quarters) + ", DuckDB catalogue, atomic switch");
    List<RunMetadata.InputFile> files = new ArrayList<>();
    InboxFiles inbox = submitted.get();
    if (inbox != null) {
      inbox.inputs(quarters).values().forEach(files::addAll);
    }
    RunMetadata meta = RunMetadata.started(codeVersion(), quarters, files, clock.instant());
    OutputFiles.ownFolder(warehouseRoot());
    Version v = warehouse.publish(work.dir(), meta);
    // the new version is narrowed before its rename; the lock and the versions folder here
    OutputFiles.restrict(warehouseRoot());
    BuildFingerprints.of(warehouseRoot()).recordReferenceData(fingerprints.ref());
    work.state().stageDone(Stage.PUBLISH.id(), fp);
    progress.done(Stage.PUBLISH, "version " + v.id() + ": " + v.database());
    return Optional.of(v);
  }

  /**
   * Renders every KOV report, the national dashboard and the data-quality report of each quarter.
   */
  public List<Path> reports(List<Quarter> quarters, List<Locale> languages, ReportFormat format) {
    Version current =
        warehouse()
            .current()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no published warehouse under " + warehouseRoot() + ": run publish first"));
    return new ReportStage(reportsRoot(), progress).render(current, quarters, languages, format);
  }

  /**
   * Whether the reports of every quarter were completed (their marker written) from the current
   * version in {@code format} and every one of {@code languages}.
   */
  public boolean reportsDone(List<Quarter> quarters, List<Locale> languages, ReportFormat format) {
    Optional<Version> current = warehouse().current();
    return current.isPresent()
        && new ReportStage(reportsRoot(), progress)
            .done(current.get(), quarters, languages, format);
  }

  public Warehouse warehouse() {
    return Warehouse.at(warehouseRoot()).withReferenceData(ref).withClock(clock);
  }

  /** The quarters with staged submissions in the work area. */
  public List<Quarter> stagedQuarters() {
    return work.stagedQuarters();
  }

  /**
   * Runs {@code job} (which returns a line on what it did, or "") unless its input is unchanged.
   */
  private boolean runIfChanged(Stage stage, boolean force, String what, Supplier<String> job) {
    String fp = fingerprints.staged(work.state());
    if (!force && work.state().stage(stage.id()).equals(Optional.of(fp))) {
      progress.skip(stage, "staged data unchanged since it last ran");
      return false;
    }
    if (stagedQuarters().isEmpty()) {
      throw new IllegalStateException("nothing staged in " + workDir() + ": run ingest first");
    }
    for (Stage before : stage.upstream()) {
      if (before != Stage.INGEST) {
        requireDone(before, fp);
      }
    }
    progress.start(stage, what);
    String result = job.get();
    work.restrict();
    work.state().stageDone(stage.id(), fp);
    progress.done(stage, result);
    noteWhereSparkRan();
    return true;
  }

  private void requireDone(Stage stage, String fp) {
    if (!work.state().stage(stage.id()).equals(Optional.of(fp))) {
      throw new IllegalStateException(
          "stage " + stage.id() + " has not run on the staged data yet: run it first");
    }
  }

  static String codeVersion() {
    String v = StageRunner.class.getPackage().getImplementationVersion();
    return "iste " + (v == null ? "dev" : v);
  }

  @Override
  public void close() {
    // The session is shared by the JVM (getOrCreate); it stops with the JVM.
  }
}

package ee.ska.iste.cli.runner;

import ee.ska.iste.core.Stage;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.layout.Layer;
import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.RefFingerprint;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.Inbox;
import ee.ska.iste.pipelines.ingest.IngestJob;
import ee.ska.iste.pipelines.ingest.IngestRequest;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.pipelines.ingest.SubmissionFile;
import ee.ska.iste.pipelines.measures.MeasuresJob;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.pipelines.spark.SparkSessions;
import ee.ska.iste.reports.QuarterReports;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.reports.WarehouseStamp;
import ee.ska.iste.warehouse.BuildFingerprints;
import ee.ska.iste.warehouse.Building;
import ee.ska.iste.warehouse.InputArchive;
import ee.ska.iste.warehouse.RunMetadata;
import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one stage at a time over an output folder: the Spark stages write into the work area {@code
 * <out>/work} (never read by anyone but the next stage), {@code publish} snapshots the work area
 * into a new warehouse version and switches to it atomically, {@code reports} renders from the
 * published version. Each stage records what it completed on, so a stage whose input did not change
 * is skipped and a run after a failure resumes at the stage that failed. Used in one process by
 * {@link LocalRunner} and one stage per process by the Airflow tasks.
 */
public final class StageRunner implements AutoCloseable {
  /**
   * Shuffle partitions the session starts with (Spark's default of 200 is far too many for ISTE
   * data); the model and measures jobs size their own to their input (ShufflePartitions).
   */
  private static final int SHUFFLE_PARTITIONS = 8;

  private final Path out;
  private final ReferenceData ref;
  private final String master;
  private final StageProgress progress;
  private final Clock clock;
  private final WorkState state;
  private SparkSession spark;

  public StageRunner(
      Path out, ReferenceData ref, String master, StageProgress progress, Clock clock) {
    this.out = out;
    this.ref = ref;
    this.master = master;
    this.progress = progress;
    this.clock = clock;
    this.state = WorkState.load(workDir().resolve("_state.properties"));
  }

  public Path workDir() {
    return out.resolve("work");
  }

  public Path warehouseRoot() {
    return out.resolve("warehouse");
  }

  public Path reportsRoot() {
    return out.resolve("reports");
  }

  private WarehouseLayout work() {
    return new WarehouseLayout(workDir().toAbsolutePath().toString());
  }

  /**
   * Ingests the quarters whose submissions or reference data changed since they were last ingested
   * (all of them with {@code force}); empty result when nothing needed ingesting. A staged quarter
   * outside {@code quarters} whose reference data changed is ingested again too. The key must be
   * the warehouse's ({@link KeyCheck}); loaded submissions are archived ({@link InputArchive}).
   *
   * @throws KeyCheck.KeyMismatchException when the warehouse was built with another key
   */
  public Optional<IngestResult> ingest(
      Path input, List<Quarter> quarters, Supplier<Pseudonymiser> key, boolean force) {
    Pseudonymiser pseudonymiser = key.get();
    KeyCheck.requireWarehouseKey(warehouseRoot(), pseudonymiser);
    return ingestWithKey(input, quarters, pseudonymiser, force);
  }

  /** Ingest without the key check: the re-key, which checked and marked the warehouse itself. */
  Optional<IngestResult> ingestWithKey(
      Path input, List<Quarter> quarters, Pseudonymiser pseudonymiser, boolean force) {
    Inbox inbox = Inbox.scan(input, quarters, today());
    Map<Quarter, List<RunMetadata.InputFile>> inputs = inputsOf(input, inbox.submissions());
    if (!quarters.isEmpty()) {
      List<Quarter> touched = new ArrayList<>();
      for (Quarter q : stagedQuarters()) {
        if (!quarters.contains(q) && !state.ref(q.toString()).equals(Optional.of(refOf(q)))) {
          touched.add(q);
        }
      }
      if (!touched.isEmpty()) {
        progress.note(
            "reference data changed for staged " + LocalRunner.span(touched) + ": ingested again");
        inputsByQuarter(input, touched).forEach(inputs::putIfAbsent);
      }
    }
    List<Quarter> runQuarters = new ArrayList<>(quarters.isEmpty() ? inputs.keySet() : quarters);
    inputs
        .keySet()
        .forEach(
            q -> {
              if (!runQuarters.contains(q)) {
                runQuarters.add(q);
              }
            });
    runQuarters.sort(null);
    if (inputs.isEmpty() && (quarters.isEmpty() || inbox.refused().isEmpty())) {
      throw new IllegalArgumentException(
          "no submissions (ISTE_<EHAK>_<YYYY>Q<n>.xlsx or CSV folders) for "
              + (quarters.isEmpty() ? "any quarter" : LocalRunner.span(quarters))
              + " in "
              + input
              + (inbox.refused().isEmpty()
                  ? ""
                  : "; refused unread: " + refusedList(inbox.refused())));
    }
    // Entries refused unread count in the fingerprint of the quarter that records them, so that a
    // new bad file is recorded (and reported) even when no submission changed.
    Quarter refusalQuarter = runQuarters.get(runQuarters.size() - 1);
    Map<Quarter, StringBuilder> refusals = new TreeMap<>();
    for (Inbox.Refused r : inbox.refused()) {
      Quarter home =
          r.quarter() != null && runQuarters.contains(r.quarter()) ? r.quarter() : refusalQuarter;
      refusals
          .computeIfAbsent(home, q -> new StringBuilder())
          .append(r.name())
          .append(' ')
          .append(r.reason())
          .append('\n');
    }
    Map<Quarter, String> changed = new TreeMap<>();
    Map<Quarter, String> refs = new TreeMap<>();
    for (Quarter q : runQuarters) {
      String fp =
          Fingerprints.of(
              Fingerprints.ofInputs(inputs.getOrDefault(q, List.of()))
                  + "\n"
                  + refusals.getOrDefault(q, new StringBuilder()));
      String refFp = refOf(q);
      refs.put(q, refFp);
      if (force
          || !state.quarter(q.toString()).equals(Optional.of(fp))
          || !state.ref(q.toString()).equals(Optional.of(refFp))) {
        changed.put(q, fp);
      }
    }
    if (changed.isEmpty()) {
      progress.skip(
          Stage.INGEST,
          "submissions and reference data of "
              + LocalRunner.span(runQuarters)
              + " unchanged since last ingested");
      return Optional.empty();
    }
    List<Quarter> todo = List.copyOf(changed.keySet());
    long files = inputs.entrySet().stream().filter(e -> changed.containsKey(e.getKey())).count();
    progress.start(
        Stage.INGEST,
        "quarters " + LocalRunner.span(todo) + " (" + files + " quarters of submissions)");
    OutputFiles.ownFolder(workDir());
    Path earlierCopies = workDir().resolve("_earlier");
    IngestResult result;
    try {
      result =
          new IngestJob()
              .run(
                  spark(),
                  new IngestRequest(
                      input,
                      work(),
                      todo,
                      pseudonymiser,
                      ref,
                      refusalQuarter,
                      ArchivedSubmissions.of(warehouseRoot(), earlierCopies)));
    } finally {
      // submissions copied out of the archive hold personal codes: not left in the work area
      Rekey.deleteTree(earlierCopies);
    }
    OutputFiles.restrict(workDir());
    archive(result);
    changed.forEach((q, fp) -> state.quarterIngested(q.toString(), fp, refs.get(q)));
    progress.done(
        Stage.INGEST,
        String.format(
            "%d submissions; %d rows read = %d accepted + %d rejected; %d submissions refused",
            result.submissions().size(),
            result.rowsRead(),
            result.rowsAccepted(),
            result.rowsRejected(),
            result.count(IngestResult.Status.REFUSED)));
    for (IngestResult.Submission r : result.refused()) {
      progress.note("refused: " + r.refusalMessage() + " [" + r.refusalReason() + "]");
    }
    return Optional.of(result);
  }

  private static String refusedList(List<Inbox.Refused> refused) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < refused.size() && i < 5; i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(refused.get(i).name())
          .append(" (")
          .append(refused.get(i).reason())
          .append(')');
    }
    return sb + (refused.size() > 5 ? " and " + (refused.size() - 5) + " more" : "");
  }

  /**
   * The reference data's fingerprint for one quarter (cached: the tables do not change in a run).
   */
  private String refOf(Quarter q) {
    return refByQuarter.computeIfAbsent(q, k -> RefFingerprint.ofQuarter(ref, k));
  }

  private final Map<Quarter, String> refByQuarter = new java.util.concurrent.ConcurrentHashMap<>();

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Copies every loaded submission into the warehouse's input archive, by its SHA-256. */
  private void archive(IngestResult result) {
    InputArchive archive = InputArchive.of(warehouseRoot());
    for (IngestResult.Submission s : result.submissions()) {
      if (s.status() != IngestResult.Status.LOADED || s.path() == null || s.checksum() == null) {
        continue;
      }
      boolean kept =
          archive.add(
              s.path(),
              s.csvFolder(),
              new InputArchive.Entry(
                  s.checksum(),
                  s.file(),
                  s.kovCode(),
                  s.quarter().toString(),
                  s.submittedOn(),
                  clock.instant()));
      if (!kept) {
        progress.note(
            s.file()
                + " changed after it was read: not archived (run again to ingest the new content)");
      }
    }
  }

  /** Builds episodes, cases, facts and dimensions from everything staged. */
  public boolean model(boolean force) {
    return runIfChanged(
        Stage.MODEL,
        force,
        "episodes, cases, facts and dimensions",
        () -> {
          new ModelJob().run(spark(), work(), ref);
          return "";
        });
  }

  /** Computes every measure for every staged quarter. */
  public boolean measures(boolean force) {
    List<Quarter> quarters = stagedQuarters();
    return runIfChanged(
        Stage.MEASURES,
        force,
        quarters.size() + " quarters " + LocalRunner.span(quarters),
        () -> new MeasuresJob().run(spark(), work(), quarters, ref).text());
  }

  /**
   * Snapshots the work area into a new warehouse version with its DuckDB catalogue and switches the
   * published pointer to it in one step; skipped when the current version already holds it.
   */
  public Optional<Version> publish(Path input, boolean force) {
    Warehouse warehouse = warehouse();
    String fp = stagedFingerprint();
    if (!force
        && state.stage(Stage.PUBLISH.id()).equals(Optional.of(fp))
        && warehouse.current().isPresent()) {
      progress.skip(
          Stage.PUBLISH, "version " + warehouse.current().get().id() + " already holds this data");
      return Optional.empty();
    }
    requireDone(Stage.MEASURES, fp);
    List<Quarter> quarters = stagedQuarters();
    progress.start(
        Stage.PUBLISH,
        "a new version with " + LocalRunner.span(quarters) + ", DuckDB catalogue, atomic switch");
    List<RunMetadata.InputFile> files = new ArrayList<>();
    if (input != null) {
      inputsByQuarter(input, quarters).values().forEach(files::addAll);
    }
    RunMetadata meta = RunMetadata.started(codeVersion(), quarters, files, clock.instant());
    OutputFiles.ownFolder(warehouseRoot());
    try (Building building = warehouse.begin(meta)) {
      replaceWithWork(building.dir());
      Version v = warehouse.publish(building);
      // the new version is narrowed before its rename; the lock and the versions folder here
      OutputFiles.restrict(warehouseRoot());
      BuildFingerprints.of(warehouseRoot()).recordReferenceData(refFingerprint());
      state.stageDone(Stage.PUBLISH.id(), fp);
      progress.done(Stage.PUBLISH, "version " + v.id() + ": " + v.database());
      return Optional.of(v);
    }
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
    progress.start(
        Stage.REPORTS, "quarters " + LocalRunner.span(quarters) + " from version " + current.id());
    OutputFiles.ownFolder(reportsRoot());
    quarters.forEach(q -> ReportsDone.clear(reportsRoot(), q));
    List<Path> written = new ArrayList<>();
    int threads = Runtime.getRuntime().availableProcessors();
    for (Locale language : languages) {
      QuarterReports set =
          new QuarterReports(current.database(), language, stampOf(current), threads);
      for (Quarter q : quarters) {
        written.addAll(set.render(q, format, reportsRoot()));
        progress.note(q + " (" + language.getLanguage() + "): " + written.size() + " reports");
      }
    }
    // Only now is each quarter done: a run killed before this line renders it again.
    quarters.forEach(q -> ReportsDone.mark(reportsRoot(), q, current.id(), languages, format));
    progress.done(Stage.REPORTS, written.size() + " files under " + reportsRoot());
    return written;
  }

  /**
   * Whether the reports of every quarter were completed (their marker written) from the current
   * version in {@code format} and every one of {@code languages}.
   */
  public boolean reportsDone(List<Quarter> quarters, List<Locale> languages, ReportFormat format) {
    Optional<Version> current = warehouse().current();
    return current.isPresent()
        && quarters.stream()
            .allMatch(
                q -> ReportsDone.done(reportsRoot(), q, current.get().id(), languages, format));
  }

  /** The version and publication date printed on the reports. */
  public static WarehouseStamp stampOf(Version v) {
    return new WarehouseStamp(
        v.id(),
        v.run() == null || v.run().endedAt() == null
            ? null
            : LocalDate.ofInstant(v.run().endedAt(), ZoneOffset.UTC));
  }

  public Warehouse warehouse() {
    return Warehouse.at(warehouseRoot()).withReferenceData(ref).withClock(clock);
  }

  /** The quarters with staged submissions in the work area. */
  public List<Quarter> stagedQuarters() {
    Path submissions = Path.of(work().table("stg_submission"));
    TreeSet<Quarter> quarters = new TreeSet<>();
    if (Files.isDirectory(submissions)) {
      try (Stream<Path> parts = Files.list(submissions)) {
        parts
            .map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith("quarter="))
            .forEach(n -> quarters.add(Quarter.parse(n.substring("quarter=".length()))));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + submissions, e);
      }
    }
    return List.copyOf(quarters);
  }

  /**
   * The fingerprint the model, measures and publish stages completed on: everything staged and the
   * whole reference data (a change to any reference file recomputes them).
   */
  private String stagedFingerprint() {
    return Fingerprints.of(state.stagedFingerprint() + "\nref " + refFingerprint());
  }

  private String refFingerprint() {
    if (refAll == null) {
      refAll = RefFingerprint.of(ref);
    }
    return refAll;
  }

  private String refAll;

  /**
   * Runs {@code work} (which returns a line on what it did, or "") unless its input is unchanged.
   */
  private boolean runIfChanged(Stage stage, boolean force, String what, Supplier<String> work) {
    String fp = stagedFingerprint();
    if (!force && state.stage(stage.id()).equals(Optional.of(fp))) {
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
    String result = work.get();
    OutputFiles.restrict(workDir());
    state.stageDone(stage.id(), fp);
    progress.done(stage, result);
    return true;
  }

  private void requireDone(Stage stage, String fp) {
    if (!state.stage(stage.id()).equals(Optional.of(fp))) {
      throw new IllegalStateException(
          "stage " + stage.id() + " has not run on the staged data yet: run it first");
    }
  }

  /**
   * The submissions ingest would read, per quarter, each as its files with their checksums (a CSV
   * folder is several files).
   */
  public static Map<Quarter, List<RunMetadata.InputFile>> inputsByQuarter(
      Path input, List<Quarter> quarters) {
    return inputsOf(input, IngestJob.discover(input, quarters));
  }

  private static Map<Quarter, List<RunMetadata.InputFile>> inputsOf(
      Path input, List<SubmissionFile> submissions) {
    Map<Quarter, List<RunMetadata.InputFile>> out = new TreeMap<>();
    try {
      for (SubmissionFile s : submissions) {
        List<RunMetadata.InputFile> files =
            out.computeIfAbsent(s.quarter(), q -> new ArrayList<>());
        String name = input.relativize(s.path()).toString();
        if (s.csvFolder()) {
          try (Stream<Path> csvs = Files.list(s.path())) {
            for (Path f : csvs.sorted().toList()) {
              files.add(RunMetadata.InputFile.of(f, name + "/" + f.getFileName()));
            }
          }
        } else {
          files.add(RunMetadata.InputFile.of(s.path(), name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input folder " + input, e);
    }
    return out;
  }

  /** Replaces the building's tables by the work area's, as hard links where possible. */
  private void replaceWithWork(Path building) {
    try {
      for (Layer layer : Layer.values()) {
        Path target = building.resolve(layer.prefix());
        if (Files.exists(target)) {
          try (Stream<Path> s = Files.walk(target)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
        Path source = workDir().resolve(layer.prefix());
        if (!Files.isDirectory(source)) {
          continue;
        }
        try (Stream<Path> s = Files.walk(source)) {
          for (Path f :
              s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
            Path to = target.resolve(source.relativize(f));
            Files.createDirectories(to.getParent());
            try {
              Files.createLink(to, f);
            } catch (IOException | UnsupportedOperationException e) {
              Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the work area into the new version", e);
    }
  }

  private SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.create(master, SHUFFLE_PARTITIONS);
    }
    return spark;
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

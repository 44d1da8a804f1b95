package ee.ska.iste.cli.runner;

import ee.ska.iste.core.Stage;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.Inbox;
import ee.ska.iste.pipelines.ingest.IngestJob;
import ee.ska.iste.pipelines.ingest.IngestRequest;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.warehouse.InputArchive;
import ee.ska.iste.warehouse.RunMetadata;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ingest stage over the work area: ingests the quarters whose submissions or reference data
 * changed since they were last ingested, and archives what it loaded ({@link InputArchive}).
 */
final class IngestStage {
  private final WorkArea work;
  private final Fingerprints fingerprints;
  private final ReferenceData ref;
  private final Path warehouseRoot;
  private final StageProgress progress;
  private final Clock clock;

  IngestStage(
      WorkArea work,
      Fingerprints fingerprints,
      ReferenceData ref,
      Path warehouseRoot,
      StageProgress progress,
      Clock clock) {
    this.work = work;
    this.fingerprints = fingerprints;
    this.ref = ref;
    this.warehouseRoot = warehouseRoot;
    this.progress = progress;
    this.clock = clock;
  }

  /**
   * Ingests what changed of {@code quarters} (every quarter found when empty; all of them with
   * {@code force}); empty when nothing needed ingesting. A staged quarter outside {@code quarters}
   * whose reference data changed is ingested again too.
   */
  Optional<IngestResult> run(
      SparkOnDemand spark,
      InboxFiles found,
      List<Quarter> quarters,
      Pseudonymiser pseudonymiser,
      boolean force) {
    Path input = found.input();
    WorkState state = work.state();
    Inbox inbox = found.inbox(quarters);
    Map<Quarter, List<RunMetadata.InputFile>> inputs = new TreeMap<>(found.inputs(quarters));
    if (!quarters.isEmpty()) {
      List<Quarter> touched = new ArrayList<>();
      for (Quarter q : work.stagedQuarters()) {
        if (!quarters.contains(q)
            && !state.ref(q.toString()).equals(Optional.of(fingerprints.ref(q)))) {
          touched.add(q);
        }
      }
      if (!touched.isEmpty()) {
        progress.note(
            "reference data changed for staged "
                + StageProgress.span(touched)
                + ": ingested again");
        found.inputs(touched).forEach(inputs::putIfAbsent);
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
              + (quarters.isEmpty() ? "any quarter" : StageProgress.span(quarters))
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
          Fingerprints.ofQuarter(
              inputs.getOrDefault(q, List.of()), refusals.getOrDefault(q, new StringBuilder()));
      String refFp = fingerprints.ref(q);
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
              + StageProgress.span(runQuarters)
              + " unchanged since last ingested");
      return Optional.empty();
    }
    List<Quarter> todo = List.copyOf(changed.keySet());
    long files = inputs.entrySet().stream().filter(e -> changed.containsKey(e.getKey())).count();
    progress.start(
        Stage.INGEST,
        "quarters " + StageProgress.span(todo) + " (" + files + " quarters of submissions)");
    work.own();
    Path earlierCopies = work.earlierCopies();
    IngestResult result;
    try {
      result =
          new IngestJob()
              .run(
                  spark.get(),
                  new IngestRequest(
                      input,
                      work.layout(),
                      todo,
                      pseudonymiser,
                      ref,
                      refusalQuarter,
                      ArchivedSubmissions.of(warehouseRoot, earlierCopies),
                      found.inbox(todo)));
    } finally {
      // submissions copied out of the archive hold personal codes: not left in the work area
      WorkArea.remove(earlierCopies);
    }
    work.restrict();
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

  /** Copies every loaded submission into the warehouse's input archive, by its SHA-256. */
  private void archive(IngestResult result) {
    InputArchive archive = InputArchive.of(warehouseRoot);
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
}

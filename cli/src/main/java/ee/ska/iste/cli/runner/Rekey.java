package ee.ska.iste.cli.runner;

import ee.ska.iste.core.person.KeyFingerprint;
import ee.ska.iste.pipelines.ingest.IngestJob;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.pipelines.ingest.SubmissionFile;
import ee.ska.iste.warehouse.BuildFingerprints;
import ee.ska.iste.warehouse.InputArchive;
import ee.ska.iste.warehouse.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code run --rekey}: rebuilds every quarter with a new pseudonymisation key, which becomes the
 * warehouse's key. The work area is emptied and every stage runs on an inbox made of
 *
 * <ul>
 *   <li>the submissions now in the input folder, and
 *   <li>the archived submissions ({@link InputArchive}) that are no longer there: neither their
 *       content nor their name is in the input folder (a file of the same name in the input folder
 *       replaced its archived versions, as it would in an ordinary run).
 * </ul>
 *
 * The result is published as a new version; earlier versions keep the old key's pseudonyms (compare
 * figures across the re-key, not client ids). The warehouse is marked while the re-key runs: if it
 * is interrupted, every run but another {@code --rekey} is refused, so that the two keys never mix.
 */
final class Rekey {
  private static final String INPUT = "rekey-input";

  private final RunPlan plan;
  private final StageProgress progress;
  private final Clock clock;

  Rekey(RunPlan plan, StageProgress progress, Clock clock) {
    this.plan = plan;
    this.progress = progress;
    this.clock = clock;
  }

  LocalRunner.Outcome run() {
    BuildFingerprints fingerprints = BuildFingerprints.of(plan.warehouseRoot());
    fingerprints.beginRekey(KeyFingerprint.of(plan.pseudonymiser()));
    Path input = plan.out().resolve(INPUT);
    try (StageRunner stages =
        new StageRunner(plan.out(), plan.ref(), plan.master(), progress, clock)) {
      deleteTree(stages.workDir());
      deleteTree(input);
      int fromArchive = assemble(input);
      progress.note(
          "re-key: every quarter from the input folder and "
              + fromArchive
              + " archived submission(s) no longer in it");
      StageRunner fresh = new StageRunner(plan.out(), plan.ref(), plan.master(), progress, clock);
      Optional<IngestResult> ingested =
          fresh.ingestWithKey(input, List.of(), plan.pseudonymiser(), true);
      fresh.model(true);
      fresh.measures(true);
      Optional<Version> published = fresh.publish(input, true);
      fingerprints = BuildFingerprints.of(plan.warehouseRoot());
      fingerprints.endRekey();
      LocalRunner.Outcome outcome = LocalRunner.finish(plan, fresh, ingested, published);
      deleteTree(input);
      return outcome;
    }
  }

  /**
   * Copies the input folder's submissions and the archived ones no longer there into {@code to}.
   */
  private int assemble(Path to) {
    try {
      Files.createDirectories(to);
      Set<String> shas = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (SubmissionFile f : IngestJob.discover(plan.input(), List.of())) {
        String sha = IngestJob.checksum(f);
        if (!shas.add(sha)) {
          continue; // the same content under two names: counted once anyway
        }
        names.add(f.fileName());
        Path dir = Files.createDirectories(to.resolve("inbox-" + sha.substring(0, 16)));
        copy(f.path(), dir.resolve(f.fileName()));
      }
      Set<String> skip = new HashSet<>(shas);
      InputArchive archive = InputArchive.of(plan.warehouseRoot());
      for (InputArchive.Entry e : archive.entries()) {
        if (names.contains(e.name())) {
          skip.add(e.sha256());
        }
      }
      return archive.materialise(to, skip).size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble the re-key's input in " + to, e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(to);
      try (Stream<Path> s = Files.list(from)) {
        for (Path f : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
          Files.copy(f, to.resolve(f.getFileName().toString()), LinkOption.NOFOLLOW_LINKS);
        }
      }
    } else {
      Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** Removes a folder and everything in it (links not followed); nothing when it is absent. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}

package ee.ska.iste.cli.runner;

import ee.ska.iste.core.person.KeyFingerprint;
import ee.ska.iste.pipelines.ingest.IngestJob;
import ee.ska.iste.pipelines.ingest.SubmissionFile;
import ee.ska.iste.warehouse.BuildFingerprints;
import ee.ska.iste.warehouse.InputArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
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
  private final Path input;

  private Rekey(RunPlan plan) {
    this.plan = plan;
    this.input = plan.out().resolve(INPUT);
  }

  /**
   * Marks the warehouse, empties the work area and assembles the re-key's input folder; the run
   * then ingests that folder with every stage forced.
   */
  static Rekey begin(RunPlan plan, StageProgress progress) {
    BuildFingerprints.of(plan.warehouseRoot()).beginRekey(KeyFingerprint.of(plan.pseudonymiser()));
    Rekey rekey = new Rekey(plan);
    WorkArea.remove(WorkArea.under(plan.out()));
    WorkArea.remove(rekey.input);
    int fromArchive = rekey.assemble(rekey.input);
    progress.note(
        "re-key: every quarter from the input folder and "
            + fromArchive
            + " archived submission(s) no longer in it");
    return rekey;
  }

  /** The folder the re-key ingests. */
  Path input() {
    return input;
  }

  /** After the new version is published: the new key is the warehouse's. */
  void end() {
    BuildFingerprints.of(plan.warehouseRoot()).endRekey();
  }

  /** After the run: the assembled input (copies of submissions) is removed. */
  void removeInput() {
    WorkArea.remove(input);
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
}

package ee.ska.iste.cli.runner;

import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The work area {@code <out>/work}: the layers the Spark stages write for the next stage (read by
 * no one else until publish links them into a version), and what each stage last completed on
 * ({@link WorkState}).
 */
final class WorkArea {
  private final Path dir;
  private final WorkState state;

  /** The work area of the output folder {@code out}. */
  static Path under(Path out) {
    return out.resolve("work");
  }

  WorkArea(Path dir) {
    this.dir = dir;
    this.state = WorkState.load(dir.resolve("_state.properties"));
  }

  Path dir() {
    return dir;
  }

  /** Where the stages write their tables. */
  WarehouseLayout layout() {
    return new WarehouseLayout(dir.toAbsolutePath().toString());
  }

  WorkState state() {
    return state;
  }

  /**
   * Where ingest finds the archived submissions it copied back out; they hold personal codes and
   * are removed after ingest.
   */
  Path earlierCopies() {
    return dir.resolve("_earlier");
  }

  /** Creates the work area, or narrows it when it exists ({@link OutputFiles#ownFolder}). */
  void own() {
    OutputFiles.ownFolder(dir);
  }

  /** Narrows everything a stage wrote to group-readable at most. */
  void restrict() {
    OutputFiles.restrict(dir);
  }

  /** The quarters with staged submissions. */
  List<Quarter> stagedQuarters() {
    Path submissions = Path.of(layout().table("stg_submission"));
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

  /** Removes a folder of the run's own and everything in it; nothing when it is absent. */
  static void remove(Path folder) {
    try {
      FileTrees.deleteTree(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + folder, e);
    }
  }
}

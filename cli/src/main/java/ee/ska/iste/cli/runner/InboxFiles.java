package ee.ska.iste.cli.runner;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.Inbox;
import ee.ska.iste.pipelines.ingest.SubmissionFile;
import ee.ska.iste.warehouse.RunMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The input folder as a run finds it, walked once: its submissions of every quarter and the entries
 * refused unread ({@link Inbox}), and each submission's files with their checksums, read when first
 * asked for. Ingest takes its quarters' share and fingerprints it; publish records the staged
 * quarters' files in the version's run metadata.
 */
public final class InboxFiles {
  private final Path input;
  private final Inbox all;
  private final Map<Quarter, List<RunMetadata.InputFile>> checksummed = new HashMap<>();

  private InboxFiles(Path input, Inbox all) {
    this.input = input;
    this.all = all;
  }

  /** Walks {@code input} for the submissions of every quarter, as of {@code today}. */
  public static InboxFiles scan(Path input, LocalDate today) {
    return new InboxFiles(input, Inbox.scan(input, List.of(), today));
  }

  public Path input() {
    return input;
  }

  /**
   * What the inbox holds for the given quarters (every quarter when empty): as {@link Inbox#scan}
   * with those quarters finds it.
   */
  public Inbox inbox(List<Quarter> quarters) {
    if (quarters.isEmpty()) {
      return all;
    }
    return new Inbox(
        all.submissions().stream().filter(f -> quarters.contains(f.quarter())).toList(),
        all.refused().stream()
            .filter(r -> r.quarter() == null || quarters.contains(r.quarter()))
            .toList());
  }

  /**
   * The submissions of the given quarters (every quarter when empty), per quarter that has any,
   * each as its files with their checksums (a CSV folder is several files).
   */
  public Map<Quarter, List<RunMetadata.InputFile>> inputs(List<Quarter> quarters) {
    TreeSet<Quarter> wanted = new TreeSet<>(quarters);
    if (wanted.isEmpty()) {
      all.submissions().forEach(s -> wanted.add(s.quarter()));
    }
    Map<Quarter, List<RunMetadata.InputFile>> out = new TreeMap<>();
    for (Quarter q : wanted) {
      List<RunMetadata.InputFile> files = checksummed.computeIfAbsent(q, this::read);
      if (!files.isEmpty()) {
        out.put(q, files);
      }
    }
    return out;
  }

  private List<RunMetadata.InputFile> read(Quarter quarter) {
    List<RunMetadata.InputFile> files = new ArrayList<>();
    try {
      for (SubmissionFile s : all.submissions()) {
        if (!s.quarter().equals(quarter)) {
          continue;
        }
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
    return List.copyOf(files);
  }
}

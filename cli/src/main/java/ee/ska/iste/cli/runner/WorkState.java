package ee.ska.iste.cli.runner;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the work area holds: the fingerprint of the submissions each quarter was ingested from, and
 * the fingerprint of the staged data each later stage last completed on. A stage that failed has no
 * new entry, so the next run resumes from it; a stage whose input did not change is skipped.
 * Written atomically (a temporary file moved over the old one).
 */
final class WorkState {
  private static final String QUARTER = "quarter.";
  private static final String STAGE = "stage.";
  private static final String REF = "ref.";
  private final Path file;
  private final TreeMap<String, String> entries = new TreeMap<>();

  private WorkState(Path file) {
    this.file = file;
  }

  static WorkState load(Path file) {
    WorkState s = new WorkState(file);
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the work state " + file, e);
      }
      p.stringPropertyNames().forEach(k -> s.entries.put(k, p.getProperty(k)));
    }
    return s;
  }

  Optional<String> quarter(String quarter) {
    return Optional.ofNullable(entries.get(QUARTER + quarter));
  }

  /** The fingerprint of the reference data a quarter was last ingested with. */
  Optional<String> ref(String quarter) {
    return Optional.ofNullable(entries.get(REF + quarter));
  }

  void quarterIngested(String quarter, String fingerprint, String refFingerprint) {
    entries.put(QUARTER + quarter, fingerprint);
    entries.put(REF + quarter, refFingerprint);
    invalidateStages();
    save();
  }

  Optional<String> stage(String stage) {
    return Optional.ofNullable(entries.get(STAGE + stage));
  }

  void stageDone(String stage, String fingerprint) {
    entries.put(STAGE + stage, fingerprint);
    save();
  }

  /**
   * The fingerprint of everything staged: every quarter's input and reference-data fingerprints, in
   * order.
   */
  String stagedFingerprint() {
    StringBuilder sb = new StringBuilder();
    entries.forEach(
        (k, v) -> {
          if (k.startsWith(QUARTER) || k.startsWith(REF)) {
            sb.append(k).append('=').append(v).append('\n');
          }
        });
    return Fingerprints.of(sb.toString());
  }

  private void invalidateStages() {
    entries.keySet().removeIf(k -> k.startsWith(STAGE));
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (var e : entries.entrySet()) {
          w.write(e.getKey() + "=" + e.getValue() + "\n");
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      ee.ska.iste.core.files.OutputFiles.restrict(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the work state " + file, e);
    }
  }
}

package ee.ska.iste.warehouse;

import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What a run was made from: the input files with their checksums, the code version, the quarters it
 * (re)computed and when it started and ended. Stored beside a version's data as {@code run.json};
 * the only place where run times appear (never inside a data table).
 *
 * @param codeVersion version of the code that ran (e.g. the build's version and git commit)
 * @param quarters the quarters the run computed, in order
 * @param inputs the input files read, in order
 * @param startedAt when the run began
 * @param endedAt when the version was published; null until then
 */
public record RunMetadata(
    String codeVersion,
    List<Quarter> quarters,
    List<InputFile> inputs,
    Instant startedAt,
    Instant endedAt) {

  public RunMetadata {
    if (codeVersion == null || codeVersion.isBlank()) {
      throw new IllegalArgumentException("code version must be given");
    }
    if (startedAt == null) {
      throw new IllegalArgumentException("start time must be given");
    }
    if (endedAt != null && endedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "run ends (" + endedAt + ") before it starts (" + startedAt + ")");
    }
    quarters = quarters == null ? List.of() : List.copyOf(quarters);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** Metadata of a run starting now, not yet ended. */
  public static RunMetadata started(
      String codeVersion, List<Quarter> quarters, List<InputFile> inputs, Instant startedAt) {
    return new RunMetadata(codeVersion, quarters, inputs, startedAt, null);
  }

  /** The same metadata with its end time set. */
  public RunMetadata endedAt(Instant end) {
    return new RunMetadata(codeVersion, quarters, inputs, startedAt, end);
  }

  /**
   * One input file of a run.
   *
   * @param name the file's name as the run saw it (relative to the inbox; never a personal code)
   * @param sha256 lower-case hex SHA-256 of its bytes
   * @param bytes its size
   */
  public record InputFile(String name, String sha256, long bytes) {
    public InputFile {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("input file name must be given");
      }
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "not a lower-case hex SHA-256 for " + name + ": " + sha256);
      }
      if (bytes < 0) {
        throw new IllegalArgumentException("negative size for " + name + ": " + bytes);
      }
    }

    /** Reads a file and records its checksum under the given name. */
    public static InputFile of(Path file, String name) throws IOException {
      MessageDigest sha;
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing from the JDK", e);
      }
      long size = 0;
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buf = new byte[64 * 1024];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          sha.update(buf, 0, n);
          size += n;
        }
      }
      return new InputFile(name, HexFormat.of().formatHex(sha.digest()), size);
    }
  }
}

package ee.ska.iste.warehouse;

import ee.ska.iste.core.time.Quarter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The published versions and their run metadata as printable tables. */
public final class VersionListing {
  private VersionListing() {}

  /** One row per version, oldest first; {@code current} is {@code *} on the published one. */
  public static QueryResult versions(Warehouse w) {
    String current = w.current().map(Version::id).orElse("");
    List<List<String>> rows = new ArrayList<>();
    for (Version v : w.versions()) {
      RunMetadata m = v.run();
      rows.add(
          Arrays.asList(
              v.id(),
              v.id().equals(current) ? "*" : "",
              m.startedAt().toString(),
              m.endedAt() == null ? null : m.endedAt().toString(),
              m.codeVersion(),
              m.quarters().stream().map(Quarter::toString).collect(Collectors.joining(" ")),
              String.valueOf(m.inputs().size())));
    }
    return new QueryResult(
        List.of(
            "version", "current", "started_at", "ended_at", "code_version", "quarters", "inputs"),
        List.of(false, false, false, false, false, false, true),
        rows);
  }

  /** The input files of one version with their sizes and SHA-256 checksums. */
  public static QueryResult inputs(Version v) {
    List<List<String>> rows = new ArrayList<>();
    for (RunMetadata.InputFile f : v.run().inputs()) {
      rows.add(List.of(f.name(), String.valueOf(f.bytes()), f.sha256()));
    }
    return new QueryResult(List.of("file", "bytes", "sha256"), List.of(false, true, false), rows);
  }
}

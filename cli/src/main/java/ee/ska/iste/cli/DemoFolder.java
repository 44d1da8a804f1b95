package ee.ska.iste.cli;

import ee.ska.iste.core.files.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder {@code iste demo} writes into, which it may empty: only a folder that does not exist,
 * is empty, or holds an earlier demo (its marker file {@value #MARKER}) is taken; anything else is
 * refused, so that a mistyped {@code --out} never deletes someone's files. A folder written by a
 * demo from before the marker existed is recognised by its demo key and its known contents.
 */
final class DemoFolder {
  /** The marker file that says a folder is a demo's output. */
  static final String MARKER = ".iste-demo";

  /** What a demo from before the marker wrote into its folder. */
  private static final Set<String> EARLIER_DEMO =
      Set.of(
          "submissions",
          "warehouse",
          "reports",
          "work",
          "demo-pseudonym.key",
          "data-dictionary.md");

  private DemoFolder() {}

  /**
   * Takes {@code out} for a demo: refuses it (exit 2) unless it is missing, empty or an earlier
   * demo's; then creates it if needed and writes the marker.
   */
  static void claim(Path out) {
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
        throw new UserError(ExitCode.USAGE, "--out " + out + " is not a folder");
      }
      List<String> names = names(out);
      boolean marked = Files.isRegularFile(out.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
      boolean earlier = names.contains("demo-pseudonym.key") && EARLIER_DEMO.containsAll(names);
      if (!names.isEmpty() && !marked && !earlier) {
        throw new UserError(
            ExitCode.USAGE,
            "--out "
                + out
                + " holds files that are not an earlier demo's ("
                + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? ", …" : "")
                + "); the demo replaces what it writes there, so give an empty or new folder");
      }
    }
    OutputFiles.ownFolder(out);
    OutputFiles.writeAtomically(
        out.resolve(MARKER),
        o ->
            o.write(
                ("ISTE demo output: synthetic data and a demo key, written by 'iste demo'.\n"
                        + "A later 'iste demo --out' into this folder replaces what it holds.\n")
                    .getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}

package ee.ska.iste.cli.runner;

import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.ReportFormat;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The completion marker of a quarter's reports, {@code <reports>/<quarter>/}{@value #FILE}: written
 * only after every report of the quarter (every language asked for) was renamed into place, and
 * removed before the quarter is rendered again. Whether a quarter's reports are done is read from
 * the marker alone, never from the files that exist: a run killed while rendering leaves no marker,
 * so the next run renders the quarter again.
 */
final class ReportsDone {
  /** The marker's file name. */
  static final String FILE = "_REPORTS_COMPLETE";

  private ReportsDone() {}

  /**
   * Before rendering a quarter: removes its marker and any temporary file a killed run left in its
   * folders.
   */
  static void clear(Path reportsRoot, Quarter quarter) {
    Path dir = reportsRoot.resolve(quarter.toString());
    try {
      Files.deleteIfExists(dir.resolve(FILE));
      if (!Files.isDirectory(dir)) {
        return;
      }
      try (Stream<Path> files = Files.walk(dir, 2)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          if (Files.isRegularFile(p) && OutputFiles.isTemporary(p.getFileName().toString())) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the reports of " + quarter + " in " + dir, e);
    }
  }

  /** After every report of the quarter is in place: the marker, naming what was rendered. */
  static void mark(
      Path reportsRoot,
      Quarter quarter,
      String version,
      List<Locale> languages,
      ReportFormat format) {
    String text =
        "version="
            + version
            + "\nlanguages="
            + String.join(",", languages.stream().map(Locale::getLanguage).toList())
            + "\nformat="
            + format.name()
            + "\n";
    OutputFiles.writeAtomically(
        reportsRoot.resolve(quarter.toString()).resolve(FILE),
        out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Whether the quarter's reports in {@code format} and every one of {@code languages} were
   * completed from {@code version}.
   */
  static boolean done(
      Path reportsRoot,
      Quarter quarter,
      String version,
      List<Locale> languages,
      ReportFormat format) {
    Path marker = reportsRoot.resolve(quarter.toString()).resolve(FILE);
    if (!Files.isRegularFile(marker)) {
      return false;
    }
    Properties p = new Properties();
    try (Reader r = new StringReader(Files.readString(marker, StandardCharsets.UTF_8))) {
      p.load(r);
    } catch (IOException e) {
      return false;
    }
    List<String> rendered = Arrays.asList(p.getProperty("languages", "").split(","));
    return version.equals(p.getProperty("version"))
        && format.name().equals(p.getProperty("format"))
        && languages.stream().allMatch(l -> rendered.contains(l.getLanguage()));
  }
}

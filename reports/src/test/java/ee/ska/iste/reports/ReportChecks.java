package ee.ska.iste.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Checks on rendered reports that several tests make. */
final class ReportChecks {
  private ReportChecks() {}

  /** Some line of the text matches the regular expression. */
  static void assertLine(String text, String regex) {
    Pattern p = Pattern.compile(regex);
    assertTrue(
        text.lines().anyMatch(l -> p.matcher(l).find()),
        "no line matches " + regex + " in:\n" + text);
  }

  /** The text contains every one of the parts. */
  static void assertContains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text.contains(part), text);
    }
  }

  /** Every page of the PDF renders to an image in the folder IMAGES (made). */
  static void assertEveryPageRenders(Path pdf, Path images)
      throws IOException, InterruptedException {
    assertEquals(Pdf.pages(pdf), Pdf.toImages(pdf, Files.createDirectories(images)).size());
  }
}

package ee.ska.iste.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads PDFs as a user would, with poppler-utils. */
final class Pdf {
  private Pdf() {}

  /** The text with non-breaking spaces (Estonian digit grouping) made plain spaces. */
  static String text(Path pdf) throws IOException, InterruptedException {
    return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
        .replace('\u00A0', ' ')
        .replace('\u202F', ' ');
  }

  static String fonts(Path pdf) throws IOException, InterruptedException {
    return run("pdffonts", pdf.toString());
  }

  /** Renders every page to PNG at 40 dpi and returns the images' paths. */
  static List<Path> toImages(Path pdf, Path dir) throws IOException, InterruptedException {
    String prefix = dir.resolve("page").toString();
    run("pdftoppm", "-png", "-r", "40", pdf.toString(), prefix);
    List<Path> out = new ArrayList<>();
    try (var files = java.nio.file.Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().forEach(out::add);
    }
    return out;
  }

  static int pages(Path pdf) throws IOException, InterruptedException {
    for (String line : run("pdfinfo", pdf.toString()).split("\n")) {
      if (line.startsWith("Pages:")) {
        return Integer.parseInt(line.substring(6).trim());
      }
    }
    throw new IOException("pdfinfo gave no page count for " + pdf);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !err.isBlank()) {
      throw new IOException(String.join(" ", command) + " failed: " + err);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}

package ee.ska.iste.core.ref;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The names of the reference files shipped in the build ({@code ref/*.csv} on the class path). */
final class ShippedFiles {
  /** A file that is always shipped: where it is, the others are. */
  private static final String ANCHOR = "/ref/municipalities.csv";

  private ShippedFiles() {}

  static List<String> names() {
    URL anchor = ShippedFiles.class.getResource(ANCHOR);
    if (anchor == null) {
      throw new IllegalStateException("no reference data on the class path (" + ANCHOR + ")");
    }
    TreeSet<String> out = new TreeSet<>();
    try {
      if ("jar".equals(anchor.getProtocol())) {
        JarURLConnection c = (JarURLConnection) anchor.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = c.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            if (n.startsWith("ref/") && n.endsWith(".csv") && n.indexOf('/', 4) < 0) {
              out.add(n.substring(4, n.length() - 4));
            }
          }
        }
      } else {
        Path dir = Path.of(anchor.toURI()).getParent();
        try (Stream<Path> s = Files.list(dir)) {
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".csv"))
              .forEach(n -> out.add(n.substring(0, n.length() - 4)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped reference data", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the shipped reference data", e);
    }
    return List.copyOf(out);
  }
}

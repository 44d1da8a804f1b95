package ee.ska.iste.pipelines.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Spark's scratch folder for one local run ({@code spark.local.dir}): a new folder under the
 * system's temporary folder, created readable, writable and searchable by the owner only (0700), so
 * that blocks Spark spills there (among them the broadcast that carries the pseudonymisation key)
 * cannot be read by another user of the machine. Removed with its contents when the JVM ends.
 */
final class PrivateLocalDir {
  private PrivateLocalDir() {}

  /** Creates the folder and registers its removal at JVM exit. */
  static Path create() {
    Path dir;
    try {
      if (Path.of(System.getProperty("java.io.tmpdir"))
          .getFileSystem()
          .supportedFileAttributeViews()
          .contains("posix")) {
        dir =
            Files.createTempDirectory(
                "iste-spark-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        dir = Files.createTempDirectory("iste-spark-");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Spark's private scratch folder", e);
    }
    Path created = dir;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteQuietly(created), "iste-spark-scratch"));
    return dir;
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort at exit: Spark may still be removing its own folders in there
    }
  }
}

package ee.ska.iste.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** File-system helpers for building and publishing versions. */
final class Files2 {
  private Files2() {}

  /**
   * Gives {@code target} every regular file under {@code source} at the same relative path: a hard
   * link where the file system allows it, else a copy. Nothing when {@code source} is no folder.
   */
  static void linkOrCopyTree(Path source, Path target) throws IOException {
    if (!Files.isDirectory(source)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(source)) {
      files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    for (Path f : files) {
      Path to = target.resolve(source.relativize(f));
      Files.createDirectories(to.getParent());
      try {
        Files.createLink(to, f);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * Makes every Parquet file under {@code dir} read-only, where the file system has POSIX modes.
   */
  static void makeParquetReadOnly(Path dir) throws IOException {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
    for (Path f : files) {
      if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
      }
    }
  }

  /** Flushes every file and folder under {@code dir} to the disk, the folder itself last. */
  static void syncTree(Path dir) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.toList();
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Path p = all.get(i);
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
          ch.force(true);
        }
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        syncDir(p);
      }
    }
  }

  /** Flushes a folder's entries (renames, new names); a no-op where folders cannot be opened. */
  static void syncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for syncing; the rename is still atomic there.
    }
  }
}

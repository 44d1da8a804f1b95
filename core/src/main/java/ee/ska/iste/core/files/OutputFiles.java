package ee.ska.iste.core.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the outputs are created on disk: what a run writes (warehouse, work area, reports) is
 * readable by the owner and the group at most, as under a umask of 027 (files 0640, folders 0750),
 * and a secret (a key file) by the owner only (0600). A file that someone else may read while it is
 * written is written under a temporary name in its folder and renamed into place, so a reader (or
 * the next run after a crash) never sees half a file.
 *
 * <p>On a file system without POSIX permissions the permissions are left as they are; the
 * temporary-name-and-rename contract holds everywhere.
 */
public final class OutputFiles {
  /** A file's permissions: rw-r----- (0640). */
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");

  /** A folder's permissions: rwxr-x--- (0750). */
  public static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwxr-x---");

  /** A secret's permissions: rw------- (0600). */
  public static final Set<PosixFilePermission> SECRET =
      PosixFilePermissions.fromString("rw-------");

  /** What no output may allow: writing by the group, anything by others. */
  private static final Set<PosixFilePermission> NEVER =
      EnumSet.of(
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private OutputFiles() {}

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A folder of a run's own (the work area, the warehouse, the reports): created as {@link
   * #createFolders} does, or, when it exists, narrowed itself (not its contents nor its parents,
   * which may be the operator's) to group-readable at most.
   */
  public static Path ownFolder(Path dir) {
    createFolders(dir);
    try {
      restrictOne(dir.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot narrow the permissions of " + dir, e);
    }
    return dir;
  }

  /**
   * Creates {@code dir} and its missing parents as 0750 folders; existing ones stay as they are.
   */
  public static Path createFolders(Path dir) {
    try {
      Path absolute = dir.toAbsolutePath();
      if (Files.isDirectory(absolute)) {
        return dir;
      }
      if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
        createFolders(absolute.getParent());
      }
      try {
        if (posix(absolute.getParent())) {
          Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
          Files.createDirectory(absolute);
        }
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(absolute)) {
          throw e;
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + dir, e);
    }
  }

  /**
   * Writes {@code file} (0640) through a temporary file in the same folder and an atomic rename
   * that replaces any earlier file of that name: the file is there whole or not at all. The
   * temporary file's name starts with a dot and ends in {@code .tmp}; it is removed on failure.
   */
  public static Path writeAtomically(Path file, Content content) {
    return write(file, content, FILE);
  }

  /**
   * Writes a secret (0600) as {@link #writeAtomically}: the file is never readable by anyone but
   * the owner, not even while it is written.
   */
  public static Path writeSecret(Path file, Content content) {
    return write(file, content, SECRET);
  }

  private static Path write(Path file, Content content, Set<PosixFilePermission> permissions) {
    Path dir = file.toAbsolutePath().getParent();
    createFolders(dir);
    Path tmp = null;
    try {
      String prefix = "." + file.getFileName() + ".";
      tmp =
          posix(dir)
              ? Files.createTempFile(
                  dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(permissions))
              : Files.createTempFile(dir, prefix, ".tmp", new FileAttribute<?>[0]);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the failure that brought us here is the one to report
        }
      }
    }
  }

  /** Whether {@code name} is a temporary file left by {@link #writeAtomically} (a killed run). */
  public static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(".tmp");
  }

  /**
   * Narrows everything under {@code root} (root included, symbolic links neither followed nor
   * changed) to what the group may read and others nothing: group write and every permission of
   * others are removed, nothing is added. A file or folder that vanishes meanwhile is passed over.
   */
  public static void restrict(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) || !posix(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        restrictOne(p);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException(
          "cannot narrow the permissions under " + root + ": " + e.getMessage(), e);
    }
  }

  private static void restrictOne(Path p) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null || !posix(p) || Files.isSymbolicLink(p)) {
      return;
    }
    try {
      Set<PosixFilePermission> now = view.readAttributes().permissions();
      Set<PosixFilePermission> narrowed = EnumSet.noneOf(PosixFilePermission.class);
      narrowed.addAll(now);
      narrowed.removeAll(NEVER);
      if (!narrowed.equals(now)) {
        view.setPermissions(narrowed);
      }
    } catch (java.nio.file.NoSuchFileException gone) {
      // removed meanwhile (a temporary file of a writer that finished)
    }
  }

  private static boolean posix(Path p) {
    return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}

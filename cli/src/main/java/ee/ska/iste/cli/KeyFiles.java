package ee.ska.iste.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Checks on a key file given with {@code --key-file}. */
final class KeyFiles {
  private KeyFiles() {}

  /**
   * Warns on {@code err} when a key file can be read by anyone but its owner (it should be 0600 or
   * 0400); a file system without POSIX permissions is not judged.
   */
  static void warnIfShared(Path keyFile, PrintStream err) {
    if (keyFile == null || !Files.isRegularFile(keyFile)) {
      return;
    }
    try {
      if (!Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
        return;
      }
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
      if (mode.contains(PosixFilePermission.GROUP_READ)
          || mode.contains(PosixFilePermission.OTHERS_READ)) {
        err.println(
            "iste: warning: the key file "
                + keyFile
                + " can be read by others ("
                + PosixFilePermissions.toString(mode)
                + "); make it the owner's only: chmod 600 "
                + keyFile);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // reading the key says what is wrong with the file
    }
  }
}

package ee.ska.iste.cli;

import ee.ska.iste.core.person.DemoKey;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.person.Pseudonymiser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code --key-file FILE} option of the verbs that pseudonymise, and the key it gives: the
 * file's, else the environment variable ISTE_PSEUDONYM_KEY's; never one from the command line.
 */
public final class KeyFileOption {
  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "File holding the pseudonymisation key.")
  Path keyFile;

  /**
   * The pseudonymisation key. A usage error when there is none or it is the demo's; warns on {@code
   * err} when the key file can be read by others.
   */
  public Pseudonymiser load(PrintStream err) {
    if (DemoKey.isDemo(keyFile, System.getenv())) {
      throw new UserError(ExitCode.USAGE, DemoKey.refusal(keyFile));
    }
    warnIfShared(keyFile, err);
    try {
      return PseudonymKeys.load(keyFile, System.getenv());
    } catch (PseudonymKeys.MissingKeyException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }

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

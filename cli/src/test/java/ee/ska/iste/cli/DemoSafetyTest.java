package ee.ska.iste.cli;

import static ee.ska.iste.cli.CliFixtures.iste;
import static ee.ska.iste.cli.CliFixtures.withInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.CliFixtures.Run;
import ee.ska.iste.core.person.DemoKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --out} takes only a new, empty or earlier demo folder, and {@code run} and {@code
 * ingest} refuse the demo's key. Every refusal here happens before any stage starts.
 */
class DemoSafetyTest {
  @TempDir Path dir;

  @Test
  void demoRefusesAFolderThatHoldsSomethingElse() throws Exception {
    Path theirs = Files.createDirectories(dir.resolve("theirs"));
    Path precious =
        Files.writeString(
            Files.createDirectories(theirs.resolve("reports")).resolve("board.pdf"), "x");
    Files.writeString(theirs.resolve("notes.txt"), "y");

    Run r = iste("demo", "--out", theirs.toString());

    assertEquals(ExitCode.USAGE, r.code(), r.err());
    assertEquals(
        "iste: --out "
            + theirs
            + " holds files that are not an earlier demo's (notes.txt, reports); the demo replaces"
            + " what it writes there, so give an empty or new folder\n",
        r.err());
    assertTrue(Files.exists(precious), "nothing is deleted");
    assertFalse(Files.exists(theirs.resolve(DemoFolder.MARKER)));
    assertFalse(Files.exists(theirs.resolve("submissions")));
  }

  @Test
  void demoRefusesAFolderWithOnlyTheDemosFolderNamesButNoDemoKey() throws Exception {
    // a real run's output: work, warehouse and reports, but no demo key and no marker
    Path real = dir.resolve("real");
    Files.createDirectories(real.resolve("work"));
    Files.createDirectories(real.resolve("warehouse"));
    Run r = iste("demo", "--out", real.toString());
    assertEquals(ExitCode.USAGE, r.code(), r.err());
    assertTrue(Files.isDirectory(real.resolve("work")));
  }

  @Test
  void demoRefusesAFileAsItsFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Run r = iste("demo", "--out", file.toString());
    assertEquals(ExitCode.USAGE, r.code(), r.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aNewEmptyMarkedOrEarlierDemoFolderIsTaken() throws Exception {
    Path fresh = dir.resolve("new/demo");
    DemoFolder.claim(fresh);
    assertTrue(Files.isRegularFile(fresh.resolve(DemoFolder.MARKER)));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    assertEquals(
        "rw-r-----",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(fresh.resolve(DemoFolder.MARKER))));

    Path empty = Files.createDirectories(dir.resolve("empty"));
    DemoFolder.claim(empty);
    assertTrue(Files.isRegularFile(empty.resolve(DemoFolder.MARKER)));

    // marked: whatever else it holds is the demo's own
    Files.writeString(fresh.resolve("anything"), "z");
    DemoFolder.claim(fresh);

    Path earlier = Files.createDirectories(dir.resolve("earlier"));
    Files.createDirectories(earlier.resolve("submissions"));
    Files.createDirectories(earlier.resolve("warehouse"));
    Files.writeString(earlier.resolve("demo-pseudonym.key"), "00ff".repeat(16) + "\n");
    Files.writeString(earlier.resolve("data-dictionary.md"), "#");
    DemoFolder.claim(earlier);
    assertTrue(Files.isRegularFile(earlier.resolve(DemoFolder.MARKER)));
  }

  @Test
  void runAndIngestRefuseTheDemoKey() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Path key =
        Files.writeString(
            dir.resolve("demo-pseudonym.key"), DemoKey.generate(new SecureRandom()) + "\n");
    String expected =
        "iste: the pseudonymisation key in "
            + key
            + " is a demo key (made by 'iste demo', not secret): a run on real submissions needs"
            + " the real key\n";

    Run run = withInput("run", input, dir.resolve("out"), key);
    assertEquals(ExitCode.USAGE, run.code(), run.err());
    assertEquals(expected, run.err());
    assertFalse(run.err().contains(Files.readString(key).strip()), "the key is never shown");
    assertFalse(Files.exists(dir.resolve("out")), "nothing is written");

    Run ingest = withInput("ingest", input, dir.resolve("out"), key);
    assertEquals(ExitCode.USAGE, ingest.code(), ingest.err());
    assertEquals(expected, ingest.err());
  }

  @Test
  void aKeyFileOthersCanReadIsWarnedAbout() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Path key =
        Files.writeString(dir.resolve("real.key"), "a-real-key-of-at-least-32-bytes-0123456789\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    // the empty input folder stops the run after the key was read
    Run run = withInput("run", input, dir.resolve("out"), key);
    assertTrue(
        run.err()
            .startsWith(
                "iste: warning: the key file "
                    + key
                    + " can be read by others (rw-r--r--); make it"
                    + " the owner's only: chmod 600 "
                    + key
                    + "\n"),
        run.err());
  }
}

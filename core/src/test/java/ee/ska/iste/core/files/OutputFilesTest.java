package ee.ska.iste.core.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  @TempDir Path dir;

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void foldersAreCreatedGroupReadableAtMost() throws IOException {
    Path deep = dir.resolve("a/b/c");
    OutputFiles.createFolders(deep);
    assertEquals("rwxr-x---", mode(dir.resolve("a")));
    assertEquals("rwxr-x---", mode(dir.resolve("a/b")));
    assertEquals("rwxr-x---", mode(deep));
  }

  @Test
  void anExistingFolderIsLeftAloneUnlessItIsTheRunsOwn() throws IOException {
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxrwxr-x"));
    OutputFiles.createFolders(theirs);
    assertEquals("rwxrwxr-x", mode(theirs));
    OutputFiles.ownFolder(theirs);
    assertEquals("rwxr-x---", mode(theirs));
  }

  @Test
  void aFileIsWrittenWholeUnderATemporaryNameThenRenamed() throws IOException {
    Path file = dir.resolve("reports/2024Q2/report.pdf");
    OutputFiles.writeAtomically(file, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
    assertEquals("first", Files.readString(file));
    assertEquals("rw-r-----", mode(file));
    assertEquals("rwxr-x---", mode(file.getParent()));

    OutputFiles.writeAtomically(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
    assertEquals("second", Files.readString(file));
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertEquals(1, s.count(), "no temporary file stays behind");
    }
  }

  @Test
  void aFailedWriteLeavesTheEarlierFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("report.pdf");
    OutputFiles.writeAtomically(file, out -> out.write(new byte[] {1, 2, 3}));
    assertThrows(
        UncheckedIOException.class,
        () ->
            OutputFiles.writeAtomically(
                file,
                out -> {
                  out.write(new byte[] {9, 9});
                  throw new IOException("renderer died");
                }));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void aSecretIsTheOwnersOnly() throws IOException {
    Path key = OutputFiles.writeSecret(dir.resolve("demo.key"), out -> out.write('k'));
    assertEquals("rw-------", mode(key));
  }

  @Test
  void restrictRemovesGroupWriteAndEverythingOfOthers() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("w/t"));
    Path f = Files.writeString(sub.resolve("part.parquet"), "x");
    Path x = Files.writeString(sub.resolve("run.sh"), "x");
    Files.setPosixFilePermissions(dir.resolve("w"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
    Files.setPosixFilePermissions(x, PosixFilePermissions.fromString("rwx------"));
    Path link = Files.createSymbolicLink(sub.resolve("current"), f.getFileName());

    OutputFiles.restrict(dir.resolve("w"));

    assertEquals("rwxr-x---", mode(dir.resolve("w")));
    assertEquals("rwxr-x---", mode(sub));
    assertEquals("rw-r-----", mode(f));
    assertEquals("rwx------", mode(x), "nothing is added");
    assertTrue(Files.isSymbolicLink(link));
    OutputFiles.restrict(dir.resolve("missing"));
  }

  @Test
  void temporaryNamesAreRecognised() {
    assertTrue(OutputFiles.isTemporary(".KOV_0184.pdf.123456.tmp"));
    assertFalse(OutputFiles.isTemporary("KOV_0184.pdf"));
  }
}

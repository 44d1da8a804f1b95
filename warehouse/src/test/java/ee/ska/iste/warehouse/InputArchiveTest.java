package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input archive keeps a submission's bytes by checksum, whatever happens to the inbox. */
class InputArchiveTest {
  @TempDir Path dir;

  private static String sha256(byte[]... parts) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (byte[] p : parts) {
      md.update(p);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static InputArchive.Entry entry(String sha, String name) {
    return new InputArchive.Entry(
        sha,
        name,
        "0793",
        "2024Q2",
        LocalDate.of(2024, 7, 5),
        Instant.parse("2024-08-01T06:00:00Z"));
  }

  @Test
  void aFileOverwrittenInTheInboxKeepsItsArchivedBytes() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("in"));
    Path file = Files.writeString(inbox.resolve("ISTE_0793_2024Q2.xlsx"), "first version");
    String first = sha256("first version".getBytes(StandardCharsets.UTF_8));
    InputArchive archive = InputArchive.of(dir.resolve("wh"));
    assertTrue(archive.add(file, false, entry(first, "ISTE_0793_2024Q2.xlsx")));
    // archived twice under the same name: one index line
    assertTrue(archive.add(file, false, entry(first, "ISTE_0793_2024Q2.xlsx")));
    assertEquals(1, archive.entries().size());

    Files.writeString(file, "second version");
    // the old checksum no longer matches the file: nothing archived under it
    String other = sha256("something else".getBytes(StandardCharsets.UTF_8));
    assertFalse(archive.add(file, false, entry(other, "ISTE_0793_2024Q2.xlsx")));
    assertEquals("first version", Files.readString(dir.resolve("wh/archive/" + first + ".xlsx")));
    String second = sha256("second version".getBytes(StandardCharsets.UTF_8));
    assertTrue(archive.add(file, false, entry(second, "ISTE_0793_2024Q2.xlsx")));
    assertEquals(2, archive.entries().size());
    assertEquals(first, archive.entries().get(0).sha256());

    // materialised for a rebuild: each under its own folder, with its name; skipped ones left out
    Path target = dir.resolve("rebuild");
    assertEquals(List.of(first), archive.materialise(target, Set.of(second)));
    assertEquals(
        "first version",
        Files.readString(target.resolve(first.substring(0, 16)).resolve("ISTE_0793_2024Q2.xlsx")));
  }

  @Test
  void aCsvFolderIsArchivedWithTheChecksumIngestGivesIt() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("in/ISTE_0793_2024Q2"));
    Files.writeString(folder.resolve("kaas.csv"), "a");
    Files.writeString(folder.resolve("klient.csv"), "b");
    // name, a zero byte, the bytes; files in name order
    String sha =
        sha256(
            "kaas.csv".getBytes(StandardCharsets.UTF_8),
            new byte[] {0},
            "a".getBytes(StandardCharsets.UTF_8),
            "klient.csv".getBytes(StandardCharsets.UTF_8),
            new byte[] {0},
            "b".getBytes(StandardCharsets.UTF_8));
    InputArchive archive = InputArchive.of(dir.resolve("wh"));
    assertTrue(archive.add(folder, true, entry(sha, "ISTE_0793_2024Q2")));
    assertEquals("b", Files.readString(dir.resolve("wh/archive/" + sha + ".csv/klient.csv")));
  }
}

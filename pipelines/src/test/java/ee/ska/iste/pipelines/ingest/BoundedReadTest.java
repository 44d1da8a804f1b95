package ee.ska.iste.pipelines.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.ref.ReferenceData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded work per file: each cap of {@code ingest_caps.csv} refuses a file over it, naming the
 * cap, and anything else that fails while one file is read refuses that file only. (The hostile
 * files themselves, gigabyte parts among them, are in {@link HostileCorpusTest}.)
 */
class BoundedReadTest {

  @TempDir Path tmp;

  /** Reads a submission as the ingest's task does, with the given reference data. */
  private static SubmissionRead read(Path p, ReferenceData ref) {
    return SubmissionRead.read(
        new SubmissionRead.Source(0, p.toString(), Files.isDirectory(p)),
        new SubmissionValidator(ref, IngestJobTest.KEY));
  }

  static SubmissionRead read(Path p) {
    return read(p, ReferenceData.builtIn());
  }

  static void assertRefused(SubmissionRead r, RefusalReason reason, String... inMessage) {
    assertNull(r.validated(), () -> "loaded, expected " + reason);
    assertEquals(reason, r.refusal(), r.refusalMessage());
    for (String s : inMessage) {
      assertTrue(r.refusalMessage().contains(s), () -> r.refusalMessage() + " lacks " + s);
    }
  }

  @Test
  void aNumberOfMoreDigitsThanTheCapIsRefused() throws Exception {
    // 31 digits: one over NUMBER_DIGITS (30); 30 digits are read (and rejected as hours)
    String over = "1".repeat(31);
    Path xlsx = HostileFiles.withCellXml(tmp, "<v>12.5</v>", "<v>" + over + "</v>");
    assertRefused(
        read(xlsx), RefusalReason.TOO_LARGE, "row 2 column 'tunnid'", "NUMBER_DIGITS", "30 digits");
    Path csv =
        TestSubmission.base()
            .set("osalemine", 2, "tunnid", "-" + over.substring(1) + ".5")
            .writeCsv(tmp.resolve("c31"), "ISTE_0793_2024Q2");
    assertRefused(read(csv), RefusalReason.TOO_LARGE, "row 2 column 'tunnid'", "NUMBER_DIGITS");
    Path ok =
        TestSubmission.base()
            .set("osalemine", 2, "tunnid", "1".repeat(30))
            .writeCsv(tmp.resolve("c30"), "ISTE_0793_2024Q2");
    SubmissionRead r = read(ok);
    assertNotNull(r.validated(), r.refusalMessage());
    assertEquals(1, r.validated().rowsRejected());
  }

  /** Reference data whose ingest caps have {@code key} set to {@code value}. */
  private ReferenceData capped(String key, long value) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ref-" + key));
    String caps;
    try (InputStream in = ReferenceData.class.getResourceAsStream("/ref/ingest_caps.csv")) {
      caps = new String(in.readAllBytes(), UTF_8);
    }
    String changed = caps.replaceAll("(?m)^" + key + ",\\d+,", key + "," + value + ",");
    assertTrue(!changed.equals(caps), key);
    Files.writeString(dir.resolve("ingest_caps.csv"), changed);
    return ReferenceData.withOverrides(dir);
  }

  @Test
  void eachCapComesFromTheReferenceDataAndIsNamed() throws Exception {
    Path xlsx = TestSubmission.base().writeXlsx(tmp.resolve("x"), "ISTE_0793_2024Q2", false);
    Path csv = TestSubmission.base().writeCsv(tmp.resolve("c"), "ISTE_0793_2024Q2");
    // the base as it is: 13 rows, nothing over a shipped cap
    assertEquals(13, read(xlsx).validated().rowsAccepted());
    assertEquals(13, read(csv).validated().rowsAccepted());
    // the base's klient sheet has 2 data rows, hindamine and osalemine 3
    assertRefused(
        read(xlsx, capped("SHEET_ROWS", 2)),
        RefusalReason.TOO_LARGE,
        "sheet 'hindamine'",
        "SHEET_ROWS (2 rows");
    assertRefused(
        read(csv, capped("SHEET_ROWS", 2)),
        RefusalReason.TOO_LARGE,
        "sheet 'hindamine'",
        "SHEET_ROWS");
    SubmissionRead three = read(csv, capped("SHEET_ROWS", 3));
    assertNotNull(three.validated(), three.refusalMessage());
    // the workbook is some kilobytes; each CSV file under 1000 bytes
    assertRefused(
        read(xlsx, capped("FILE_BYTES", 1000)),
        RefusalReason.TOO_LARGE,
        "ISTE_0793_2024Q2.xlsx is over the cap FILE_BYTES");
    assertRefused(
        read(csv, capped("FILE_BYTES", 20)),
        RefusalReason.TOO_LARGE,
        "kaas.csv is over the cap FILE_BYTES");
    // a workbook POI writes has more than 5 entries
    assertRefused(read(xlsx, capped("XLSX_PARTS", 5)), RefusalReason.TOO_LARGE, "XLSX_PARTS");
    // workbook.xml and styles.xml are over 100 bytes
    assertRefused(
        read(xlsx, capped("XLSX_PART_BYTES", 100)), RefusalReason.TOO_LARGE, "XLSX_PART_BYTES");
    assertRefused(
        read(xlsx, capped("XLSX_SHEET_PART_BYTES", 100)),
        RefusalReason.TOO_LARGE,
        "part 'xl/worksheets/sheet1.xml'",
        "XLSX_SHEET_PART_BYTES");
    assertRefused(
        read(xlsx, capped("SHARED_STRINGS_BYTES", 100)),
        RefusalReason.TOO_LARGE,
        "xl/sharedStrings.xml",
        "SHARED_STRINGS_BYTES");
    // every text cell is a shared string: far more than 10 of them
    assertRefused(
        read(xlsx, capped("SHARED_STRINGS_ENTRIES", 10)),
        RefusalReason.TOO_LARGE,
        "shared strings",
        "SHARED_STRINGS_ENTRIES (10 entries");
    // the longest cell is the header "valjumise_pohjus" (9 + 1 + 6 = 16 characters); next come
    // "sisenemise_tee" (14), "Mari Maasikas" and "VAIMNE_TERVIS" (13)
    assertRefused(
        read(csv, capped("CELL_CHARS", 15)), RefusalReason.TOO_LARGE, "CELL_CHARS (15 characters");
    assertRefused(
        read(xlsx, capped("CELL_CHARS", 15)), RefusalReason.TOO_LARGE, "CELL_CHARS (15 characters");
    assertNotNull(read(xlsx, capped("CELL_CHARS", 16)).validated());
    assertNotNull(read(csv, capped("CELL_CHARS", 16)).validated());
    // the klient sheet has 9 columns
    assertRefused(read(xlsx, capped("SHEET_COLUMNS", 8)), RefusalReason.TOO_LARGE, "SHEET_COLUMNS");
    // the personal codes are 11-digit numbers
    assertRefused(
        read(csv, capped("NUMBER_DIGITS", 10)),
        RefusalReason.TOO_LARGE,
        "column 'isikukood'",
        "NUMBER_DIGITS");
  }

  @Test
  void aCellFarRightIsRefusedNotPadded() throws Exception {
    // a cell reference in column XFE (16385th) would make a row of 16385 cells
    Path xlsx =
        HostileFiles.withCellXml(tmp, "<v>12.5</v>", "<v>12.5</v></c><c r=\"XFE2\"><v>1</v>");
    assertRefused(read(xlsx), RefusalReason.TOO_LARGE, "SHEET_COLUMNS");
  }

  @Test
  void aFileGoneSinceTheInboxWasScannedRefusesThatFileOnly() throws Exception {
    // moved away (or made unreadable) between the scan and the read: refused, with an id of its own
    Path gone = tmp.resolve("ISTE_0793_2024Q2.xlsx");
    Path folder = tmp.resolve("ISTE_0784_2024Q2");
    SubmissionRead a = read(gone);
    assertRefused(a, RefusalReason.UNREADABLE_FILE, "ISTE_0793_2024Q2.xlsx: could not be read (");
    SubmissionRead b =
        SubmissionRead.read(
            new SubmissionRead.Source(0, folder.toString(), true),
            new SubmissionValidator(ReferenceData.builtIn(), IngestJobTest.KEY));
    assertRefused(b, RefusalReason.UNREADABLE_FILE, "ISTE_0784_2024Q2: could not be read (");
    assertNotNull(a.checksum());
    assertTrue(!a.checksum().equals(b.checksum()));
  }

  @Test
  void anythingThatFailsWhileOneFileIsReadRefusesThatFileOnly() throws Exception {
    Path csv = TestSubmission.base().writeCsv(tmp, "ISTE_0793_2024Q2");
    SubmissionValidator v = new SubmissionValidator(ReferenceData.builtIn(), IngestJobTest.KEY);
    SubmissionRead.Source s = new SubmissionRead.Source(0, csv.toString(), true);
    for (Throwable t :
        new Throwable[] {
          new OutOfMemoryError("Java heap space"),
          new StackOverflowError(),
          new IllegalStateException("a bug " + TestSubmission.C1),
          new NoClassDefFoundError("x")
        }) {
      SubmissionRead r =
          SubmissionRead.read(
              s,
              v,
              (f, caps) -> {
                throw sneaky(t);
              });
      assertRefused(
          r,
          RefusalReason.UNREADABLE_FILE,
          "ISTE_0793_2024Q2: could not be read (" + t.getClass().getName());
      assertTrue(!r.refusalMessage().contains(TestSubmission.C1));
    }
    assertNotNull(SubmissionRead.read(s, v).validated());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}

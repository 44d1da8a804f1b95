package ee.ska.iste.pipelines.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.ref.ReferenceData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded work per file: each cap of {@code ingest_caps.csv} refuses a file over it, naming the
 * cap; a workbook that unpacks to gigabytes is refused while it is inflated, long before memory
 * runs out; anything else that fails while one file is read refuses that file only.
 */
class BoundedReadTest {
  private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final long GIGABYTES_1_5 = 1_500_000_000L;

  @TempDir Path tmp;

  /** Reads a submission as the ingest's task does, with the given reference data. */
  private static SubmissionRead read(Path p, ReferenceData ref) {
    return SubmissionRead.read(
        new SubmissionRead.Source(0, p.toString(), Files.isDirectory(p)),
        new SubmissionValidator(ref, IngestJobTest.KEY));
  }

  private static SubmissionRead read(Path p) {
    return read(p, ReferenceData.builtIn());
  }

  private static void assertRefused(SubmissionRead r, RefusalReason reason, String... inMessage) {
    assertNull(r.validated(), () -> "loaded, expected " + reason);
    assertEquals(reason, r.refusal(), r.refusalMessage());
    for (String s : inMessage) {
      assertTrue(r.refusalMessage().contains(s), () -> r.refusalMessage() + " lacks " + s);
    }
  }

  /** About 1 MiB of XML whose deflated size is 1.2-1.6 % of it (four random letters a row). */
  private static byte[] block(String open, String close, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(1 << 20);
    while (sb.length() < (1 << 20) - 1000) {
      sb.append(open);
      for (int i = 0; i < 4; i++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
      sb.append("x".repeat(400)).append(close);
    }
    return sb.toString().getBytes(UTF_8);
  }

  /** The base workbook with {@code part} replaced by head + block x n + tail, n to pass 1.5 GB. */
  private Path bomb(String part, String head, byte[] block, String tail) throws Exception {
    Path base = TestSubmission.base().writeXlsx(tmp.resolve("base"), "ISTE_0793_2024Q2", false);
    Map<String, byte[]> parts = new LinkedHashMap<>(RawZip.read(base));
    Path file = Files.createDirectories(tmp.resolve("in")).resolve("ISTE_0793_2024Q2.xlsx");
    long times = GIGABYTES_1_5 / block.length + 1;
    long size = head.length() + times * block.length + tail.length();
    long compressed;
    try (RawZip z = new RawZip(file)) {
      long c = 0;
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        if (e.getKey().equals(part)) {
          c = z.repeated(part, head.getBytes(UTF_8), block, times, tail.getBytes(UTF_8));
        } else {
          z.deflated(e.getKey(), e.getValue());
        }
      }
      compressed = c;
    }
    // The part is over 1.5 GB, the workbook about 20 MB, and POI's own zip-bomb guard would let
    // it through: its ratio (compressed / uncompressed) is above POI's minimum, its size below
    // POI's largest entry.
    assertTrue(size > GIGABYTES_1_5, "part size " + size);
    long fileSize = Files.size(file);
    assertTrue(fileSize > 15_000_000 && fileSize < 30_000_000, "workbook size " + fileSize);
    assertTrue((double) compressed / size > ZipSecureFile.getMinInflateRatio(), "ratio " + (double) compressed / size);
    assertTrue(size < ZipSecureFile.getMaxEntrySize());
    return file;
  }

  @Test
  void aSheetOfOneAndAHalfGigabytesInATwentyMegabyteWorkbookIsRefusedAtTheCap() throws Exception {
    String head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + NS + "\"><sheetData>";
    Path file =
        bomb(
            "xl/worksheets/sheet2.xml",
            head,
            block("<row><c t=\"inlineStr\"><is><t>", "</t></is></c></row>", 1),
            "</sheetData></worksheet>");
    SubmissionRead r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(file));
    assertRefused(
        r,
        RefusalReason.TOO_LARGE,
        "ISTE_0793_2024Q2.xlsx: part 'xl/worksheets/sheet2.xml'",
        "XLSX_SHEET_PART_BYTES",
        "268435456");
  }

  @Test
  void sharedStringsOfOneAndAHalfGigabytesAreRefusedAtTheCap() throws Exception {
    String head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"" + NS + "\" count=\"9\" uniqueCount=\"9\">";
    Path file = bomb("xl/sharedStrings.xml", head, block("<si><t>", "</t></si>", 2), "</sst>");
    SubmissionRead r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(file));
    assertRefused(
        r, RefusalReason.TOO_LARGE, "part 'xl/sharedStrings.xml'", "SHARED_STRINGS_BYTES", "67108864");
  }

  /** The base workbook (typed) with one cell of the osalemine sheet's XML replaced. */
  private Path withCellXml(String from, String to) throws Exception {
    Path base = TestSubmission.base().writeXlsx(tmp.resolve("base"), "ISTE_0793_2024Q2", true);
    Map<String, byte[]> parts = new LinkedHashMap<>(RawZip.read(base));
    String sheet = "xl/worksheets/sheet5.xml"; // osalemine, the fifth sheet
    String xml = new String(parts.get(sheet), UTF_8);
    assertTrue(xml.contains(from), xml);
    parts.put(sheet, xml.replace(from, to).getBytes(UTF_8));
    Path file = Files.createDirectories(tmp.resolve("in")).resolve("ISTE_0793_2024Q2.xlsx");
    RawZip.write(file, parts);
    return file;
  }

  @Test
  void aNumberCellOfMegabytesOfDigitsIsRefusedFast() throws Exception {
    // random digits: a run of one digit would be refused by POI's own zip-bomb ratio first
    Random random = new Random(5);
    StringBuilder sb = new StringBuilder(5_000_000);
    for (int i = 0; i < 5_000_000; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    String digits = sb.toString();
    // tunnid 12.5 on the first osalemine row is the number cell <v>12.5</v>
    Path xlsx = withCellXml("<v>12.5</v>", "<v>" + digits + "</v>");
    SubmissionRead x = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(xlsx));
    assertRefused(x, RefusalReason.TOO_LARGE, "sheet 'osalemine'", "cell F2", "CELL_CHARS", "32767");
    Path csv =
        TestSubmission.base().set("osalemine", 2, "tunnid", digits).writeCsv(tmp.resolve("csv"), "ISTE_0793_2024Q2");
    SubmissionRead c = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(csv));
    assertRefused(c, RefusalReason.TOO_LARGE, "sheet 'osalemine' row 2 column 'tunnid'", "CELL_CHARS");
  }

  @Test
  void aNumberOfMoreDigitsThanTheCapIsRefused() throws Exception {
    // 31 digits: one over NUMBER_DIGITS (30); 30 digits are read (and rejected as hours)
    String over = "1".repeat(31);
    Path xlsx = withCellXml("<v>12.5</v>", "<v>" + over + "</v>");
    assertRefused(read(xlsx), RefusalReason.TOO_LARGE, "row 2 column 'tunnid'", "NUMBER_DIGITS", "30 digits");
    Path csv =
        TestSubmission.base().set("osalemine", 2, "tunnid", "-" + over.substring(1) + ".5").writeCsv(tmp.resolve("c31"), "ISTE_0793_2024Q2");
    assertRefused(read(csv), RefusalReason.TOO_LARGE, "row 2 column 'tunnid'", "NUMBER_DIGITS");
    Path ok =
        TestSubmission.base().set("osalemine", 2, "tunnid", "1".repeat(30)).writeCsv(tmp.resolve("c30"), "ISTE_0793_2024Q2");
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
    assertRefused(read(xlsx, capped("SHEET_ROWS", 2)), RefusalReason.TOO_LARGE, "sheet 'hindamine'", "SHEET_ROWS (2 rows");
    assertRefused(read(csv, capped("SHEET_ROWS", 2)), RefusalReason.TOO_LARGE, "sheet 'hindamine'", "SHEET_ROWS");
    SubmissionRead three = read(csv, capped("SHEET_ROWS", 3));
    assertNotNull(three.validated(), three.refusalMessage());
    // the workbook is some kilobytes; each CSV file under 1000 bytes
    assertRefused(read(xlsx, capped("FILE_BYTES", 1000)), RefusalReason.TOO_LARGE, "ISTE_0793_2024Q2.xlsx is over the cap FILE_BYTES");
    assertRefused(read(csv, capped("FILE_BYTES", 20)), RefusalReason.TOO_LARGE, "kaas.csv is over the cap FILE_BYTES");
    // a workbook POI writes has more than 5 entries
    assertRefused(read(xlsx, capped("XLSX_PARTS", 5)), RefusalReason.TOO_LARGE, "XLSX_PARTS");
    // workbook.xml and styles.xml are over 100 bytes
    assertRefused(read(xlsx, capped("XLSX_PART_BYTES", 100)), RefusalReason.TOO_LARGE, "XLSX_PART_BYTES");
    assertRefused(read(xlsx, capped("XLSX_SHEET_PART_BYTES", 100)), RefusalReason.TOO_LARGE, "part 'xl/worksheets/sheet1.xml'", "XLSX_SHEET_PART_BYTES");
    assertRefused(read(xlsx, capped("SHARED_STRINGS_BYTES", 100)), RefusalReason.TOO_LARGE, "xl/sharedStrings.xml", "SHARED_STRINGS_BYTES");
    // every text cell is a shared string: far more than 10 of them
    assertRefused(read(xlsx, capped("SHARED_STRINGS_ENTRIES", 10)), RefusalReason.TOO_LARGE, "shared strings", "SHARED_STRINGS_ENTRIES (10 entries");
    // the longest cell is the header "valjumise_pohjus" (9 + 1 + 6 = 16 characters); next come
    // "sisenemise_tee" (14), "Mari Maasikas" and "VAIMNE_TERVIS" (13)
    assertRefused(read(csv, capped("CELL_CHARS", 15)), RefusalReason.TOO_LARGE, "CELL_CHARS (15 characters");
    assertRefused(read(xlsx, capped("CELL_CHARS", 15)), RefusalReason.TOO_LARGE, "CELL_CHARS (15 characters");
    assertNotNull(read(xlsx, capped("CELL_CHARS", 16)).validated());
    assertNotNull(read(csv, capped("CELL_CHARS", 16)).validated());
    // the klient sheet has 9 columns
    assertRefused(read(xlsx, capped("SHEET_COLUMNS", 8)), RefusalReason.TOO_LARGE, "SHEET_COLUMNS");
    // the personal codes are 11-digit numbers
    assertRefused(read(csv, capped("NUMBER_DIGITS", 10)), RefusalReason.TOO_LARGE, "column 'isikukood'", "NUMBER_DIGITS");
  }

  @Test
  void aCellFarRightIsRefusedNotPadded() throws Exception {
    // a cell reference in column XFE (16385th) would make a row of 16385 cells
    Path xlsx = withCellXml("<v>12.5</v>", "<v>12.5</v></c><c r=\"XFE2\"><v>1</v>");
    assertRefused(read(xlsx), RefusalReason.TOO_LARGE, "SHEET_COLUMNS");
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
      assertRefused(r, RefusalReason.UNREADABLE_FILE, "ISTE_0793_2024Q2: could not be read (" + t.getClass().getName());
      assertTrue(!r.refusalMessage().contains(TestSubmission.C1));
    }
    assertNotNull(SubmissionRead.read(s, v).validated());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}

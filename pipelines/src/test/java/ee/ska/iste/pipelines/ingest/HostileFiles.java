package ee.ska.iste.pipelines.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Hostile workbooks built from the test's base submission: a DOCTYPE put into a part, a part that
 * unpacks to gigabytes, a cell's XML replaced, an entry twice. Each is written to {@code
 * dir/in/ISTE_0793_2024Q2.xlsx}.
 */
final class HostileFiles {
  static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String NAME = "ISTE_0793_2024Q2";
  private static final long GIGABYTES_1_5 = 1_500_000_000L;

  private HostileFiles() {}

  private static Map<String, byte[]> baseParts(Path dir, boolean typed) throws Exception {
    Path base = TestSubmission.base().writeXlsx(dir.resolve("base"), NAME, typed);
    return new LinkedHashMap<>(RawZip.read(base));
  }

  private static Path target(Path dir) throws Exception {
    return Files.createDirectories(dir.resolve("in")).resolve(NAME + ".xlsx");
  }

  /** The base workbook with {@code doctype} put before the root element of {@code part}. */
  static Path withDoctype(Path dir, String part, String doctype) throws Exception {
    Map<String, byte[]> parts = baseParts(dir, true);
    String xml = new String(parts.get(part), UTF_8);
    int at = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
    parts.put(part, (xml.substring(0, at) + doctype + xml.substring(at)).getBytes(UTF_8));
    Path file = target(dir);
    RawZip.write(file, parts);
    return file;
  }

  /** The base workbook whose klient sheet is UTF-16 with a DOCTYPE. */
  static Path withUtf16Doctype(Path dir, String url) throws Exception {
    Map<String, byte[]> parts = baseParts(dir, true);
    String xml = new String(parts.get("xl/worksheets/sheet2.xml"), UTF_8);
    String body = xml.substring(xml.indexOf("?>") + 2);
    String utf16 =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE worksheet SYSTEM \""
            + url
            + "\">"
            + body;
    parts.put("xl/worksheets/sheet2.xml", utf16.getBytes(java.nio.charset.StandardCharsets.UTF_16));
    Path file = target(dir);
    RawZip.write(file, parts);
    return file;
  }

  /** The base workbook (typed) with {@code from} in the osalemine sheet's XML replaced. */
  static Path withCellXml(Path dir, String from, String to) throws Exception {
    Map<String, byte[]> parts = baseParts(dir, true);
    String sheet = "xl/worksheets/sheet5.xml"; // osalemine, the fifth sheet
    String xml = new String(parts.get(sheet), UTF_8);
    assertTrue(xml.contains(from), xml);
    parts.put(sheet, xml.replace(from, to).getBytes(UTF_8));
    Path file = target(dir);
    RawZip.write(file, parts);
    return file;
  }

  /** The base workbook with {@code entry} a second time (in upper case when asked). */
  static Path withEntryTwice(Path dir, String entry, boolean upperCase) throws Exception {
    Map<String, byte[]> parts = baseParts(dir, true);
    Path file = target(dir);
    try (RawZip z = new RawZip(file)) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        z.deflated(e.getKey(), e.getValue());
      }
      z.deflated(upperCase ? entry.toUpperCase(Locale.ROOT) : entry, parts.get(entry));
    }
    return file;
  }

  /** A number cell of {@code n} random digits (a run of one digit would trip POI's ratio first). */
  static String randomDigits(int n, long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  /** A klient sheet of over 1.5 GB in a workbook of about 20 MB. */
  static Path sheetBomb(Path dir) throws Exception {
    String head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\""
            + NS
            + "\"><sheetData>";
    return bomb(
        dir,
        "xl/worksheets/sheet2.xml",
        head,
        block("<row><c t=\"inlineStr\"><is><t>", "</t></is></c></row>", 1),
        "</sheetData></worksheet>");
  }

  /** A shared-strings part of over 1.5 GB in a workbook of about 20 MB. */
  static Path sharedStringsBomb(Path dir) throws Exception {
    String head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\""
            + NS
            + "\" count=\"9\" uniqueCount=\"9\">";
    return bomb(dir, "xl/sharedStrings.xml", head, block("<si><t>", "</t></si>", 2), "</sst>");
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
  private static Path bomb(Path dir, String part, String head, byte[] block, String tail)
      throws Exception {
    Map<String, byte[]> parts = baseParts(dir, false);
    Path file = target(dir);
    long times = GIGABYTES_1_5 / block.length + 1;
    long size = head.length() + times * block.length + tail.length();
    long compressed = 0;
    try (RawZip z = new RawZip(file)) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        if (e.getKey().equals(part)) {
          compressed = z.repeated(part, head.getBytes(UTF_8), block, times, tail.getBytes(UTF_8));
        } else {
          z.deflated(e.getKey(), e.getValue());
        }
      }
    }
    // The part is over 1.5 GB, the workbook about 20 MB, and POI's own zip-bomb guard would let
    // it through: its ratio (compressed / uncompressed) is above POI's minimum, its size below
    // POI's largest entry.
    assertTrue(size > GIGABYTES_1_5, "part size " + size);
    long fileSize = Files.size(file);
    assertTrue(fileSize > 15_000_000 && fileSize < 30_000_000, "workbook size " + fileSize);
    assertTrue(
        (double) compressed / size > ZipSecureFile.getMinInflateRatio(),
        "ratio " + (double) compressed / size);
    assertTrue(size < ZipSecureFile.getMaxEntrySize());
    return file;
  }
}

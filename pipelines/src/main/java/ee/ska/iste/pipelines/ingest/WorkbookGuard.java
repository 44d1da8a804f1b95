package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.RefusalReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Checks a workbook's zip before any XML of it is parsed, and hands POI exactly the entries it
 * checked (the same open archive). Contract:
 *
 * <ul>
 *   <li>the file is at most {@code FILE_BYTES}, the zip holds at most {@code XLSX_PARTS} entries
 *       and no two with the same name (OPC part names ignore case);
 *   <li>every entry is inflated once, counting its bytes as they come (the zip's size fields are
 *       not trusted): a worksheet ({@code xl/worksheets/…}) at most {@code XLSX_SHEET_PART_BYTES},
 *       the shared strings at most {@code SHARED_STRINGS_BYTES}, any other part at most {@code
 *       XLSX_PART_BYTES}; inflating stops at the cap;
 *   <li>no entry holds {@code <!DOCTYPE} (in any of the encodings XML allows: zero bytes are
 *       skipped while matching), so no parser ever sees a DTD, external or internal, and nothing is
 *       fetched from the network or the disk.
 * </ul>
 *
 * Anything else that goes wrong makes the workbook unreadable. Messages name the file and the part.
 */
final class WorkbookGuard {
  private static final byte[] DOCTYPE =
      "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private WorkbookGuard() {}

  /** The checked archive, open; the caller closes it (closing the package POI opens on it does). */
  static ZipEntrySource open(Path file, String fileName, ReadCaps caps) throws SubmissionRefused {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new SubmissionRefused(RefusalReason.UNREADABLE_FILE, fileName + ": cannot be opened");
    }
    if (size > caps.fileBytes()) {
      throw ReadCaps.exceeded(fileName, "FILE_BYTES", caps.fileBytes(), "bytes");
    }
    ZipSecureFile zip;
    try {
      zip = new ZipSecureFile(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new SubmissionRefused(
          RefusalReason.UNREADABLE_FILE,
          fileName
              + ": cannot be read as an Excel workbook ("
              + e.getClass().getSimpleName()
              + ")");
    }
    boolean ok = false;
    try {
      check(zip, fileName, caps);
      ok = true;
      return new ZipFileZipEntrySource(zip);
    } finally {
      if (!ok) {
        try {
          zip.close();
        } catch (IOException e) {
          // refused already
        }
      }
    }
  }

  private static void check(ZipSecureFile zip, String fileName, ReadCaps caps)
      throws SubmissionRefused {
    Set<String> names = new HashSet<>();
    byte[] buffer = new byte[1 << 16];
    long count = 0;
    for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements(); ) {
      ZipArchiveEntry e = en.nextElement();
      if (++count > caps.parts()) {
        throw ReadCaps.exceeded(fileName, "XLSX_PARTS", caps.parts(), "zip entries");
      }
      String part = fileName + ": part '" + shown(e.getName()) + "'";
      if (!names.add(normal(e.getName()))) {
        throw new SubmissionRefused(
            RefusalReason.UNREADABLE_FILE, part + " appears twice in the zip");
      }
      if (e.isDirectory()) {
        continue;
      }
      String capKey = capKey(e.getName());
      long cap =
          switch (capKey) {
            case "XLSX_SHEET_PART_BYTES" -> caps.sheetPartBytes();
            case "SHARED_STRINGS_BYTES" -> caps.sharedStringsBytes();
            default -> caps.partBytes();
          };
      long total = 0;
      int matched = 0;
      try (InputStream in = zip.getInputStream(e)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (total > cap) {
            throw ReadCaps.exceeded(part, capKey, cap, "bytes uncompressed");
          }
          for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            if (b == 0) {
              continue;
            }
            if (b == DOCTYPE[matched]) {
              if (++matched == DOCTYPE.length) {
                throw new SubmissionRefused(
                    RefusalReason.DOCTYPE_FORBIDDEN,
                    part
                        + " declares a DOCTYPE; a workbook part must not (save the file again from"
                        + " a spreadsheet program)");
              }
            } else {
              matched = b == DOCTYPE[0] ? 1 : 0;
            }
          }
        }
      } catch (IOException | RuntimeException x) {
        if (x.getMessage() != null && x.getMessage().startsWith("Zip bomb detected")) {
          throw new SubmissionRefused(
              RefusalReason.TOO_LARGE,
              part
                  + " unpacks to more than POI's zip-bomb ratio allows ("
                  + ZipSecureFile.getMinInflateRatio()
                  + ")");
        }
        throw new SubmissionRefused(
            RefusalReason.UNREADABLE_FILE,
            part + " cannot be unpacked (" + x.getClass().getSimpleName() + ")");
      }
    }
  }

  /** Which cap applies to an entry: by its name; a part misnamed gets the smallest cap. */
  static String capKey(String entryName) {
    String n = normal(entryName);
    if (n.startsWith("xl/worksheets/") && n.indexOf('/', "xl/worksheets/".length()) < 0) {
      return "XLSX_SHEET_PART_BYTES";
    }
    if (n.equals("xl/sharedstrings.xml")) {
      return "SHARED_STRINGS_BYTES";
    }
    return "XLSX_PART_BYTES";
  }

  private static String normal(String entryName) {
    String n = entryName.replace('\\', '/');
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  private static String shown(String entryName) {
    String n = entryName.length() > 80 ? entryName.substring(0, 80) + "…" : entryName;
    return Redact.text(n);
  }
}

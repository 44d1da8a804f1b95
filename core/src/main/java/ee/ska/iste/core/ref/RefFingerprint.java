package ee.ska.iste.core.ref;

import ee.ska.iste.core.time.Quarter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 fingerprints of the reference data, so that a changed file is noticed: of everything
 * ({@link #of}), and of what one quarter can see ({@link #ofQuarter}: the rows whose validity
 * period overlaps the quarter, rows without a period always). A change to a row valid only in 2019
 * leaves 2024Q2's fingerprint as it was, so only the quarters a change touches are recomputed. The
 * fingerprint covers file names, column names and values, not comments or layout.
 */
public final class RefFingerprint {
  private RefFingerprint() {}

  /** The fingerprint of every row of every reference file. */
  public static String of(ReferenceData ref) {
    return fingerprint(ref, null);
  }

  /** The fingerprint of the rows valid on some day of {@code quarter}. */
  public static String ofQuarter(ReferenceData ref, Quarter quarter) {
    return fingerprint(ref, quarter);
  }

  private static String fingerprint(ReferenceData ref, Quarter quarter) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    for (String name : ref.tableNames()) {
      RefTable t = ref.table(name);
      List<String> columns = t.columns();
      update(sha, "\u001e" + name + "\u001d" + String.join("\u001f", columns));
      for (Map<String, String> row : t.rows()) {
        if (quarter != null && !overlaps(row, quarter)) {
          continue;
        }
        StringBuilder sb = new StringBuilder("\u001d");
        for (String c : columns) {
          String v = row.get(c);
          sb.append(v == null ? "\u0000" : v).append('\u001f');
        }
        update(sha, sb.toString());
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static boolean overlaps(Map<String, String> row, Quarter q) {
    String from = row.get("valid_from");
    String to = row.get("valid_to");
    if (from != null && LocalDate.parse(from).isAfter(q.lastDay())) {
      return false;
    }
    return to == null || !LocalDate.parse(to).isBefore(q.firstDay());
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.UTF_8));
  }
}

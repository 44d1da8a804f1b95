package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.QuarterReports;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.reports.WarehouseStamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: every report of a small generated quarter — each KOV's, the national dashboard, the
 * data-quality and the evaluation report, in Estonian and English — names what it shows. The text a
 * reader sees (pdftotext) holds no token shaped like a code (capitals, digits and an underscore,
 * e.g. {@code NEED_CHANGE_SERVED_ELUKOHT}, {@code HOURS_OUT_OF_RANGE}) and no measure or life
 * domain code of the catalogue ({@code ref_measure}, {@code ref_domains}) where its name belongs. A
 * submission's file name ({@code ISTE_0793_2024Q2.xlsx}) is a name, not a code.
 */
class ReportsSpeakInNamesTest {
  private static final Quarter Q = DemoWarehouse.LAST;
  private static final Pattern TOKEN = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b(\\.[a-z]+)?");

  @TempDir Path out;

  @Test
  void noCodeWhereANameBelongs() throws Exception {
    Path db = DemoWarehouse.database();
    Set<String> codes = catalogueCodes(db);
    assertTrue(
        codes.contains("NEED_CHANGE_SERVED_ELUKOHT") && codes.contains("ELUKOHT"), "" + codes);
    List<String> found = new ArrayList<>();
    int reports = 0;
    for (String lang : List.of("et", "en")) {
      List<Path> files =
          new QuarterReports(db, Locale.forLanguageTag(lang), new WarehouseStamp("v1", null), 2)
              .renderWithEvaluation(Q, ReportFormat.PDF, out);
      for (Path pdf : files) {
        reports++;
        Matcher m = TOKEN.matcher(text(pdf));
        while (m.find()) {
          String token = m.group();
          boolean fileName = m.group(1) != null;
          boolean codeShaped = token.contains("_") && !fileName;
          if (codeShaped || codes.contains(token)) {
            found.add(pdf.getFileName() + ": " + token);
          }
        }
      }
    }
    // every KOV of the round, the dashboard, the quality and the evaluation report, twice
    assertTrue(reports > 2 * 3, "reports rendered: " + reports);
    assertEquals(List.of(), found.stream().distinct().limit(40).toList());
  }

  /** Every measure code of ref_measure and every life domain code of ref_domains. */
  private static Set<String> catalogueCodes(Path db) throws SQLException {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    Set<String> codes = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), props);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("select measure from ref_measure union select code from ref_domains")) {
      while (rs.next()) {
        codes.add(rs.getString(1));
      }
    }
    return codes;
  }

  private static String text(Path pdf) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext " + pdf);
    return text;
  }
}

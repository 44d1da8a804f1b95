package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.reports.ReportRenderer;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report of the demo warehouse — each KOV's, the national dashboard and the data-quality
 * report, in Estonian and English, as PDF (text as pdftotext reads it) and as HTML — prints no
 * figure that {@code outcomes_public} hides.
 *
 * <p>The check, for every hidden cell (level KOV, a unit, a quarter the report shows, a measure):
 * the raw value, numerator, denominator and interval bounds of that cell (from {@code outcomes},
 * written as a report writes numbers) must not stand on the report's line for that figure — the
 * line of the measure's name in that KOV's report, the line of the KOV's name in the dashboard and
 * the quality report — except where the same text is also a figure the line may show (a shown
 * figure of the same line: the other quarter, the nation, the unit's shown measures).
 */
class ReportsHideWhatIsHiddenTest {
  private static final Quarter Q = DemoWarehouse.LAST;
  private static final Quarter PREVIOUS = Q.previous();
  private static final List<String> LANGUAGES = List.of("et", "en");
  private static final List<String> DASHBOARD =
      List.of(
          "ACTIVE",
          "NEW",
          "EXIT",
          "QOL_CHANGE",
          "QOL_IMPROVED",
          "NO_BASE_SUPPORT",
          "COST_PER_CLIENT",
          "OCCUPANCY");
  private static final List<String> QUALITY = List.of("QOL_COMPLETENESS", "INELIGIBLE");
  private static final Pattern DATE =
      Pattern.compile("\\d{1,2}\\.\\d{2}\\.\\d{4}|\\d{1,2} [A-Za-z]{3,4}\\.? \\d{4}");
  private static final Pattern CODE_WITH_DIGITS =
      Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*-[0-9-]+");

  @TempDir static Path out;

  /** level/unit/quarter/measure → the raw figure of {@code outcomes}. */
  private static final Map<String, Raw> RAW = new HashMap<>();

  private static final Map<String, String> UNIT = new HashMap<>();
  private static final Map<String, Map<String, String>> NAMES = new HashMap<>();
  private static final Map<String, String> KOV_NAME = new HashMap<>();
  private static final Map<String, Integer> PLACES = new HashMap<>();
  private static final Map<String, long[]> SUBMISSION = new HashMap<>();
  private static final Map<String, Map<String, String>> DOMAIN = new HashMap<>();

  /** KOVs WITHHELD in the last quarter: their report and dashboard line show no figures at all. */
  private static final Set<String> WITHHELD = new HashSet<>();

  /** language/format/report (kov code, "nation", "quality") → text lines. */
  private static final Map<String, List<String>> TEXT = new HashMap<>();

  record Raw(
      Double value,
      Double numerator,
      Double denominator,
      Double ciLow,
      Double ciHigh,
      boolean suppressed) {
    Raw shown() {
      return suppressed ? null : this;
    }
  }

  @BeforeAll
  static void renderEveryReport() throws Exception {
    Path db = DemoWarehouse.database();
    readWarehouse(db);
    for (String lang : LANGUAGES) {
      try (ReportRenderer r = ReportRenderer.open(db, Locale.forLanguageTag(lang))) {
        for (ReportFormat format : ReportFormat.values()) {
          Path dir = out.resolve(lang + "-" + format);
          for (String kov : r.kovCodes()) {
            TEXT.put(key(lang, format, kov), text(r.renderKov(kov, Q, format, dir), format));
          }
          TEXT.put(key(lang, format, "nation"), text(r.renderNational(Q, format, dir), format));
          TEXT.put(key(lang, format, "quality"), text(r.renderQuality(Q, format, dir), format));
        }
      }
    }
  }

  @Test
  void theDemoHasHiddenKovFiguresToCheck() {
    long hidden =
        RAW.entrySet().stream()
            .filter(e -> e.getKey().startsWith("KOV/") && e.getValue().suppressed())
            .count();
    assertTrue(hidden > 100, "hidden KOV cells in the demo: " + hidden);
    assertEquals(
        KOV_NAME.size() * 2 * ReportFormat.values().length + 4 * ReportFormat.values().length,
        TEXT.size());
  }

  @Test
  void noKovReportPrintsAHiddenFigure() {
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    for (String lang : LANGUAGES) {
      Set<String> labels = allLabels(lang);
      for (ReportFormat format : ReportFormat.values()) {
        for (String kov : KOV_NAME.keySet()) {
          List<String> lines = TEXT.get(key(lang, format, kov));
          for (Quarter q : List.of(Q, PREVIOUS)) {
            Quarter other = q.equals(Q) ? PREVIOUS : Q;
            for (Map.Entry<String, Raw> e : hiddenOf(kov, q).entrySet()) {
              String m = e.getKey();
              String label = label(m, lang);
              List<String> rows = rowsLabelled(lines, label, labels);
              if (rows.isEmpty()) {
                if (q.equals(Q)
                    && !WITHHELD.contains(kov)
                    && List.of("ACTIVE", "NEW", "EXIT", "QOL_N").contains(m)) {
                  leaks.add(lang + "/" + format + " " + kov + ": no line for " + label);
                }
                continue;
              }
              boolean share = percent(m);
              Set<String> allowed = new HashSet<>();
              allowed.addAll(printed(shown("KOV", kov, other, m), share, false));
              allowed.addAll(printed(shown("RIIK", "EE", Q, m), share, false));
              Set<String> forbidden = printed(e.getValue(), share, true);
              forbidden.removeAll(allowed);
              for (String row : rows) {
                leaks.addAll(
                    found(forbidden, row, lang + "/" + format + " KOV " + kov + " " + q + " " + m));
              }
              checked++;
            }
          }
        }
      }
    }
    assertEquals(List.of(), leaks.subList(0, Math.min(30, leaks.size())), leaks.size() + " leaks");
    assertTrue(checked > 200, "hidden KOV figures checked in KOV reports: " + checked);
  }

  @Test
  void neitherTheDashboardNorTheQualityReportPrintsAHiddenKovFigure() {
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    for (String lang : LANGUAGES) {
      for (ReportFormat format : ReportFormat.values()) {
        for (String report : List.of("nation", "quality")) {
          List<String> lines = TEXT.get(key(lang, format, report));
          List<String> measures = report.equals("nation") ? DASHBOARD : QUALITY;
          for (String kov : KOV_NAME.keySet()) {
            List<String> rows = rowsLabelled(lines, KOV_NAME.get(kov), Set.of());
            Set<String> allowed = new HashSet<>();
            for (String m : measures) {
              allowed.addAll(printed(shown("KOV", kov, Q, m), percent(m), false));
            }
            if (PLACES.get(kov) != null) {
              allowed.add(number(PLACES.get(kov), 0, lang));
            }
            long[] s = SUBMISSION.get(kov);
            if (s != null) {
              for (long n : s) {
                allowed.add(number(n, 0, lang));
              }
            }
            for (String m : measures) {
              Raw raw = RAW.get("KOV/" + kov + "/" + Q + "/" + m);
              if (raw == null || !raw.suppressed()) {
                continue;
              }
              Set<String> forbidden = printed(raw, percent(m), true);
              forbidden.removeAll(allowed);
              assertTrue(
                  !rows.isEmpty() || WITHHELD.contains(kov),
                  lang + "/" + format + " " + report + ": no line for " + KOV_NAME.get(kov));
              for (String row : rows) {
                leaks.addAll(
                    found(
                        forbidden, row, lang + "/" + format + " " + report + " " + kov + " " + m));
              }
              checked++;
            }
          }
        }
      }
    }
    assertEquals(List.of(), leaks.subList(0, Math.min(30, leaks.size())), leaks.size() + " leaks");
    assertTrue(
        checked > 20, "hidden KOV figures checked in the dashboard and quality report: " + checked);
  }

  // ---- what a line may and may not show ---------------------------------------------------------

  /** Shares, and ratios such as occupancy, are printed as percentages (issue 19). */
  private static boolean percent(String measure) {
    return "share".equals(UNIT.get(measure)) || "ratio".equals(UNIT.get(measure));
  }

  /** The hidden KOV figures of a unit and quarter, by measure. */
  private static Map<String, Raw> hiddenOf(String kov, Quarter q) {
    Map<String, Raw> out = new HashMap<>();
    String prefix = "KOV/" + kov + "/" + q + "/";
    RAW.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && v.suppressed()) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  private static Raw shown(String level, String unit, Quarter q, String m) {
    Raw r = RAW.get(level + "/" + unit + "/" + q + "/" + m);
    return r == null ? null : r.shown();
  }

  /**
   * The texts a report could print for a figure: a share as a percentage with one decimal, any
   * other value with none or one decimal, the interval's bounds alike; with {@code counts}, also
   * the numerator and denominator as whole numbers. In both report languages' number formats.
   */
  private static Set<String> printed(Raw r, boolean share, boolean counts) {
    Set<String> out = new LinkedHashSet<>();
    if (r == null) {
      return out;
    }
    for (String lang : LANGUAGES) {
      for (Double v : new Double[] {r.value(), r.ciLow(), r.ciHigh()}) {
        if (v == null) {
          continue;
        }
        if (share) {
          out.add(number(v * 100, 1, lang));
        } else {
          out.add(number(v, 0, lang));
          out.add(number(v, 1, lang));
        }
      }
      if (counts) {
        for (Double v : new Double[] {r.numerator(), r.denominator()}) {
          if (v != null) {
            out.add(number(v, 0, lang));
          }
        }
      }
    }
    return out;
  }

  /** The forbidden texts standing as whole numbers in the line after its first cell. */
  private static List<String> found(Set<String> forbidden, String row, String where) {
    String[] cells = row.trim().split("\\s{2,}", 2);
    String rest = cells.length < 2 ? "" : cells[1];
    rest = CODE_WITH_DIGITS.matcher(DATE.matcher(rest).replaceAll(" ")).replaceAll(" ");
    List<String> out = new ArrayList<>();
    for (String f : forbidden) {
      // a whole number: not part of a longer one (digits, decimals, Estonian "2 913" grouping)
      Matcher m =
          Pattern.compile(
                  "(?<![\\d.,<])(?<!\\d )" + Pattern.quote(f) + "(?!\\d|[.,]\\d| \\d{3}(?!\\d))")
              .matcher(rest);
      if (m.find()) {
        out.add(where + ": prints " + f + " in «" + row.trim() + "»");
      }
    }
    return out;
  }

  /**
   * The lines whose first cell is {@code label}, or the first line of a label wrapped in its cell
   * (a start of the label at least 12 characters long that is no other label).
   */
  private static List<String> rowsLabelled(List<String> lines, String label, Set<String> labels) {
    String want = normal(label);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String first = normal(line.trim().split("\\s{2,}", 2)[0]);
      // a name, a name cut short by the column, or a name with its status ("Haapsalu linn
      // (esialgne)")
      if (first.equals(want)
          || first.startsWith(want + " (")
          || (first.length() >= 12 && want.startsWith(first) && !labels.contains(first))) {
        out.add(line);
      }
    }
    return out;
  }

  private static String normal(String s) {
    return s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
  }

  private static String label(String measure, String lang) {
    if (measure.startsWith("NEED_CHANGE_") && DOMAIN.get(lang).containsKey(measure.substring(12))) {
      String n = DOMAIN.get(lang).get(measure.substring(12));
      return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
    ResourceBundle b = ResourceBundle.getBundle("reports.messages", Locale.forLanguageTag(lang));
    if (b.containsKey("measure." + measure)) {
      return b.getString("measure." + measure);
    }
    String n = NAMES.getOrDefault(measure, Map.of()).get(lang);
    return n == null || n.isBlank() ? measure : n;
  }

  private static Set<String> allLabels(String lang) {
    Set<String> out = new HashSet<>();
    NAMES.keySet().forEach(m -> out.add(normal(label(m, lang))));
    return out;
  }

  /** A number as the reports write it (FigureFormat's pattern, half up, minus zero dropped). */
  private static String number(double v, int decimals, String lang) {
    Locale locale = lang.equals("en") ? Locale.forLanguageTag("en-GB") : ReportRenderer.ESTONIAN;
    DecimalFormat f =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(locale));
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = plain(f.format(v));
    return s.equals("-0") || s.matches("-0[.,]0+") ? s.substring(1) : s;
  }

  private static String plain(String s) {
    return s.replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  // ---- reading the warehouse and the reports
  // ------------------------------------------------------

  private static void readWarehouse(Path db) throws SQLException {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), props);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "select level, unit_code, quarter, measure, value, numerator, denominator, ci_low,"
                  + " ci_high, suppressed from outcomes where quarter in ('"
                  + Q
                  + "', '"
                  + PREVIOUS
                  + "')")) {
        while (rs.next()) {
          RAW.put(
              rs.getString(1)
                  + "/"
                  + rs.getString(2)
                  + "/"
                  + rs.getString(3)
                  + "/"
                  + rs.getString(4),
              new Raw(d(rs, 5), d(rs, 6), d(rs, 7), d(rs, 8), d(rs, 9), rs.getBoolean(10)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select kov_code from kov_status where status = 'WITHHELD' and quarter = '"
                  + Q
                  + "'")) {
        while (rs.next()) {
          WITHHELD.add(rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery("select measure, name_et, name_en, unit from ref_measure")) {
        while (rs.next()) {
          NAMES.put(rs.getString(1), Map.of("et", rs.getString(2), "en", rs.getString(3)));
          UNIT.put(rs.getString(1), rs.getString(4));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select kov_code, kov_name, cast(places as integer) from dim_municipality")) {
        while (rs.next()) {
          KOV_NAME.put(rs.getString(1), rs.getString(2));
          PLACES.put(rs.getString(1), (Integer) rs.getObject(3, Integer.class));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select kov_code, rows_read, rows_accepted, rows_rejected from stg_submission where"
                  + " quarter = '"
                  + Q
                  + "' and status <> 'SUPERSEDED'")) {
        while (rs.next()) {
          SUBMISSION.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }
      }
    }
    for (String lang : LANGUAGES) {
      Map<String, String> names = new HashMap<>();
      var domains = DemoWarehouse.REF.table("domains");
      domains
          .rows()
          .forEach(r -> names.put(r.get("code"), r.get(lang.equals("en") ? "name_en" : "name_et")));
      DOMAIN.put(lang, names);
    }
  }

  private static Double d(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static String key(String lang, ReportFormat format, String report) {
    return lang + "/" + format + "/" + report;
  }

  private static List<String> text(Path file, ReportFormat format)
      throws IOException, InterruptedException {
    return format == ReportFormat.PDF
        ? pdfLines(file)
        : htmlLines(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<String> pdfLines(Path pdf) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext failed on " + pdf);
    return plain(text).lines().toList();
  }

  /** One line per table row of the HTML: its non-empty cells' texts, two spaces apart. */
  static List<String> htmlLines(String html) {
    List<String> out = new ArrayList<>();
    for (String tr : html.split("(?i)</tr>")) {
      List<String> cells = new ArrayList<>();
      for (String td : tr.split("(?i)</td>")) {
        String t = unescape(td.replaceAll("(?s)<[^>]*>", " ")).replaceAll("\\s+", " ").trim();
        if (!t.isEmpty()) {
          cells.add(t);
        }
      }
      if (!cells.isEmpty()) {
        out.add(String.join("  ", cells));
      }
    }
    return out;
  }

  private static String unescape(String s) {
    Matcher m = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-z]+);").matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "nbsp" -> " ";
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                e.startsWith("#x")
                    ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                    : e.startsWith("#")
                        ? new String(Character.toChars(Integer.parseInt(e.substring(1))))
                        : m.group();
          };
      m.appendReplacement(b, Matcher.quoteReplacement(r));
    }
    m.appendTail(b);
    return plain(b.toString());
  }
}

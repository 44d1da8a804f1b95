package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.SubmissionFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole quarter on a small generated set: generate → ingest → model → measures → publish
 * (DuckDB) → PDF reports; then checks the figures against the staged data and scans everything the
 * run wrote for personal codes.
 */
class EndToEndTest {
  private static final List<Quarter> QUARTERS = Quarter.parseRange("2024Q3..2024Q4");
  private static final Quarter LAST = Quarter.parse("2024Q4");
  private static final String KEY = "end-to-end-test-key-0123456789abcdef";

  @TempDir static Path dir;
  private static LocalRunner.Outcome outcome;
  private static LocalRunner.Outcome rerun;
  private static LocalRunner.Outcome oneByOne;
  private static String runLog;
  private static final ReferenceData REF = ReferenceData.builtIn();

  @BeforeAll
  static void runTheWholePipeline() throws IOException {
    Path submissions = dir.resolve("submissions");
    CliFixtures.generate(submissions, QUARTERS, 7, 0.4, SubmissionFormat.XLSX, 0.01);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    // Log lines of the stages (Log4j's console appender follows System.err in tests) and the
    // runner's progress both land in the run log that the personal-code scan reads.
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      outcome = runner().run(plan(submissions, dir.resolve("out"), List.of(), true));
      rerun = runner().run(plan(submissions, dir.resolve("out"), List.of(), true));
      runner().run(plan(submissions, dir.resolve("one-by-one"), List.of(QUARTERS.get(0)), false));
      oneByOne =
          runner()
              .run(plan(submissions, dir.resolve("one-by-one"), List.of(QUARTERS.get(1)), false));
    } finally {
      System.setErr(originalErr);
    }
    runLog = log.toString(StandardCharsets.UTF_8);
  }

  private static LocalRunner runner() {
    return new LocalRunner(System.err, Clock.systemUTC());
  }

  private static RunPlan plan(Path submissions, Path out, List<Quarter> quarters, boolean reports) {
    return CliFixtures.plan(submissions, out, quarters, KEY, REF, reports, List.of(LAST), false);
  }

  @Test
  void aSecondRunOnTheSameSubmissionsDoesNothing() {
    assertTrue(outcome.published());
    assertTrue(outcome.ingest().isPresent());
    assertFalse(rerun.published(), "unchanged submissions must not publish a new version");
    assertTrue(rerun.ingest().isEmpty(), "unchanged submissions must not be ingested again");
    assertEquals(outcome.version().id(), rerun.version().id());
    assertEquals(List.of(), rerun.reports());
  }

  @Test
  void quartersRunOneByOneGiveTheSameFiguresAsRunTogether() throws SQLException {
    String sql =
        "SELECT level, unit_code, quarter, measure, value, numerator, denominator, ci_low, ci_high,"
            + " funnel_flag, suppressed FROM outcomes ORDER BY level, unit_code, quarter, measure";
    List<String> together = rows(outcome.version().database(), sql);
    List<String> separately = rows(oneByOne.version().database(), sql);
    assertTrue(together.size() > 1000, "outcomes rows: " + together.size());
    assertEquals(together, separately);
  }

  @Test
  void kovReportHeadlinesEqualThePublicFiguresAndHideSuppressedOnes() throws Exception {
    // For every KOV: the first figure on the line of ACTIVE, NEW and EXIT in its report equals
    // outcomes_public's value, or reads "—" where the figure is suppressed (NULL there). A KOV
    // whose quarter is WITHHELD (kov_status) shows none of its figures and says so instead.
    int checked = 0;
    int suppressedSeen = 0;
    int withheldSeen = 0;
    try (Connection c = open(outcome.version().database());
        Statement s = c.createStatement()) {
      Set<String> withheld = new HashSet<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT kov_code FROM kov_status WHERE quarter = '2024Q4' AND status = 'WITHHELD'")) {
        while (rs.next()) {
          withheld.add(rs.getString(1));
        }
      }
      Map<String, String> labels = new HashMap<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT measure, name_et FROM ref_measure WHERE measure IN"
                  + " ('ACTIVE','NEW','EXIT')")) {
        while (rs.next()) {
          labels.put(rs.getString(1), rs.getString(2));
        }
      }
      assertEquals(3, labels.size());
      for (Path pdf : outcome.reports()) {
        Matcher name =
            Pattern.compile("ISTE_(\\d{4})_2024Q4_et\\.pdf").matcher(pdf.getFileName().toString());
        if (!name.matches()) {
          continue;
        }
        String text = pdfLayoutText(pdf);
        if (withheld.contains(name.group(1))) {
          assertTrue(text.contains("AVALDAMATA"), pdf.getFileName().toString());
          for (String label : labels.values()) {
            assertFalse(
                Pattern.compile("(?im)^\\s*" + Pattern.quote(label) + "\\s").matcher(text).find(),
                label + " shown in the withheld " + pdf.getFileName());
          }
          withheldSeen++;
          continue;
        }
        for (var label : labels.entrySet()) {
          Double value;
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT value FROM outcomes_public WHERE level = 'KOV' AND unit_code = '"
                      + name.group(1)
                      + "' AND quarter = '2024Q4' AND measure = '"
                      + label.getKey()
                      + "'")) {
            assertTrue(rs.next(), name.group(1) + " " + label.getKey());
            value = rs.getObject(1) == null ? null : rs.getDouble(1);
          }
          // the table row: the label then a figure (page 1's headline names the figure on a
          // line of its own, beside the change in words)
          Matcher line =
              Pattern.compile("(?im)^\\s*" + Pattern.quote(label.getValue()) + "\\s+([—–]|\\d\\S*)")
                  .matcher(text);
          assertTrue(line.find(), label.getValue() + " missing in " + pdf.getFileName());
          String shown = line.group(1);
          if (value == null) {
            assertEquals("—", shown, label.getKey() + " of " + name.group(1));
            suppressedSeen++;
          } else {
            assertEquals(
                Long.toString(Math.round(value)), shown, label.getKey() + " of " + name.group(1));
          }
          checked++;
        }
      }
    }
    assertEquals((35 - withheldSeen) * 3, checked);
    assertTrue(suppressedSeen > 0, "a scale-0.4 round has small KOVs with suppressed counts");
  }

  @Test
  void everyPageOfEachReportKindRendersToAnImage() throws Exception {
    for (String kind :
        List.of(
            "ISTE_0784_2024Q4_et.pdf",
            "ISTE_riik_2024Q4_et.pdf",
            "ISTE_hindamine_2024Q4_et.pdf",
            "ISTE_andmekvaliteet_2024Q4_et.pdf")) {
      Path pdf =
          outcome.reports().stream()
              .filter(p -> p.getFileName().toString().equals(kind))
              .findFirst()
              .orElseThrow();
      Path prefix = dir.resolve("png").resolve(kind);
      Files.createDirectories(prefix.getParent());
      Process p =
          new ProcessBuilder("pdftoppm", "-png", "-r", "30", pdf.toString(), prefix.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertTrue(out.isBlank(), "pdftoppm complained: " + out);
      try (Stream<Path> pngs = Files.list(prefix.getParent())) {
        assertTrue(
            pngs.anyMatch(
                f -> f.getFileName().toString().startsWith(kind) && f.toString().endsWith(".png")));
      }
    }
  }

  @Test
  void everyKovOfTheRoundHasActiveInEveryQuarter() throws SQLException {
    // 35 KOVs in the round (34 allocations, Haapsalu and Lääne-Nigula share one): each sends a
    // submission per quarter, so each must have an ACTIVE row per quarter (0 is a row, not a gap).
    try (Connection c = open(outcome.version().database());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT quarter, count(DISTINCT unit_code) FROM outcomes WHERE level = 'KOV' AND"
                    + " measure = 'ACTIVE' GROUP BY quarter ORDER BY quarter")) {
      Map<String, Integer> kovs = new HashMap<>();
      while (rs.next()) {
        kovs.put(rs.getString(1), rs.getInt(2));
      }
      assertEquals(Map.of("2024Q3", 35, "2024Q4", 35), kovs);
    }
  }

  @Test
  void nationalActiveEqualsCasesCountedFromTheFactTable() throws SQLException {
    // Independent count: cases whose span overlaps 2024Q4 (start <= 31.12.2024 and not ended
    // before 1.10.2024), straight from fct_case.
    try (Connection c = open(outcome.version().database());
        Statement s = c.createStatement()) {
      long fromFacts =
          single(
              s,
              "SELECT count(*) FROM fct_case WHERE start_date <= DATE '2024-12-31'"
                  + " AND (end_date IS NULL OR end_date >= DATE '2024-10-01')");
      long national =
          single(
              s,
              "SELECT CAST(value AS BIGINT) FROM outcomes WHERE level = 'RIIK' AND measure ="
                  + " 'ACTIVE' AND quarter = '2024Q4'");
      long sumOfKovs =
          single(
              s,
              "SELECT CAST(sum(value) AS BIGINT) FROM outcomes WHERE level = 'KOV' AND measure ="
                  + " 'ACTIVE' AND quarter = '2024Q4'");
      assertTrue(fromFacts > 100, "a scale-0.4 round has a few hundred active cases: " + fromFacts);
      assertEquals(fromFacts, national);
      // A case belongs to one KOV, so KOV counts add up to the national one.
      assertEquals(national, sumOfKovs);
    }
  }

  @Test
  void aKovReportCarriesTheNameWithEstonianLettersAndTheActiveFigure() throws Exception {
    // Põltsamaa vald (0618) has 5 places; pick the biggest KOV with an unsuppressed ACTIVE instead
    // of guessing: Tallinn (0784) has 130 places, so ACTIVE is well above the threshold of 5.
    Path pdf =
        outcome.reports().stream()
            .filter(p -> p.getFileName().toString().contains("0784"))
            .findFirst()
            .orElseThrow();
    String text = pdfText(pdf);
    assertTrue(text.contains("Tallinn"), text);
    long active;
    try (Connection c = open(outcome.version().database());
        Statement s = c.createStatement()) {
      active =
          single(
              s,
              "SELECT CAST(value AS BIGINT) FROM outcomes_public WHERE level = 'KOV' AND unit_code"
                  + " = '0784' AND measure = 'ACTIVE' AND quarter = '2024Q4'");
    }
    assertTrue(text.contains(Long.toString(active)), "ACTIVE " + active + " not in the PDF text");

    Path jogeva =
        outcome.reports().stream()
            .filter(p -> p.getFileName().toString().contains("0618"))
            .findFirst()
            .orElseThrow();
    assertTrue(pdfText(jogeva).contains("Põltsamaa vald"), "Estonian letters lost");
  }

  @Test
  void onePdfPerKovOfTheRound() {
    long kovPdfs =
        outcome.reports().stream()
            .filter(p -> p.getFileName().toString().endsWith(".pdf"))
            .filter(p -> p.getFileName().toString().matches("ISTE_\\d{4}_.*"))
            .count();
    assertEquals(35, kovPdfs);
  }

  @Test
  void noPersonalCodeAnywhereTheRunWrote() throws Exception {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        String text;
        if (name.endsWith(".parquet")) {
          text = parquetAsText(f);
        } else if (name.endsWith(".duckdb")) {
          text = duckDbAsText(f);
        } else if (name.endsWith(".pdf")) {
          text = pdfText(f);
        } else if (name.endsWith(".crc") || name.endsWith(".wal")) {
          continue;
        } else {
          text = Files.readString(f, StandardCharsets.ISO_8859_1);
        }
        for (String code : personalCodesIn(text)) {
          found.add(f.getFileName() + ": " + PersonalCode.mask(code));
        }
      }
    }
    for (String code : personalCodesIn(runLog)) {
      found.add("run log: " + PersonalCode.mask(code));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void everythingTheRunsWroteIsGroupReadableAtMost() throws IOException {
    // The test JVM's umask (typically 022) would leave files 0644: what is checked here is what
    // the run itself sets (Hadoop's umask for Spark's writes, its own files and folders).
    List<String> tooOpen = new ArrayList<>();
    int checked = 0;
    for (String top : List.of("out", "one-by-one")) {
      try (Stream<Path> paths = Files.walk(dir.resolve(top))) {
        for (Path p : paths.filter(p -> !Files.isSymbolicLink(p)).toList()) {
          Set<PosixFilePermission> mode =
              Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
          checked++;
          if (mode.contains(PosixFilePermission.GROUP_WRITE)
              || mode.contains(PosixFilePermission.OTHERS_READ)
              || mode.contains(PosixFilePermission.OTHERS_WRITE)
              || mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            tooOpen.add(dir.relativize(p) + " " + PosixFilePermissions.toString(mode));
          }
        }
      }
    }
    assertTrue(checked > 100, "files and folders checked: " + checked);
    assertEquals(List.of(), tooOpen);
    for (String own : List.of("work", "warehouse", "reports")) {
      assertEquals(
          "rwxr-x---",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("out").resolve(own))),
          own);
    }
  }

  @Test
  void aReportsStageKilledWhileRenderingIsRedoneOnTheNextRun() throws IOException {
    Path out = dir.resolve("out");
    Path marker = out.resolve("reports").resolve(LAST.toString()).resolve("_REPORTS_COMPLETE");
    assertTrue(Files.isRegularFile(marker), "the first run marked " + LAST + " complete");
    // What a run killed while rendering leaves: a truncated report under its own name (as an
    // older version wrote them in place), another's temporary file, and no marker.
    Path pdf = outcome.reports().get(0);
    byte[] whole = Files.readAllBytes(pdf);
    Files.write(pdf, java.util.Arrays.copyOf(whole, whole.length / 3));
    Path leftover =
        Files.write(pdf.resolveSibling("." + pdf.getFileName() + ".4711.tmp"), new byte[] {'%'});
    Files.delete(marker);

    LocalRunner.Outcome again =
        runner().run(plan(dir.resolve("submissions"), out, List.of(), true));

    assertFalse(again.published(), "nothing else changed");
    assertEquals(outcome.reports(), again.reports(), "every report of the quarter rendered again");
    assertTrue(Files.isRegularFile(marker));
    assertFalse(Files.exists(leftover), "the killed run's temporary file is removed");
    byte[] redone = Files.readAllBytes(pdf);
    String tail =
        new String(
            redone,
            Math.max(0, redone.length - 64),
            Math.min(64, redone.length),
            StandardCharsets.ISO_8859_1);
    assertTrue(
        new String(redone, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")
            && tail.contains("%%EOF"),
        tail);
    assertTrue(redone.length > whole.length / 3, redone.length + " bytes");

    LocalRunner.Outcome third =
        runner().run(plan(dir.resolve("submissions"), out, List.of(), true));
    assertEquals(
        List.of(), third.reports(), "with the marker in place the reports are not rendered again");
  }

  @Test
  void theScanFindsACodeWhenThereIsOne() {
    // The scanner itself must be able to fail: 37605030299 is a valid code (domain.md).
    assertEquals(Set.of("37605030299"), personalCodesIn("x 37605030299 y 37605030298 123"));
  }

  private static Set<String> personalCodesIn(String text) {
    Set<String> codes = new HashSet<>();
    Matcher m = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)").matcher(text);
    while (m.find()) {
      if (PersonalCode.isValid(m.group())) {
        codes.add(m.group());
      }
    }
    return codes;
  }

  private static String parquetAsText(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return rowsAsText(c, "SELECT * FROM read_parquet('" + file.toAbsolutePath() + "')");
    }
  }

  private static String duckDbAsText(Path file) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Connection c = open(file);
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        sb.append(rowsAsText(c, "SELECT * FROM \"" + t + "\""));
      }
    }
    return sb.toString();
  }

  private static String rowsAsText(Connection c, String sql) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          sb.append(rs.getString(i)).append('|');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String pdfText(Path pdf) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
            .redirectErrorStream(true)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), text);
    assertFalse(text.isBlank());
    return text;
  }

  private static String pdfLayoutText(Path pdf) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
            .redirectErrorStream(true)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), text);
    return text;
  }

  private static List<String> rows(Path db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(rs.getString(i)).append('|');
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static Connection open(Path db) throws SQLException {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), props);
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }
}

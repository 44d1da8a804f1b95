package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Locale;
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
  private static String runLog;
  private static final ReferenceData REF = ReferenceData.builtIn();

  @BeforeAll
  static void runTheWholePipeline() throws IOException {
    Path submissions = dir.resolve("submissions");
    new SubmissionGenerator(REF, line -> {})
        .generate(
            GeneratorConfig.of(submissions, QUARTERS, 7)
                .withScale(0.4)
                .withFormat(SubmissionFormat.XLSX)
                .withDefectRate(0.01));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    RunPlan plan =
        new RunPlan(
            submissions,
            dir.resolve("out"),
            List.of(),
            PseudonymKeys.fromText(KEY, "test"),
            REF,
            "local[2]",
            true,
            List.of(LAST),
            List.of(Locale.forLanguageTag("et")),
            false);
    outcome = new LocalRunner(new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(plan);
    runLog = log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyKovOfTheRoundHasActiveInEveryQuarter() throws SQLException {
    // 35 KOVs in the round (34 allocations, Haapsalu and Lääne-Nigula share one): each sends a
    // submission per quarter, so each must have an ACTIVE row per quarter (0 is a row, not a gap).
    try (Connection c = open(outcome.version().database());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT quarter, count(DISTINCT unit_code) FROM outcomes"
                    + " WHERE level = 'KOV' AND measure = 'ACTIVE' GROUP BY quarter ORDER BY quarter")) {
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
    try (Connection c = open(outcome.version().database()); Statement s = c.createStatement()) {
      long fromFacts =
          single(
              s,
              "SELECT count(*) FROM fct_case WHERE start_date <= DATE '2024-12-31'"
                  + " AND (end_date IS NULL OR end_date >= DATE '2024-10-01')");
      long national =
          single(s, "SELECT CAST(value AS BIGINT) FROM outcomes WHERE level = 'RIIK' AND measure = 'ACTIVE' AND quarter = '2024Q4'");
      long sumOfKovs =
          single(s, "SELECT CAST(sum(value) AS BIGINT) FROM outcomes WHERE level = 'KOV' AND measure = 'ACTIVE' AND quarter = '2024Q4'");
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
    try (Connection c = open(outcome.version().database()); Statement s = c.createStatement()) {
      active =
          single(s, "SELECT CAST(value AS BIGINT) FROM outcomes_public WHERE level = 'KOV' AND unit_code = '0784' AND measure = 'ACTIVE' AND quarter = '2024Q4'");
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
    try (Connection c = open(file); Statement s = c.createStatement()) {
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
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
    Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), text);
    assertFalse(text.isBlank());
    return text;
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

package ee.ska.iste.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ee.ska.iste.cli.CliFixtures;
import ee.ska.iste.cli.CliFixtures.Run;
import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.disclosure.Memo;
import ee.ska.iste.generator.SubmissionFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental = full (issue 20). Two quarters are published; then the next quarter arrives with a
 * revision of the first one (a KOV resubmits 2024Q1 with a later date and one hour more in a
 * participation row). Warehouse A takes the new run as it comes: the quarters whose figures did not
 * change keep the disclosure judged by the run before (the memo). Warehouse B gets the same two
 * runs with its memo removed before the second, so every quarter is searched and audited anew.
 * Every table and view of the two published databases is equal row for row (all columns, all rows).
 */
class IncrementalEqualsFullTest {
  @TempDir Path dir;

  @Test
  void aNewQuarterWithARevisionGivesTheTablesOfAFullRecomputation() throws Exception {
    // one simulated history of three quarters; the inbox gets the first two, then the third
    Path all = dir.resolve("all");
    CliFixtures.generate(
        all,
        List.of(Quarter.parse("2024Q1"), Quarter.parse("2024Q2"), Quarter.parse("2024Q3")),
        11,
        0.05,
        SubmissionFormat.CSV);
    Path in = dir.resolve("in");
    copyQuarter(all, in, "2024Q1");
    copyQuarter(all, in, "2024Q2");
    Path key = Files.writeString(dir.resolve("k.key"), "a-key-for-the-incremental-equals-full");
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, run(in, a, key).code());
    // B starts from the same state: the same archive, work area and published version
    copyTree(a, b);

    // the next quarter, and a revision of the first: a later esitatud, one hour more
    copyQuarter(all, in, "2024Q3");
    revise(in.resolve("ISTE_0784_2024Q1"));

    Run incremental = run(in, a, key);
    assertEquals(0, incremental.code(), incremental.out() + incremental.err());
    List<String> judgedBefore = judgedBefore(incremental.out() + incremental.err());
    // the unchanged quarter's disclosure came from the memo; the revised one was searched again
    assertTrue(judgedBefore.contains("2024Q2"), incremental.out() + incremental.err());
    assertFalse(judgedBefore.contains("2024Q1"), judgedBefore.toString());
    assertFalse(judgedBefore.contains("2024Q3"), judgedBefore.toString());

    FileTrees.deleteTree(b.resolve("work").resolve(Memo.WORK_AREA_FOLDER));
    Run full = run(in, b, key);
    assertEquals(0, full.code(), full.out() + full.err());
    assertEquals(List.of(), judgedBefore(full.out() + full.err()));
    // the publish gate found each quarter's audit recorded by the measures stage (a gate that
    // missed would have added an entry of its own)
    try (var s = Files.list(b.resolve("work").resolve(Memo.WORK_AREA_FOLDER))) {
      assertEquals(
          List.of("2024Q1", "2024Q2", "2024Q3"),
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.contains("-audit-"))
              .map(n -> n.substring(0, 6))
              .sorted()
              .toList());
    }

    Path dbA = CliFixtures.currentDatabase(a.resolve("warehouse"));
    Path dbB = CliFixtures.currentDatabase(b.resolve("warehouse"));
    List<String> tables = tables(dbA);
    assertEquals(tables, tables(dbB));
    assertTrue(
        tables.contains("mart_outcomes") && tables.contains("fct_participation"), "" + tables);
    long rows = 0;
    for (String t : tables) {
      List<String> ra = rows(dbA, t);
      List<String> rb = rows(dbB, t);
      if (!ra.equals(rb)) {
        fail(t + ": " + firstDifference(ra, rb));
      }
      rows += ra.size();
    }
    // the revision is in both: 2024Q1's participation hours of KOV 0784 are one more
    assertTrue(rows > 10_000, "rows compared: " + rows);
    assertEquals(
        CliFixtures.column(dbA, "SELECT sum(hours) FROM stg_participation WHERE kov_code='0784'"),
        CliFixtures.column(dbB, "SELECT sum(hours) FROM stg_participation WHERE kov_code='0784'"));
  }

  private static void copyQuarter(Path from, Path to, String quarter) throws java.io.IOException {
    try (var s = Files.list(from)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().endsWith("_" + quarter)) {
          copyTree(p, to.resolve(p.getFileName()));
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(t, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static Run run(Path in, Path out, Path key) {
    return CliFixtures.withInput("run", in, out, key, "--no-reports");
  }

  /** A later esitatud and one hour more in the first participation row. */
  private static void revise(Path submission) throws Exception {
    Path kaas = submission.resolve("kaas.csv");
    List<String> cover = new ArrayList<>(Files.readAllLines(kaas, StandardCharsets.UTF_8));
    List<String> header = List.of(cover.get(0).split(",", -1));
    String[] row = cover.get(1).split(",", -1);
    int esitatud = header.indexOf("esitatud");
    row[esitatud] = LocalDate.parse(row[esitatud]).plusDays(20).toString();
    cover.set(1, String.join(",", row));
    Files.write(kaas, cover, StandardCharsets.UTF_8);

    Path osalemine = submission.resolve("osalemine.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(osalemine, StandardCharsets.UTF_8));
    int hours = List.of(lines.get(0).split(",", -1)).indexOf("tunnid");
    String[] p = lines.get(1).split(",", -1);
    p[hours] = new BigDecimal(p[hours]).add(BigDecimal.ONE).toPlainString();
    lines.set(1, String.join(",", p));
    Files.write(osalemine, lines, StandardCharsets.UTF_8);
  }

  private static List<String> judgedBefore(String log) {
    Matcher m = Pattern.compile("disclosure of ([0-9Q, ]+) as judged before").matcher(log);
    return m.find() ? List.of(m.group(1).split(", ")) : List.of();
  }

  private static List<String> tables(Path db) throws SQLException {
    return CliFixtures.column(
        db,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1");
  }

  /** Every row of the table or view, each as its columns' text, in the order of all columns. */
  private static List<String> rows(Path db, String table) throws SQLException {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, ro);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY ALL")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder r = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          r.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
        }
        out.add(r.toString());
      }
    }
    return out;
  }

  private static String firstDifference(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return "row " + i + "\n  incremental " + a.get(i) + "\n  full        " + b.get(i);
      }
    }
    return a.size() + " rows against " + b.size();
  }
}

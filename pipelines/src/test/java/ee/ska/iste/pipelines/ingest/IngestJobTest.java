package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest job end to end on a small input folder: a CSV submission and its XLSX correction for
 * the same KOV and quarter, a refused workbook and a stray file.
 */
class IngestJobTest {
  static final Pseudonymiser KEY =
      new Pseudonymiser(
          "test-key-0123456789-0123456789-0123456789".getBytes(StandardCharsets.UTF_8));

  @TempDir Path tmp;

  @Test
  void latestSubmissionWinsEverythingIsStagedAndARerunChangesNothing() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    // the original, esitatud 2024-07-05, as a CSV folder (with a comma decimal, quoted)
    TestSubmission.base().set("osalemine", 2, "tunnid", "12,5").writeCsv(input, "ISTE_0793_2024Q2");
    // its correction, esitatud 2024-07-20, as a workbook: C2's BT hours 6.25 -> 8
    TestSubmission.base()
        .set("kaas", 2, "esitatud", "2024-07-20")
        .set("osalemine", 4, "tunnid", "8")
        .add("hindamine", TestSubmission.P3 + ",2024-04-12,ESMANE,SUHTED,2")
        .writeXlsx(input, "ISTE_0793_2024Q2_parandus", true);
    // Tallinn's workbook whose cover says Tartu: refused
    TestSubmission.base().writeXlsx(input, "ISTE_0784_2024Q2", true);
    Files.writeString(input.resolve("notes.txt"), "not a submission");

    WarehouseLayout layout = new WarehouseLayout(tmp.resolve("wh").toString());
    SparkSession spark = SharedSpark.session();
    // 2024Q3 asked for but not in the folder: its partitions are written empty, with schema
    IngestRequest request =
        new IngestRequest(
            input,
            layout,
            List.of(Quarter.parse("2024Q2"), Quarter.parse("2024Q3")),
            KEY,
            ReferenceData.builtIn());
    IngestResult result = new IngestJob().run(spark, request);

    Map<String, IngestResult.Status> status =
        result.submissions().stream()
            .collect(
                Collectors.toMap(IngestResult.Submission::file, IngestResult.Submission::status));
    assertEquals(
        Map.of(
            "ISTE_0784_2024Q2.xlsx", IngestResult.Status.REFUSED,
            "ISTE_0793_2024Q2", IngestResult.Status.SUPERSEDED,
            "ISTE_0793_2024Q2_parandus.xlsx", IngestResult.Status.LOADED,
            "notes.txt", IngestResult.Status.REFUSED),
        status);
    // original: 13 read, 13 accepted; correction: 14 read (one more hindamine row), 13 accepted,
    // 1 rejected (P3 is not in klient); refused: 0
    assertEquals(13 + 14, result.rowsRead());
    assertEquals(13 + 13, result.rowsAccepted());
    assertEquals(1, result.rowsRejected());

    // every staged table read back once; the checks below work on the rows
    Map<String, List<Row>> staged = new TreeMap<>();
    for (String table : StagedTables.ALL.keySet()) {
      Dataset<Row> df = spark.read().parquet(layout.table(table));
      assertTrue(
          Arrays.asList(df.columns())
              .containsAll(Arrays.asList(StagedTables.ALL.get(table).fieldNames())),
          table);
      staged.put(table, df.collectAsList());
    }

    Row stray = only(staged.get(StagedTables.SUBMISSION), "source_file", "notes.txt");
    assertEquals("NAME_NOT_IN_CONTRACT", stray.getString(stray.fieldIndex("refusal_reason")));
    assertEquals("2024Q3", String.valueOf(stray.get(stray.fieldIndex("quarter"))));
    Row refused = only(staged.get(StagedTables.SUBMISSION), "refusal_reason", "COVER_MISMATCH");
    assertEquals("COVER_MISMATCH", refused.getString(refused.fieldIndex("refusal_reason")));
    assertTrue(
        refused
            .getString(refused.fieldIndex("refusal_message"))
            .startsWith("ISTE_0784_2024Q2.xlsx:"));
    Row loaded = only(staged.get(StagedTables.SUBMISSION), "status", "LOADED");
    String loadedId = loaded.getString(loaded.fieldIndex("submission_id"));
    assertTrue(loadedId.startsWith("0793_2024Q2_2024-07-20_"), loadedId);
    assertEquals(14, loaded.getInt(loaded.fieldIndex("rows_read")));

    // only the winner's rows: 12.5 + 4 + 8 = 24.5 hours (the original's 6.25 is gone)
    List<Row> hours = staged.get(StagedTables.PARTICIPATION);
    assertEquals(
        new BigDecimal("24.50"),
        hours.stream()
            .map(r -> r.getDecimal(r.fieldIndex("hours")))
            .reduce(BigDecimal.ZERO, BigDecimal::add));
    assertTrue(
        hours.stream().allMatch(r -> loadedId.equals(r.getString(r.fieldIndex("submission_id")))));

    Row first = only(staged.get(StagedTables.CLIENT_EPISODE), "source_row", 2);
    // 37605030299: G=3 -> 1900s, male; born 1976-05-03; start 2024-01-10 -> 47 full years
    assertEquals(1976, first.getInt(first.fieldIndex("birth_year")));
    assertEquals(5, first.getInt(first.fieldIndex("birth_month")));
    assertEquals("M", first.getString(first.fieldIndex("sex")));
    assertEquals(47, first.getInt(first.fieldIndex("age_at_start")));
    assertEquals(KEY.pseudonym(TestSubmission.C1), first.getString(first.fieldIndex("client_id")));
    assertNull(first.get(first.fieldIndex("ineligible_reason")));
    assertEquals("2024Q2", String.valueOf(first.get(first.fieldIndex("quarter"))));

    // the reject of the winner only, the code kept as its shape
    assertEquals(1, staged.get(StagedTables.REJECT).size());
    Row reject = staged.get(StagedTables.REJECT).get(0);
    assertEquals("hindamine", reject.getString(reject.fieldIndex("sheet")));
    assertEquals(5, reject.getInt(reject.fieldIndex("source_row")));
    assertEquals("CLIENT_NOT_IN_KLIENT", reject.getString(reject.fieldIndex("reason_code")));
    // an identifier is kept as its shape only: P3 = 38501010002 is 11 digits and a valid code
    assertEquals("11 digits, a valid personal code", reject.getString(reject.fieldIndex("value")));

    // ingest log: 6 sheets for each of the two submissions read; rows_read = accepted + rejected
    List<Row> log = staged.get(StagedTables.INGEST_LOG);
    assertEquals(12, log.size());
    for (Row r : log) {
      assertEquals(
          r.getInt(r.fieldIndex("rows_read")),
          r.getInt(r.fieldIndex("rows_accepted")) + r.getInt(r.fieldIndex("rows_rejected")));
    }

    // 2024Q3 asked for, no submission: every table has a partition for it, empty but for the
    // stray file's refusal, which is recorded with the run's latest quarter
    for (String table : StagedTables.ALL.keySet()) {
      assertTrue(
          Files.isDirectory(Path.of(layout.partition(table, Quarter.parse("2024Q3")))), table);
      long inQ3 =
          staged.get(table).stream()
              .filter(r -> "2024Q3".equals(String.valueOf(r.get(r.fieldIndex("quarter")))))
              .count();
      assertEquals(table.equals(StagedTables.SUBMISSION) ? 1 : 0, inQ3, table);
    }

    assertNoPersonalCode(layout, staged);
    Map<String, byte[]> firstRun = parquetContents(layout);

    new IngestJob().run(spark, request);
    Map<String, byte[]> secondRun = parquetContents(layout);
    assertEquals(firstRun.keySet(), secondRun.keySet());
    for (String k : firstRun.keySet()) {
      assertTrue(Arrays.equals(firstRun.get(k), secondRun.get(k)), "rerun changed " + k);
    }
  }

  /** Every Parquet file's bytes by table/partition (part-file names carry a random id). */
  private static Map<String, byte[]> parquetContents(WarehouseLayout layout) throws Exception {
    Path root = Path.of(layout.root());
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".parquet")).sorted().toList()) {
        String key = root.relativize(p.getParent()).toString();
        assertFalse(out.containsKey(key), "one file per partition expected: " + key);
        out.put(key, Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static Row only(List<Row> rows, String column, Object value) {
    List<Row> match = rows.stream().filter(r -> value.equals(r.get(r.fieldIndex(column)))).toList();
    assertEquals(1, match.size(), column + " = " + value);
    return match.get(0);
  }

  /** No personal code in any file's bytes, nor in any value read back as text. */
  private static void assertNoPersonalCode(WarehouseLayout layout, Map<String, List<Row>> staged)
      throws Exception {
    List<String> codes = List.of(TestSubmission.C1, TestSubmission.C2, TestSubmission.P3);
    try (Stream<Path> s = Files.walk(Path.of(layout.root()))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        codes.forEach(c -> assertFalse(bytes.contains(c), p.toString()));
      }
    }
    staged.forEach(
        (table, rows) ->
            rows.forEach(r -> codes.forEach(c -> assertFalse(r.toString().contains(c), table))));
  }
}

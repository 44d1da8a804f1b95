package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resubmissions with the same esitatud, and an inbox holding a misnamed file and an impossible
 * quarter: the good submissions are staged, the others are stg_submission rows with reasons.
 */
class ResubmissionIngestTest {
  @TempDir Path tmp;

  @Test
  void sameDateIdenticalCountsOnceDifferentConflictsAndTheEarlierVersionStays() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    // KOV 0793: the original of 2024-07-05 (BT hours of C2: 6.25), then two corrections of
    // 2024-07-20 that differ (C2's hours 8 and 9): both conflict, the original stays loaded.
    TestSubmission.base().writeCsv(input, "ISTE_0793_2024Q2");
    TestSubmission.base()
        .set("kaas", 2, "esitatud", "2024-07-20")
        .set("osalemine", 4, "tunnid", "8")
        .writeCsv(input, "ISTE_0793_2024Q2_a");
    TestSubmission.base()
        .set("kaas", 2, "esitatud", "2024-07-20")
        .set("osalemine", 4, "tunnid", "9")
        .writeCsv(input, "ISTE_0793_2024Q2_b");
    // KOV 0784 (Tallinn): the same bytes twice under two names: counted once
    TestSubmission tallinn =
        TestSubmission.base().set("kaas", 2, "kov", "0784").set("osalemine", 4, "tunnid", "2");
    tallinn.writeCsv(input, "ISTE_0784_2024Q2");
    tallinn.writeCsv(input, "ISTE_0784_2024Q2_koopia");
    // an impossible quarter and a file of another name: refused, the run goes on
    Files.writeString(input.resolve("ISTE_0184_1024Q2.xlsx"), "x");
    Files.writeString(input.resolve("ISTE 0184 2024Q2.xlsx"), "x");

    WarehouseLayout layout = new WarehouseLayout(tmp.resolve("wh").toString());
    SparkSession spark = SharedSpark.session();
    IngestResult result =
        new IngestJob()
            .run(
                spark,
                new IngestRequest(
                    input, layout, List.of(), IngestJobTest.KEY, ReferenceData.builtIn()));

    Map<String, IngestResult.Status> status = new TreeMap<>();
    Map<String, String> reason = new TreeMap<>();
    result.submissions().forEach(s -> status.put(s.file(), s.status()));
    result.submissions().forEach(s -> reason.put(s.file(), String.valueOf(s.refusalReason())));
    Map<String, IngestResult.Status> expected = new TreeMap<>();
    expected.put("ISTE_0793_2024Q2", IngestResult.Status.LOADED);
    expected.put("ISTE_0793_2024Q2_a", IngestResult.Status.REFUSED);
    expected.put("ISTE_0793_2024Q2_b", IngestResult.Status.REFUSED);
    expected.put("ISTE_0784_2024Q2", IngestResult.Status.LOADED);
    expected.put("ISTE_0784_2024Q2_koopia", IngestResult.Status.DUPLICATE);
    expected.put("ISTE_0184_1024Q2.xlsx", IngestResult.Status.REFUSED);
    expected.put("ISTE 0184 2024Q2.xlsx", IngestResult.Status.REFUSED);
    assertEquals(expected, status);
    assertEquals("RESUBMISSION_CONFLICT", reason.get("ISTE_0793_2024Q2_a"));
    assertEquals("RESUBMISSION_CONFLICT", reason.get("ISTE_0793_2024Q2_b"));
    assertEquals("QUARTER_IMPOSSIBLE", reason.get("ISTE_0184_1024Q2.xlsx"));
    assertEquals("NAME_NOT_IN_CONTRACT", reason.get("ISTE 0184 2024Q2.xlsx"));
    assertTrue(
        result.submissions().stream()
            .filter(s -> s.file().equals("ISTE_0793_2024Q2_a"))
            .allMatch(s -> s.refusalMessage().contains("resubmit with a later date")));

    // stg_submission: all seven, in 2024Q2 (the run's only quarter)
    List<Row> subs = spark.read().parquet(layout.table(StagedTables.SUBMISSION)).collectAsList();
    assertEquals(7, subs.size());
    assertTrue(
        subs.stream()
            .allMatch(r -> "2024Q2".equals(String.valueOf(r.get(r.fieldIndex("quarter"))))));

    // hours staged: 0793's original 12.5 + 4 + 6.25 = 22.75; 0784 once: 12.5 + 4 + 2 = 18.5
    List<Row> hours =
        spark.read().parquet(layout.table(StagedTables.PARTICIPATION)).collectAsList();
    Map<String, BigDecimal> byKov = new TreeMap<>();
    hours.forEach(
        r ->
            byKov.merge(
                r.getString(r.fieldIndex("kov_code")),
                r.getDecimal(r.fieldIndex("hours")),
                BigDecimal::add));
    assertEquals(Map.of("0784", new BigDecimal("18.50"), "0793", new BigDecimal("22.75")), byKov);
  }

  /**
   * KOV 0793's submission of 2024-07-05 (C2's BT hours 6.25) was loaded by an earlier run; its file
   * has since been overwritten in the inbox with other content under the same esitatud (C2's hours
   * 8). The newcomer is refused as conflicting and the earlier one, read from the archive, stays:
   * 12.5 + 4 + 6.25 = 22.75 hours, not 24.5.
   */
  @Test
  void aFileOverwrittenWithTheSameDateDoesNotReplaceWhatWasLoadedEarlier() throws Exception {
    Path archived = Files.createDirectories(tmp.resolve("archived"));
    TestSubmission.base().writeCsv(archived, "ISTE_0793_2024Q2");
    SubmissionFile original =
        SubmissionFile.of(archived.resolve("ISTE_0793_2024Q2"), true).orElseThrow();
    EarlierSubmissions.Entry entry = loadedEarlier(original);
    List<String> fetched = new java.util.ArrayList<>();
    EarlierSubmissions earlier =
        earlier(
            entry,
            e -> {
              fetched.add(e.name());
              return original;
            });

    Path input = Files.createDirectories(tmp.resolve("in"));
    TestSubmission.base().set("osalemine", 4, "tunnid", "8").writeCsv(input, "ISTE_0793_2024Q2");
    WarehouseLayout layout = new WarehouseLayout(tmp.resolve("wh").toString());
    SparkSession spark = SharedSpark.session();
    IngestResult result = ingest(spark, input, layout, earlier);

    assertEquals(List.of("ISTE_0793_2024Q2"), fetched);
    assertEquals(2, result.submissions().size());
    IngestResult.Submission inbox =
        result.submissions().stream()
            .filter(x -> x.path().startsWith(input))
            .findFirst()
            .orElseThrow();
    IngestResult.Submission kept =
        result.submissions().stream()
            .filter(x -> x.path().startsWith(archived))
            .findFirst()
            .orElseThrow();
    assertEquals(IngestResult.Status.REFUSED, inbox.status());
    assertEquals("RESUBMISSION_CONFLICT", String.valueOf(inbox.refusalReason()));
    assertTrue(inbox.refusalMessage().contains("was loaded earlier and stays published"));
    assertEquals(IngestResult.Status.LOADED, kept.status());
    assertEquals(entry.sha256(), kept.checksum());
    assertEquals(new BigDecimal("22.75"), hoursOf(spark, layout, "0793"));
  }

  /**
   * The same, with both files in the inbox (the one loaded earlier, and a second of the same date
   * with other content): only the newcomer is refused, nothing is read from the archive.
   */
  @Test
  void aSecondFileWithTheSameDateBesideTheOneLoadedEarlierIsRefusedAlone() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    TestSubmission.base().writeCsv(input, "ISTE_0793_2024Q2");
    TestSubmission.base()
        .set("osalemine", 4, "tunnid", "9")
        .writeCsv(input, "ISTE_0793_2024Q2_parandus");
    SubmissionFile original =
        SubmissionFile.of(input.resolve("ISTE_0793_2024Q2"), true).orElseThrow();
    EarlierSubmissions earlier =
        earlier(
            loadedEarlier(original),
            e -> {
              throw new AssertionError("the earlier submission is in the inbox");
            });
    WarehouseLayout layout = new WarehouseLayout(tmp.resolve("wh").toString());
    SparkSession spark = SharedSpark.session();
    IngestResult result = ingest(spark, input, layout, earlier);
    Map<String, IngestResult.Status> status = new TreeMap<>();
    result.submissions().forEach(x -> status.put(x.file(), x.status()));
    assertEquals(
        Map.of(
            "ISTE_0793_2024Q2", IngestResult.Status.LOADED,
            "ISTE_0793_2024Q2_parandus", IngestResult.Status.REFUSED),
        status);
    assertEquals(new BigDecimal("22.75"), hoursOf(spark, layout, "0793"));
  }

  /** 0793's 2024Q2 submission of 2024-07-05, as the archive records it. */
  private static EarlierSubmissions.Entry loadedEarlier(SubmissionFile original) {
    return new EarlierSubmissions.Entry(
        IngestJob.checksum(original),
        "ISTE_0793_2024Q2",
        "0793",
        Quarter.parse("2024Q2"),
        java.time.LocalDate.parse("2024-07-05"));
  }

  private static EarlierSubmissions earlier(
      EarlierSubmissions.Entry entry,
      java.util.function.Function<EarlierSubmissions.Entry, SubmissionFile> fetch) {
    return new EarlierSubmissions() {
      @Override
      public List<Entry> entries() {
        return List.of(entry);
      }

      @Override
      public SubmissionFile fetch(Entry e) {
        return fetch.apply(e);
      }
    };
  }

  private static BigDecimal hoursOf(SparkSession spark, WarehouseLayout layout, String kov) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Row r : spark.read().parquet(layout.table(StagedTables.PARTICIPATION)).collectAsList()) {
      if (kov.equals(r.getString(r.fieldIndex("kov_code")))) {
        sum = sum.add(r.getDecimal(r.fieldIndex("hours")));
      }
    }
    return sum;
  }

  /** Ingests every quarter of {@code input} into {@code layout}, knowing what was loaded before. */
  private static IngestResult ingest(
      SparkSession spark, Path input, WarehouseLayout layout, EarlierSubmissions earlier) {
    return new IngestJob()
        .run(
            spark,
            new IngestRequest(
                input,
                layout,
                List.of(),
                IngestJobTest.KEY,
                ReferenceData.builtIn(),
                null,
                earlier,
                null));
  }
}

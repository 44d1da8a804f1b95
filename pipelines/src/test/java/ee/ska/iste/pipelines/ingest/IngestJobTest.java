package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest {
  static final Pseudonymiser KEY =
      new Pseudonymiser("test-key-0123456789-0123456789-0123456789".getBytes(StandardCharsets.UTF_8));

  @TempDir Path tmp;

  @Test
  void ingestsTheHandWrittenCsvSubmission() throws Exception {
    Path input = Path.of("src/test/resources/ingest/valid");
    WarehouseLayout layout = new WarehouseLayout(tmp.resolve("wh").toString());
    SparkSession spark = SharedSpark.session();
    IngestResult result =
        new IngestJob()
            .run(spark, new IngestRequest(input, layout, List.of(), KEY, ReferenceData.builtIn()));

    // 1 cover + 2 klient + 3 hindamine + 2 plaan + 3 osalemine + 2 elukvaliteet = 13 rows, all good
    assertEquals(1, result.submissions().size());
    assertEquals(13, result.rowsRead());
    assertEquals(13, result.rowsAccepted());
    assertEquals(0, result.rowsRejected());

    Dataset<Row> episodes = spark.read().parquet(layout.table(StagedTables.CLIENT_EPISODE));
    assertEquals(2, episodes.count());
    Row first = episodes.orderBy("source_row").first();
    // 37605030299: G=3 -> 1900s, male; born 1976-05-03; start 2024-01-10 -> 47 full years
    assertEquals(1976, first.getInt(first.fieldIndex("birth_year")));
    assertEquals(5, first.getInt(first.fieldIndex("birth_month")));
    assertEquals("M", first.getString(first.fieldIndex("sex")));
    assertEquals(47, first.getInt(first.fieldIndex("age_at_start")));
    assertEquals(KEY.pseudonym("37605030299"), first.getString(first.fieldIndex("client_id")));
    assertEquals(2, first.getInt(first.fieldIndex("source_row")));
    assertNull(first.get(first.fieldIndex("ineligible_reason")));
    assertEquals("2024Q2", first.get(first.fieldIndex("quarter")).toString());

    Dataset<Row> hours = spark.read().parquet(layout.table(StagedTables.PARTICIPATION));
    // "12,5" quoted -> 12.50; 4 -> 4.00; 6.25 -> 6.25; total 22.75
    assertEquals(
        new BigDecimal("22.75"), hours.agg(org.apache.spark.sql.functions.sum("hours")).first().getDecimal(0));

    Dataset<Row> log = spark.read().parquet(layout.table(StagedTables.INGEST_LOG));
    Row osalemine = log.filter("sheet = 'osalemine'").first();
    assertTrue(osalemine.getString(osalemine.fieldIndex("warnings")).contains("markus"));
    assertEquals(0, spark.read().parquet(layout.table(StagedTables.REJECT)).count());
    assertTrue(Files.isDirectory(Path.of(layout.partition(StagedTables.REJECT, result.quarters().get(0)))));
  }
}

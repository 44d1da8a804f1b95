package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.pipelines.model.StagedFixture;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModelJob and MeasuresJob through Parquet: staged tables in, marts and catalogue out. */
class JobsEndToEndTest {
  @Test
  void stagedTablesToMarts(@TempDir Path root) throws Exception {
    SparkSession spark = SharedSpark.session();
    WarehouseLayout layout = new WarehouseLayout(root.toString());
    StagedFixture f =
        new StagedFixture()
            .episode("e1", "0793", "2024Q2", "2024-01-01", null, null)
            .episode("e2", "0793", "2024Q2", "2024-05-01", "2024-06-01", "SURM");
    // only the episodes table is staged: the other staged tables are absent, as for a KOV that
    // sent no assessments yet
    f.episodes(spark)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("quarter")
        .parquet(layout.table("stg_client_episode"));
    ReferenceData ref = ReferenceData.builtIn();

    new ModelJob().run(spark, layout, ref);
    new MeasuresJob().run(spark, layout, List.of(Quarter.parse("2024Q2")), ref);

    assertTrue(Files.isDirectory(root.resolve("mart/mart_outcomes/quarter=2024Q2")));
    assertTrue(Files.isDirectory(root.resolve("fct/fct_case")));
    List<Row> national =
        spark
            .read()
            .parquet(layout.table("mart_outcomes"))
            .filter("level = 'RIIK' and measure in ('ACTIVE', 'EXIT_SURM')")
            .orderBy("measure")
            .collectAsList();
    // e1 and e2 active; e2 died on 1 June
    assertEquals(2.0, national.get(0).<Double>getAs("value"));
    assertEquals(1.0, national.get(1).<Double>getAs("value"));
    assertFalse(national.get(0).<Boolean>getAs("suppressed"));
    assertEquals("2024Q2", national.get(0).getAs("quarter"));
    long catalogue = spark.read().parquet(layout.table("ref_measure")).count();
    assertEquals(ref.table("measures").rows().size(), catalogue);
    // the example projection at the national rates of 2024Q2 (every KOV figure is hidden, so the
    // spread is empty and P10 / P90 are left out): the example's 925 places in year 1; e1 91 +
    // e2 (1 May..1 June) 32 = 123 client days over 780 places x 91 days; e2 the one entry
    List<Row> ee =
        spark
            .read()
            .parquet(layout.table("mart_projection"))
            .filter("year = 1 and county_code = 'EE'")
            .collectAsList();
    assertTrue(ee.stream().allMatch(r -> r.<String>getAs("scenario").equals("NATIONAL")));
    assertTrue(ee.stream().allMatch(r -> r.<String>getAs("places_source").equals("EXAMPLE")));
    assertTrue(ee.stream().allMatch(r -> r.<String>getAs("from_quarter").equals("2024Q2")));
    java.util.Map<String, Double> q = new java.util.HashMap<>();
    ee.forEach(r -> q.put(r.getAs("quantity"), r.getAs("value")));
    assertEquals(925.0, q.get("PLACES"), 1e-9);
    assertEquals(925.0 * 123 / (780 * 91) * 365, q.get("CLIENT_DAYS"), 1e-6);
    assertEquals(925.0 * 365 / (780 * 91), q.get("ENTRIES"), 1e-9);
  }
}

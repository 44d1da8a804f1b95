package ee.ska.iste.pipelines.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dim_client's entry columns come from the client's first episode, banded and grouped by the
 * reference data valid on its start. Ages are worked out by hand from the birth dates in the
 * comments, as ingest does from the personal code (completed years).
 */
class DimClientTest {
  @TempDir Path tmp;

  private static List<Row> dimClient(StagedFixture f, ReferenceData ref) {
    SparkSession spark = SharedSpark.session();
    return DimClient.transform(
            IntEpisode.transform(f.episodes(spark)),
            RefDatasets.ageBands(spark, ref),
            RefDatasets.diagnosisCategories(spark, ref))
        .orderBy("client_id")
        .collectAsList();
  }

  private static Row client(List<Row> rows, String id) {
    return rows.stream().filter(r -> r.getAs("client_id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theFirstEpisodeDecides() {
    StagedFixture f =
        new StagedFixture()
            // c1, born 1999-03-15. First episode in Tartu on 2024-03-15, the 25th birthday: 25.
            .episode("c1", "0793", "2024-03-15", 1999, 3, 25, "A", "F20.0", "SYGAV")
            // Later in Haapsalu (a lower KOV code), 2025-03-14, the day before the 26th: 25.
            .episode("c1", "0184", "2025-03-14", 1999, 3, 25, "C", "F33.1", "PYSIV")
            // c2, born 2000-01-20, starts 2025-01-19, the day before the 25th birthday: 24.
            .episode("c2", "0793", "2025-01-19", 2000, 1, 24, "B", "F33.1", "RASKE")
            // c3, born 1959-05-01, starts 2024-05-01, the 65th birthday: 65.
            .episode("c3", "0171", "2024-05-01", 1959, 5, 65, "C", "G40.1", "PYSIV")
            // c4, born 1985-07-01: two episodes start on 2024-02-01, aged 38 (birthday in July);
            // the lower KOV code (0184 before 0441) is the first.
            .episode("c4", "0441", "2024-02-01", 1985, 7, 38, "A", "F20.0", "SYGAV")
            .episode("c4", "0184", "2024-02-01", 1985, 7, 38, "B", "F60.3", "RASKE")
            // c5, born 2008-06-10, starts 2024-06-09, the day before the 16th birthday: 15.
            .episode("c5", "0793", "2024-06-09", 2008, 6, 15, "C", "F50.0", "RASKE")
            // c6, born 1960-04-01, started 2016-06-01 (before the reference data's 2017-01-01): 56.
            .episode("c6", "0793", "2016-06-01", 1960, 4, 56, "B", "F20.0", "RASKE");
    List<Row> rows = dimClient(f, ReferenceData.builtIn());
    assertEquals(6, rows.size());

    Row c1 = client(rows, "c1");
    assertEquals(StagedFixture.d("2024-03-15"), c1.getAs("first_start"));
    assertEquals(2, (int) c1.<Integer>getAs("episodes"));
    assertEquals(2, (int) c1.<Integer>getAs("kovs"));
    assertEquals(25, (int) c1.<Integer>getAs("age_at_entry"));
    // exactly 25: the 25-34 band, not 16-24
    assertEquals("25-34", c1.getAs("age_band"));
    assertEquals("F20.0", c1.getAs("diagnosis"));
    assertEquals("SCHIZOPHRENIA", c1.getAs("diagnosis_group"));
    assertEquals("SYGAV", c1.getAs("severity"));
    assertEquals("A", c1.getAs("entry_route"));
    assertEquals(1999, (int) c1.<Integer>getAs("birth_year"));
    assertEquals(3, (int) c1.<Integer>getAs("birth_month"));

    Row c2 = client(rows, "c2");
    assertEquals(24, (int) c2.<Integer>getAs("age_at_entry"));
    assertEquals("16-24", c2.getAs("age_band"));
    assertEquals("MOOD", c2.getAs("diagnosis_group"));

    Row c3 = client(rows, "c3");
    assertEquals("65+", c3.getAs("age_band"));
    assertEquals("G40.1", c3.getAs("diagnosis"));
    assertEquals("NON_F", c3.getAs("diagnosis_group"));

    Row c4 = client(rows, "c4");
    assertEquals(2, (int) c4.<Integer>getAs("kovs"));
    assertEquals("35-44", c4.getAs("age_band"));
    assertEquals("F60.3", c4.getAs("diagnosis"));
    assertEquals("PERSONALITY", c4.getAs("diagnosis_group"));
    assertEquals("B", c4.getAs("entry_route"));
    assertEquals("RASKE", c4.getAs("severity"));

    Row c5 = client(rows, "c5");
    assertEquals("0-15", c5.getAs("age_band"));
    assertEquals("OTHER_F", c5.getAs("diagnosis_group"));

    // no band or group valid in 2016: both null, the age and the diagnosis kept
    Row c6 = client(rows, "c6");
    assertEquals(56, (int) c6.<Integer>getAs("age_at_entry"));
    assertNull(c6.getAs("age_band"));
    assertEquals("F20.0", c6.getAs("diagnosis"));
    assertNull(c6.getAs("diagnosis_group"));
  }

  @Test
  void theBandAndGroupValidOnTheFirstStartAreChosen() throws Exception {
    // From 2025 the 25-34 band splits in two and F32-F33 get a group of their own.
    Files.writeString(
        tmp.resolve("age_bands.csv"),
        """
        code,age_from,age_to,name_et,name_en,valid_from,valid_to
        25-34,25,34,a,a,2017-01-01,2024-12-31
        25-29,25,29,b,b,2025-01-01,
        30-34,30,34,c,c,2025-01-01,
        """);
    Files.writeString(
        tmp.resolve("diagnosis_groups.csv"),
        """
        code,code_from,code_to,name_et,name_en,valid_from,valid_to
        MOOD,F30,F39,a,a,2017-01-01,
        DEPRESSION,F32,F33,b,b,2025-01-01,
        """);
    StagedFixture f =
        new StagedFixture()
            .episode("v1", "0793", "2024-12-31", 1999, 6, 25, "B", "F33.1", "RASKE")
            // v1's second episode starts under the new lists: it does not decide
            .episode("v1", "0184", "2025-01-01", 1999, 6, 25, "B", "F33.1", "RASKE")
            .episode("v2", "0793", "2025-01-01", 1999, 6, 25, "B", "F33.1", "RASKE");
    List<Row> rows = dimClient(f, ReferenceData.withOverrides(tmp));
    assertEquals("25-34", client(rows, "v1").getAs("age_band"));
    assertEquals("MOOD", client(rows, "v1").getAs("diagnosis_group"));
    assertEquals("25-29", client(rows, "v2").getAs("age_band"));
    assertEquals("DEPRESSION", client(rows, "v2").getAs("diagnosis_group"));
  }
}

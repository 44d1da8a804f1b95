package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput on a large valid submission (run with {@code -Diste.bench=true}; off by default to
 * keep the suite fast).
 */
@EnabledIfSystemProperty(named = "iste.bench", matches = "true")
class IngestThroughputTest {
  private static final int CLIENTS = 3000;

  @TempDir Path tmp;

  @Test
  void measure() throws Exception {
    TestSubmission t = TestSubmission.base();
    t.sheets.get("klient").subList(1, 3).clear();
    for (String s : List.of("hindamine", "plaan", "osalemine", "elukvaliteet")) {
      t.sheets.get(s).subList(1, t.sheets.get(s).size()).clear();
    }
    String[] domains = {
      "VAIMNE_TERVIS",
      "FYYSILINE_TERVIS",
      "IGAPAEV",
      "ELUKOHT",
      "HOIVATUS",
      "SUHTED",
      "VABA_AEG",
      "ASJAAJAMINE"
    };
    for (int i = 0; i < CLIENTS; i++) {
      String code =
          PersonalCode.build(
              LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28),
              i % 2 == 0 ? PersonalCode.Sex.M : PersonalCode.Sex.N,
              i / 480);
      t.add("klient", code + ",2023-0" + (1 + i % 9) + "-10,B,F20.0,RASKE,JAH,10000001,,");
      for (String d : domains) {
        t.add("hindamine", code + ",2023-10-12,ESMANE," + d + "," + (i % 5));
      }
      t.add("plaan", code + ",TEGEVUSPLAAN,2023-11-20,2024-05-02,3,1");
      for (String m : List.of("2024-04", "2024-05", "2024-06")) {
        t.add("osalemine", code + "," + m + ",BT,OSALEJA,10000001,4.5");
        t.add("osalemine", code + "," + m + ",SUHTED,GRUPP,10000002,2");
      }
      t.add("elukvaliteet", code + ",2024-05-10,ISTE-EQ8,7,6,8,5,,9,7,6");
    }
    int rows = 1 + CLIENTS * (1 + 8 + 1 + 6 + 1);
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path csv = t.writeCsv(in, "ISTE_0793_2024Q2");
    Path xlsx = t.writeXlsx(tmp.resolve("x"), "ISTE_0793_2024Q2", true);

    long t0 = System.nanoTime();
    ValidatedSubmission vc = TestSubmission.validate(csv);
    long t1 = System.nanoTime();
    ValidatedSubmission vx = TestSubmission.validate(xlsx);
    long t2 = System.nanoTime();
    assertEquals(rows, vc.rowsAccepted(), () -> vc.rejects().subList(0, 3).toString());
    assertEquals(rows, vx.rowsAccepted());
    new IngestJob()
        .run(
            SharedSpark.session(),
            new IngestRequest(
                in,
                new WarehouseLayout(tmp.resolve("wh").toString()),
                List.of(),
                IngestJobTest.KEY,
                ReferenceData.builtIn()));
    long t3 = System.nanoTime();
    System.out.printf(
        "THROUGHPUT rows=%d csv-validate=%.0f rows/s xlsx-validate=%.0f rows/s job(csv, with"
            + " Spark writes)=%.0f rows/s (%.1f s)%n",
        rows,
        rows / ((t1 - t0) / 1e9),
        rows / ((t2 - t1) / 1e9),
        rows / ((t3 - t2) / 1e9),
        (t3 - t2) / 1e9);
  }
}

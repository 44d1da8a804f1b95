package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.warehouse.DuckDbCatalogue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iste report} takes the reference data the run published with ({@code --ref}), not the
 * reference data shipped with the build: a municipality that only the run's {@code
 * municipalities.csv} lists gets its report, named and placed in its county.
 */
class ReportFromPublishedReferenceTest {
  @TempDir Path dir;

  @Test
  void aKovOfTheRunsReferenceDataGetsItsReport() throws Exception {
    Path ref = Files.createDirectories(dir.resolve("ref"));
    String shipped;
    try (InputStream in = ReferenceData.class.getResourceAsStream("/ref/municipalities.csv")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        ref.resolve("municipalities.csv"),
        shipped.stripTrailing() + "\n9999,Proovivald,0050,2019-01-01,\n",
        StandardCharsets.UTF_8);
    Path version = Files.createDirectories(dir.resolve("wh/v1"));
    DuckDbCatalogue.build(version, ReferenceData.withOverrides(ref));

    Path out = dir.resolve("out");
    int rc =
        Main.run(
            "report",
            "--db",
            version.resolve(WarehouseLayout.DATABASE_FILE).toString(),
            "--quarter",
            "2024Q2",
            "--kov",
            "9999",
            "--format",
            "html",
            "--out",
            out.toString());
    assertEquals(ExitCode.OK, rc);
    String html = Files.readString(out.resolve("2024Q2/kov/ISTE_9999_2024Q2_et.html"));
    assertTrue(html.contains("Proovivald"), html);
    assertTrue(html.contains("Jõgeva maakond"), html);
    assertFalse(
        ReferenceData.builtIn()
            .municipality("9999", java.time.LocalDate.of(2024, 6, 30))
            .isPresent());
  }
}

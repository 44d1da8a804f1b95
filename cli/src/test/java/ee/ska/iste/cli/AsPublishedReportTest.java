package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iste report --version V} renders a past version's report exactly as it was, after a later
 * version changed the figure.
 */
class AsPublishedReportTest {
  @TempDir Path dir;

  @Test
  void aPastVersionRendersAsItWasPublished() throws Exception {
    Warehouse w = Warehouse.at(dir.resolve("warehouse")).withReferenceData(ReferenceData.builtIn());
    Version v1 = publish(w, 12);
    String first = render(v1.id(), "first");
    assertTrue(first.contains("Tartu linn"), first);
    assertTrue(activeLine(first).contains("12"), activeLine(first));

    // A correction arrives: version 2 says 15 active cases.
    Version v2 = publish(w, 15);
    assertNotEquals(v1.id(), v2.id());
    String latest = render(v2.id(), "latest");
    assertTrue(activeLine(latest).contains("15"), activeLine(latest));

    // The past version's report, rendered again now, is the report as it was.
    assertEquals(first, render(v1.id(), "again"));

    // A version that was never published is a usage error, not a stack trace.
    assertEquals(ExitCode.USAGE, report("--warehouse-version", "v000009", dir.resolve("none")));
  }

  /** The table row of active cases (page 1's headline names the figure on a line of its own). */
  private static String activeLine(String text) {
    return text.lines()
        .filter(l -> l.toLowerCase().contains("aktiivsed juhtumid") && l.matches(".*\\d.*"))
        .findFirst()
        .orElse("(none)");
  }

  private String render(String version, String outName) throws IOException, InterruptedException {
    Path out = dir.resolve(outName);
    assertEquals(0, report("--version", version, out));
    Path pdf;
    try (Stream<Path> files = Files.walk(out)) {
      pdf = files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    }
    Process p =
        new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor());
    return text;
  }

  /** {@code iste report} of Tartu linn for 2024Q2 from {@code version} of the warehouse. */
  private int report(String versionOption, String version, Path out) {
    return Main.run(
        "report",
        "--warehouse",
        dir.resolve("warehouse").toString(),
        versionOption,
        version,
        "--quarter",
        "2024Q2",
        "--kov",
        "0793",
        "--out",
        out.toString());
  }

  /** Publishes a version whose Tartu linn ACTIVE for 2024Q2 is {@code active}. */
  private static Version publish(Warehouse w, int active) throws IOException, SQLException {
    return CliFixtures.publish(
        w,
        w.root().resolveSibling("work"),
        CliFixtures.started("2024Q2", "2024-08-01T00:00:00Z"),
        Map.of(
            "mart/mart_outcomes/quarter=2024Q2",
            "SELECT * FROM (VALUES"
                + " ('KOV', '0793', 'ACTIVE', "
                + active
                + ".0, "
                + active
                + ".0, NULL, NULL, NULL, NULL, false), ('RIIK', 'EE', 'ACTIVE', 700.0, 700.0, NULL,"
                + " NULL, NULL, NULL, false)) AS t("
                + CliFixtures.OUTCOME_COLUMNS
                + ")",
            "dim/dim_municipality",
            "SELECT '0793' AS kov_code, 'Tartu linn' AS kov_name, '0079' AS county_code,"
                + " 'Tartu maakond' AS county_name, 'A2023-0793' AS allocation_id, 41 AS places"));
  }
}

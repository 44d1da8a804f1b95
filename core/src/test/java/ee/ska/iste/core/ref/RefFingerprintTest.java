package ee.ska.iste.core.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference change is noticed in the quarters it touches, and only there. */
class RefFingerprintTest {
  private static final Quarter Q1 = Quarter.parse("2024Q1");
  private static final Quarter Q2 = Quarter.parse("2024Q2");

  @TempDir Path dir;

  private ReferenceData withThresholdRow(String name, String row) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    String shipped =
        new String(
            ReferenceData.class.getResourceAsStream("/ref/thresholds.csv").readAllBytes(),
            StandardCharsets.UTF_8);
    Files.writeString(d.resolve("thresholds.csv"), shipped + row + "\n");
    return ReferenceData.withOverrides(d);
  }

  @Test
  void theSameDataGivesTheSameFingerprintAndAnOverrideOfTheSameBytesToo() throws Exception {
    ReferenceData builtIn = ReferenceData.builtIn();
    assertEquals(RefFingerprint.of(builtIn), RefFingerprint.of(ReferenceData.builtIn()));
    Path d = Files.createDirectories(dir.resolve("same"));
    Files.write(
        d.resolve("thresholds.csv"),
        ReferenceData.class.getResourceAsStream("/ref/thresholds.csv").readAllBytes());
    assertEquals(RefFingerprint.of(builtIn), RefFingerprint.of(ReferenceData.withOverrides(d)));
    assertTrue(builtIn.tableNames().contains("thresholds"));
    assertTrue(builtIn.tableNames().contains("municipalities"));
  }

  @Test
  void aRowValidFromAprilTouchesTheSecondQuarterOnly() throws Exception {
    ReferenceData builtIn = ReferenceData.builtIn();
    ReferenceData april = withThresholdRow("april", "TEST_ONLY,1,2024-04-01,,test");
    assertNotEquals(RefFingerprint.of(builtIn), RefFingerprint.of(april));
    assertEquals(RefFingerprint.ofQuarter(builtIn, Q1), RefFingerprint.ofQuarter(april, Q1));
    assertNotEquals(RefFingerprint.ofQuarter(builtIn, Q2), RefFingerprint.ofQuarter(april, Q2));
    // a row that ended on 2024-03-31 touches 2024Q1, not 2024Q2
    ReferenceData march = withThresholdRow("march", "TEST_ONLY,1,2019-01-01,2024-03-31,test");
    assertNotEquals(RefFingerprint.ofQuarter(builtIn, Q1), RefFingerprint.ofQuarter(march, Q1));
    assertEquals(RefFingerprint.ofQuarter(builtIn, Q2), RefFingerprint.ofQuarter(march, Q2));
  }
}

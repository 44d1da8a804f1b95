package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ee.ska.iste.core.time.Quarter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetadataJsonTest {
  private static final String SHA = "a".repeat(64);

  @Test
  void writesAndReadsBackEveryField() {
    RunMetadata m =
        new RunMetadata(
            "0.1.0 \"git abc\"",
            List.of(Quarter.parse("2024Q1"), Quarter.parse("2024Q2")),
            List.of(
                new RunMetadata.InputFile("ISTE_0793_2024Q2.xlsx", SHA, 1234),
                new RunMetadata.InputFile("a\\b\tc.csv", SHA, 0)),
            Instant.parse("2026-01-05T08:00:00Z"),
            Instant.parse("2026-01-05T08:03:30Z"));
    String json = RunMetadataJson.write("v000003", m);
    assertEquals(m, RunMetadataJson.read(json));
    assertEquals("v000003", RunMetadataJson.versionId(json));
  }

  @Test
  void anOpenRunHasNoEndTime() {
    RunMetadata m =
        RunMetadata.started("x", List.of(), List.of(), Instant.parse("2026-01-05T08:00:00Z"));
    assertEquals(m, RunMetadataJson.read(RunMetadataJson.write("v000001", m)));
  }

  @Test
  void refusesBadValuesAtTheBoundary() {
    Instant t = Instant.parse("2026-01-05T08:00:00Z");
    assertThrows(
        IllegalArgumentException.class,
        () -> new RunMetadata("x", List.of(), List.of(), t, t.minusSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new RunMetadata.InputFile("f", "ABC", 1));
    assertThrows(
        IllegalArgumentException.class, () -> RunMetadataJson.read("{\"version\": \"v000001\""));
  }
}

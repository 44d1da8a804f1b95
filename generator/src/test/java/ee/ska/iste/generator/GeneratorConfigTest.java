package ee.ska.iste.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {
  private static final Path OUT = Path.of("out");
  private static final List<Quarter> QS = Quarter.parseRange("2023Q1..2023Q2");

  @Test
  void rejectsBadValuesNamingThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GeneratorConfig(OUT, QS, 1, 0, SubmissionFormat.CSV, 0));
    assertTrue(e.getMessage().contains("scale"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GeneratorConfig(OUT, QS, 1, 1, SubmissionFormat.CSV, 1.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GeneratorConfig(OUT, QS, 1, Double.NaN, SubmissionFormat.CSV, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GeneratorConfig(OUT, List.of(), 1, 1, SubmissionFormat.CSV, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new GeneratorConfig(
                OUT,
                List.of(Quarter.parse("2023Q2"), Quarter.parse("2023Q1")),
                1,
                1,
                SubmissionFormat.CSV,
                0));
  }

  @Test
  void submissionNamesFollowTheContract() {
    assertEquals(
        "ISTE_0793_2024Q2.xlsx",
        SubmissionGenerator.submissionName("0793", Quarter.parse("2024Q2"), SubmissionFormat.XLSX));
    assertEquals(
        "ISTE_0793_2024Q2",
        SubmissionGenerator.submissionName("0793", Quarter.parse("2024Q2"), SubmissionFormat.CSV));
  }

  @Test
  void jointAllocationIsSplitBetweenItsKovsAndScaled() {
    List<ReferenceData.Allocation> all =
        ReferenceData.builtIn().allocations(LocalDate.of(2023, 1, 1));
    Map<String, Integer> one = SubmissionGenerator.capacities(all, 1.0);
    // 24 places shared by Haapsalu (0184) and Lääne-Nigula (0441): 24 / 2 = 12 each
    assertEquals(12, one.get("0184"));
    assertEquals(12, one.get("0441"));
    assertEquals(780, one.values().stream().mapToInt(Integer::intValue).sum());
    Map<String, Integer> tenth = SubmissionGenerator.capacities(all, 0.1);
    // 12 x 0.1 = 1.2 -> 1; Tallinn 130 x 0.1 = 13; Jõhvi 5 x 0.1 = 0.5 -> rounds to 1 (and never
    // below 1)
    assertEquals(1, tenth.get("0184"));
    assertEquals(13, tenth.get("0784"));
    assertEquals(1, tenth.get("0251"));
  }
}

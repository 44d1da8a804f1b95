package ee.ska.iste.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defects counted in the summary are the defects found in the files. */
class DefectsTest {
  @TempDir static Path dir;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    GeneratorConfig cfg =
        new GeneratorConfig(
            dir, Quarter.parseRange("2024Q1..2024Q2"), 11, 0.3, SubmissionFormat.CSV, 0.05);
    summary = new SubmissionGenerator().generate(cfg);
  }

  @Test
  void negativeAndTooManyHoursAreCountedAsInjected() throws IOException {
    long negative = 0;
    long aboveMax = 0;
    long zero = 0;
    for (Path s : Submissions.folders(dir)) {
      for (Map<String, String> r : Submissions.rows(s, "osalemine")) {
        String h = r.get("tunnid");
        if (h == null || !h.matches("-?\\d+(\\.\\d+)?")) {
          continue;
        }
        BigDecimal hours = new BigDecimal(h);
        negative += hours.signum() < 0 ? 1 : 0;
        zero += hours.signum() == 0 ? 1 : 0;
        aboveMax += hours.compareTo(BigDecimal.valueOf(744)) > 0 ? 1 : 0;
      }
    }
    assertEquals(count(DefectKind.HOURS_NEGATIVE), negative);
    assertEquals(count(DefectKind.HOURS_ZERO), zero);
    assertEquals(count(DefectKind.HOURS_ABOVE_MAX), aboveMax);
    assertTrue(negative > 0 && aboveMax > 0 && zero > 0);
  }

  @Test
  void invalidPersonalCodesAndUnknownInstrumentsAreCountedAsInjected() throws IOException {
    long invalid = 0;
    long unknownInstrument = 0;
    for (Path s : Submissions.folders(dir)) {
      for (String sheet : List.of("klient", "hindamine", "plaan", "osalemine", "elukvaliteet")) {
        for (Map<String, String> r : Submissions.rows(s, sheet)) {
          invalid += PersonalCode.isValid(r.get("isikukood")) ? 0 : 1;
          if (sheet.equals("elukvaliteet") && !Objects.equals("ISTE-EQ8", r.get("instrument"))) {
            unknownInstrument++;
          }
        }
      }
    }
    assertEquals(count(DefectKind.INVALID_PERSONAL_CODE), invalid);
    assertEquals(count(DefectKind.UNKNOWN_INSTRUMENT), unknownInstrument);
    assertTrue(invalid > 0);
  }

  @Test
  void aboutTheRateOfRowsIsBroken() {
    long rows = summary.rowsPerSheet().values().stream().mapToLong(Long::longValue).sum();
    // a duplicate adds a row: rows written = clean rows + duplicates; the rate applies per clean
    // row
    long clean = rows - count(DefectKind.DUPLICATE_ROW);
    double share = summary.totalDefects() / (double) clean;
    assertTrue(share > 0.04 && share < 0.06, "defect share " + share);
    // the 0.05 rate spreads over the kinds that fit each sheet; the big sheets see most of them
    assertTrue(summary.defects().size() >= 20, summary.defects().toString());
  }

  private static long count(DefectKind kind) {
    return summary.defects().getOrDefault(kind, 0L);
  }
}

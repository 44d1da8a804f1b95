package ee.ska.iste.dags.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ee.ska.iste.core.time.Quarter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarterRunTest {
  @Test
  void firstAttemptStartsAtTheQuarter() {
    QuarterRun run = new QuarterRun(Quarter.parse("2024Q2"), 1);
    assertEquals("iste_2024Q2_manual__1", run.runId());
    assertEquals(OffsetDateTime.of(2024, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC), run.logicalDate());
    assertEquals(Map.of("quarter", "2024Q2"), run.conf());
  }

  @Test
  void laterAttemptsGetTheirOwnIdAndLogicalDate() {
    QuarterRun run = new QuarterRun(Quarter.parse("2023Q4"), 3);
    assertEquals("iste_2023Q4_manual__3", run.runId());
    assertEquals(OffsetDateTime.of(2023, 10, 1, 2, 0, 0, 0, ZoneOffset.UTC), run.logicalDate());
  }

  @Test
  void attemptMustBePositive() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new QuarterRun(Quarter.parse("2024Q2"), 0));
    assertEquals("attempt must be 1..999: 0", e.getMessage());
  }
}

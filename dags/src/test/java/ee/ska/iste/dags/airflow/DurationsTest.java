package ee.ska.iste.dags.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsUnitsAndSums() {
    assertEquals(Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofDays(1), Durations.parse(" 1d "));
  }

  @Test
  void rejectsOtherTextNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("2 hours"));
    assertEquals("not a duration (e.g. 90s, 30m, 2h): '2 hours'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("h2"));
  }
}

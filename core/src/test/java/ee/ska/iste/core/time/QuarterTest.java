package ee.ska.iste.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterTest {
  @Test
  void boundsAndDays() {
    Quarter q = Quarter.parse("2024Q1");
    assertEquals(LocalDate.of(2024, 1, 1), q.firstDay());
    assertEquals(LocalDate.of(2024, 3, 31), q.lastDay());
    assertEquals(31 + 29 + 31, q.days()); // leap year
    assertEquals(30 + 31 + 30, Quarter.parse("2023Q2").days());
    assertEquals(List.of("2023-10", "2023-11", "2023-12"), Quarter.parse("2023Q4").months());
  }

  @Test
  void rangesAndNeighbours() {
    assertEquals(8, Quarter.parseRange("2023Q1..2024Q4").size());
    assertEquals(Quarter.parse("2024Q1"), Quarter.parse("2023Q4").next());
    assertEquals(Quarter.parse("2023Q4"), Quarter.of(LocalDate.of(2023, 12, 31)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Quarter.parse("2024Q5"));
    assertEquals("not a quarter (YYYYQn): '2024Q5'", e.getMessage());
  }
}

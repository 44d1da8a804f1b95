package ee.ska.iste.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuarterOrDateTest {
  @Test
  void readsAQuarter() {
    assertEquals(new Quarter(2024, 2), QuarterOrDate.parse("2024Q2"));
    assertEquals(new Quarter(2024, 2), QuarterOrDate.parse(" 2024q2 "));
  }

  @Test
  void readsTheQuarterOfADate() {
    // The quarterly DAG's interval starts on the 15th of a quarter's second month.
    assertEquals(new Quarter(2024, 1), QuarterOrDate.parse("2024-02-15"));
    assertEquals(new Quarter(2023, 4), QuarterOrDate.parse("2023-11-15"));
    assertEquals(new Quarter(2024, 2), QuarterOrDate.parse("2024-04-01"));
    assertEquals(new Quarter(2024, 3), QuarterOrDate.parse("2024-09-30"));
  }

  @Test
  void readsTheQuarterOfADateTimeAtItsOwnOffset() {
    assertEquals(new Quarter(2024, 3), QuarterOrDate.parse("2024-08-15T06:00:00+00:00"));
    assertEquals(new Quarter(2024, 1), QuarterOrDate.parse("2024-03-31T23:30:00+03:00"));
  }

  @Test
  void rejectsOtherTextNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> QuarterOrDate.parse("2024-13-01"));
    assertEquals(
        "not a quarter (YYYYQn) nor an ISO date (YYYY-MM-DD): '2024-13-01'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QuarterOrDate.parse("2024Q5"));
    assertThrows(IllegalArgumentException.class, () -> QuarterOrDate.parse(null));
  }
}

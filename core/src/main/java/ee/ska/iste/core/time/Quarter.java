package ee.ska.iste.core.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code YYYYQn} (for example {@code 2024Q2}), from its first to its
 * last day inclusive.
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})Q([1-4])");

  public Quarter {
    if (year < 1900 || year > 2999) {
      throw new IllegalArgumentException("quarter year out of range: " + year);
    }
    if (number < 1 || number > 4) {
      throw new IllegalArgumentException("quarter number must be 1..4: " + number);
    }
  }

  /** Parses {@code YYYYQn}; the message names the value when it is not one. */
  public static Quarter parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a quarter (YYYYQn): '" + text + "'");
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The quarter a date falls in. */
  public static Quarter of(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  /** Parses a range {@code 2023Q1..2024Q4} (both ends inclusive) or a single quarter. */
  public static List<Quarter> parseRange(String text) {
    String t = text.trim();
    int dots = t.indexOf("..");
    if (dots < 0) {
      return List.of(parse(t));
    }
    return range(parse(t.substring(0, dots)), parse(t.substring(dots + 2)));
  }

  /** Every quarter from {@code first} to {@code last}, both inclusive. */
  public static List<Quarter> range(Quarter first, Quarter last) {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("quarter range runs backwards: " + first + ".." + last);
    }
    List<Quarter> out = new ArrayList<>();
    for (Quarter q = first; q.compareTo(last) <= 0; q = q.next()) {
      out.add(q);
    }
    return out;
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(firstDay(), lastDay()) + 1;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
  }

  public Quarter next() {
    return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
  }

  public Quarter previous() {
    return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
  }

  /** The three months of the quarter as {@code YYYY-MM}. */
  public List<String> months() {
    List<String> out = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      LocalDate d = firstDay().plusMonths(i);
      out.add(String.format(java.util.Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue()));
    }
    return out;
  }

  @Override
  public int compareTo(Quarter o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
  }

  @Override
  public String toString() {
    return year + "Q" + number;
  }
}

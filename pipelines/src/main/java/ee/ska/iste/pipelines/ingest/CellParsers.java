package ee.ska.iste.pipelines.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Turns cell text into typed values the way a person filling the form would expect: ISO dates
 * and the Estonian {@code 15.04.2024} typed as text, whole numbers written {@code 3} or {@code
 * 3.0}, a decimal point (a comma only where the caller allows it). Each returns null when the text
 * cannot be read.
 */
final class CellParsers {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ESTONIAN =
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+([.]\\d*)?|[.]\\d+)");

  private CellParsers() {}

  static LocalDate date(String text) {
    for (DateTimeFormatter f : new DateTimeFormatter[] {ISO, ESTONIAN}) {
      try {
        return LocalDate.parse(text, f);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  /** {@code YYYY-MM}; an ISO date (Excel turns a typed month into a date cell) gives its month. */
  static YearMonth month(String text) {
    if (MONTH.matcher(text).matches()) {
      try {
        return YearMonth.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    LocalDate d = date(text);
    return d == null ? null : YearMonth.from(d);
  }

  static BigDecimal decimal(String text, boolean commaAllowed) {
    String t = commaAllowed ? text.replace(',', '.') : text;
    if (!PLAIN_NUMBER.matcher(t).matches()) {
      return null;
    }
    return new BigDecimal(t);
  }

  static BigDecimal hours(String text, boolean commaAllowed) {
    BigDecimal d = decimal(text, commaAllowed);
    return d == null ? null : d.setScale(2, RoundingMode.HALF_UP);
  }

  static Integer integer(String text) {
    BigDecimal d = decimal(text, false);
    if (d == null) {
      return null;
    }
    try {
      return d.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}

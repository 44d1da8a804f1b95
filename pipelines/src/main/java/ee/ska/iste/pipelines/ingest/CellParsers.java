package ee.ska.iste.pipelines.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Turns cell text into typed values the way a person filling the form would expect: ISO dates and
 * the Estonian {@code 15.04.2024} typed as text, whole numbers written {@code 3} or {@code 3.0}, a
 * decimal point (a comma only where the caller allows it). Each returns null when the text cannot
 * be read.
 */
final class CellParsers {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ESTONIAN =
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

  private CellParsers() {}

  static LocalDate date(String text) {
    if (isIsoShape(text)) {
      // What the ISO formatter gives for exactly YYYY-MM-DD, without its cost; the Estonian form
      // cannot read text of this shape.
      try {
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      } catch (DateTimeException e) {
        return null;
      }
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {ISO, ESTONIAN}) {
      try {
        return LocalDate.parse(text, f);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  private static boolean isIsoShape(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (t.charAt(i) - '0');
    }
    return v;
  }

  /** {@code YYYY-MM}; an ISO date (Excel turns a typed month into a date cell) gives its month. */
  static YearMonth month(String text) {
    if (text.length() == 7
        && text.charAt(4) == '-'
        && isDigits(text.substring(0, 4))
        && isDigits(text.substring(5))) {
      try {
        return YearMonth.of(digits(text, 0, 4), digits(text, 5, 7));
      } catch (DateTimeException e) {
        return null;
      }
    }
    LocalDate d = date(text);
    return d == null ? null : YearMonth.from(d);
  }

  static BigDecimal decimal(String text, boolean commaAllowed) {
    String t = commaAllowed ? text.replace(',', '.') : text;
    if (!isPlainNumber(t)) {
      return null;
    }
    return new BigDecimal(t);
  }

  /** {@code [+-]?(\d+([.]\d*)?|[.]\d+)}, ASCII digits. */
  private static boolean isPlainNumber(String t) {
    int i = 0;
    int n = t.length();
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
      intDigits++;
    }
    int fractionDigits = 0;
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        fractionDigits++;
      }
    }
    return i == n && (intDigits > 0 || fractionDigits > 0);
  }

  private static boolean isDigits(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (!isDigit(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static BigDecimal hours(String text, boolean commaAllowed) {
    BigDecimal d = decimal(text, commaAllowed);
    return d == null ? null : d.setScale(2, RoundingMode.HALF_UP);
  }

  static Integer integer(String text) {
    if (!text.isEmpty() && text.length() <= 9 && isDigits(text)) {
      return Integer.parseInt(text); // the common case, as the general one would read it
    }
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

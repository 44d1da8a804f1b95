package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parsers read every text as the general rules (formatters and patterns) read it: the fast
 * paths for the common shapes change no answer.
 */
class CellParsersTest {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ESTONIAN =
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+([.]\\d*)?|[.]\\d+)");

  private static final List<String> TEXTS = texts();

  private static List<String> texts() {
    List<String> t =
        new ArrayList<>(
            List.of(
                "",
                "2024-04-15",
                "2024-02-29",
                "2023-02-29",
                "2024-02-30",
                "2024-13-01",
                "2024-00-10",
                "2024-04-00",
                "0000-01-01",
                "9999-12-31",
                "15.04.2024",
                "5.4.2024",
                "31.04.2024",
                "2024-4-15",
                "2024/04/15",
                "20240415",
                "2024-04-15 ",
                "+2024-04-15",
                "2024-05",
                "2024-13",
                "2024-00",
                "1999-12",
                "2024-5",
                "2024-05-01",
                "202405",
                "3",
                "3.0",
                "3.5",
                "-3",
                "+3",
                "007",
                "-0",
                "0",
                ".5",
                "5.",
                ".",
                "+",
                "-",
                "1e3",
                "12,5",
                "1,005",
                "999999999",
                "1000000000",
                "2147483647",
                "2147483648",
                "-2147483648",
                "99999999999",
                "1.2.3",
                "٣",
                "１２",
                "4.50",
                "-.25",
                "744",
                "744.001",
                " 3",
                "abc"));
    for (int i = 0; i < 200; i++) {
      t.add(String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", 1990 + i % 40, i % 14, i % 33));
      t.add(String.format(java.util.Locale.ROOT, "%04d-%02d", 1990 + i % 40, i % 14));
    }
    return t;
  }

  @Test
  void datesAsTheFormattersReadThem() {
    for (String s : TEXTS) {
      assertEquals(oldDate(s), CellParsers.date(s), s);
    }
  }

  @Test
  void monthsAsTheFormatterReadsThem() {
    for (String s : TEXTS) {
      assertEquals(oldMonth(s), CellParsers.month(s), s);
    }
  }

  @Test
  void numbersAsThePatternReadsThem() {
    for (String s : TEXTS) {
      assertEquals(oldDecimal(s, false), CellParsers.decimal(s, false), s);
      assertEquals(oldDecimal(s, true), CellParsers.decimal(s, true), s);
      assertEquals(oldInteger(s), CellParsers.integer(s), s);
    }
  }

  private static LocalDate oldDate(String text) {
    for (DateTimeFormatter f : new DateTimeFormatter[] {ISO, ESTONIAN}) {
      try {
        return LocalDate.parse(text, f);
      } catch (DateTimeParseException e) {
        // the next form
      }
    }
    return null;
  }

  private static YearMonth oldMonth(String text) {
    if (MONTH.matcher(text).matches()) {
      try {
        return YearMonth.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    LocalDate d = oldDate(text);
    return d == null ? null : YearMonth.from(d);
  }

  private static BigDecimal oldDecimal(String text, boolean commaAllowed) {
    String t = commaAllowed ? text.replace(',', '.') : text;
    return PLAIN_NUMBER.matcher(t).matches() ? new BigDecimal(t) : null;
  }

  private static Integer oldInteger(String text) {
    BigDecimal d = oldDecimal(text, false);
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

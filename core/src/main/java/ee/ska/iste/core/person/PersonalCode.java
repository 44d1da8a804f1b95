package ee.ska.iste.core.person;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Rules of the Estonian personal identification code (isikukood), {@code G YYMMDD SSS C}.
 *
 * <p>The code is special-category personal data: nothing here ever puts a code into an exception
 * message or a {@code toString}. Callers get a verdict and the derived facts, never the code back.
 */
public final class PersonalCode {
  private static final int[] WEIGHTS_1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
  private static final int[] WEIGHTS_2 = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};

  private PersonalCode() {}

  /** The facts a code carries that the warehouse keeps. */
  public record Facts(LocalDate birthDate, Sex sex) {}

  /** Sex as the first digit encodes it: odd male, even female. */
  public enum Sex {
    M,
    N
  }

  /** The code with surrounding white space removed; null stays null. */
  public static String normalise(String raw) {
    return raw == null ? null : raw.strip();
  }

  /** True when the text is 11 digits with a correct check digit and a real birth date. */
  public static boolean isValid(String code) {
    return facts(code) != null;
  }

  /** The birth date and sex of a valid code, or null when the code is not valid. */
  public static Facts facts(String code) {
    if (code == null || code.length() != 11) {
      return null;
    }
    for (int i = 0; i < 11; i++) {
      if (!Character.isDigit(code.charAt(i))) {
        return null;
      }
    }
    if (checkDigit(code.substring(0, 10)) != code.charAt(10) - '0') {
      return null;
    }
    int g = code.charAt(0) - '0';
    int century;
    switch (g) {
      case 1, 2 -> century = 1800;
      case 3, 4 -> century = 1900;
      case 5, 6 -> century = 2000;
      default -> {
        return null;
      }
    }
    int yy = Integer.parseInt(code.substring(1, 3));
    int mm = Integer.parseInt(code.substring(3, 5));
    int dd = Integer.parseInt(code.substring(5, 7));
    try {
      LocalDate birth = LocalDate.of(century + yy, mm, dd);
      return new Facts(birth, g % 2 == 1 ? Sex.M : Sex.N);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The check digit for the first ten digits of a code. */
  public static int checkDigit(String firstTen) {
    int r = weightedSum(firstTen, WEIGHTS_1) % 11;
    if (r == 10) {
      r = weightedSum(firstTen, WEIGHTS_2) % 11;
      if (r == 10) {
        r = 0;
      }
    }
    return r;
  }

  /** Builds a valid code for a birth date, sex and serial (0..999); used by the generator. */
  public static String build(LocalDate birth, Sex sex, int serial) {
    int centuryIndex = (birth.getYear() - 1800) / 100;
    if (centuryIndex < 0 || centuryIndex > 2) {
      throw new IllegalArgumentException("birth year outside 1800..2099: " + birth.getYear());
    }
    int g = 1 + centuryIndex * 2 + (sex == Sex.M ? 0 : 1);
    String firstTen =
        String.format(
            java.util.Locale.ROOT,
            "%d%02d%02d%02d%03d",
            g,
            birth.getYear() % 100,
            birth.getMonthValue(),
            birth.getDayOfMonth(),
            serial % 1000);
    return firstTen + checkDigit(firstTen);
  }

  /** A masked form safe for logs and reject tables: digits replaced, length kept. */
  public static String mask(String raw) {
    if (raw == null) {
      return null;
    }
    return raw.replaceAll("\\d", "*");
  }

  private static int weightedSum(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return sum;
  }
}

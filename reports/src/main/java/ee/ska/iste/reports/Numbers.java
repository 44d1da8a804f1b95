package ee.ska.iste.reports;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Numbers as the reports and the dashboard print them: grouped, half-up, no sign on a zero. */
public final class Numbers {
  private Numbers() {}

  /** {@code value} with {@code decimals} decimals in the locale's symbols. */
  public static String fixed(double value, int decimals, DecimalFormatSymbols symbols) {
    DecimalFormat f =
        new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = f.format(value);
    // a value that rounds to zero has no sign, whichever minus the locale writes (et: U+2212)
    return s.matches("[-\u2212]0([.,]0+)?") ? s.substring(1) : s;
  }
}
